using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Learning.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Exams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "learning_attempt_items",
                columns: table => new
                {
                    AttemptId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    QuestionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OptionOrder = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Answer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AnsweredAtMs = table.Column<long>(type: "bigint", nullable: true),
                    Points = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    MaxPoints = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learning_attempt_items", x => new { x.AttemptId, x.Position });
                });

            migrationBuilder.CreateTable(
                name: "learning_attempts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ExamId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Seed = table.Column<int>(type: "integer", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DeadlineMs = table.Column<long>(type: "bigint", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TimedOut = table.Column<bool>(type: "boolean", nullable: false),
                    Session = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SwitchCount = table.Column<int>(type: "integer", nullable: false),
                    ExtraMinutes = table.Column<int>(type: "integer", nullable: false),
                    ExtraReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Score = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    MaxScore = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    PendingMarks = table.Column<int>(type: "integer", nullable: false),
                    Passed = table.Column<bool>(type: "boolean", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learning_attempts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "learning_exams",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PaperId = table.Column<Guid>(type: "uuid", nullable: false),
                    OpensAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosesAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TimeLimitMinutes = table.Column<int>(type: "integer", nullable: false),
                    MaxAttempts = table.Column<int>(type: "integer", nullable: false),
                    PassMark = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ResultsReleased = table.Column<bool>(type: "boolean", nullable: false),
                    AssignUnits = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    AssignPosts = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    AssignPeople = table.Column<string>(type: "character varying(40000)", maxLength: 40000, nullable: false),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learning_exams", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "learning_papers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Mode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    QuestionIds = table.Column<string>(type: "character varying(40000)", maxLength: 40000, nullable: false),
                    Rules = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    PointsEach = table.Column<int>(type: "integer", nullable: false),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learning_papers", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_learning_attempts_ExamId_PersonId",
                table: "learning_attempts",
                columns: new[] { "ExamId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_learning_attempts_Status_DeadlineMs",
                table: "learning_attempts",
                columns: new[] { "Status", "DeadlineMs" });

            migrationBuilder.CreateIndex(
                name: "IX_learning_attempts_UserId",
                table: "learning_attempts",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "learning_attempt_items");

            migrationBuilder.DropTable(
                name: "learning_attempts");

            migrationBuilder.DropTable(
                name: "learning_exams");

            migrationBuilder.DropTable(
                name: "learning_papers");
        }
    }
}
