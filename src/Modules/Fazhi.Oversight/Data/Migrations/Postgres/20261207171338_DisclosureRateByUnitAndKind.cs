using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Oversight.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DisclosureRateByUnitAndKind : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_oversight_disclosure_requests_OrgUnitId",
                table: "oversight_disclosure_requests");

            migrationBuilder.CreateIndex(
                name: "IX_oversight_disclosures_rate_kind",
                table: "oversight_disclosure_requests",
                columns: new[] { "ReplyKind", "ReceivedOn", "OrgUnitId", "Status", "DueOn", "RepliedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_oversight_disclosures_rate_unit",
                table: "oversight_disclosure_requests",
                columns: new[] { "OrgUnitId", "ReceivedOn", "Status", "DueOn", "RepliedOn", "ReplyKind", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_oversight_disclosures_rate_kind",
                table: "oversight_disclosure_requests");

            migrationBuilder.DropIndex(
                name: "IX_oversight_disclosures_rate_unit",
                table: "oversight_disclosure_requests");

            migrationBuilder.CreateIndex(
                name: "IX_oversight_disclosure_requests_OrgUnitId",
                table: "oversight_disclosure_requests",
                column: "OrgUnitId");
        }
    }
}
