using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Disputes.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseHandling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AssigneeName",
                table: "disputes_cases",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AssigneeUserId",
                table: "disputes_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedOn",
                table: "disputes_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DueOn",
                table: "disputes_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IntakeFlag",
                table: "disputes_cases",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "KnewOn",
                table: "disputes_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResultCode",
                table: "disputes_cases",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResultName",
                table: "disputes_cases",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Simplified",
                table: "disputes_cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Suspended",
                table: "disputes_cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "ToldOfRight",
                table: "disputes_cases",
                type: "INTEGER",
                nullable: true);

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
                name: "IX_disputes_cases_AssigneeUserId_Status_DueOn",
                table: "disputes_cases",
                columns: new[] { "AssigneeUserId", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_disputes_cases_OrgUnitId_Status_DueOn",
                table: "disputes_cases",
                columns: new[] { "OrgUnitId", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_disputes_cases_Status_DueOn",
                table: "disputes_cases",
                columns: new[] { "Status", "DueOn" });

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
                name: "IX_disputes_doc_templates_Kind",
                table: "disputes_doc_templates",
                column: "Kind",
                unique: true);

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "disputes_case_documents");

            migrationBuilder.DropTable(
                name: "disputes_case_events");

            migrationBuilder.DropTable(
                name: "disputes_doc_counters");

            migrationBuilder.DropTable(
                name: "disputes_doc_templates");

            migrationBuilder.DropTable(
                name: "disputes_profile_options");

            migrationBuilder.DropTable(
                name: "disputes_profile_rules");

            migrationBuilder.DropTable(
                name: "disputes_stage_extensions");

            migrationBuilder.DropTable(
                name: "disputes_stage_pauses");

            migrationBuilder.DropIndex(
                name: "IX_disputes_cases_AssigneeUserId_Status_DueOn",
                table: "disputes_cases");

            migrationBuilder.DropIndex(
                name: "IX_disputes_cases_OrgUnitId_Status_DueOn",
                table: "disputes_cases");

            migrationBuilder.DropIndex(
                name: "IX_disputes_cases_Status_DueOn",
                table: "disputes_cases");

            migrationBuilder.DropColumn(
                name: "AssigneeName",
                table: "disputes_cases");

            migrationBuilder.DropColumn(
                name: "AssigneeUserId",
                table: "disputes_cases");

            migrationBuilder.DropColumn(
                name: "ClosedOn",
                table: "disputes_cases");

            migrationBuilder.DropColumn(
                name: "DueOn",
                table: "disputes_cases");

            migrationBuilder.DropColumn(
                name: "IntakeFlag",
                table: "disputes_cases");

            migrationBuilder.DropColumn(
                name: "KnewOn",
                table: "disputes_cases");

            migrationBuilder.DropColumn(
                name: "ResultCode",
                table: "disputes_cases");

            migrationBuilder.DropColumn(
                name: "ResultName",
                table: "disputes_cases");

            migrationBuilder.DropColumn(
                name: "Simplified",
                table: "disputes_cases");

            migrationBuilder.DropColumn(
                name: "Suspended",
                table: "disputes_cases");

            migrationBuilder.DropColumn(
                name: "ToldOfRight",
                table: "disputes_cases");
        }
    }
}
