using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Rulemaking.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Cleanup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RepealNote",
                table: "rulemaking_drafts",
                type: "TEXT",
                maxLength: 2400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "RepealedOn",
                table: "rulemaking_drafts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "rulemaking_cleanup_campaigns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ProposalDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rulemaking_cleanup_campaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rulemaking_cleanup_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CampaignId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SourceKind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    SourceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DocumentNo = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ListedReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Proposal = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ProposalReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ProposedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ProposedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rulemaking_cleanup_items", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_rulemaking_cleanup_items_CampaignId_OrgUnitId",
                table: "rulemaking_cleanup_items",
                columns: new[] { "CampaignId", "OrgUnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_rulemaking_cleanup_items_CampaignId_SourceId",
                table: "rulemaking_cleanup_items",
                columns: new[] { "CampaignId", "SourceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rulemaking_cleanup_items_OrgUnitId",
                table: "rulemaking_cleanup_items",
                column: "OrgUnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rulemaking_cleanup_campaigns");

            migrationBuilder.DropTable(
                name: "rulemaking_cleanup_items");

            migrationBuilder.DropColumn(
                name: "RepealNote",
                table: "rulemaking_drafts");

            migrationBuilder.DropColumn(
                name: "RepealedOn",
                table: "rulemaking_drafts");
        }
    }
}
