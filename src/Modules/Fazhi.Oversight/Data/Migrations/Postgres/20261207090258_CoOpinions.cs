using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Oversight.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CoOpinions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CoOpinionsWaiver",
                table: "oversight_proposals",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OrderNoticeNumber",
                table: "oversight_performance_tasks",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "oversight_proposal_co_opinions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    GivenOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Opinion = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    GivenBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oversight_proposal_co_opinions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_oversight_proposal_co_opinions_OrgUnitId_GivenOn",
                table: "oversight_proposal_co_opinions",
                columns: new[] { "OrgUnitId", "GivenOn" });

            migrationBuilder.CreateIndex(
                name: "IX_oversight_proposal_co_opinions_ProposalId_OrgUnitId",
                table: "oversight_proposal_co_opinions",
                columns: new[] { "ProposalId", "OrgUnitId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "oversight_proposal_co_opinions");

            migrationBuilder.DropColumn(
                name: "CoOpinionsWaiver",
                table: "oversight_proposals");

            migrationBuilder.DropColumn(
                name: "OrderNoticeNumber",
                table: "oversight_performance_tasks");
        }
    }
}
