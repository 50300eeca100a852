using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Oversight.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "oversight_lawsuits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Court = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Plaintiff = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActSued = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ActKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ComplaintReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AnswerDays = table.Column<int>(type: "INTEGER", nullable: false),
                    AnswerDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AnsweredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NextHearingOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FirstHearingOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HeadAppeared = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ServedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AppealDays = table.Column<int>(type: "INTEGER", nullable: true),
                    AppealDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Lost = table.Column<bool>(type: "INTEGER", nullable: false),
                    ResultNotes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RelatedRecord = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oversight_lawsuits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "oversight_settings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AnswerDays = table.Column<int>(type: "INTEGER", nullable: false),
                    JudgmentAppealDays = table.Column<int>(type: "INTEGER", nullable: false),
                    RulingAppealDays = table.Column<int>(type: "INTEGER", nullable: false),
                    WarnDays = table.Column<int>(type: "INTEGER", nullable: false),
                    HearingNoticeDays = table.Column<int>(type: "INTEGER", nullable: false),
                    SuggestionReplyMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    UrgentSuggestionDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oversight_settings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "oversight_suggestions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Issuer = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IssuerDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Urgent = table.Column<bool>(type: "INTEGER", nullable: false),
                    DueBasis = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ReplyDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RepliedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Reply = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Rectification = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LawsuitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oversight_suggestions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "oversight_lawsuit_hearings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LawsuitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Appearance = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AppearedName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    AppearedTitle = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oversight_lawsuit_hearings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_oversight_lawsuit_hearings_oversight_lawsuits_LawsuitId",
                        column: x => x.LawsuitId,
                        principalTable: "oversight_lawsuits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_oversight_lawsuit_hearings_LawsuitId",
                table: "oversight_lawsuit_hearings",
                column: "LawsuitId");

            migrationBuilder.CreateIndex(
                name: "IX_oversight_lawsuit_hearings_OrgUnitId",
                table: "oversight_lawsuit_hearings",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_oversight_lawsuits_CaseNumber_OrgUnitId",
                table: "oversight_lawsuits",
                columns: new[] { "CaseNumber", "OrgUnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_oversight_lawsuits_DecidedOn_OrgUnitId",
                table: "oversight_lawsuits",
                columns: new[] { "DecidedOn", "OrgUnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_oversight_lawsuits_FirstHearingOn_OrgUnitId",
                table: "oversight_lawsuits",
                columns: new[] { "FirstHearingOn", "OrgUnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_oversight_lawsuits_OrgUnitId",
                table: "oversight_lawsuits",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_oversight_lawsuits_Status_AnswerDueOn",
                table: "oversight_lawsuits",
                columns: new[] { "Status", "AnswerDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_oversight_suggestions_DocumentNumber_OrgUnitId",
                table: "oversight_suggestions",
                columns: new[] { "DocumentNumber", "OrgUnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_oversight_suggestions_OrgUnitId",
                table: "oversight_suggestions",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_oversight_suggestions_ReceivedOn_OrgUnitId",
                table: "oversight_suggestions",
                columns: new[] { "ReceivedOn", "OrgUnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_oversight_suggestions_Status_ReplyDueOn",
                table: "oversight_suggestions",
                columns: new[] { "Status", "ReplyDueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "oversight_lawsuit_hearings");

            migrationBuilder.DropTable(
                name: "oversight_settings");

            migrationBuilder.DropTable(
                name: "oversight_suggestions");

            migrationBuilder.DropTable(
                name: "oversight_lawsuits");
        }
    }
}
