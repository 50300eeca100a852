using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Disputes.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PartyNameCaseIdIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_disputes_parties_Name",
                table: "disputes_parties");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_parties_Name_CaseId",
                table: "disputes_parties",
                columns: new[] { "Name", "CaseId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_disputes_parties_Name_CaseId",
                table: "disputes_parties");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_parties_Name",
                table: "disputes_parties",
                column: "Name");
        }
    }
}
