using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Disputes.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FrontDesk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "MergedIntoCaseId",
                table: "disputes_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "disputes_case_merges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PrimaryCaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MergedCaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    MergedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    MergedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    UnmergedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    UnmergedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    UnmergeReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disputes_case_merges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "disputes_duplicate_flags",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OtherCaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OtherCaseNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OtherReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Similarity = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disputes_duplicate_flags", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "disputes_follow_ups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CaseTypeCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DurationDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ResultKind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Done = table.Column<bool>(type: "INTEGER", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Method = table.Column<int>(type: "INTEGER", nullable: true),
                    Rating = table.Column<int>(type: "INTEGER", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disputes_follow_ups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "disputes_front_desk_settings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    DuplicateWindowDays = table.Column<int>(type: "INTEGER", nullable: false),
                    DuplicateMinSimilarity = table.Column<int>(type: "INTEGER", nullable: false),
                    FollowUpDays = table.Column<int>(type: "INTEGER", nullable: false),
                    MediationSuccessResults = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disputes_front_desk_settings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "disputes_review_tasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FollowUpId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Complaint = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Done = table.Column<bool>(type: "INTEGER", nullable: false),
                    Conclusion = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disputes_review_tasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "disputes_routing_decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RuleSetNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    RuleName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    RecommendedCaseType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RecommendedUnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ChosenCaseType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ChosenUnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    OverrideReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disputes_routing_decisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "disputes_routing_rule_sets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disputes_routing_rule_sets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "disputes_routing_rules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RuleSetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    MinAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    MaxAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    ApplicantKind = table.Column<int>(type: "INTEGER", nullable: true),
                    PlaceCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CaseTypeCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    HandlingUnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disputes_routing_rules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_disputes_routing_rules_disputes_routing_rule_sets_RuleSetId",
                        column: x => x.RuleSetId,
                        principalTable: "disputes_routing_rule_sets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_disputes_cases_CaseTypeCode_Channel_Status_OrgUnitId_MergedIntoCaseId",
                table: "disputes_cases",
                columns: new[] { "CaseTypeCode", "Channel", "Status", "OrgUnitId", "MergedIntoCaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_disputes_cases_ExternalSystem_ExternalId",
                table: "disputes_cases",
                columns: new[] { "ExternalSystem", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_disputes_cases_ReceivedOn",
                table: "disputes_cases",
                column: "ReceivedOn");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_case_merges_MergedCaseId",
                table: "disputes_case_merges",
                column: "MergedCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_case_merges_OrgUnitId",
                table: "disputes_case_merges",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_case_merges_PrimaryCaseId",
                table: "disputes_case_merges",
                column: "PrimaryCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_duplicate_flags_CaseId_OtherCaseId",
                table: "disputes_duplicate_flags",
                columns: new[] { "CaseId", "OtherCaseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_disputes_duplicate_flags_OrgUnitId",
                table: "disputes_duplicate_flags",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_duplicate_flags_OtherCaseId",
                table: "disputes_duplicate_flags",
                column: "OtherCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_follow_ups_CaseId",
                table: "disputes_follow_ups",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_disputes_follow_ups_ClosedOn",
                table: "disputes_follow_ups",
                column: "ClosedOn");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_follow_ups_Done_DueOn",
                table: "disputes_follow_ups",
                columns: new[] { "Done", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_disputes_follow_ups_OrgUnitId",
                table: "disputes_follow_ups",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_follow_ups_TokenHash",
                table: "disputes_follow_ups",
                column: "TokenHash");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_review_tasks_CaseId",
                table: "disputes_review_tasks",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_review_tasks_Done_OpenedOn",
                table: "disputes_review_tasks",
                columns: new[] { "Done", "OpenedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_disputes_review_tasks_OrgUnitId",
                table: "disputes_review_tasks",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_routing_decisions_CaseId",
                table: "disputes_routing_decisions",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_disputes_routing_decisions_OrgUnitId",
                table: "disputes_routing_decisions",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_routing_rule_sets_Number",
                table: "disputes_routing_rule_sets",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_disputes_routing_rules_RuleSetId_Priority",
                table: "disputes_routing_rules",
                columns: new[] { "RuleSetId", "Priority" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "disputes_case_merges");

            migrationBuilder.DropTable(
                name: "disputes_duplicate_flags");

            migrationBuilder.DropTable(
                name: "disputes_follow_ups");

            migrationBuilder.DropTable(
                name: "disputes_front_desk_settings");

            migrationBuilder.DropTable(
                name: "disputes_review_tasks");

            migrationBuilder.DropTable(
                name: "disputes_routing_decisions");

            migrationBuilder.DropTable(
                name: "disputes_routing_rules");

            migrationBuilder.DropTable(
                name: "disputes_routing_rule_sets");

            migrationBuilder.DropIndex(
                name: "IX_disputes_cases_CaseTypeCode_Channel_Status_OrgUnitId_MergedIntoCaseId",
                table: "disputes_cases");

            migrationBuilder.DropIndex(
                name: "IX_disputes_cases_ExternalSystem_ExternalId",
                table: "disputes_cases");

            migrationBuilder.DropIndex(
                name: "IX_disputes_cases_ReceivedOn",
                table: "disputes_cases");

            migrationBuilder.DropColumn(
                name: "MergedIntoCaseId",
                table: "disputes_cases");
        }
    }
}
