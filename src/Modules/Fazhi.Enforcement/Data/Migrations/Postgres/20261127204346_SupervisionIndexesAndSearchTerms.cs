using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Enforcement.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SupervisionIndexesAndSearchTerms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_enforcement_cases_OrgUnitId_Stage",
                table: "enforcement_cases");

            migrationBuilder.DropIndex(
                name: "IX_enforcement_cases_Stage_DecisionDueOn",
                table: "enforcement_cases");

            migrationBuilder.AddColumn<bool>(
                name: "LegalReviewPassed",
                table: "enforcement_cases",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "PublishedLate",
                table: "enforcement_cases",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Hand-added (keep when regenerating): backfill the stored flags and the single-character search terms of
            // existing rows, with the same rules as CaseService.PublishAsync / ReviewAsync and PublicSearch.Terms / Unigram
            // (the characters of the lower-cased party and matter that are CJK unified ideographs U+4E00-U+9FFF or [0-9a-z]).
            migrationBuilder.Sql("""
                UPDATE "enforcement_cases" SET "PublishedLate" = TRUE WHERE "PublishedOn" > "PublicationDueOn";
                UPDATE "enforcement_cases" SET "LegalReviewPassed" = TRUE
                    WHERE "Id" IN (SELECT "CaseId" FROM "enforcement_legal_reviews" WHERE "Opinion" = 'Pass');
                INSERT INTO "enforcement_published_terms" ("DecisionId", "Term")
                SELECT DISTINCT "f"."Id", substr("f"."Text", "n"."i", 1)
                FROM (SELECT "Id", lower("PartyDisplay") AS "Text" FROM "enforcement_published_decisions"
                      UNION ALL SELECT "Id", lower("MatterName") FROM "enforcement_published_decisions") AS "f"
                CROSS JOIN LATERAL generate_series(1, length("f"."Text")) AS "n"("i")
                WHERE ascii(substr("f"."Text", "n"."i", 1)) BETWEEN 19968 AND 40959 OR substr("f"."Text", "n"."i", 1) ~ '^[0-9a-z]$'
                ON CONFLICT DO NOTHING;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_cases_IsMajor_LegalReviewPassed_Stage_OrgUnitId~",
                table: "enforcement_cases",
                columns: new[] { "IsMajor", "LegalReviewPassed", "Stage", "OrgUnitId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_cases_OrgUnitId_Stage_DecisionDueOn",
                table: "enforcement_cases",
                columns: new[] { "OrgUnitId", "Stage", "DecisionDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_cases_PublishedLate_Stage_OrgUnitId_Publication~",
                table: "enforcement_cases",
                columns: new[] { "PublishedLate", "Stage", "OrgUnitId", "PublicationDueOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_cases_Stage_DecisionDueOn_OrgUnitId",
                table: "enforcement_cases",
                columns: new[] { "Stage", "DecisionDueOn", "OrgUnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_cases_Stage_PublishedOn_PublicationDueOn_OrgUni~",
                table: "enforcement_cases",
                columns: new[] { "Stage", "PublishedOn", "PublicationDueOn", "OrgUnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_cases_SupervisionFlag_Stage_OrgUnitId_Id",
                table: "enforcement_cases",
                columns: new[] { "SupervisionFlag", "Stage", "OrgUnitId", "Id" });

            // Hand-added (keep when regenerating): statistics for the new indexes and terms.
            migrationBuilder.Sql("ANALYZE \"enforcement_cases\"; ANALYZE \"enforcement_published_terms\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_enforcement_cases_IsMajor_LegalReviewPassed_Stage_OrgUnitId~",
                table: "enforcement_cases");

            migrationBuilder.DropIndex(
                name: "IX_enforcement_cases_OrgUnitId_Stage_DecisionDueOn",
                table: "enforcement_cases");

            migrationBuilder.DropIndex(
                name: "IX_enforcement_cases_PublishedLate_Stage_OrgUnitId_Publication~",
                table: "enforcement_cases");

            migrationBuilder.DropIndex(
                name: "IX_enforcement_cases_Stage_DecisionDueOn_OrgUnitId",
                table: "enforcement_cases");

            migrationBuilder.DropIndex(
                name: "IX_enforcement_cases_Stage_PublishedOn_PublicationDueOn_OrgUni~",
                table: "enforcement_cases");

            migrationBuilder.DropIndex(
                name: "IX_enforcement_cases_SupervisionFlag_Stage_OrgUnitId_Id",
                table: "enforcement_cases");

            migrationBuilder.DropColumn(
                name: "LegalReviewPassed",
                table: "enforcement_cases");

            migrationBuilder.DropColumn(
                name: "PublishedLate",
                table: "enforcement_cases");

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_cases_OrgUnitId_Stage",
                table: "enforcement_cases",
                columns: new[] { "OrgUnitId", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_cases_Stage_DecisionDueOn",
                table: "enforcement_cases",
                columns: new[] { "Stage", "DecisionDueOn" });
        }
    }
}
