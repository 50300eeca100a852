using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Lists.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Plans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "lists_drill_problems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DrillId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RectifyBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RectifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Measures = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lists_drill_problems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "lists_drills",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PlannedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Scenario = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Participants = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Evaluation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lists_drills", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "lists_plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ApprovalDocument = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ApprovedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PlanVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EventKinds = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ReviewCycleMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    LastReviewedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DrillIntervalMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    PublicSummary = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lists_plans", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_lists_drill_problems_DrillId",
                table: "lists_drill_problems",
                column: "DrillId");

            migrationBuilder.CreateIndex(
                name: "IX_lists_drill_problems_OrgUnitId",
                table: "lists_drill_problems",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_lists_drills_OrgUnitId",
                table: "lists_drills",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_lists_drills_PlanId_HeldOn",
                table: "lists_drills",
                columns: new[] { "PlanId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_lists_plans_OrgUnitId_Kind",
                table: "lists_plans",
                columns: new[] { "OrgUnitId", "Kind" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "lists_drill_problems");

            migrationBuilder.DropTable(
                name: "lists_drills");

            migrationBuilder.DropTable(
                name: "lists_plans");
        }
    }
}
