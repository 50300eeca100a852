using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Oversight.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CoOpinionRoundsAndAppealLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_oversight_proposal_co_opinions_ProposalId_OrgUnitId",
                table: "oversight_proposal_co_opinions");

            migrationBuilder.AddColumn<string>(
                name: "ReReplyCoOpinionsWaiver",
                table: "oversight_proposals",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Round",
                table: "oversight_proposal_co_opinions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1); // existing rows are the first round's (ADR 0066)

            migrationBuilder.AddColumn<Guid>(
                name: "AppealLawsuitId",
                table: "oversight_disclosure_requests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ReconsiderationCaseId",
                table: "oversight_disclosure_requests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReconsiderationCaseNumber",
                table: "oversight_disclosure_requests",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_oversight_proposal_co_opinions_ProposalId_OrgUnitId_Round",
                table: "oversight_proposal_co_opinions",
                columns: new[] { "ProposalId", "OrgUnitId", "Round" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_oversight_disclosure_requests_AppealLawsuitId",
                table: "oversight_disclosure_requests",
                column: "AppealLawsuitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_oversight_proposal_co_opinions_ProposalId_OrgUnitId_Round",
                table: "oversight_proposal_co_opinions");

            migrationBuilder.DropIndex(
                name: "IX_oversight_disclosure_requests_AppealLawsuitId",
                table: "oversight_disclosure_requests");

            migrationBuilder.DropColumn(
                name: "ReReplyCoOpinionsWaiver",
                table: "oversight_proposals");

            migrationBuilder.DropColumn(
                name: "Round",
                table: "oversight_proposal_co_opinions");

            migrationBuilder.DropColumn(
                name: "AppealLawsuitId",
                table: "oversight_disclosure_requests");

            migrationBuilder.DropColumn(
                name: "ReconsiderationCaseId",
                table: "oversight_disclosure_requests");

            migrationBuilder.DropColumn(
                name: "ReconsiderationCaseNumber",
                table: "oversight_disclosure_requests");

            migrationBuilder.CreateIndex(
                name: "IX_oversight_proposal_co_opinions_ProposalId_OrgUnitId",
                table: "oversight_proposal_co_opinions",
                columns: new[] { "ProposalId", "OrgUnitId" },
                unique: true);
        }
    }
}
