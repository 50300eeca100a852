using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Enforcement.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PublishedDecisionsPartialIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_enforcement_published_decisions_Published",
                table: "enforcement_published_decisions",
                columns: new[] { "DecidedOn", "Id" },
                filter: "\"WithdrawnOn\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_enforcement_published_decisions_Published",
                table: "enforcement_published_decisions");
        }
    }
}
