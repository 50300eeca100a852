using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Enforcement.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class VersionedRulesProfile : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_enforcement_rules_profiles_Code",
                table: "enforcement_rules_profiles");

            migrationBuilder.AddColumn<DateOnly>(
                name: "EffectiveFrom",
                table: "enforcement_rules_profiles",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "enforcement_rules_profiles",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Number",
                table: "enforcement_rules_profiles",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_rules_profiles_Code_Number",
                table: "enforcement_rules_profiles",
                columns: new[] { "Code", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_enforcement_rules_profiles_Code_Number",
                table: "enforcement_rules_profiles");

            migrationBuilder.DropColumn(
                name: "EffectiveFrom",
                table: "enforcement_rules_profiles");

            migrationBuilder.DropColumn(
                name: "Note",
                table: "enforcement_rules_profiles");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "enforcement_rules_profiles");

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_rules_profiles_Code",
                table: "enforcement_rules_profiles",
                column: "Code",
                unique: true);
        }
    }
}
