using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Rulemaking.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Decisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "rulemaking_decision_catalogues",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rulemaking_decision_catalogues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rulemaking_decision_returns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecisionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ReturnedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ReturnedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rulemaking_decision_returns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rulemaking_decision_steps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecisionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CompletedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rulemaking_decision_steps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rulemaking_decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CatalogueId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Minutes = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    LeaderDecision = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rulemaking_decisions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_rulemaking_decision_catalogues_Year",
                table: "rulemaking_decision_catalogues",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_rulemaking_decision_returns_DecisionId",
                table: "rulemaking_decision_returns",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_rulemaking_decision_returns_OrgUnitId",
                table: "rulemaking_decision_returns",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_rulemaking_decision_steps_DecisionId_Step",
                table: "rulemaking_decision_steps",
                columns: new[] { "DecisionId", "Step" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rulemaking_decision_steps_OrgUnitId",
                table: "rulemaking_decision_steps",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_rulemaking_decisions_CatalogueId",
                table: "rulemaking_decisions",
                column: "CatalogueId");

            migrationBuilder.CreateIndex(
                name: "IX_rulemaking_decisions_OrgUnitId",
                table: "rulemaking_decisions",
                column: "OrgUnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rulemaking_decision_catalogues");

            migrationBuilder.DropTable(
                name: "rulemaking_decision_returns");

            migrationBuilder.DropTable(
                name: "rulemaking_decision_steps");

            migrationBuilder.DropTable(
                name: "rulemaking_decisions");
        }
    }
}
