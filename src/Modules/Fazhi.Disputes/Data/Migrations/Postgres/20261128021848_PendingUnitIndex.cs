using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Disputes.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PendingUnitIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_disputes_cases_pending_unit",
                table: "disputes_cases",
                columns: new[] { "OrgUnitId", "Id" },
                filter: "\"Status\" = 1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_disputes_cases_pending_unit",
                table: "disputes_cases");
        }
    }
}
