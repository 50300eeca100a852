using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Assessment.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assessment_frameworks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    IsSample = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_frameworks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "assessment_framework_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FrameworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    BasedOnId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IsSample = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_framework_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assessment_framework_versions_assessment_frameworks_FrameworkId",
                        column: x => x.FrameworkId,
                        principalTable: "assessment_frameworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "assessment_campaigns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    FrameworkVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    BottomUpApproval = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StatusChangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    StatusReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_campaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assessment_campaigns_assessment_framework_versions_FrameworkVersionId",
                        column: x => x.FrameworkVersionId,
                        principalTable: "assessment_framework_versions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "assessment_indicators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FrameworkVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Seq = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ScoringCriteria = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    MaxScore = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    Weight = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    EvidenceRequirements = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SourceReference = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    LeadUnitText = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CoUnitsText = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DueText = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsLocalRefinement = table.Column<bool>(type: "INTEGER", nullable: false),
                    PredecessorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_indicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assessment_indicators_assessment_framework_versions_FrameworkVersionId",
                        column: x => x.FrameworkVersionId,
                        principalTable: "assessment_framework_versions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "assessment_campaign_units",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CampaignId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_campaign_units", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assessment_campaign_units_assessment_campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "assessment_campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assessment_tasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CampaignId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IndicatorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AwaitingUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReturnCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Statement = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    SubmittedValue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LockedReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Score = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: true),
                    Passed = table.Column<bool>(type: "INTEGER", nullable: true),
                    ScoreNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ScoredBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ScoredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_tasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assessment_tasks_assessment_campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "assessment_campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_assessment_tasks_assessment_indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "assessment_indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "assessment_appeals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    FiledBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    FiledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ScoreBefore = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    AnsweredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ScoreAfter = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_appeals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assessment_appeals_assessment_tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "assessment_tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assessment_contributions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Statement = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_contributions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assessment_contributions_assessment_tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "assessment_tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assessment_deductions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Points = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_deductions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assessment_deductions_assessment_tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "assessment_tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assessment_evidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RecordType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AttachmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_evidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assessment_evidence_assessment_tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "assessment_tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assessment_task_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_task_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assessment_task_events_assessment_tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "assessment_tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_assessment_appeals_OrgUnitId",
                table: "assessment_appeals",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_appeals_TaskId",
                table: "assessment_appeals",
                column: "TaskId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assessment_campaign_units_CampaignId_OrgUnitId",
                table: "assessment_campaign_units",
                columns: new[] { "CampaignId", "OrgUnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assessment_campaigns_FrameworkVersionId",
                table: "assessment_campaigns",
                column: "FrameworkVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_contributions_OrgUnitId",
                table: "assessment_contributions",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_contributions_TaskId_OrgUnitId",
                table: "assessment_contributions",
                columns: new[] { "TaskId", "OrgUnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assessment_deductions_OrgUnitId",
                table: "assessment_deductions",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_deductions_TaskId",
                table: "assessment_deductions",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_evidence_OrgUnitId",
                table: "assessment_evidence",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_evidence_TaskId",
                table: "assessment_evidence",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_framework_versions_FrameworkId_Number",
                table: "assessment_framework_versions",
                columns: new[] { "FrameworkId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assessment_frameworks_Code",
                table: "assessment_frameworks",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assessment_indicators_FrameworkVersionId_Code",
                table: "assessment_indicators",
                columns: new[] { "FrameworkVersionId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assessment_indicators_ParentId",
                table: "assessment_indicators",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_task_events_OrgUnitId",
                table: "assessment_task_events",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_task_events_TaskId",
                table: "assessment_task_events",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_tasks_CampaignId_IndicatorId_OrgUnitId",
                table: "assessment_tasks",
                columns: new[] { "CampaignId", "IndicatorId", "OrgUnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assessment_tasks_IndicatorId",
                table: "assessment_tasks",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_tasks_OrgUnitId",
                table: "assessment_tasks",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_tasks_OrgUnitId_DueDate",
                table: "assessment_tasks",
                columns: new[] { "OrgUnitId", "DueDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assessment_appeals");

            migrationBuilder.DropTable(
                name: "assessment_campaign_units");

            migrationBuilder.DropTable(
                name: "assessment_contributions");

            migrationBuilder.DropTable(
                name: "assessment_deductions");

            migrationBuilder.DropTable(
                name: "assessment_evidence");

            migrationBuilder.DropTable(
                name: "assessment_task_events");

            migrationBuilder.DropTable(
                name: "assessment_tasks");

            migrationBuilder.DropTable(
                name: "assessment_campaigns");

            migrationBuilder.DropTable(
                name: "assessment_indicators");

            migrationBuilder.DropTable(
                name: "assessment_framework_versions");

            migrationBuilder.DropTable(
                name: "assessment_frameworks");
        }
    }
}
