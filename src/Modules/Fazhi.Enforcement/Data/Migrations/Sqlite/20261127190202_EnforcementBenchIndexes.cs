using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Enforcement.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EnforcementBenchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_enforcement_legal_reviews_CaseId",
                table: "enforcement_legal_reviews");

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_legal_reviews_CaseId_Opinion",
                table: "enforcement_legal_reviews",
                columns: new[] { "CaseId", "Opinion" });

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_cases_IsMajor_Stage_OrgUnitId",
                table: "enforcement_cases",
                columns: new[] { "IsMajor", "Stage", "OrgUnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_cases_Stage_PublicationDueOn_PublishedOn_OrgUnitId",
                table: "enforcement_cases",
                columns: new[] { "Stage", "PublicationDueOn", "PublishedOn", "OrgUnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_cases_SupervisionFlag_Stage_OrgUnitId",
                table: "enforcement_cases",
                columns: new[] { "SupervisionFlag", "Stage", "OrgUnitId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_enforcement_legal_reviews_CaseId_Opinion",
                table: "enforcement_legal_reviews");

            migrationBuilder.DropIndex(
                name: "IX_enforcement_cases_IsMajor_Stage_OrgUnitId",
                table: "enforcement_cases");

            migrationBuilder.DropIndex(
                name: "IX_enforcement_cases_Stage_PublicationDueOn_PublishedOn_OrgUnitId",
                table: "enforcement_cases");

            migrationBuilder.DropIndex(
                name: "IX_enforcement_cases_SupervisionFlag_Stage_OrgUnitId",
                table: "enforcement_cases");

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_legal_reviews_CaseId",
                table: "enforcement_legal_reviews",
                column: "CaseId");
        }
    }
}
