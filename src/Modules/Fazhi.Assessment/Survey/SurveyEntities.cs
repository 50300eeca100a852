using System.Text.Json.Serialization;
using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Assessment.Survey;

[JsonConverter(typeof(JsonStringEnumConverter<QuestionKind>))]
internal enum QuestionKind
{
    /// <summary>单选: one of the options.</summary>
    SingleChoice,

    /// <summary>评分: 1 (很不满意) .. 5 (很满意); feeds the index.</summary>
    Rating,

    /// <summary>文字: free text (意见建议).</summary>
    Text,
}

/// <summary>
/// A public satisfaction survey (法治建设满意度调查): questions, a public link (<see cref="Token"/>), responses by district.
/// City-wide office data, not scoped; only the office defines it, the public answers it without an account.
/// </summary>
internal sealed class PublicSurvey : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string Title { get; set; } = "";

    public string Intro { get; set; } = "";

    public int Year { get; set; }

    /// <summary>The unguessable part of the public link /survey/{Token}.</summary>
    public string Token { get; set; } = "";

    public bool IsOpen { get; set; }

    /// <summary>
    /// Per-survey secret mixed into the respondent hash (SM3(salt | phone)). Cleared when the survey closes, after which the
    /// stored hashes can no longer be tested against phone numbers (ADR 0016).
    /// </summary>
    public string Salt { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public long Version { get; set; }
}

/// <summary>A question of a survey; <see cref="Dimension"/> says which index dimension its ratings feed (法治感受 by default).</summary>
internal sealed class SurveyQuestion
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid SurveyId { get; set; }

    public int Seq { get; set; }

    public QuestionKind Kind { get; set; }

    public string Text { get; set; } = "";

    /// <summary>Single choice: the options, one a line.</summary>
    public string Options { get; set; } = "";

    public string Dimension { get; set; } = IndexDimensions.Perception;

    public bool Required { get; set; } = true;

    public IReadOnlyList<string> OptionList => Options.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>One respondent's answers: the district they live in and a salted hash that stops a second response; no phone number is kept.</summary>
internal sealed class SurveyResponse
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid SurveyId { get; set; }

    public Guid DistrictId { get; set; }

    public string DistrictCode { get; set; } = "";

    public string RespondentHash { get; set; } = "";

    public DateTime SubmittedAtUtc { get; set; }
}

internal sealed class SurveyAnswer
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ResponseId { get; set; }

    public Guid SurveyId { get; set; }

    public Guid QuestionId { get; set; }

    public int? Rating { get; set; }

    public string Choice { get; set; } = "";

    public string Text { get; set; } = "";
}

/// <summary>The six dimensions of the rule-of-law index (法治指数).</summary>
internal static class IndexDimensions
{
    public const string Perception = "法治感受";

    public static IReadOnlyList<string> All { get; } = ["制度规范", "法治政府", "法治社会", "公正司法", "法治保障", Perception];
}

internal sealed class PublicSurveyConfiguration : IEntityTypeConfiguration<PublicSurvey>
{
    public void Configure(EntityTypeBuilder<PublicSurvey> b)
    {
        b.ToTable("assessment_surveys");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.Token).IsUnique();
        b.Property(x => x.Title).HasMaxLength(256);
        b.Property(x => x.Intro).HasMaxLength(2000);
        b.Property(x => x.Token).HasMaxLength(64);
        b.Property(x => x.Salt).HasMaxLength(64);
    }
}

internal sealed class SurveyQuestionConfiguration : IEntityTypeConfiguration<SurveyQuestion>
{
    public void Configure(EntityTypeBuilder<SurveyQuestion> b)
    {
        b.ToTable("assessment_survey_questions");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.SurveyId);
        b.Ignore(x => x.OptionList);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Text).HasMaxLength(500);
        b.Property(x => x.Options).HasMaxLength(2000);
        b.Property(x => x.Dimension).HasMaxLength(16);
        b.HasOne<PublicSurvey>().WithMany().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> b)
    {
        b.ToTable("assessment_survey_responses");
        b.HasKey(x => x.Id);
        // One response per respondent and survey (ADR 0016): the database refuses a second one even under a race.
        b.HasIndex(x => new { x.SurveyId, x.RespondentHash }).IsUnique();
        b.HasIndex(x => new { x.SurveyId, x.DistrictId });
        b.Property(x => x.DistrictCode).HasMaxLength(32);
        b.Property(x => x.RespondentHash).HasMaxLength(64);
        b.HasOne<PublicSurvey>().WithMany().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyAnswer> b)
    {
        b.ToTable("assessment_survey_answers");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.ResponseId);
        b.HasIndex(x => new { x.SurveyId, x.QuestionId });
        b.Property(x => x.Choice).HasMaxLength(200);
        b.Property(x => x.Text).HasMaxLength(2000);
        b.HasOne<SurveyResponse>().WithMany().HasForeignKey(x => x.ResponseId).OnDelete(DeleteBehavior.Cascade);
    }
}
