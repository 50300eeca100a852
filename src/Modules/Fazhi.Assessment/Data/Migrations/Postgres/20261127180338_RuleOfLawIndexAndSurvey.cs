using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Assessment.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RuleOfLawIndexAndSurvey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assessment_indexes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ComputedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ComputedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_indexes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "assessment_surveys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Intro = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IsOpen = table.Column<bool>(type: "boolean", nullable: false),
                    Salt = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_surveys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "assessment_index_components",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IndexId = table.Column<Guid>(type: "uuid", nullable: false),
                    Dimension = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Weight = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SourceKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_index_components", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assessment_index_components_assessment_indexes_IndexId",
                        column: x => x.IndexId,
                        principalTable: "assessment_indexes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assessment_index_dimensions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IndexId = table.Column<Guid>(type: "uuid", nullable: false),
                    Dimension = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Seq = table.Column<int>(type: "integer", nullable: false),
                    Weight = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_index_dimensions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assessment_index_dimensions_assessment_indexes_IndexId",
                        column: x => x.IndexId,
                        principalTable: "assessment_indexes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assessment_index_results",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IndexId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Total = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    DetailJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_index_results", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assessment_index_results_assessment_indexes_IndexId",
                        column: x => x.IndexId,
                        principalTable: "assessment_indexes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assessment_survey_questions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SurveyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Seq = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Options = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Dimension = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Required = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_survey_questions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assessment_survey_questions_assessment_surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "assessment_surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assessment_survey_responses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SurveyId = table.Column<Guid>(type: "uuid", nullable: false),
                    DistrictId = table.Column<Guid>(type: "uuid", nullable: false),
                    DistrictCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RespondentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_survey_responses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assessment_survey_responses_assessment_surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "assessment_surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assessment_survey_answers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResponseId = table.Column<Guid>(type: "uuid", nullable: false),
                    SurveyId = table.Column<Guid>(type: "uuid", nullable: false),
                    QuestionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Rating = table.Column<int>(type: "integer", nullable: true),
                    Choice = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_survey_answers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assessment_survey_answers_assessment_survey_responses_Respo~",
                        column: x => x.ResponseId,
                        principalTable: "assessment_survey_responses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_assessment_index_components_IndexId",
                table: "assessment_index_components",
                column: "IndexId");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_index_dimensions_IndexId_Dimension",
                table: "assessment_index_dimensions",
                columns: new[] { "IndexId", "Dimension" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assessment_index_results_IndexId_OrgUnitId",
                table: "assessment_index_results",
                columns: new[] { "IndexId", "OrgUnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assessment_index_results_Year",
                table: "assessment_index_results",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_indexes_Year",
                table: "assessment_indexes",
                column: "Year",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assessment_survey_answers_ResponseId",
                table: "assessment_survey_answers",
                column: "ResponseId");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_survey_answers_SurveyId_QuestionId",
                table: "assessment_survey_answers",
                columns: new[] { "SurveyId", "QuestionId" });

            migrationBuilder.CreateIndex(
                name: "IX_assessment_survey_questions_SurveyId",
                table: "assessment_survey_questions",
                column: "SurveyId");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_survey_responses_SurveyId_DistrictId",
                table: "assessment_survey_responses",
                columns: new[] { "SurveyId", "DistrictId" });

            migrationBuilder.CreateIndex(
                name: "IX_assessment_survey_responses_SurveyId_RespondentHash",
                table: "assessment_survey_responses",
                columns: new[] { "SurveyId", "RespondentHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assessment_surveys_Token",
                table: "assessment_surveys",
                column: "Token",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assessment_index_components");

            migrationBuilder.DropTable(
                name: "assessment_index_dimensions");

            migrationBuilder.DropTable(
                name: "assessment_index_results");

            migrationBuilder.DropTable(
                name: "assessment_survey_answers");

            migrationBuilder.DropTable(
                name: "assessment_survey_questions");

            migrationBuilder.DropTable(
                name: "assessment_indexes");

            migrationBuilder.DropTable(
                name: "assessment_survey_responses");

            migrationBuilder.DropTable(
                name: "assessment_surveys");
        }
    }
}
