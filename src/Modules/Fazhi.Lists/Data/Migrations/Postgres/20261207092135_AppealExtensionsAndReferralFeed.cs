using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Lists.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AppealExtensionsAndReferralFeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "DueOnBeforeExtension",
                table: "lists_appeals",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ExtensionDays",
                table: "lists_appeals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ExtensionDecidedBy",
                table: "lists_appeals",
                type: "character varying(128)",
                maxLength: 128,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "ExtensionDecidedOn",
                table: "lists_appeals",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExtensionDecisionNote",
                table: "lists_appeals",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ExtensionReason",
                table: "lists_appeals",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ExtensionRequestedBy",
                table: "lists_appeals",
                type: "character varying(128)",
                maxLength: 128,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "ExtensionRequestedOn",
                table: "lists_appeals",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExtensionStatus",
                table: "lists_appeals",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ReferrerUserId",
                table: "lists_appeals",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "StateChangedAtUtc",
                table: "lists_appeals",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<int>(
                name: "ExtensionWorkingDays",
                table: "lists_appeal_time_limits",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_lists_appeals_ReferrerUserId_StateChangedAtUtc",
                table: "lists_appeals",
                columns: new[] { "ReferrerUserId", "StateChangedAtUtc" });

            // 投诉 may be extended by 10 working days (济南市优化营商环境条例 第六十二条); the other kinds by none (ADR 0054).
            migrationBuilder.Sql("UPDATE lists_appeal_time_limits SET \"ExtensionWorkingDays\" = 10 WHERE \"Kind\" = 'Complaint';");
            // Existing appeals: their state is as of now, so a first poll without "since" sees them.
            migrationBuilder.Sql("UPDATE lists_appeals SET \"StateChangedAtUtc\" = now();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_lists_appeals_ReferrerUserId_StateChangedAtUtc",
                table: "lists_appeals");

            migrationBuilder.DropColumn(
                name: "DueOnBeforeExtension",
                table: "lists_appeals");

            migrationBuilder.DropColumn(
                name: "ExtensionDays",
                table: "lists_appeals");

            migrationBuilder.DropColumn(
                name: "ExtensionDecidedBy",
                table: "lists_appeals");

            migrationBuilder.DropColumn(
                name: "ExtensionDecidedOn",
                table: "lists_appeals");

            migrationBuilder.DropColumn(
                name: "ExtensionDecisionNote",
                table: "lists_appeals");

            migrationBuilder.DropColumn(
                name: "ExtensionReason",
                table: "lists_appeals");

            migrationBuilder.DropColumn(
                name: "ExtensionRequestedBy",
                table: "lists_appeals");

            migrationBuilder.DropColumn(
                name: "ExtensionRequestedOn",
                table: "lists_appeals");

            migrationBuilder.DropColumn(
                name: "ExtensionStatus",
                table: "lists_appeals");

            migrationBuilder.DropColumn(
                name: "ReferrerUserId",
                table: "lists_appeals");

            migrationBuilder.DropColumn(
                name: "StateChangedAtUtc",
                table: "lists_appeals");

            migrationBuilder.DropColumn(
                name: "ExtensionWorkingDays",
                table: "lists_appeal_time_limits");
        }
    }
}
