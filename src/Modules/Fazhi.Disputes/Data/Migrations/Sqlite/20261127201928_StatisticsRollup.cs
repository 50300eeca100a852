using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Disputes.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StatisticsRollup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_disputes_cases_AssigneeUserId_Status_DueOn",
                table: "disputes_cases");

            migrationBuilder.DropIndex(
                name: "IX_disputes_cases_OrgUnitId_Status_DueOn",
                table: "disputes_cases");

            migrationBuilder.AddColumn<DateOnly>(
                name: "DueOn",
                table: "disputes_case_stages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "OnTime",
                table: "disputes_case_stages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "disputes_stats_rollup",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseTypeCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Channel = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: true),
                    ResultKind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Rating = table.Column<int>(type: "INTEGER", nullable: true),
                    OnTime = table.Column<bool>(type: "INTEGER", nullable: true),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    DurationDays = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disputes_stats_rollup", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "disputes_stats_state",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    BuiltAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disputes_stats_state", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_disputes_cases_open_assignee_due",
                table: "disputes_cases",
                columns: new[] { "AssigneeUserId", "DueOn", "Id" },
                filter: "\"Status\" IN (1, 2)");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_cases_open_due",
                table: "disputes_cases",
                columns: new[] { "DueOn", "Id" },
                filter: "\"Status\" IN (1, 2)");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_cases_open_unit_due",
                table: "disputes_cases",
                columns: new[] { "OrgUnitId", "DueOn", "Id" },
                filter: "\"Status\" IN (1, 2)");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_case_stages_EndedOn",
                table: "disputes_case_stages",
                column: "EndedOn");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_stats_rollup_Kind_Month",
                table: "disputes_stats_rollup",
                columns: new[] { "Kind", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_disputes_stats_rollup_OrgUnitId",
                table: "disputes_stats_rollup",
                column: "OrgUnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "disputes_stats_rollup");

            migrationBuilder.DropTable(
                name: "disputes_stats_state");

            migrationBuilder.DropIndex(
                name: "IX_disputes_cases_open_assignee_due",
                table: "disputes_cases");

            migrationBuilder.DropIndex(
                name: "IX_disputes_cases_open_due",
                table: "disputes_cases");

            migrationBuilder.DropIndex(
                name: "IX_disputes_cases_open_unit_due",
                table: "disputes_cases");

            migrationBuilder.DropIndex(
                name: "IX_disputes_case_stages_EndedOn",
                table: "disputes_case_stages");

            migrationBuilder.DropColumn(
                name: "DueOn",
                table: "disputes_case_stages");

            migrationBuilder.DropColumn(
                name: "OnTime",
                table: "disputes_case_stages");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_cases_AssigneeUserId_Status_DueOn",
                table: "disputes_cases",
                columns: new[] { "AssigneeUserId", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_disputes_cases_OrgUnitId_Status_DueOn",
                table: "disputes_cases",
                columns: new[] { "OrgUnitId", "Status", "DueOn" });
        }
    }
}
