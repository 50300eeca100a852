using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Learning.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "learning_people",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Post = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsLeader = table.Column<bool>(type: "INTEGER", nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learning_people", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "learning_questions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Stem = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Options = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    BasisOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Difficulty = table.Column<int>(type: "INTEGER", nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Flagged = table.Column<bool>(type: "INTEGER", nullable: false),
                    FlagNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    FlaggedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Retired = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learning_questions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_learning_people_OrgUnitId_Name",
                table: "learning_people",
                columns: new[] { "OrgUnitId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_learning_people_UserId",
                table: "learning_people",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_learning_questions_Category_Difficulty_Kind",
                table: "learning_questions",
                columns: new[] { "Category", "Difficulty", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_learning_questions_Fingerprint",
                table: "learning_questions",
                column: "Fingerprint");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "learning_people");

            migrationBuilder.DropTable(
                name: "learning_questions");
        }
    }
}
