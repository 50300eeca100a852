using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Enforcement.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "enforcement_bodies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Powers = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enforcement_bodies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enforcement_case_officers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CertificateNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enforcement_case_officers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enforcement_case_rules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    LargeFinePerson = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    LargeFineOrganisation = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    HearingRequestWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    HearingNoticeWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    DecisionCalendarDays = table.Column<int>(type: "integer", nullable: false),
                    ServiceWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    PaymentCalendarDays = table.Column<int>(type: "integer", nullable: false),
                    SurchargePercentPerDay = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    OnTheSpotPersonMax = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    OnTheSpotOrganisationMax = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    PublicationWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    WarnDaysBeforeDecisionDeadline = table.Column<int>(type: "integer", nullable: false),
                    MinimumOfficers = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enforcement_case_rules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enforcement_case_steps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Seq = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OnDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Actor = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    EvidenceJson = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    PrevHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enforcement_case_steps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enforcement_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    BodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    MatterId = table.Column<Guid>(type: "uuid", nullable: false),
                    MatterName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    OnTheSpot = table.Column<bool>(type: "boolean", nullable: false),
                    Stage = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PartyKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PartyName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    PartyIdNumber = table.Column<string>(type: "text", nullable: true),
                    PartyCreditCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DecisionDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ExtensionDays = table.Column<int>(type: "integer", nullable: false),
                    OrderToCorrectOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FactsJson = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    BenchmarkId = table.Column<Guid>(type: "uuid", nullable: true),
                    BenchmarkNumber = table.Column<int>(type: "integer", nullable: true),
                    EngineTier = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    EngineRangeText = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    EngineRulesJson = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: false),
                    ProposedTier = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    FineAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    PenaltyText = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    WrittenReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    SupervisionFlag = table.Column<bool>(type: "boolean", nullable: false),
                    SupervisionNotes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    IsMajor = table.Column<bool>(type: "boolean", nullable: false),
                    IsSerious = table.Column<bool>(type: "boolean", nullable: false),
                    NotifiedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    HearingOffered = table.Column<bool>(type: "boolean", nullable: false),
                    HearingRequestDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    HearingRequestedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    HearingNoticeOn = table.Column<DateOnly>(type: "date", nullable: true),
                    HearingHeldOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CollectiveDecisionOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecisionNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ServiceDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ServedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PaymentDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Surcharge = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    ExecutedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RevokedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PublicationDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PublishedLate = table.Column<bool>(type: "boolean", nullable: false),
                    LegalReviewPassed = table.Column<bool>(type: "boolean", nullable: false),
                    HeadHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StepCount = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    PartyIdNumberBlindIndex = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enforcement_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enforcement_credit_repair_rules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrdinaryMinMonths = table.Column<int>(type: "integer", nullable: false),
                    SeriousMinMonths = table.Column<int>(type: "integer", nullable: false),
                    Basis = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enforcement_credit_repair_rules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enforcement_credit_repairs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    PublishedDecisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    DecisionNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreditCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    EnterpriseName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ApplicantName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContactPhone = table.Column<string>(type: "text", nullable: true),
                    Statement = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Checks = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DecisionReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    ContactPhoneBlindIndex = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enforcement_credit_repairs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enforcement_inspection_cap_rules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    MaxVisits = table.Column<int>(type: "integer", nullable: false),
                    Period = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ExemptComplaints = table.Column<bool>(type: "boolean", nullable: false),
                    ExemptKeySupervision = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enforcement_inspection_cap_rules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enforcement_legal_reviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Opinion = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Reviewer = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enforcement_legal_reviews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enforcement_matters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    LegalBasis = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    IssuingOrgCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    IssuingBody = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enforcement_matters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enforcement_published_decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    BodyName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    DecisionNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PartyDisplay = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    PartyCreditCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    MatterName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    PenaltyText = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    WithdrawnOn = table.Column<DateOnly>(type: "date", nullable: true),
                    WithdrawnBecause = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enforcement_published_decisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enforcement_published_terms",
                columns: table => new
                {
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Term = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enforcement_published_terms", x => new { x.Term, x.DecisionId });
                });

            migrationBuilder.CreateTable(
                name: "enforcement_review_deductions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SampleId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Points = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enforcement_review_deductions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enforcement_review_plan_bodies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    BodyUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    BodyName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ClosedCases = table.Column<int>(type: "integer", nullable: false),
                    Sampled = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enforcement_review_plan_bodies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enforcement_review_plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: false),
                    RubricId = table.Column<Guid>(type: "uuid", nullable: false),
                    SampleSize = table.Column<int>(type: "integer", nullable: true),
                    SamplePercent = table.Column<int>(type: "integer", nullable: true),
                    Seed = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    DrawnAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FinishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enforcement_review_plans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enforcement_review_rectifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    BodyUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    BodyName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Requirement = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Response = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    AnsweredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AnsweredBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    SupervisorNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enforcement_review_rectifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enforcement_review_rubric_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RubricId = table.Column<Guid>(type: "uuid", nullable: false),
                    Seq = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Points = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    DeductionRule = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enforcement_review_rubric_items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enforcement_review_rubrics",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    VersionNo = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Basis = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ChangeNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    SupersededAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enforcement_review_rubrics", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enforcement_review_samples",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    BodyUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DrawOrder = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    Reviewer = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ScoredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enforcement_review_samples", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enforcement_rules_profiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    NoPenaltyBelowAge = table.Column<int>(type: "integer", nullable: false),
                    MinorBelowAge = table.Column<int>(type: "integer", nullable: false),
                    LimitationYears = table.Column<int>(type: "integer", nullable: false),
                    ExtendedLimitationYears = table.Column<int>(type: "integer", nullable: false),
                    OrderToCorrectBeforeLeniency = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enforcement_rules_profiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enforcement_officers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    BodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CertificateNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CertificateIssuedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CertificateExpiresOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Scope = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enforcement_officers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_enforcement_officers_enforcement_bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "enforcement_bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "enforcement_benchmarks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MatterId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Violation = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ViolationBasis = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    PenaltyBasis = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    IssuingAuthority = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    EffectiveTo = table.Column<DateOnly>(type: "date", nullable: true),
                    IsSample = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enforcement_benchmarks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_enforcement_benchmarks_enforcement_matters_MatterId",
                        column: x => x.MatterId,
                        principalTable: "enforcement_matters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "enforcement_inspection_plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreditCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    EnterpriseName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    MatterId = table.Column<Guid>(type: "uuid", nullable: true),
                    Subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    PlannedDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Inspectors = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Basis = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Trigger = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    VisitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Result = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ResultNotes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CaseReference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CountsAgainstCap = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enforcement_inspection_plans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_enforcement_inspection_plans_enforcement_matters_MatterId",
                        column: x => x.MatterId,
                        principalTable: "enforcement_matters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "enforcement_benchmark_tiers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BenchmarkId = table.Column<Guid>(type: "uuid", nullable: false),
                    Seq = table.Column<int>(type: "integer", nullable: false),
                    Tier = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Conditions = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RangeKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Min = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    Max = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    RangeText = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    OnNoLightList = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enforcement_benchmark_tiers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_enforcement_benchmark_tiers_enforcement_benchmarks_Benchmar~",
                        column: x => x.BenchmarkId,
                        principalTable: "enforcement_benchmarks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_benchmark_tiers_BenchmarkId",
                table: "enforcement_benchmark_tiers",
                column: "BenchmarkId");

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_benchmarks_MatterId_Number",
                table: "enforcement_benchmarks",
                columns: new[] { "MatterId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_bodies_OrgUnitId",
                table: "enforcement_bodies",
                column: "OrgUnitId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_case_officers_CaseId_OfficerId",
                table: "enforcement_case_officers",
                columns: new[] { "CaseId", "OfficerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_case_officers_OrgUnitId",
                table: "enforcement_case_officers",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_case_rules_OrgUnitId",
                table: "enforcement_case_rules",
                column: "OrgUnitId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_case_steps_CaseId_Seq",
                table: "enforcement_case_steps",
                columns: new[] { "CaseId", "Seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_case_steps_OrgUnitId",
                table: "enforcement_case_steps",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_cases_IsMajor_LegalReviewPassed_Stage_OrgUnitId~",
                table: "enforcement_cases",
                columns: new[] { "IsMajor", "LegalReviewPassed", "Stage", "OrgUnitId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_cases_Number",
                table: "enforcement_cases",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_cases_OrgUnitId_Stage_DecisionDueOn",
                table: "enforcement_cases",
                columns: new[] { "OrgUnitId", "Stage", "DecisionDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_cases_PartyIdNumberBlindIndex",
                table: "enforcement_cases",
                column: "PartyIdNumberBlindIndex");

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_cases_PublishedLate_Stage_OrgUnitId_Publication~",
                table: "enforcement_cases",
                columns: new[] { "PublishedLate", "Stage", "OrgUnitId", "PublicationDueOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_cases_Stage_DecisionDueOn_OrgUnitId",
                table: "enforcement_cases",
                columns: new[] { "Stage", "DecisionDueOn", "OrgUnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_cases_Stage_PublishedOn_PublicationDueOn_OrgUni~",
                table: "enforcement_cases",
                columns: new[] { "Stage", "PublishedOn", "PublicationDueOn", "OrgUnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_cases_SupervisionFlag_Stage_OrgUnitId_Id",
                table: "enforcement_cases",
                columns: new[] { "SupervisionFlag", "Stage", "OrgUnitId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_credit_repairs_CaseId",
                table: "enforcement_credit_repairs",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_credit_repairs_ContactPhoneBlindIndex",
                table: "enforcement_credit_repairs",
                column: "ContactPhoneBlindIndex");

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_credit_repairs_CreditCode_DecisionNumber",
                table: "enforcement_credit_repairs",
                columns: new[] { "CreditCode", "DecisionNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_credit_repairs_OrgUnitId_Status",
                table: "enforcement_credit_repairs",
                columns: new[] { "OrgUnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_inspection_cap_rules_Code",
                table: "enforcement_inspection_cap_rules",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_inspection_plans_CreditCode_PlannedDate",
                table: "enforcement_inspection_plans",
                columns: new[] { "CreditCode", "PlannedDate" });

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_inspection_plans_MatterId",
                table: "enforcement_inspection_plans",
                column: "MatterId");

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_inspection_plans_OrgUnitId",
                table: "enforcement_inspection_plans",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_inspection_plans_VisitId",
                table: "enforcement_inspection_plans",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_legal_reviews_CaseId",
                table: "enforcement_legal_reviews",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_legal_reviews_OrgUnitId_Opinion",
                table: "enforcement_legal_reviews",
                columns: new[] { "OrgUnitId", "Opinion" });

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_matters_Code",
                table: "enforcement_matters",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_officers_BodyId",
                table: "enforcement_officers",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_officers_CertificateExpiresOn",
                table: "enforcement_officers",
                column: "CertificateExpiresOn");

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_officers_CertificateNumber",
                table: "enforcement_officers",
                column: "CertificateNumber");

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_officers_OrgUnitId",
                table: "enforcement_officers",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_published_decisions_CaseId",
                table: "enforcement_published_decisions",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_published_decisions_DecisionNumber",
                table: "enforcement_published_decisions",
                column: "DecisionNumber");

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_published_decisions_OrgUnitId_DecidedOn",
                table: "enforcement_published_decisions",
                columns: new[] { "OrgUnitId", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_published_decisions_PartyCreditCode",
                table: "enforcement_published_decisions",
                column: "PartyCreditCode");

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_published_decisions_Published",
                table: "enforcement_published_decisions",
                columns: new[] { "DecidedOn", "Id" },
                filter: "\"WithdrawnOn\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_published_decisions_WithdrawnOn_DecidedOn_Id",
                table: "enforcement_published_decisions",
                columns: new[] { "WithdrawnOn", "DecidedOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_published_terms_DecisionId",
                table: "enforcement_published_terms",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_review_deductions_PlanId",
                table: "enforcement_review_deductions",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_review_deductions_SampleId_ItemId",
                table: "enforcement_review_deductions",
                columns: new[] { "SampleId", "ItemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_review_plan_bodies_BodyUnitId",
                table: "enforcement_review_plan_bodies",
                column: "BodyUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_review_plan_bodies_PlanId_BodyUnitId",
                table: "enforcement_review_plan_bodies",
                columns: new[] { "PlanId", "BodyUnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_review_plans_OwnerUnitId_Year",
                table: "enforcement_review_plans",
                columns: new[] { "OwnerUnitId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_review_rectifications_BodyUnitId_Status",
                table: "enforcement_review_rectifications",
                columns: new[] { "BodyUnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_review_rectifications_PlanId",
                table: "enforcement_review_rectifications",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_review_rubric_items_RubricId_Seq",
                table: "enforcement_review_rubric_items",
                columns: new[] { "RubricId", "Seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_review_rubrics_Code_VersionNo",
                table: "enforcement_review_rubrics",
                columns: new[] { "Code", "VersionNo" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_review_samples_BodyUnitId",
                table: "enforcement_review_samples",
                column: "BodyUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_review_samples_PlanId_CaseId",
                table: "enforcement_review_samples",
                columns: new[] { "PlanId", "CaseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_rules_profiles_Code_Number",
                table: "enforcement_rules_profiles",
                columns: new[] { "Code", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "enforcement_benchmark_tiers");

            migrationBuilder.DropTable(
                name: "enforcement_case_officers");

            migrationBuilder.DropTable(
                name: "enforcement_case_rules");

            migrationBuilder.DropTable(
                name: "enforcement_case_steps");

            migrationBuilder.DropTable(
                name: "enforcement_cases");

            migrationBuilder.DropTable(
                name: "enforcement_credit_repair_rules");

            migrationBuilder.DropTable(
                name: "enforcement_credit_repairs");

            migrationBuilder.DropTable(
                name: "enforcement_inspection_cap_rules");

            migrationBuilder.DropTable(
                name: "enforcement_inspection_plans");

            migrationBuilder.DropTable(
                name: "enforcement_legal_reviews");

            migrationBuilder.DropTable(
                name: "enforcement_officers");

            migrationBuilder.DropTable(
                name: "enforcement_published_decisions");

            migrationBuilder.DropTable(
                name: "enforcement_published_terms");

            migrationBuilder.DropTable(
                name: "enforcement_review_deductions");

            migrationBuilder.DropTable(
                name: "enforcement_review_plan_bodies");

            migrationBuilder.DropTable(
                name: "enforcement_review_plans");

            migrationBuilder.DropTable(
                name: "enforcement_review_rectifications");

            migrationBuilder.DropTable(
                name: "enforcement_review_rubric_items");

            migrationBuilder.DropTable(
                name: "enforcement_review_rubrics");

            migrationBuilder.DropTable(
                name: "enforcement_review_samples");

            migrationBuilder.DropTable(
                name: "enforcement_rules_profiles");

            migrationBuilder.DropTable(
                name: "enforcement_benchmarks");

            migrationBuilder.DropTable(
                name: "enforcement_bodies");

            migrationBuilder.DropTable(
                name: "enforcement_matters");
        }
    }
}
