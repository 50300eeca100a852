using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Oversight.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Proposals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ProposalMaxMonths",
                table: "oversight_settings",
                type: "integer",
                nullable: false,
                defaultValue: 6);

            migrationBuilder.AddColumn<int>(
                name: "ProposalReReplyMonths",
                table: "oversight_settings",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "ProposalReplyMonths",
                table: "oversight_settings",
                type: "integer",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.AddColumn<int>(
                name: "ProposalTransferDays",
                table: "oversight_settings",
                type: "integer",
                nullable: false,
                defaultValue: 5);

            migrationBuilder.CreateTable(
                name: "oversight_proposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    CoUnitIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Proposer = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Content = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    AssignedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReplyMonths = table.Column<int>(type: "integer", nullable: false),
                    MaxMonths = table.Column<int>(type: "integer", nullable: false),
                    TransferDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    LatestDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    TransferRequestedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    TransferReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    TransferDecision = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ExtendedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExtensionReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ContactedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ContactMethod = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ContactNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RepliedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Reply = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReplyPublic = table.Column<bool>(type: "boolean", nullable: false),
                    FirstEvaluation = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    Evaluation = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    EvaluatedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EvaluationNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ReopenedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReReplyDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SecondRepliedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SecondReply = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oversight_proposals", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_oversight_proposals_OrgUnitId",
                table: "oversight_proposals",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_oversight_proposals_Status_DueOn",
                table: "oversight_proposals",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_oversight_proposals_Year_Kind_Number",
                table: "oversight_proposals",
                columns: new[] { "Year", "Kind", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_oversight_proposals_Year_OrgUnitId",
                table: "oversight_proposals",
                columns: new[] { "Year", "OrgUnitId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "oversight_proposals");

            migrationBuilder.DropColumn(
                name: "ProposalMaxMonths",
                table: "oversight_settings");

            migrationBuilder.DropColumn(
                name: "ProposalReReplyMonths",
                table: "oversight_settings");

            migrationBuilder.DropColumn(
                name: "ProposalReplyMonths",
                table: "oversight_settings");

            migrationBuilder.DropColumn(
                name: "ProposalTransferDays",
                table: "oversight_settings");
        }
    }
}
