using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Disputes.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReconsiderationDecisionsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_disputes_cases_Status_CaseTypeCode",
                table: "disputes_cases");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_cases_Status_CaseTypeCode_ClosedOn",
                table: "disputes_cases",
                columns: new[] { "Status", "CaseTypeCode", "ClosedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_disputes_cases_Status_CaseTypeCode_ClosedOn",
                table: "disputes_cases");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_cases_Status_CaseTypeCode",
                table: "disputes_cases",
                columns: new[] { "Status", "CaseTypeCode" });
        }
    }
}
