using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Rulemaking.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class VerifiedCommentsAndRenewals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CommenterPhone",
                table: "rulemaking_legislation_comments",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CommenterPhoneBlindIndex",
                table: "rulemaking_legislation_comments",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LapsedOn",
                table: "rulemaking_drafts",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "rulemaking_document_renewals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DraftId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    RenewedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PreviousExpiresOn = table.Column<DateOnly>(type: "date", nullable: false),
                    NewExpiresOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidityYears = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RenewedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rulemaking_document_renewals", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_rulemaking_legislation_comments_CommenterPhoneBlindIndex",
                table: "rulemaking_legislation_comments",
                column: "CommenterPhoneBlindIndex");

            migrationBuilder.CreateIndex(
                name: "IX_rulemaking_legislation_comments_VersionId_ArticleLabel_Comm~",
                table: "rulemaking_legislation_comments",
                columns: new[] { "VersionId", "ArticleLabel", "CommenterPhoneBlindIndex" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rulemaking_document_renewals_DraftId",
                table: "rulemaking_document_renewals",
                column: "DraftId");

            migrationBuilder.CreateIndex(
                name: "IX_rulemaking_document_renewals_OrgUnitId_DraftId",
                table: "rulemaking_document_renewals",
                columns: new[] { "OrgUnitId", "DraftId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rulemaking_document_renewals");

            migrationBuilder.DropIndex(
                name: "IX_rulemaking_legislation_comments_CommenterPhoneBlindIndex",
                table: "rulemaking_legislation_comments");

            migrationBuilder.DropIndex(
                name: "IX_rulemaking_legislation_comments_VersionId_ArticleLabel_Comm~",
                table: "rulemaking_legislation_comments");

            migrationBuilder.DropColumn(
                name: "CommenterPhone",
                table: "rulemaking_legislation_comments");

            migrationBuilder.DropColumn(
                name: "CommenterPhoneBlindIndex",
                table: "rulemaking_legislation_comments");

            migrationBuilder.DropColumn(
                name: "LapsedOn",
                table: "rulemaking_drafts");
        }
    }
}
