using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Enforcement.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SupervisionListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_enforcement_cases_IsMajor_LegalReviewPassed_Id",
                table: "enforcement_cases",
                columns: new[] { "IsMajor", "LegalReviewPassed", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_cases_PublishedLate_PublicationDueOn",
                table: "enforcement_cases",
                columns: new[] { "PublishedLate", "PublicationDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_cases_SupervisionFlag_Id",
                table: "enforcement_cases",
                columns: new[] { "SupervisionFlag", "Id" });

            // Hand-added (keep when regenerating): statistics for the new indexes.
            migrationBuilder.Sql("ANALYZE \"enforcement_cases\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_enforcement_cases_IsMajor_LegalReviewPassed_Id",
                table: "enforcement_cases");

            migrationBuilder.DropIndex(
                name: "IX_enforcement_cases_PublishedLate_PublicationDueOn",
                table: "enforcement_cases");

            migrationBuilder.DropIndex(
                name: "IX_enforcement_cases_SupervisionFlag_Id",
                table: "enforcement_cases");
        }
    }
}
