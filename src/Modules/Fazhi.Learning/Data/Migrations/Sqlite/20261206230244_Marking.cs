using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Learning.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Marking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CertificateNumber",
                table: "learning_attempts",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FinalAt",
                table: "learning_attempts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Comment",
                table: "learning_attempt_items",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "MarkedAtMs",
                table: "learning_attempt_items",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "MarkedBy",
                table: "learning_attempt_items",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_learning_attempts_CertificateNumber",
                table: "learning_attempts",
                column: "CertificateNumber",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_learning_attempts_CertificateNumber",
                table: "learning_attempts");

            migrationBuilder.DropColumn(
                name: "CertificateNumber",
                table: "learning_attempts");

            migrationBuilder.DropColumn(
                name: "FinalAt",
                table: "learning_attempts");

            migrationBuilder.DropColumn(
                name: "Comment",
                table: "learning_attempt_items");

            migrationBuilder.DropColumn(
                name: "MarkedAtMs",
                table: "learning_attempt_items");

            migrationBuilder.DropColumn(
                name: "MarkedBy",
                table: "learning_attempt_items");
        }
    }
}
