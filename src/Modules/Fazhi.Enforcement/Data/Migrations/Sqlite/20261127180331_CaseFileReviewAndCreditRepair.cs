using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Enforcement.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseFileReviewAndCreditRepair : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "enforcement_credit_repair_rules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrdinaryMinMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    SeriousMinMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enforcement_credit_repair_rules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enforcement_credit_repairs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PublishedDecisionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecisionNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    EnterpriseName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ApplicantName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ContactPhone = table.Column<string>(type: "TEXT", nullable: true),
                    Statement = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Checks = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    ContactPhoneBlindIndex = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enforcement_credit_repairs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enforcement_review_deductions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SampleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Points = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enforcement_review_deductions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enforcement_review_plan_bodies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BodyUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BodyName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ClosedCases = table.Column<int>(type: "INTEGER", nullable: false),
                    Sampled = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enforcement_review_plan_bodies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enforcement_review_plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RubricId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SampleSize = table.Column<int>(type: "INTEGER", nullable: true),
                    SamplePercent = table.Column<int>(type: "INTEGER", nullable: true),
                    Seed = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    DrawnAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enforcement_review_plans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enforcement_review_rectifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BodyUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BodyName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Requirement = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Response = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AnsweredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    SupervisorNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enforcement_review_rectifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enforcement_review_rubric_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RubricId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Seq = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Points = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    DeductionRule = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enforcement_review_rubric_items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enforcement_review_rubrics",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    VersionNo = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ChangeNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SupersededAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enforcement_review_rubrics", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enforcement_review_samples",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BodyUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DrawOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: true),
                    Reviewer = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ScoredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enforcement_review_samples", x => x.Id);
                });

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
                name: "IX_enforcement_credit_repairs_OrgUnitId",
                table: "enforcement_credit_repairs",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_credit_repairs_OrgUnitId_Status",
                table: "enforcement_credit_repairs",
                columns: new[] { "OrgUnitId", "Status" });

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "enforcement_credit_repair_rules");

            migrationBuilder.DropTable(
                name: "enforcement_credit_repairs");

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
        }
    }
}
