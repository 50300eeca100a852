using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Lists.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "lists_cert_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DraftVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ItemCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ProposedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ProposedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReviewStatus = table.Column<int>(type: "integer", nullable: false),
                    ReviewNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ReviewedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ReviewedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Matter = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    RequestingUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestingUnitName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IssuingUnit = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LegalBasis = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    NotifyCommit = table.Column<bool>(type: "boolean", nullable: false),
                    CommitmentText = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    VerificationMethod = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    FalseCommitmentConsequence = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ServiceGuide = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CancelledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CancelReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lists_cert_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "lists_cert_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FromVersion = table.Column<int>(type: "integer", nullable: false),
                    ToVersion = table.Column<int>(type: "integer", nullable: true),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Matter = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    RequestingUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestingUnitName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IssuingUnit = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LegalBasis = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    NotifyCommit = table.Column<bool>(type: "boolean", nullable: false),
                    CommitmentText = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    VerificationMethod = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    FalseCommitmentConsequence = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ServiceGuide = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CancelledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CancelReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lists_cert_items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "lists_cert_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    PublishedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lists_cert_versions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "lists_outside_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitAsReported = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    QueryCodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReporterName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContactPhone = table.Column<string>(type: "text", nullable: true),
                    Matter = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    CertificateName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DemandedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Finding = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Answer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    AnsweredBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    AnsweredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    ContactPhoneBlindIndex = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lists_outside_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "lists_settings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportAnswerWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    IntakeUnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lists_settings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_lists_cert_changes_DraftVersionId_ReviewStatus",
                table: "lists_cert_changes",
                columns: new[] { "DraftVersionId", "ReviewStatus" });

            migrationBuilder.CreateIndex(
                name: "IX_lists_cert_changes_OrgUnitId",
                table: "lists_cert_changes",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_lists_cert_items_FromVersion_ToVersion",
                table: "lists_cert_items",
                columns: new[] { "FromVersion", "ToVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_lists_cert_items_ItemCode_FromVersion",
                table: "lists_cert_items",
                columns: new[] { "ItemCode", "FromVersion" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_lists_cert_versions_Number",
                table: "lists_cert_versions",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_lists_outside_reports_ContactPhoneBlindIndex",
                table: "lists_outside_reports",
                column: "ContactPhoneBlindIndex");

            migrationBuilder.CreateIndex(
                name: "IX_lists_outside_reports_Number",
                table: "lists_outside_reports",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_lists_outside_reports_OrgUnitId_Status_DueOn",
                table: "lists_outside_reports",
                columns: new[] { "OrgUnitId", "Status", "DueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "lists_cert_changes");

            migrationBuilder.DropTable(
                name: "lists_cert_items");

            migrationBuilder.DropTable(
                name: "lists_cert_versions");

            migrationBuilder.DropTable(
                name: "lists_outside_reports");

            migrationBuilder.DropTable(
                name: "lists_settings");
        }
    }
}
