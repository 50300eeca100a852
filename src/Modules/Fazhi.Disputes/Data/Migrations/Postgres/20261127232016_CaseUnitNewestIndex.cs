using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Disputes.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CaseUnitNewestIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_disputes_cases_OrgUnitId",
                table: "disputes_cases");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_cases_OrgUnitId_Id",
                table: "disputes_cases",
                columns: new[] { "OrgUnitId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_disputes_cases_OrgUnitId_Id",
                table: "disputes_cases");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_cases_OrgUnitId",
                table: "disputes_cases",
                column: "OrgUnitId");
        }
    }
}
