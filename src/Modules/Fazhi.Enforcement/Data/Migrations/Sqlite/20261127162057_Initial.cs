using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Enforcement.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    IssuingOrgCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IssuingBody = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enforcement_matters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enforcement_rules_profiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    NoPenaltyBelowAge = table.Column<int>(type: "INTEGER", nullable: false),
                    MinorBelowAge = table.Column<int>(type: "INTEGER", nullable: false),
                    LimitationYears = table.Column<int>(type: "INTEGER", nullable: false),
                    ExtendedLimitationYears = table.Column<int>(type: "INTEGER", nullable: false),
                    OrderToCorrectBeforeLeniency = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enforcement_rules_profiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enforcement_benchmarks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MatterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Violation = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ViolationBasis = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    PenaltyBasis = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    IssuingAuthority = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EffectiveTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IsSample = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BenchmarkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Seq = table.Column<int>(type: "INTEGER", nullable: false),
                    Tier = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Conditions = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RangeKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Min = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Max = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    RangeText = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    OnNoLightList = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enforcement_benchmark_tiers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_enforcement_benchmark_tiers_enforcement_benchmarks_BenchmarkId",
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
