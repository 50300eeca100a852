using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Lists.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Verifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "lists_cert_verifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ItemName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Matter = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CaseReference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ApplicantName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    VerifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Finding = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Measures = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    RecordedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lists_cert_verifications", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_lists_cert_verifications_ItemCode_Result",
                table: "lists_cert_verifications",
                columns: new[] { "ItemCode", "Result" });

            migrationBuilder.CreateIndex(
                name: "IX_lists_cert_verifications_OrgUnitId_VerifiedOn",
                table: "lists_cert_verifications",
                columns: new[] { "OrgUnitId", "VerifiedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_lists_cert_verifications_Result_VerifiedOn",
                table: "lists_cert_verifications",
                columns: new[] { "Result", "VerifiedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "lists_cert_verifications");
        }
    }
}
