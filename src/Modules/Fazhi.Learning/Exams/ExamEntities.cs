using System.Text.Json.Serialization;
using Fazhi.Learning.Questions;
using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Learning.Exams;

[JsonConverter(typeof(JsonStringEnumConverter<PaperMode>))]
internal enum PaperMode
{
    /// <summary>固定试卷: the same questions for everyone (order still shuffled per taker).</summary>
    Fixed,

    /// <summary>随机组卷: drawn per taker by category × difficulty counts.</summary>
    Random,
}

[JsonConverter(typeof(JsonStringEnumConverter<ExamStatus>))]
internal enum ExamStatus
{
    Draft,
    Published,
}

[JsonConverter(typeof(JsonStringEnumConverter<AttemptStatus>))]
internal enum AttemptStatus
{
    InProgress,
    Submitted,
}

/// <summary>
/// A paper: fixed questions (<see cref="QuestionIds"/>, comma-separated) or rules for a random draw (<see cref="Rules"/>,
/// one per line: 分类|难度|数量). Every question is worth <see cref="PointsEach"/>.
/// </summary>
internal sealed class Paper : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string Title { get; set; } = "";

    public PaperMode Mode { get; set; }

    public string QuestionIds { get; set; } = "";

    public string Rules { get; set; } = "";

    public int PointsEach { get; set; } = 1;

    public bool IsDemo { get; set; }

    public long Version { get; set; }
}

/// <summary>
/// An exam: its paper, window, time limit, attempts, pass mark and who is assigned (units with their subtrees, posts,
/// people; comma- or line-separated). Published only when the paper can be drawn; results (right answers and explanations)
/// are shown to takers only once <see cref="ResultsReleased"/>.
/// </summary>
internal sealed class Exam : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string Title { get; set; } = "";

    public Guid PaperId { get; set; }

    public DateTimeOffset OpensAt { get; set; }

    public DateTimeOffset ClosesAt { get; set; }

    public int TimeLimitMinutes { get; set; } = 60;

    public int MaxAttempts { get; set; } = 1;

    public int PassMark { get; set; }

    public ExamStatus Status { get; set; }

    public bool ResultsReleased { get; set; }

    public string AssignUnits { get; set; } = "";

    public string AssignPosts { get; set; } = "";

    public string AssignPeople { get; set; } = "";

    /// <summary>入场码 (optional): a taker gives it to start a new attempt (ADR 0037). Empty: none.</summary>
    [AuditRedacted]
    public string AccessCode { get; set; } = "";

    /// <summary>允许的网段 (optional): CIDR ranges, one per line; a start from any other address is refused (ADR 0037).</summary>
    public string AllowedNetworks { get; set; } = "";

    /// <summary>错峰开考: each taker's start is delayed by a random 0…N minutes after the opening, computed on the server. 0: none.</summary>
    public int StaggerMinutes { get; set; }

    public bool IsDemo { get; set; }

    public long Version { get; set; }
}

/// <summary>
/// A one-time exam code (考试码) for a registered person without an account (ADR 0037): valid only for its exam and within
/// that exam's window, stored as a SHA-256 hash (the plain code is shown once, on the printed list), locked after
/// <see cref="ExamCodes.MaxFailures"/> sign-ins with a name that does not match. Re-issuing revokes the person's earlier code.
/// </summary>
internal sealed class ExamCode : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ExamId { get; set; }

    public Guid PersonId { get; set; }

    public Guid OrgUnitId { get; set; }

    public string PersonName { get; set; } = "";

    [AuditRedacted]
    public string CodeHash { get; set; } = "";

    public DateTimeOffset IssuedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Sign-ins with this code and a name that did not match.</summary>
    public int FailedCount { get; set; }

    public int SignIns { get; set; }

    public DateTimeOffset? LastSignInAt { get; set; }

    public bool IsDemo { get; set; }

    public long Version { get; set; }
}

