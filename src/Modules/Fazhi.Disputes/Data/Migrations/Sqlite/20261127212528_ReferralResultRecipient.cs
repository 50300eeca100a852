using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Disputes.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReferralResultRecipient : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ReferredByUserId",
                table: "disputes_cases",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReferredByUserId",
                table: "disputes_cases");
        }
    }
}
