using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Oversight.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RateIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_oversight_disclosure_requests_ReceivedOn_OrgUnitId",
                table: "oversight_disclosure_requests");

            migrationBuilder.CreateIndex(
                name: "IX_oversight_disclosures_rate",
                table: "oversight_disclosure_requests",
                columns: new[] { "ReceivedOn", "OrgUnitId", "Status", "ReplyKind", "DueOn", "RepliedOn", "Id" });

            migrationBuilder.DropIndex(
                name: "IX_oversight_lawsuits_DecidedOn_OrgUnitId",
                table: "oversight_lawsuits");

            migrationBuilder.CreateIndex(
                name: "IX_oversight_lawsuits_rate_decided",
                table: "oversight_lawsuits",
                columns: new[] { "DecidedOn", "OrgUnitId", "ActKind", "Lost", "Id" });

            migrationBuilder.DropIndex(
                name: "IX_oversight_lawsuits_FirstHearingOn_OrgUnitId",
                table: "oversight_lawsuits");

            migrationBuilder.CreateIndex(
                name: "IX_oversight_lawsuits_rate_heard",
                table: "oversight_lawsuits",
                columns: new[] { "FirstHearingOn", "OrgUnitId", "HeadAppeared", "Id" });

            migrationBuilder.DropIndex(
                name: "IX_oversight_performance_tasks_DecidedOn_OrgUnitId",
                table: "oversight_performance_tasks");

            migrationBuilder.CreateIndex(
                name: "IX_oversight_performance_rate",
                table: "oversight_performance_tasks",
                columns: new[] { "DecidedOn", "OrgUnitId", "Status", "ResultCode", "DueOn", "PerformedOn", "OrderedDueOn", "OrderedOn", "Id" });

            migrationBuilder.DropIndex(
                name: "IX_oversight_suggestions_ReceivedOn_OrgUnitId",
                table: "oversight_suggestions");

            migrationBuilder.CreateIndex(
                name: "IX_oversight_suggestions_rate",
                table: "oversight_suggestions",
                columns: new[] { "ReceivedOn", "OrgUnitId", "Kind", "ReplyDueOn", "RepliedOn", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_oversight_suggestions_rate",
                table: "oversight_suggestions");

            migrationBuilder.CreateIndex(
                name: "IX_oversight_suggestions_ReceivedOn_OrgUnitId",
                table: "oversight_suggestions",
                columns: new[] { "ReceivedOn", "OrgUnitId" });

            migrationBuilder.DropIndex(
                name: "IX_oversight_performance_rate",
                table: "oversight_performance_tasks");

            migrationBuilder.CreateIndex(
                name: "IX_oversight_performance_tasks_DecidedOn_OrgUnitId",
                table: "oversight_performance_tasks",
                columns: new[] { "DecidedOn", "OrgUnitId" });

            migrationBuilder.DropIndex(
                name: "IX_oversight_lawsuits_rate_heard",
                table: "oversight_lawsuits");

            migrationBuilder.CreateIndex(
                name: "IX_oversight_lawsuits_FirstHearingOn_OrgUnitId",
                table: "oversight_lawsuits",
                columns: new[] { "FirstHearingOn", "OrgUnitId" });

            migrationBuilder.DropIndex(
                name: "IX_oversight_lawsuits_rate_decided",
                table: "oversight_lawsuits");

            migrationBuilder.CreateIndex(
                name: "IX_oversight_lawsuits_DecidedOn_OrgUnitId",
                table: "oversight_lawsuits",
                columns: new[] { "DecidedOn", "OrgUnitId" });

            migrationBuilder.DropIndex(
                name: "IX_oversight_disclosures_rate",
                table: "oversight_disclosure_requests");

            migrationBuilder.CreateIndex(
                name: "IX_oversight_disclosure_requests_ReceivedOn_OrgUnitId",
                table: "oversight_disclosure_requests",
                columns: new[] { "ReceivedOn", "OrgUnitId" });
        }
    }
}
