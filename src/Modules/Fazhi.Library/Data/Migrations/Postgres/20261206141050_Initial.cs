using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Fazhi.Library.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "library_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkId = table.Column<Guid>(type: "uuid", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_library_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "library_citations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FromVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromWorkId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromAnchor = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    TargetKey = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    TargetNumber = table.Column<int>(type: "integer", nullable: false),
                    TargetSubNumber = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Offset = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_library_citations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "library_provisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkId = table.Column<Guid>(type: "uuid", nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Label = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Heading = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    SubNumber = table.Column<int>(type: "integer", nullable: false),
                    Anchor = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Path = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_library_provisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "library_version_sources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Sm3 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Part = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ImportedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_library_version_sources", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "library_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    VersionDate = table.Column<DateOnly>(type: "date", nullable: true),
                    PromulgatedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DocumentNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    History = table.Column<string>(type: "text", nullable: false),
                    Preamble = table.Column<string>(type: "text", nullable: false),
                    ArticleCount = table.Column<int>(type: "integer", nullable: false),
                    ImportedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_library_versions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "library_works",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    IssuingBody = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Region = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Category = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    IsPublic = table.Column<bool>(type: "boolean", nullable: false),
                    End = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_library_works", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_library_citations_FromVersionId",
                table: "library_citations",
                column: "FromVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_library_citations_TargetKey_TargetNumber",
                table: "library_citations",
                columns: new[] { "TargetKey", "TargetNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_library_provisions_VersionId_Anchor",
                table: "library_provisions",
                columns: new[] { "VersionId", "Anchor" });

            migrationBuilder.CreateIndex(
                name: "IX_library_provisions_VersionId_Ordinal",
                table: "library_provisions",
                columns: new[] { "VersionId", "Ordinal" });

            migrationBuilder.CreateIndex(
                name: "IX_library_provisions_WorkId",
                table: "library_provisions",
                column: "WorkId");

            migrationBuilder.CreateIndex(
                name: "IX_library_version_sources_Sm3",
                table: "library_version_sources",
                column: "Sm3",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_library_version_sources_VersionId",
                table: "library_version_sources",
                column: "VersionId");

            migrationBuilder.CreateIndex(
                name: "IX_library_versions_WorkId_Number",
                table: "library_versions",
                columns: new[] { "WorkId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_library_works_Key",
                table: "library_works",
                column: "Key");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "library_changes");

            migrationBuilder.DropTable(
                name: "library_citations");

            migrationBuilder.DropTable(
                name: "library_provisions");

            migrationBuilder.DropTable(
                name: "library_version_sources");

            migrationBuilder.DropTable(
                name: "library_versions");

            migrationBuilder.DropTable(
                name: "library_works");
        }
    }
}
