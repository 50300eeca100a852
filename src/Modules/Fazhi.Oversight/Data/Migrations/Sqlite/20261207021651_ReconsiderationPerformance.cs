using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Oversight.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReconsiderationPerformance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "OpinionReplyDays",
                table: "oversight_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 60);

            migrationBuilder.AddColumn<int>(
                name: "PerformanceDays",
                table: "oversight_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 30);

            migrationBuilder.CreateTable(
                name: "oversight_performance_tasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecisionCaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    HandlingUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Respondent = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    UnitBasis = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ResultCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ResultName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueBasis = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PerformedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PerformanceNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ConfirmedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    OrderedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OrderedDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OrderNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    OpinionKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    OpinionNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    OpinionContent = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    OpinionIssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OpinionDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OpinionRepliedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OpinionReply = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Demo = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oversight_performance_tasks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_oversight_performance_tasks_DecidedOn_OrgUnitId",
                table: "oversight_performance_tasks",
                columns: new[] { "DecidedOn", "OrgUnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_oversight_performance_tasks_DecisionCaseId",
                table: "oversight_performance_tasks",
                column: "DecisionCaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_oversight_performance_tasks_OrgUnitId",
                table: "oversight_performance_tasks",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_oversight_performance_tasks_Status_DueOn",
                table: "oversight_performance_tasks",
                columns: new[] { "Status", "DueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "oversight_performance_tasks");

            migrationBuilder.DropColumn(
                name: "OpinionReplyDays",
                table: "oversight_settings");

            migrationBuilder.DropColumn(
                name: "PerformanceDays",
                table: "oversight_settings");
        }
    }
}
