using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Lists.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DraftVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChangeKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ItemCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ProposedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ProposedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReviewStatus = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReviewNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ReviewedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ReviewedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    MatterCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SubItems = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    LegalBasis = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Responsibilities = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Accountability = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CancelReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lists_power_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "lists_power_delegations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ItemName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TownUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    TownName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DocumentNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DocumentTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DelegatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RevokedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lists_power_delegations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "lists_power_flags",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RevisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Citation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    State = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    StateLabel = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Url = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    CurrentUrl = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    FlaggedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lists_power_flags", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "lists_power_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FromVersion = table.Column<int>(type: "integer", nullable: false),
                    ToVersion = table.Column<int>(type: "integer", nullable: true),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    MatterCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SubItems = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    LegalBasis = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Responsibilities = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Accountability = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CancelReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lists_power_items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "lists_power_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    PublishedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
