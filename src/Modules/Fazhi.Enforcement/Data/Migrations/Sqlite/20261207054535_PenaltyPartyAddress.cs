using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Enforcement.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PenaltyPartyAddress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PartyAddress",
                table: "enforcement_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PartyAddressBlindIndex",
                table: "enforcement_cases",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_cases_PartyAddressBlindIndex",
                table: "enforcement_cases",
                column: "PartyAddressBlindIndex");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_enforcement_cases_PartyAddressBlindIndex",
                table: "enforcement_cases");

            migrationBuilder.DropColumn(
                name: "PartyAddress",
                table: "enforcement_cases");

            migrationBuilder.DropColumn(
                name: "PartyAddressBlindIndex",
                table: "enforcement_cases");
        }
    }
}
