using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Disputes.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FollowUpUnitIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_disputes_follow_ups_OrgUnitId",
                table: "disputes_follow_ups");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_follow_ups_OrgUnitId_Done_DueOn_Id",
                table: "disputes_follow_ups",
                columns: new[] { "OrgUnitId", "Done", "DueOn", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_disputes_follow_ups_OrgUnitId_Done_DueOn_Id",
                table: "disputes_follow_ups");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_follow_ups_OrgUnitId",
                table: "disputes_follow_ups",
                column: "OrgUnitId");
        }
    }
}
