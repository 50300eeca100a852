using System.Text.Json.Serialization;
using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Learning.Questions;

[JsonConverter(typeof(JsonStringEnumConverter<QuestionKind>))]
internal enum QuestionKind
{
    /// <summary>单选题.</summary>
    Single,

    /// <summary>多选题.</summary>
    Multiple,

    /// <summary>判断题.</summary>
    TrueFalse,

    /// <summary>填空题: the answer is one of a set of accepted answers.</summary>
    FillIn,

    /// <summary>简答题: marked by a person.</summary>
    Short,
}

/// <summary>
/// A question of the city's bank. <see cref="Options"/> holds the choices one per line (single and multiple choice);
/// <see cref="Answer"/> the key: letters (A, AC), 对/错, accepted fill-in answers separated by |, or a short answer's
/// reference answer for the marker. <see cref="Basis"/> cites library articles, read as they stood on
/// <see cref="BasisOn"/> (the day the question was written or last reviewed); when one of them was amended or repealed
/// since, the question is flagged and withheld from new papers until a person reviews it.
/// </summary>
internal sealed class Question : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public QuestionKind Kind { get; set; }

    public string Stem { get; set; } = "";

    public string Options { get; set; } = "";

    public string Answer { get; set; } = "";

    public string Explanation { get; set; } = "";

    public string Basis { get; set; } = "";

    public DateOnly BasisOn { get; set; }

    public string Category { get; set; } = "";

    /// <summary>难度 1 易, 2 中, 3 难.</summary>
    public int Difficulty { get; set; } = 2;

    /// <summary>The stem normalised (no blanks or punctuation) with the kind: equal fingerprints are duplicates.</summary>
    public string Fingerprint { get; set; } = "";

    /// <summary>A cited article changed since <see cref="BasisOn"/>: withheld from new papers until reviewed.</summary>
    public bool Flagged { get; set; }

    /// <summary>What changed (the citations and their state), for the reviewer.</summary>
    public string FlagNote { get; set; } = "";

    public DateOnly? FlaggedOn { get; set; }

    /// <summary>Retired questions stay for the papers that used them but are never drawn again.</summary>
    public bool Retired { get; set; }

    public bool IsDemo { get; set; }

    public long Version { get; set; }

    /// <summary>Whether the question may go into a new paper.</summary>
    public bool Drawable => !Flagged && !Retired;
}

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> b)
    {
        b.ToTable("learning_questions");
        b.HasKey(x => x.Id);
        b.Ignore(x => x.Drawable);
        b.HasIndex(x => x.Fingerprint);
        b.HasIndex(x => new { x.Category, x.Difficulty, x.Kind });
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Stem).HasMaxLength(2000);
        b.Property(x => x.Options).HasMaxLength(4000);
        b.Property(x => x.Answer).HasMaxLength(2000);
        b.Property(x => x.Explanation).HasMaxLength(4000);
        b.Property(x => x.Basis).HasMaxLength(1000);
        b.Property(x => x.Category).HasMaxLength(64);
        b.Property(x => x.Fingerprint).HasMaxLength(128);
        b.Property(x => x.FlagNote).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
