using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Lists.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportTransfers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Transfers",
                table: "lists_outside_reports",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Transfers",
                table: "lists_outside_reports");
        }
    }
}
