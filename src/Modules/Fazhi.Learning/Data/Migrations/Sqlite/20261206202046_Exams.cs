using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Learning.Data.Migrations.Sqlite
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
                    AttemptId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OptionOrder = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AnsweredAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    Points = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: true),
                    MaxPoints = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learning_attempt_items", x => new { x.AttemptId, x.Position });
                });

            migrationBuilder.CreateTable(
                name: "learning_attempts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Seed = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    DeadlineMs = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TimedOut = table.Column<bool>(type: "INTEGER", nullable: false),
                    Session = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SwitchCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ExtraMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    ExtraReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Score = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: true),
                    MaxScore = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    PendingMarks = table.Column<int>(type: "INTEGER", nullable: false),
                    Passed = table.Column<bool>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learning_attempts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "learning_exams",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PaperId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OpensAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ClosesAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    TimeLimitMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    PassMark = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ResultsReleased = table.Column<bool>(type: "INTEGER", nullable: false),
                    AssignUnits = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    AssignPosts = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AssignPeople = table.Column<string>(type: "TEXT", maxLength: 40000, nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learning_exams", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "learning_papers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    QuestionIds = table.Column<string>(type: "TEXT", maxLength: 40000, nullable: false),
                    Rules = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    PointsEach = table.Column<int>(type: "INTEGER", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
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
