using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Disputes.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "disputes_doc_counters",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disputes_doc_counters", x => new { x.Kind, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "disputes_doc_templates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    NumberPattern = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Issuer = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Signature = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    DocxFile = table.Column<byte[]>(type: "BLOB", nullable: true),
                    DocxFileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disputes_doc_templates", x => x.Id);
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
                name: "disputes_profiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ProfileVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SourceNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disputes_profiles", x => x.Id);
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
                name: "disputes_stats_rollup",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseTypeCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Channel = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: true),
                    ResultKind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Rating = table.Column<int>(type: "INTEGER", nullable: true),
                    OnTime = table.Column<bool>(type: "INTEGER", nullable: true),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    DurationDays = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disputes_stats_rollup", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "disputes_stats_state",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    BuiltAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disputes_stats_state", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "disputes_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    CaseTypeCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ProfileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProfileVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    ExternalSystem = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    ReferredByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    PlaceOrgUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    QueryCodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RejectReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AssigneeUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssigneeName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    KnewOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ToldOfRight = table.Column<bool>(type: "INTEGER", nullable: true),
                    IntakeFlag = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Simplified = table.Column<bool>(type: "INTEGER", nullable: false),
                    Suspended = table.Column<bool>(type: "INTEGER", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ResultCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ResultName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    MergedIntoCaseId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disputes_cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_disputes_cases_disputes_profiles_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "disputes_profiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "disputes_profile_options",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProfileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Article = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disputes_profile_options", x => x.Id);
                    table.ForeignKey(
                        name: "FK_disputes_profile_options_disputes_profiles_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "disputes_profiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "disputes_profile_rules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProfileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Value = table.Column<int>(type: "INTEGER", nullable: false),
                    DayKind = table.Column<int>(type: "INTEGER", nullable: true),
                    Article = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disputes_profile_rules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_disputes_profile_rules_disputes_profiles_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "disputes_profiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "disputes_profile_stages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProfileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Days = table.Column<int>(type: "INTEGER", nullable: false),
                    DayKind = table.Column<int>(type: "INTEGER", nullable: false),
                    Article = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Optional = table.Column<bool>(type: "INTEGER", nullable: false),
                    MaxExtensions = table.Column<int>(type: "INTEGER", nullable: false),
                    ExtensionDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disputes_profile_stages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_disputes_profile_stages_disputes_profiles_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "disputes_profiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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

            migrationBuilder.CreateTable(
                name: "disputes_case_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disputes_case_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_disputes_case_documents_disputes_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "disputes_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "disputes_case_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    OnDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ActorUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SessionAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Participants = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disputes_case_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_disputes_case_events_disputes_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "disputes_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "disputes_case_stages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StageCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StageName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Days = table.Column<int>(type: "INTEGER", nullable: false),
                    DayKind = table.Column<int>(type: "INTEGER", nullable: false),
                    Article = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OnTime = table.Column<bool>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disputes_case_stages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_disputes_case_stages_disputes_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "disputes_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "disputes_parties",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    IdNumber = table.Column<string>(type: "TEXT", nullable: true),
                    CreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    IdNumberBlindIndex = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PhoneBlindIndex = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disputes_parties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_disputes_parties_disputes_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "disputes_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "disputes_stage_extensions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Days = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    RequestedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DecidedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disputes_stage_extensions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_disputes_stage_extensions_disputes_case_stages_StageId",
                        column: x => x.StageId,
                        principalTable: "disputes_case_stages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "disputes_stage_pauses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PausedFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ResumedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disputes_stage_pauses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_disputes_stage_pauses_disputes_case_stages_StageId",
                        column: x => x.StageId,
                        principalTable: "disputes_case_stages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_disputes_case_documents_CaseId_Kind",
                table: "disputes_case_documents",
                columns: new[] { "CaseId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_disputes_case_documents_Kind_Year_Sequence",
                table: "disputes_case_documents",
                columns: new[] { "Kind", "Year", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_disputes_case_documents_OrgUnitId",
                table: "disputes_case_documents",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_case_events_CaseId_Kind",
                table: "disputes_case_events",
                columns: new[] { "CaseId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_disputes_case_events_OrgUnitId",
                table: "disputes_case_events",
                column: "OrgUnitId");

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
                name: "IX_disputes_case_stages_CaseId_EndedOn",
                table: "disputes_case_stages",
                columns: new[] { "CaseId", "EndedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_disputes_case_stages_OrgUnitId",
                table: "disputes_case_stages",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_case_stages_stats_ended",
                table: "disputes_case_stages",
                columns: new[] { "EndedOn", "OrgUnitId", "OnTime" });

            migrationBuilder.CreateIndex(
                name: "IX_disputes_cases_CaseNumber",
                table: "disputes_cases",
                column: "CaseNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_disputes_cases_ExternalSystem_ExternalId",
                table: "disputes_cases",
                columns: new[] { "ExternalSystem", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_disputes_cases_open_assignee_unit_due",
                table: "disputes_cases",
                columns: new[] { "AssigneeUserId", "OrgUnitId", "DueOn", "Id", "Status" },
                filter: "\"Status\" IN (1, 2)");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_cases_open_due",
                table: "disputes_cases",
                columns: new[] { "DueOn", "Id" },
                filter: "\"Status\" IN (1, 2)");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_cases_open_unit_due",
                table: "disputes_cases",
                columns: new[] { "OrgUnitId", "DueOn", "Id" },
                filter: "\"Status\" IN (1, 2)");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_cases_OrgUnitId_Id",
                table: "disputes_cases",
                columns: new[] { "OrgUnitId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_disputes_cases_pending_unit",
                table: "disputes_cases",
                columns: new[] { "OrgUnitId", "Id" },
                filter: "\"Status\" = 1");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_cases_ProfileId",
                table: "disputes_cases",
                column: "ProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_cases_stats_received",
                table: "disputes_cases",
                columns: new[] { "ReceivedOn", "OrgUnitId", "CaseTypeCode", "Channel", "Status", "MergedIntoCaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_disputes_cases_Status_CaseTypeCode",
                table: "disputes_cases",
                columns: new[] { "Status", "CaseTypeCode" });

            migrationBuilder.CreateIndex(
                name: "IX_disputes_cases_Status_DueOn",
                table: "disputes_cases",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_disputes_cases_Year_Sequence",
                table: "disputes_cases",
                columns: new[] { "Year", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_disputes_doc_templates_Kind",
                table: "disputes_doc_templates",
                column: "Kind",
                unique: true);

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
                name: "IX_disputes_follow_ups_Done_DueOn",
                table: "disputes_follow_ups",
                columns: new[] { "Done", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_disputes_follow_ups_OrgUnitId_Done_DueOn_Id",
                table: "disputes_follow_ups",
                columns: new[] { "OrgUnitId", "Done", "DueOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_disputes_follow_ups_stats_closed",
                table: "disputes_follow_ups",
                columns: new[] { "ClosedOn", "OrgUnitId", "CaseTypeCode", "ResultKind", "Rating", "DurationDays" });

            migrationBuilder.CreateIndex(
                name: "IX_disputes_follow_ups_TokenHash",
                table: "disputes_follow_ups",
                column: "TokenHash");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_parties_CaseId",
                table: "disputes_parties",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_parties_CreditCode",
                table: "disputes_parties",
                column: "CreditCode");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_parties_IdNumberBlindIndex",
                table: "disputes_parties",
                column: "IdNumberBlindIndex");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_parties_OrgUnitId",
                table: "disputes_parties",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_parties_PhoneBlindIndex",
                table: "disputes_parties",
                column: "PhoneBlindIndex");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_profile_options_ProfileId_Kind_Code",
                table: "disputes_profile_options",
                columns: new[] { "ProfileId", "Kind", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_disputes_profile_rules_ProfileId_Key",
                table: "disputes_profile_rules",
                columns: new[] { "ProfileId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_disputes_profile_stages_ProfileId_Order",
                table: "disputes_profile_stages",
                columns: new[] { "ProfileId", "Order" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_disputes_profiles_Code_ProfileVersion",
                table: "disputes_profiles",
                columns: new[] { "Code", "ProfileVersion" },
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_disputes_stage_extensions_CaseId_Status",
                table: "disputes_stage_extensions",
                columns: new[] { "CaseId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_disputes_stage_extensions_OrgUnitId",
                table: "disputes_stage_extensions",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_stage_extensions_StageId",
                table: "disputes_stage_extensions",
                column: "StageId");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_stage_pauses_CaseId",
                table: "disputes_stage_pauses",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_stage_pauses_OrgUnitId",
                table: "disputes_stage_pauses",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_stage_pauses_StageId",
                table: "disputes_stage_pauses",
                column: "StageId");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_stats_rollup_Kind_Month",
                table: "disputes_stats_rollup",
                columns: new[] { "Kind", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_disputes_stats_rollup_OrgUnitId",
                table: "disputes_stats_rollup",
                column: "OrgUnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "disputes_case_documents");

            migrationBuilder.DropTable(
                name: "disputes_case_events");

            migrationBuilder.DropTable(
                name: "disputes_case_merges");

            migrationBuilder.DropTable(
                name: "disputes_doc_counters");

            migrationBuilder.DropTable(
                name: "disputes_doc_templates");

            migrationBuilder.DropTable(
                name: "disputes_duplicate_flags");

            migrationBuilder.DropTable(
                name: "disputes_follow_ups");

            migrationBuilder.DropTable(
                name: "disputes_front_desk_settings");

            migrationBuilder.DropTable(
                name: "disputes_parties");

            migrationBuilder.DropTable(
                name: "disputes_profile_options");

            migrationBuilder.DropTable(
                name: "disputes_profile_rules");

            migrationBuilder.DropTable(
                name: "disputes_profile_stages");

            migrationBuilder.DropTable(
                name: "disputes_review_tasks");

            migrationBuilder.DropTable(
                name: "disputes_routing_decisions");

            migrationBuilder.DropTable(
                name: "disputes_routing_rules");

            migrationBuilder.DropTable(
                name: "disputes_stage_extensions");

            migrationBuilder.DropTable(
                name: "disputes_stage_pauses");

            migrationBuilder.DropTable(
                name: "disputes_stats_rollup");

            migrationBuilder.DropTable(
                name: "disputes_stats_state");

            migrationBuilder.DropTable(
                name: "disputes_routing_rule_sets");

            migrationBuilder.DropTable(
                name: "disputes_case_stages");

            migrationBuilder.DropTable(
                name: "disputes_cases");

            migrationBuilder.DropTable(
                name: "disputes_profiles");
        }
    }
}
