using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Rulemaking.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Legislation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "rulemaking_contact_points",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EstablishedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rulemaking_contact_points", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rulemaking_draft_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    No = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "character varying(200000)", maxLength: 200000, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CreatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rulemaking_draft_versions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rulemaking_legislation_comments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    VersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    VersionNo = table.Column<int>(type: "integer", nullable: false),
                    ArticleLabel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ArticleText = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CommenterName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    QueryCodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContactPointId = table.Column<Guid>(type: "uuid", nullable: true),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Answer = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    AnswerReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    AnsweredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AnsweredBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rulemaking_legislation_comments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rulemaking_legislation_projects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    PlannedSubmitOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PlannedAdoptOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Withdrawn = table.Column<bool>(type: "boolean", nullable: false),
                    Stage = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CommentVersionId = table.Column<Guid>(type: "uuid", nullable: true),
                    CommentFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    CommentTo = table.Column<DateOnly>(type: "date", nullable: true),
                    CommentShortReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DocumentNo = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EffectExceptionReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    FilingDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FiledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FiledWith = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rulemaking_legislation_projects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rulemaking_legislation_settings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CommentDays = table.Column<int>(type: "integer", nullable: false),
                    RuleEffectDays = table.Column<int>(type: "integer", nullable: false),
                    FilingDays = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rulemaking_legislation_settings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rulemaking_legislation_stages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Stage = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    By = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rulemaking_legislation_stages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rulemaking_legislative_plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AdoptedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rulemaking_legislative_plans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rulemaking_plan_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ChangedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ChangedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rulemaking_plan_changes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_rulemaking_contact_points_OrgUnitId",
                table: "rulemaking_contact_points",
                column: "OrgUnitId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rulemaking_draft_versions_OrgUnitId",
                table: "rulemaking_draft_versions",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_rulemaking_draft_versions_ProjectId_No",
                table: "rulemaking_draft_versions",
                columns: new[] { "ProjectId", "No" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rulemaking_legislation_comments_ContactPointId",
                table: "rulemaking_legislation_comments",
                column: "ContactPointId");

            migrationBuilder.CreateIndex(
                name: "IX_rulemaking_legislation_comments_Number",
                table: "rulemaking_legislation_comments",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rulemaking_legislation_comments_OrgUnitId",
                table: "rulemaking_legislation_comments",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_rulemaking_legislation_comments_ProjectId_VersionId",
                table: "rulemaking_legislation_comments",
                columns: new[] { "ProjectId", "VersionId" });

            migrationBuilder.CreateIndex(
                name: "IX_rulemaking_legislation_projects_OrgUnitId",
                table: "rulemaking_legislation_projects",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_rulemaking_legislation_projects_PlanId",
                table: "rulemaking_legislation_projects",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_rulemaking_legislation_stages_OrgUnitId",
                table: "rulemaking_legislation_stages",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_rulemaking_legislation_stages_ProjectId",
                table: "rulemaking_legislation_stages",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_rulemaking_legislative_plans_Year",
                table: "rulemaking_legislative_plans",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_rulemaking_plan_changes_PlanId",
                table: "rulemaking_plan_changes",
                column: "PlanId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rulemaking_contact_points");

            migrationBuilder.DropTable(
                name: "rulemaking_draft_versions");

            migrationBuilder.DropTable(
                name: "rulemaking_legislation_comments");

            migrationBuilder.DropTable(
                name: "rulemaking_legislation_projects");

            migrationBuilder.DropTable(
                name: "rulemaking_legislation_settings");

            migrationBuilder.DropTable(
                name: "rulemaking_legislation_stages");

            migrationBuilder.DropTable(
                name: "rulemaking_legislative_plans");

            migrationBuilder.DropTable(
                name: "rulemaking_plan_changes");
        }
    }
}
