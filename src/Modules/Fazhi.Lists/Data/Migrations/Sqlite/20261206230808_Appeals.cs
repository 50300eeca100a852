using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Lists.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Appeals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "lists_appeal_cohandlers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AppealId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AddedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    AddedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Opinion = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OpinionOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lists_appeal_cohandlers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "lists_appeal_time_limits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    WorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lists_appeal_time_limits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "lists_appeals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReferralId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    EnterpriseName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ContactPhone = table.Column<string>(type: "TEXT", nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    PowerItemCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PowerItemName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    RoutingReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RoutingLog = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    QueryCodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reply = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RepliedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    RepliedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WasLate = table.Column<bool>(type: "INTEGER", nullable: false),
                    EscalatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Rating = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    RatingComment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FollowUpNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ReopenCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    ContactPhoneBlindIndex = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lists_appeals", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_lists_appeal_cohandlers_AppealId",
                table: "lists_appeal_cohandlers",
                column: "AppealId");

            migrationBuilder.CreateIndex(
                name: "IX_lists_appeal_cohandlers_OrgUnitId_AppealId",
                table: "lists_appeal_cohandlers",
                columns: new[] { "OrgUnitId", "AppealId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_lists_appeal_time_limits_Kind",
                table: "lists_appeal_time_limits",
                column: "Kind",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_lists_appeals_ContactPhoneBlindIndex",
                table: "lists_appeals",
                column: "ContactPhoneBlindIndex");

            migrationBuilder.CreateIndex(
                name: "IX_lists_appeals_CreditCode",
                table: "lists_appeals",
                column: "CreditCode");

            migrationBuilder.CreateIndex(
                name: "IX_lists_appeals_Number",
                table: "lists_appeals",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_lists_appeals_OrgUnitId_Status_DueOn",
                table: "lists_appeals",
                columns: new[] { "OrgUnitId", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_lists_appeals_ReferralId",
                table: "lists_appeals",
                column: "ReferralId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "lists_appeal_cohandlers");

            migrationBuilder.DropTable(
                name: "lists_appeal_time_limits");

            migrationBuilder.DropTable(
                name: "lists_appeals");
        }
    }
}
