using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Assessment.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DropRedundantUnitIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_assessment_tasks_OrgUnitId",
                table: "assessment_tasks");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_assessment_tasks_OrgUnitId",
                table: "assessment_tasks",
                column: "OrgUnitId");
        }
    }
}
