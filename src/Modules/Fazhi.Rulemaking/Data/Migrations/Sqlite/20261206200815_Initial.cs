using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Rulemaking.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "rulemaking_article_opinions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DraftId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    ArticleLabel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Verdict = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ReviewerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rulemaking_article_opinions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rulemaking_drafts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DraftingUnitName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IssuingAuthority = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DraftingExplanation = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    CommentRecord = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidityYears = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReviewDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ConcludedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Conclusion = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ReviewerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RegistrationNo = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FilingDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FiledOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FiledWith = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rulemaking_drafts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rulemaking_findings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DraftId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RuleName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Article = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ArticleUrl = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    DraftArticle = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Passage = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rulemaking_findings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rulemaking_settings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    FilingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpiryReminderDays = table.Column<int>(type: "INTEGER", nullable: false),
                    DefaultValidityYears = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rulemaking_settings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_rulemaking_article_opinions_DraftId_Round_ArticleLabel",
                table: "rulemaking_article_opinions",
                columns: new[] { "DraftId", "Round", "ArticleLabel" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rulemaking_article_opinions_OrgUnitId",
                table: "rulemaking_article_opinions",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_rulemaking_drafts_OrgUnitId_Status",
                table: "rulemaking_drafts",
                columns: new[] { "OrgUnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_rulemaking_drafts_RegistrationNo",
                table: "rulemaking_drafts",
                column: "RegistrationNo",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rulemaking_findings_DraftId_Round_Position",
                table: "rulemaking_findings",
                columns: new[] { "DraftId", "Round", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_rulemaking_findings_OrgUnitId",
                table: "rulemaking_findings",
                column: "OrgUnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rulemaking_article_opinions");

            migrationBuilder.DropTable(
                name: "rulemaking_drafts");

            migrationBuilder.DropTable(
                name: "rulemaking_findings");

            migrationBuilder.DropTable(
                name: "rulemaking_settings");
        }
    }
}
