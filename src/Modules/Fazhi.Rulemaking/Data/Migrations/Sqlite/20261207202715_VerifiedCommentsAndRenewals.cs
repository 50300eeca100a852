using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Rulemaking.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CommenterPhoneBlindIndex",
                table: "rulemaking_legislation_comments",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LapsedOn",
                table: "rulemaking_drafts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "rulemaking_document_renewals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DraftId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RenewedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PreviousExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NewExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidityYears = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RenewedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
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
                name: "IX_rulemaking_legislation_comments_VersionId_ArticleLabel_CommenterPhoneBlindIndex",
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
                name: "IX_rulemaking_legislation_comments_VersionId_ArticleLabel_CommenterPhoneBlindIndex",
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
