using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Oversight.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 6);

            migrationBuilder.AddColumn<int>(
                name: "ProposalReReplyMonths",
                table: "oversight_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "ProposalReplyMonths",
                table: "oversight_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.AddColumn<int>(
                name: "ProposalTransferDays",
                table: "oversight_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 5);

            migrationBuilder.CreateTable(
                name: "oversight_proposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CoUnitIds = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Proposer = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AssignedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReplyMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    TransferDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LatestDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    TransferRequestedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TransferReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    TransferDecision = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ExtendedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExtensionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ContactedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ContactMethod = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ContactNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RepliedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Reply = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ReplyPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    FirstEvaluation = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    Evaluation = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    EvaluatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EvaluationNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReopenedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReReplyDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SecondRepliedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SecondReply = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
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
