using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Rulemaking.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CommentRounds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "rulemaking_legislation_comment_rounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    No = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    VersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VersionNo = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ShortReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OpenedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rulemaking_legislation_comment_rounds", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_rulemaking_legislation_comment_rounds_OrgUnitId",
                table: "rulemaking_legislation_comment_rounds",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_rulemaking_legislation_comment_rounds_ProjectId_No",
                table: "rulemaking_legislation_comment_rounds",
                columns: new[] { "ProjectId", "No" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rulemaking_legislation_comment_rounds_ProjectId_VersionId",
                table: "rulemaking_legislation_comment_rounds",
                columns: new[] { "ProjectId", "VersionId" },
                unique: true);

            // ADR 0069: every project already opened for comment gets its round 1 (the project's period, stage 征求意见), the
            // round's id being the project's; the same SQL on SQLite and PostgreSQL.
            migrationBuilder.Sql("""
                INSERT INTO rulemaking_legislation_comment_rounds
                    ("Id", "ProjectId", "OrgUnitId", "No", "Stage", "VersionId", "VersionNo", "From", "To", "ShortReason", "OpenedBy", "OpenedOn")
                SELECT p."Id", p."Id", p."OrgUnitId", 1, 'PublicComment', v."Id", v."No", p."CommentFrom", p."CommentTo", p."CommentShortReason", '', p."CommentFrom"
                FROM rulemaking_legislation_projects p
                JOIN rulemaking_draft_versions v ON v."Id" = p."CommentVersionId"
                WHERE p."CommentFrom" IS NOT NULL AND p."CommentTo" IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rulemaking_legislation_comment_rounds");
        }
    }
}
