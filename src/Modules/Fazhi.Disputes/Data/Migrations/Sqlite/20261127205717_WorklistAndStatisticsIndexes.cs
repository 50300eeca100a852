using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Disputes.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorklistAndStatisticsIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_disputes_follow_ups_ClosedOn",
                table: "disputes_follow_ups");

            migrationBuilder.DropIndex(
                name: "IX_disputes_cases_CaseTypeCode_Channel_Status_OrgUnitId_MergedIntoCaseId",
                table: "disputes_cases");

            migrationBuilder.DropIndex(
                name: "IX_disputes_cases_open_assignee_due",
                table: "disputes_cases");

            migrationBuilder.DropIndex(
                name: "IX_disputes_cases_ReceivedOn",
                table: "disputes_cases");

            migrationBuilder.DropIndex(
                name: "IX_disputes_case_stages_EndedOn",
                table: "disputes_case_stages");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_follow_ups_stats_closed",
                table: "disputes_follow_ups",
                columns: new[] { "ClosedOn", "OrgUnitId", "CaseTypeCode", "ResultKind", "Rating", "DurationDays" });

            migrationBuilder.CreateIndex(
                name: "IX_disputes_cases_open_assignee_unit_due",
                table: "disputes_cases",
                columns: new[] { "AssigneeUserId", "OrgUnitId", "DueOn", "Id", "Status" },
                filter: "\"Status\" IN (1, 2)");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_cases_stats_received",
                table: "disputes_cases",
                columns: new[] { "ReceivedOn", "OrgUnitId", "CaseTypeCode", "Channel", "Status", "MergedIntoCaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_disputes_case_stages_stats_ended",
                table: "disputes_case_stages",
                columns: new[] { "EndedOn", "OrgUnitId", "OnTime" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_disputes_follow_ups_stats_closed",
                table: "disputes_follow_ups");

            migrationBuilder.DropIndex(
                name: "IX_disputes_cases_open_assignee_unit_due",
                table: "disputes_cases");

            migrationBuilder.DropIndex(
                name: "IX_disputes_cases_stats_received",
                table: "disputes_cases");

            migrationBuilder.DropIndex(
                name: "IX_disputes_case_stages_stats_ended",
                table: "disputes_case_stages");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_follow_ups_ClosedOn",
                table: "disputes_follow_ups",
                column: "ClosedOn");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_cases_CaseTypeCode_Channel_Status_OrgUnitId_MergedIntoCaseId",
                table: "disputes_cases",
                columns: new[] { "CaseTypeCode", "Channel", "Status", "OrgUnitId", "MergedIntoCaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_disputes_cases_open_assignee_due",
                table: "disputes_cases",
                columns: new[] { "AssigneeUserId", "DueOn", "Id" },
                filter: "\"Status\" IN (1, 2)");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_cases_ReceivedOn",
                table: "disputes_cases",
                column: "ReceivedOn");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_case_stages_EndedOn",
                table: "disputes_case_stages",
                column: "EndedOn");
        }
    }
}
