using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Disputes.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DropQueryCodeRecoveries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "disputes_query_code_recoveries");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "disputes_query_code_recoveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Phone = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneBlindIndex = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RequestedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UsedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disputes_query_code_recoveries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_disputes_query_code_recoveries_PhoneBlindIndex",
                table: "disputes_query_code_recoveries",
                column: "PhoneBlindIndex");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_query_code_recoveries_RequestedAtUtc",
                table: "disputes_query_code_recoveries",
                column: "RequestedAtUtc");
        }
    }
}
