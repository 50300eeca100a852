using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Oversight.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CoOpinionDue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CoOpinionDays",
                table: "oversight_settings",
                type: "integer",
                nullable: false,
                defaultValue: 30); // the default of OversightSettings.CoOpinionDays (ADR 0058), for the existing settings row

            migrationBuilder.AddColumn<DateOnly>(
                name: "DueOn",
                table: "oversight_proposal_co_opinions",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CoOpinionDays",
                table: "oversight_settings");

            migrationBuilder.DropColumn(
                name: "DueOn",
                table: "oversight_proposal_co_opinions");
        }
    }
}
