using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Disputes.Data.Migrations.Postgres
{
    /// <summary>
    /// Referral ids are kept trimmed and upper-cased and referring systems by name (法院, not court), so that one referral
    /// is one case across channels. Rows that would then collide with another row are left as they are (they already are
    /// two cases; the duplicates list is where they are merged).
    /// </summary>
    [DbContext(typeof(PostgresDisputesDb))]
    [Migration("20261128120000_NormaliseReferralIds")]
    public partial class NormaliseReferralIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var (code, name) in new[] { ("court", "法院"), ("12345", "12345热线"), ("letters", "信访（来信）"), ("visits", "信访（来访）") })
            {
                migrationBuilder.Sql($"""
                    UPDATE disputes_cases SET "ExternalSystem" = '{name}'
                    WHERE LOWER(TRIM("ExternalSystem")) = '{code}'
                      AND NOT EXISTS (SELECT 1 FROM disputes_cases o WHERE o."ExternalSystem" = '{name}' AND o."ExternalId" = disputes_cases."ExternalId")
                    """);
            }
            migrationBuilder.Sql("""
                UPDATE disputes_cases SET "ExternalId" = UPPER(TRIM("ExternalId"))
                WHERE "ExternalId" IS NOT NULL AND "ExternalId" <> UPPER(TRIM("ExternalId"))
                  AND NOT EXISTS (SELECT 1 FROM disputes_cases o WHERE o."Id" <> disputes_cases."Id"
                      AND o."ExternalSystem" = disputes_cases."ExternalSystem" AND UPPER(TRIM(o."ExternalId")) = UPPER(TRIM(disputes_cases."ExternalId")))
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The ids as first written are not kept; normalised ids stay valid.
        }
    }
}
