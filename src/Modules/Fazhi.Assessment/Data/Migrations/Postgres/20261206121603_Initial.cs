using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Assessment.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    IsSample = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_frameworks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "assessment_indexes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ComputedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ComputedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_indexes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "assessment_settings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    SuperviseAfterReturns = table.Column<int>(type: "integer", nullable: false),
                    SupervisionRepeatDays = table.Column<int>(type: "integer", nullable: false),
                    ReportSignature = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_settings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "assessment_surveys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Intro = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IsOpen = table.Column<bool>(type: "boolean", nullable: false),
                    Salt = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_surveys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "assessment_framework_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FrameworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Label = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    BasedOnId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IsSample = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_framework_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assessment_framework_versions_assessment_frameworks_Framewo~",
                        column: x => x.FrameworkId,
                        principalTable: "assessment_frameworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "assessment_index_components",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IndexId = table.Column<Guid>(type: "uuid", nullable: false),
                    Dimension = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Weight = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SourceKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_index_components", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assessment_index_components_assessment_indexes_IndexId",
                        column: x => x.IndexId,
                        principalTable: "assessment_indexes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assessment_index_dimensions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IndexId = table.Column<Guid>(type: "uuid", nullable: false),
                    Dimension = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Seq = table.Column<int>(type: "integer", nullable: false),
                    Weight = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_index_dimensions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assessment_index_dimensions_assessment_indexes_IndexId",
                        column: x => x.IndexId,
                        principalTable: "assessment_indexes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assessment_index_results",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IndexId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Total = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    DetailJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_index_results", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assessment_index_results_assessment_indexes_IndexId",
                        column: x => x.IndexId,
                        principalTable: "assessment_indexes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assessment_survey_questions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SurveyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Seq = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Options = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Dimension = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Required = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_survey_questions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assessment_survey_questions_assessment_surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "assessment_surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assessment_survey_responses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SurveyId = table.Column<Guid>(type: "uuid", nullable: false),
                    DistrictId = table.Column<Guid>(type: "uuid", nullable: false),
                    DistrictCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RespondentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_survey_responses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assessment_survey_responses_assessment_surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "assessment_surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assessment_campaigns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    FrameworkVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    BottomUpApproval = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StatusChangedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    StatusReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_campaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assessment_campaigns_assessment_framework_versions_Framewor~",
                        column: x => x.FrameworkVersionId,
                        principalTable: "assessment_framework_versions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "assessment_indicators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FrameworkVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Seq = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ScoringCriteria = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Method = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    MaxScore = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    Weight = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    EvidenceRequirements = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    SourceReference = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ProviderKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    LeadUnitText = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CoUnitsText = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    DueText = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IsLocalRefinement = table.Column<bool>(type: "boolean", nullable: false),
                    PredecessorId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_indicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assessment_indicators_assessment_framework_versions_Framewo~",
                        column: x => x.FrameworkVersionId,
                        principalTable: "assessment_framework_versions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "assessment_survey_answers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResponseId = table.Column<Guid>(type: "uuid", nullable: false),
                    SurveyId = table.Column<Guid>(type: "uuid", nullable: false),
                    QuestionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Rating = table.Column<int>(type: "integer", nullable: true),
                    Choice = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_survey_answers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assessment_survey_answers_assessment_survey_responses_Respo~",
                        column: x => x.ResponseId,
                        principalTable: "assessment_survey_responses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assessment_campaign_units",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    IndicatorId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AwaitingUnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReturnCount = table.Column<int>(type: "integer", nullable: false),
                    ReturnReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Statement = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    SubmittedValue = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    SubmittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LockedReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Score = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    Passed = table.Column<bool>(type: "boolean", nullable: true),
                    ScoreNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ScoredBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ScoredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    FiledBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    FiledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ScoreBefore = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    Answer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AnsweredBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    AnsweredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ScoreAfter = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Statement = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Points = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    RecordType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RecordId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AttachmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Unit = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Actor = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                name: "IX_assessment_index_components_IndexId",
                table: "assessment_index_components",
                column: "IndexId");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_index_dimensions_IndexId_Dimension",
                table: "assessment_index_dimensions",
                columns: new[] { "IndexId", "Dimension" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assessment_index_results_IndexId_OrgUnitId",
                table: "assessment_index_results",
                columns: new[] { "IndexId", "OrgUnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assessment_index_results_Year",
                table: "assessment_index_results",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_indexes_Year",
                table: "assessment_indexes",
                column: "Year",
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
                name: "IX_assessment_survey_answers_ResponseId",
                table: "assessment_survey_answers",
                column: "ResponseId");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_survey_answers_SurveyId_QuestionId",
                table: "assessment_survey_answers",
                columns: new[] { "SurveyId", "QuestionId" });

            migrationBuilder.CreateIndex(
                name: "IX_assessment_survey_questions_SurveyId",
                table: "assessment_survey_questions",
                column: "SurveyId");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_survey_responses_SurveyId_DistrictId",
                table: "assessment_survey_responses",
                columns: new[] { "SurveyId", "DistrictId" });

            migrationBuilder.CreateIndex(
                name: "IX_assessment_survey_responses_SurveyId_RespondentHash",
                table: "assessment_survey_responses",
                columns: new[] { "SurveyId", "RespondentHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assessment_surveys_Token",
                table: "assessment_surveys",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assessment_task_events_OrgUnitId",
                table: "assessment_task_events",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_task_events_TaskId",
                table: "assessment_task_events",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_tasks_board",
                table: "assessment_tasks",
                columns: new[] { "CampaignId", "OrgUnitId", "IndicatorId", "Status", "DueDate", "ReturnCount", "Score" });

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
                name: "assessment_index_components");

            migrationBuilder.DropTable(
                name: "assessment_index_dimensions");

            migrationBuilder.DropTable(
                name: "assessment_index_results");

            migrationBuilder.DropTable(
                name: "assessment_settings");

            migrationBuilder.DropTable(
                name: "assessment_survey_answers");

            migrationBuilder.DropTable(
                name: "assessment_survey_questions");

            migrationBuilder.DropTable(
                name: "assessment_task_events");

            migrationBuilder.DropTable(
                name: "assessment_indexes");

            migrationBuilder.DropTable(
                name: "assessment_survey_responses");

            migrationBuilder.DropTable(
                name: "assessment_tasks");

            migrationBuilder.DropTable(
                name: "assessment_surveys");

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
