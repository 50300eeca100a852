using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Rulemaking.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Advisers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "rulemaking_adviser_engagements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AdviserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ContractNo = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rulemaking_adviser_engagements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rulemaking_legal_advisers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Specialty = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rulemaking_legal_advisers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rulemaking_opinion_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AdviserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AdviserName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AdviserUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SubjectTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RequestedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Opinion = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    AnsweredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rulemaking_opinion_requests", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_rulemaking_adviser_engagements_AdviserId_OrgUnitId",
                table: "rulemaking_adviser_engagements",
                columns: new[] { "AdviserId", "OrgUnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_rulemaking_adviser_engagements_OrgUnitId",
                table: "rulemaking_adviser_engagements",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_rulemaking_legal_advisers_UserId",
                table: "rulemaking_legal_advisers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_rulemaking_opinion_requests_AdviserUserId_AnsweredOn",
                table: "rulemaking_opinion_requests",
                columns: new[] { "AdviserUserId", "AnsweredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_rulemaking_opinion_requests_Number",
                table: "rulemaking_opinion_requests",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rulemaking_opinion_requests_OrgUnitId",
                table: "rulemaking_opinion_requests",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_rulemaking_opinion_requests_Subject_SubjectId",
                table: "rulemaking_opinion_requests",
                columns: new[] { "Subject", "SubjectId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rulemaking_adviser_engagements");

            migrationBuilder.DropTable(
                name: "rulemaking_legal_advisers");

            migrationBuilder.DropTable(
                name: "rulemaking_opinion_requests");
        }
    }
}
