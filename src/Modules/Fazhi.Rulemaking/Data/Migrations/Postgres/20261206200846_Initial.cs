using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Rulemaking.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DraftId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    ArticleLabel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Verdict = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ReviewerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rulemaking_article_opinions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rulemaking_drafts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    DraftingUnitName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IssuingAuthority = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(200000)", maxLength: 200000, nullable: false),
                    Basis = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    DraftingExplanation = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    CommentRecord = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidityYears = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReviewDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ConcludedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Conclusion = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ReviewerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RegistrationNo = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FilingDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FiledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FiledWith = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: true),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rulemaking_drafts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rulemaking_findings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DraftId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Rule = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RuleName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Article = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ArticleUrl = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    DraftArticle = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Passage = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Link = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Decision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DecisionReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rulemaking_findings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rulemaking_settings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    FilingDays = table.Column<int>(type: "integer", nullable: false),
                    ExpiryReminderDays = table.Column<int>(type: "integer", nullable: false),
                    DefaultValidityYears = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
