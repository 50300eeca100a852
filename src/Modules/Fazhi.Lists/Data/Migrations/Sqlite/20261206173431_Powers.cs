using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Lists.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Powers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "lists_power_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DraftVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChangeKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ProposedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ProposedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReviewStatus = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReviewNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ReviewedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    MatterCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubItems = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Responsibilities = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Accountability = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lists_power_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "lists_power_delegations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ItemName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TownUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TownName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DocumentTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DelegatedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RevokedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lists_power_delegations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "lists_power_flags",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RevisionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Citation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StateLabel = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    CurrentUrl = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    FlaggedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lists_power_flags", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "lists_power_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FromVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    ToVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    MatterCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubItems = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Responsibilities = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Accountability = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lists_power_items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "lists_power_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lists_power_versions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_lists_power_changes_DraftVersionId_ReviewStatus",
                table: "lists_power_changes",
                columns: new[] { "DraftVersionId", "ReviewStatus" });

            migrationBuilder.CreateIndex(
                name: "IX_lists_power_changes_OrgUnitId",
                table: "lists_power_changes",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_lists_power_delegations_ItemCode_TownUnitId",
                table: "lists_power_delegations",
                columns: new[] { "ItemCode", "TownUnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_lists_power_flags_ItemCode",
                table: "lists_power_flags",
                column: "ItemCode");

            migrationBuilder.CreateIndex(
                name: "IX_lists_power_flags_RevisionId_Citation",
                table: "lists_power_flags",
                columns: new[] { "RevisionId", "Citation" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_lists_power_items_FromVersion_ToVersion",
                table: "lists_power_items",
                columns: new[] { "FromVersion", "ToVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_lists_power_items_ItemCode_FromVersion",
                table: "lists_power_items",
                columns: new[] { "ItemCode", "FromVersion" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_lists_power_items_MatterCode",
                table: "lists_power_items",
                column: "MatterCode");

            migrationBuilder.CreateIndex(
                name: "IX_lists_power_versions_Number",
                table: "lists_power_versions",
                column: "Number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "lists_power_changes");

            migrationBuilder.DropTable(
                name: "lists_power_delegations");

            migrationBuilder.DropTable(
                name: "lists_power_flags");

            migrationBuilder.DropTable(
                name: "lists_power_items");

            migrationBuilder.DropTable(
                name: "lists_power_versions");
        }
    }
}
