using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Enforcement.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EnterpriseInspections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "enforcement_inspection_cap_rules");

            migrationBuilder.DropTable(
                name: "enforcement_inspection_plans");
        }
    }
}
