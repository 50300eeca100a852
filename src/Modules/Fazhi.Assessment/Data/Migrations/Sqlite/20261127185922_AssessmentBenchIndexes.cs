using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Assessment.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AssessmentBenchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_assessment_tasks_board",
                table: "assessment_tasks",
                columns: new[] { "CampaignId", "OrgUnitId", "IndicatorId", "Status", "DueDate", "ReturnCount", "Score" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_assessment_tasks_board",
                table: "assessment_tasks");
        }
    }
}