/// <summary>
/// One taker's attempt. The clock is the server's: <see cref="DeadlineMs"/> (Unix milliseconds, so both engines compare it
/// in SQL) is fixed at the start and survives restarts. <see cref="Session"/> is the one browser session allowed to answer.
/// </summary>
internal sealed class Attempt : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ExamId { get; set; }

    public Guid PersonId { get; set; }

    public Guid? UserId { get; set; }

    public Guid OrgUnitId { get; set; }

    public string PersonName { get; set; } = "";

    public int Number { get; set; }

    /// <summary>The draw's seed: the same seed and pool give the same paper.</summary>
    public int Seed { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public long DeadlineMs { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    public AttemptStatus Status { get; set; }

    /// <summary>交卷 by the taker, or 时间到 (submitted as it stood at the end of the time).</summary>
    public bool TimedOut { get; set; }

    [AuditRedacted]
    public string Session { get; set; } = "";

    /// <summary>How often the taker switched away from the exam page (shown to the proctor, not punished).</summary>
    public int SwitchCount { get; set; }

    public int ExtraMinutes { get; set; }

    public string ExtraReason { get; set; } = "";

    public decimal? Score { get; set; }

    public decimal MaxScore { get; set; }

    /// <summary>Short answers still to be marked by a person.</summary>
    public int PendingMarks { get; set; }

    public bool? Passed { get; set; }

    /// <summary>When the result became final (at submission, or when the last short answer was marked).</summary>
    public DateTimeOffset? FinalAt { get; set; }

    /// <summary>The certificate's verification number (合格证书验证编号), issued when a final result is a pass (ADR 0033).</summary>
    public string? CertificateNumber { get; set; }

    public long Version { get; set; }
}

/// <summary>
/// One question of an attempt, frozen at the start: its place, the question, the option order shown to this taker
/// (<see cref="OptionOrder"/>: the original option index at each shown place) and the answer in the original letters.
/// Answers are saved one small write each and not copied into the audit chain (the attempt's start and submission are).
/// </summary>
[NotAudited]
internal sealed class AttemptItem
{
    public Guid AttemptId { get; set; }

    public int Position { get; set; }

    public Guid QuestionId { get; set; }

    public QuestionKind Kind { get; set; }

    public string OptionOrder { get; set; } = "";

    public string? Answer { get; set; }

    public long? AnsweredAtMs { get; set; }

    public decimal? Points { get; set; }

    public decimal MaxPoints { get; set; }

    /// <summary>The marker's comment on a short answer (阅卷评语).</summary>
    public string Comment { get; set; } = "";

    /// <summary>Who marked a short answer, and when (Unix milliseconds); null until marked.</summary>
    public Guid? MarkedBy { get; set; }

    public long? MarkedAtMs { get; set; }
}

internal sealed class ExamConfigurations : IEntityTypeConfiguration<Paper>, IEntityTypeConfiguration<Exam>, IEntityTypeConfiguration<Attempt>, IEntityTypeConfiguration<AttemptItem>,
    IEntityTypeConfiguration<ExamCode>
{
    public void Configure(EntityTypeBuilder<ExamCode> b)
    {
        b.ToTable("learning_exam_codes");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.CodeHash).IsUnique();
        b.HasIndex(x => new { x.ExamId, x.PersonId });
        b.Property(x => x.CodeHash).HasMaxLength(64);
        b.Property(x => x.PersonName).HasMaxLength(64);
        b.Property(x => x.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<Paper> b)
    {
        b.ToTable("learning_papers");
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Mode).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.QuestionIds).HasMaxLength(40000);
        b.Property(x => x.Rules).HasMaxLength(4000);
        b.Property(x => x.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<Exam> b)
    {
        b.ToTable("learning_exams");
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.AssignUnits).HasMaxLength(8000);
        b.Property(x => x.AssignPosts).HasMaxLength(4000);
        b.Property(x => x.AssignPeople).HasMaxLength(40000);
        b.Property(x => x.AccessCode).HasMaxLength(32);
        b.Property(x => x.AllowedNetworks).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<Attempt> b)
    {
        b.ToTable("learning_attempts");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.ExamId, x.PersonId });
        b.HasIndex(x => new { x.Status, x.DeadlineMs });
        b.HasIndex(x => x.UserId);
        b.Property(x => x.PersonName).HasMaxLength(64);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Session).HasMaxLength(64);
        b.Property(x => x.ExtraReason).HasMaxLength(500);
        b.Property(x => x.Score).HasPrecision(9, 2);
        b.Property(x => x.MaxScore).HasPrecision(9, 2);
        b.Property(x => x.CertificateNumber).HasMaxLength(32);
        b.HasIndex(x => x.CertificateNumber).IsUnique();
        b.Property(x => x.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<AttemptItem> b)
    {
        b.ToTable("learning_attempt_items");
        b.HasKey(x => new { x.AttemptId, x.Position });
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.OptionOrder).HasMaxLength(32);
        b.Property(x => x.Answer).HasMaxLength(4000);
        b.Property(x => x.Points).HasPrecision(9, 2);
        b.Property(x => x.MaxPoints).HasPrecision(9, 2);
        b.Property(x => x.Comment).HasMaxLength(500);
    }
}
