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
                name: "enforcement_rules_profiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
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
                name: "IX_enforcement_matters_Code",
                table: "enforcement_matters",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_rules_profiles_Code",
                table: "enforcement_rules_profiles",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "enforcement_benchmark_tiers");

            migrationBuilder.DropTable(
                name: "enforcement_rules_profiles");

            migrationBuilder.DropTable(
                name: "enforcement_benchmarks");

            migrationBuilder.DropTable(
                name: "enforcement_matters");
        }
    }
}
