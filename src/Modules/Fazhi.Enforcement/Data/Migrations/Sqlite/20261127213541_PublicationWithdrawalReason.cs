using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Enforcement.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PublicationWithdrawalReason : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "WithdrawnBecause",
                table: "enforcement_published_decisions",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            // Hand-added (keep when regenerating): the reason of publications already withdrawn (credit repair reused WithdrawnOn).
            migrationBuilder.Sql("""
                UPDATE "enforcement_published_decisions" SET "WithdrawnBecause" = 'CreditRepaired'
                    WHERE "Id" IN (SELECT "PublishedDecisionId" FROM "enforcement_credit_repairs" WHERE "Status" = 'Approved');
                UPDATE "enforcement_published_decisions" SET "WithdrawnBecause" = 'Revoked'
                    WHERE "WithdrawnOn" IS NOT NULL AND "WithdrawnBecause" IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "WithdrawnBecause",
                table: "enforcement_published_decisions");
        }
    }
}
