using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Rulemaking.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DecisionPeriods : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DecisionCommentDays",
                table: "rulemaking_settings",
                type: "integer",
                nullable: false,
                defaultValue: 30);

            migrationBuilder.AddColumn<int>(
                name: "DecisionReviewWorkingDays",
                table: "rulemaking_settings",
                type: "integer",
                nullable: false,
                defaultValue: 7);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DecisionCommentDays",
                table: "rulemaking_settings");

            migrationBuilder.DropColumn(
                name: "DecisionReviewWorkingDays",
                table: "rulemaking_settings");
        }
    }
}
