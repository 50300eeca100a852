using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Oversight.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Disclosure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The settings row already saved gets the statutory defaults (政府信息公开条例 第三十三条: 20 + 20 working days; 第三十条: 7).
            migrationBuilder.AddColumn<int>(
                name: "DisclosureCorrectionNoticeWorkingDays",
                table: "oversight_settings",
                type: "integer",
                nullable: false,
                defaultValue: 7);

            migrationBuilder.AddColumn<int>(
                name: "DisclosureExtensionWorkingDays",
                table: "oversight_settings",
                type: "integer",
                nullable: false,
                defaultValue: 20);

            migrationBuilder.AddColumn<int>(
                name: "DisclosureReplyWorkingDays",
                table: "oversight_settings",
                type: "integer",
                nullable: false,
                defaultValue: 20);

            migrationBuilder.CreateTable(
                name: "oversight_disclosure_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    QueryCodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ApplicantKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ApplicantName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ContactPhone = table.Column<string>(type: "text", nullable: true),
                    ContactAddress = table.Column<string>(type: "text", nullable: true),
                    Email = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Form = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReplyWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    ExtensionLimitDays = table.Column<int>(type: "integer", nullable: false),
                    CorrectionNoticeBy = table.Column<DateOnly>(type: "date", nullable: false),
                    CorrectionRequestedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CorrectionNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CorrectionDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CorrectedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExtensionDays = table.Column<int>(type: "integer", nullable: false),
                    ExtensionReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ExtensionApprovedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ExtendedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    ReplyKind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    ReplyText = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReplyBasis = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ResponsibleBody = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    RepliedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    ContactAddressBlindIndex = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ContactPhoneBlindIndex = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oversight_disclosure_requests", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_oversight_disclosure_requests_ContactAddressBlindIndex",
                table: "oversight_disclosure_requests",
                column: "ContactAddressBlindIndex");

            migrationBuilder.CreateIndex(
                name: "IX_oversight_disclosure_requests_ContactPhoneBlindIndex",
                table: "oversight_disclosure_requests",
                column: "ContactPhoneBlindIndex");

            migrationBuilder.CreateIndex(
                name: "IX_oversight_disclosure_requests_Number",
                table: "oversight_disclosure_requests",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_oversight_disclosure_requests_OrgUnitId",
                table: "oversight_disclosure_requests",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_oversight_disclosure_requests_ReceivedOn_OrgUnitId",
                table: "oversight_disclosure_requests",
                columns: new[] { "ReceivedOn", "OrgUnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_oversight_disclosure_requests_Status_DueOn",
                table: "oversight_disclosure_requests",
                columns: new[] { "Status", "DueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "oversight_disclosure_requests");

            migrationBuilder.DropColumn(
                name: "DisclosureCorrectionNoticeWorkingDays",
                table: "oversight_settings");

            migrationBuilder.DropColumn(
                name: "DisclosureExtensionWorkingDays",
                table: "oversight_settings");

            migrationBuilder.DropColumn(
                name: "DisclosureReplyWorkingDays",
                table: "oversight_settings");
        }
    }
}
