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
                name: "disputes_case_counters",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disputes_case_counters", x => x.Year);
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
                    Category = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    PlaceOrgUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    QueryCodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RejectReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_disputes_case_stages_CaseId_EndedOn",
                table: "disputes_case_stages",
                columns: new[] { "CaseId", "EndedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_disputes_case_stages_OrgUnitId",
                table: "disputes_case_stages",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_cases_CaseNumber",
                table: "disputes_cases",
                column: "CaseNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_disputes_cases_OrgUnitId",
                table: "disputes_cases",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_cases_ProfileId",
                table: "disputes_cases",
                column: "ProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_cases_Status_CaseTypeCode",
                table: "disputes_cases",
                columns: new[] { "Status", "CaseTypeCode" });

            migrationBuilder.CreateIndex(
                name: "IX_disputes_cases_Year_Sequence",
                table: "disputes_cases",
                columns: new[] { "Year", "Sequence" },
                unique: true);

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
                name: "IX_disputes_profile_stages_ProfileId_Order",
                table: "disputes_profile_stages",
                columns: new[] { "ProfileId", "Order" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_disputes_profiles_Code_ProfileVersion",
                table: "disputes_profiles",
                columns: new[] { "Code", "ProfileVersion" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "disputes_case_counters");

            migrationBuilder.DropTable(
                name: "disputes_case_stages");

            migrationBuilder.DropTable(
                name: "disputes_parties");

            migrationBuilder.DropTable(
                name: "disputes_profile_stages");

            migrationBuilder.DropTable(
                name: "disputes_cases");

            migrationBuilder.DropTable(
                name: "disputes_profiles");
        }
    }
}
