using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Lists.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AppealId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AddedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    AddedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Opinion = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    OpinionOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lists_appeal_cohandlers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "lists_appeal_time_limits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    WorkingDays = table.Column<int>(type: "integer", nullable: false),
                    Basis = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lists_appeal_time_limits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "lists_appeals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReferralId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreditCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    EnterpriseName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContactName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContactPhone = table.Column<string>(type: "text", nullable: true),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Content = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    PowerItemCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PowerItemName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    RoutingReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RoutingLog = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    QueryCodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reply = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RepliedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RepliedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    WasLate = table.Column<bool>(type: "boolean", nullable: false),
                    EscalatedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Rating = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    RatingComment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RatedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FollowUpNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ReopenCount = table.Column<int>(type: "integer", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    ContactPhoneBlindIndex = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
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
