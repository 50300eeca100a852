using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Assessment.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AssessmentSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assessment_settings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    SuperviseAfterReturns = table.Column<int>(type: "INTEGER", nullable: false),
                    SupervisionRepeatDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportSignature = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_settings", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assessment_settings");
        }
    }
}
