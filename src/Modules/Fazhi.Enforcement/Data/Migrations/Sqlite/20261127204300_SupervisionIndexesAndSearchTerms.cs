using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Enforcement.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "PublishedLate",
                table: "enforcement_cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Hand-added (keep when regenerating): backfill the stored flags and the single-character search terms of
            // existing rows, with the same rules as CaseService.PublishAsync / ReviewAsync and PublicSearch.Terms / Unigram
            // (the characters of the lower-cased party and matter that are CJK unified ideographs U+4E00-U+9FFF or [0-9a-z]).
            migrationBuilder.Sql("""
                UPDATE "enforcement_cases" SET "PublishedLate" = 1 WHERE "PublishedOn" > "PublicationDueOn";
                UPDATE "enforcement_cases" SET "LegalReviewPassed" = 1
                    WHERE "Id" IN (SELECT "CaseId" FROM "enforcement_legal_reviews" WHERE "Opinion" = 'Pass');
                INSERT OR IGNORE INTO "enforcement_published_terms" ("DecisionId", "Term")
                WITH RECURSIVE "n"("i") AS (SELECT 1 UNION ALL SELECT "i" + 1 FROM "n" WHERE "i" < 256),
                "f"("Id", "Text") AS (
                    SELECT "Id", lower("PartyDisplay") FROM "enforcement_published_decisions"
                    UNION ALL SELECT "Id", lower("MatterName") FROM "enforcement_published_decisions"),
                "c"("Id", "Ch") AS (SELECT "f"."Id", substr("f"."Text", "n"."i", 1) FROM "f" JOIN "n" ON "n"."i" <= length("f"."Text"))
                SELECT DISTINCT "Id", "Ch" FROM "c" WHERE unicode("Ch") BETWEEN 19968 AND 40959 OR "Ch" GLOB '[0-9a-z]';
                """);

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_cases_IsMajor_LegalReviewPassed_Stage_OrgUnitId_Id",
                table: "enforcement_cases",
                columns: new[] { "IsMajor", "LegalReviewPassed", "Stage", "OrgUnitId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_cases_OrgUnitId_Stage_DecisionDueOn",
                table: "enforcement_cases",
                columns: new[] { "OrgUnitId", "Stage", "DecisionDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_cases_PublishedLate_Stage_OrgUnitId_PublicationDueOn_Id",
                table: "enforcement_cases",
                columns: new[] { "PublishedLate", "Stage", "OrgUnitId", "PublicationDueOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_cases_Stage_DecisionDueOn_OrgUnitId",
                table: "enforcement_cases",
                columns: new[] { "Stage", "DecisionDueOn", "OrgUnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_cases_Stage_PublishedOn_PublicationDueOn_OrgUnitId",
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
                name: "IX_enforcement_cases_IsMajor_LegalReviewPassed_Stage_OrgUnitId_Id",
                table: "enforcement_cases");

            migrationBuilder.DropIndex(
                name: "IX_enforcement_cases_OrgUnitId_Stage_DecisionDueOn",
                table: "enforcement_cases");

            migrationBuilder.DropIndex(
                name: "IX_enforcement_cases_PublishedLate_Stage_OrgUnitId_PublicationDueOn_Id",
                table: "enforcement_cases");

            migrationBuilder.DropIndex(
                name: "IX_enforcement_cases_Stage_DecisionDueOn_OrgUnitId",
                table: "enforcement_cases");

            migrationBuilder.DropIndex(
                name: "IX_enforcement_cases_Stage_PublishedOn_PublicationDueOn_OrgUnitId",
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
