using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PersonalData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Mobile",
                table: "platform_users",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MobileBlindIndex",
                table: "platform_users",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_platform_users_MobileBlindIndex",
                table: "platform_users",
                column: "MobileBlindIndex");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_platform_users_MobileBlindIndex",
                table: "platform_users");

            migrationBuilder.DropColumn(
                name: "Mobile",
                table: "platform_users");

            migrationBuilder.DropColumn(
                name: "MobileBlindIndex",
                table: "platform_users");
        }
    }
}
