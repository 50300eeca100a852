using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Oversight.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OrderNoticeNumber",
                table: "oversight_performance_tasks",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "oversight_proposal_co_opinions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GivenOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Opinion = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    GivenBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
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
