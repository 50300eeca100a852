using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Enforcement.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DropRedundantUnitIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_enforcement_legal_reviews_OrgUnitId",
                table: "enforcement_legal_reviews");

            migrationBuilder.DropIndex(
                name: "IX_enforcement_credit_repairs_OrgUnitId",
                table: "enforcement_credit_repairs");

            migrationBuilder.DropIndex(
                name: "IX_enforcement_cases_OrgUnitId",
                table: "enforcement_cases");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_enforcement_legal_reviews_OrgUnitId",
                table: "enforcement_legal_reviews",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_credit_repairs_OrgUnitId",
                table: "enforcement_credit_repairs",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_cases_OrgUnitId",
                table: "enforcement_cases",
                column: "OrgUnitId");
        }
    }
}
