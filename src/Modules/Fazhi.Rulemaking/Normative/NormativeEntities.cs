using System.Text.Json.Serialization;
using Fazhi.Platform.Data;
using Fazhi.Rulemaking.Precheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Rulemaking.Normative;

/// <summary>Where a normative-document draft stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DraftStatus>))]
internal enum DraftStatus
{
    /// <summary>已报送，待合法性审核.</summary>
    UnderReview,

    /// <summary>退回修改.</summary>
    Returned,

    /// <summary>审核通过，待统一登记.</summary>
    Passed,

    /// <summary>已统一登记，待公布.</summary>
    Registered,

    /// <summary>已公布（现行有效，待备案或已备案）.</summary>
    Published,

    /// <summary>已废止 (by a cleanup campaign's published result, ADR 0036).</summary>
    Repealed,

    /// <summary>已宣布失效 (by a cleanup campaign's published result, ADR 0036).</summary>
    DeclaredInvalid,
}

/// <summary>The reviewer's opinion on one article: 合法 / 修改 / 删除.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ArticleVerdict>))]
internal enum ArticleVerdict
{
    /// <summary>合法.</summary>
    Legal,

    /// <summary>修改.</summary>
    Amend,

    /// <summary>删除.</summary>
    Delete,
}

/// <summary>
/// The module's time limits as a settings row (ADR 0017), editable by the review office.
/// </summary>
internal sealed class RulemakingSettings : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>
    /// Working days for the legality review of a normative document (国办发〔2018〕115号: 一般不少于 5 个工作日、最长不超过 15 个工作日,
    /// unverified, domain.md §2); counted on the platform calendar from the day after submission.
    /// </summary>
    public int ReviewWorkingDays { get; set; } = 15;

    /// <summary>
    /// Days from publication to file the document (山东省人大常委会备案审查规定 第七条: 30 日; as 法规规章备案审查条例 第三条/第四条 for rules).
    /// </summary>
    public int FilingDays { get; set; } = 30;

    /// <summary>Days before the end of the validity period when the drafting unit is reminded to evaluate and renew.</summary>
    public int ExpiryReminderDays { get; set; } = 90;

    /// <summary>The validity period (年) proposed on a new draft (normally 5 years, at most 10 here).</summary>
    public int DefaultValidityYears { get; set; } = 5;

    /// <summary>
    /// Days a major decision's draft is open for public comment (重大行政决策程序暂行条例 第十五条: 征求意见期限一般不少于 30 日);
    /// a shorter period needs a stated reason (ADR 0051).
    /// </summary>
    public int DecisionCommentDays { get; set; } = 30;

    /// <summary>
    /// Working days of a major decision's legality review (重大行政决策程序暂行条例 第二十六条: 合法性审查的时间一般不少于 7 个工作日),
    /// counted on the platform calendar; a shorter review needs a stated reason (ADR 0051).
    /// </summary>
    public int DecisionReviewWorkingDays { get; set; } = 7;

    public long Version { get; set; }
}

/// <summary>
/// A normative-document draft (行政规范性文件) of its drafting unit (scoped to it), through legality review, unified
/// registration, publication and filing. The text is the current round's; each submission is a round, and findings and
/// opinions belong to a round. Published, it is in force from <see cref="EffectiveOn"/> until <see cref="ExpiresOn"/>.
/// </summary>
internal sealed class NormativeDraft : IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrgUnitId { get; set; }

    public string DraftingUnitName { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>制定机关.</summary>
    public string IssuingAuthority { get; set; } = "";

    public string Text { get; set; } = "";

    /// <summary>制定依据.</summary>
    public string Basis { get; set; } = "";

    /// <summary>起草说明.</summary>
    public string DraftingExplanation { get; set; } = "";

    /// <summary>征求意见情况.</summary>
    public string CommentRecord { get; set; } = "";

    public DateOnly EffectiveOn { get; set; }

    /// <summary>有效期（年）.</summary>
    public int ValidityYears { get; set; }

    public DraftStatus Status { get; set; }

    /// <summary>报送轮次: 1 for the first submission, one more for each resubmission after a return.</summary>
    public int Round { get; set; } = 1;

    public DateOnly SubmittedOn { get; set; }

    /// <summary>The review's due date: <see cref="RulemakingSettings.ReviewWorkingDays"/> working days after submission.</summary>
    public DateOnly ReviewDueOn { get; set; }

    public DateOnly? ConcludedOn { get; set; }

    /// <summary>审核结论 of the last concluded round (the reasons for a return, or the passing opinion).</summary>
    public string Conclusion { get; set; } = "";

    public string ReviewerName { get; set; } = "";

    /// <summary>统一登记编号.</summary>
    public string? RegistrationNo { get; set; }

    public DateOnly? PublishedOn { get; set; }

    /// <summary>备案期限: publication + <see cref="RulemakingSettings.FilingDays"/>.</summary>
    public DateOnly? FilingDueOn { get; set; }

    public DateOnly? FiledOn { get; set; }

    /// <summary>备案机关 (本级人大常委会、上一级人民政府).</summary>
    public string FiledWith { get; set; } = "";

    /// <summary>有效期届满日: the day before the effective date plus the validity years.</summary>
    public DateOnly? ExpiresOn { get; set; }

    /// <summary>The day a cleanup campaign's published result repealed it or declared it invalid.</summary>
    public DateOnly? RepealedOn { get; set; }

    /// <summary>The campaign (title) and the decision's reason that ended it.</summary>
    public string RepealNote { get; set; } = "";

    /// <summary>
    /// The day it lapsed at the end of its validity without renewal (the day after <see cref="ExpiresOn"/>), set by the daily
    /// job when it ended the library work (ADR 0065); null while in force or renewed in time.
    /// </summary>
    public DateOnly? LapsedOn { get; set; }

    public bool IsDemo { get; set; }

    public long Version { get; set; }

    public bool InForceOn(DateOnly day) => Status == DraftStatus.Published && EffectiveOn <= day && (ExpiresOn is null || ExpiresOn >= day);
}

/// <summary>One pre-check finding on one round of a draft, with the reviewer's decision and reason.</summary>
internal sealed class DraftFinding : IOrgScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid DraftId { get; set; }

    public Guid OrgUnitId { get; set; }

    public int Round { get; set; }

    public int Position { get; set; }

    public string Rule { get; set; } = "";

    public string RuleName { get; set; } = "";

    public string Article { get; set; } = "";

    public string? ArticleUrl { get; set; }

    public string DraftArticle { get; set; } = "";

    public string Passage { get; set; } = "";

    public string Message { get; set; } = "";

    public string? Link { get; set; }

    public FindingDecision Decision { get; set; }

    public string DecisionReason { get; set; } = "";

    public string DecidedBy { get; set; } = "";
}

/// <summary>The reviewer's per-article opinion (合法 / 修改 / 删除 with the reason) on one round.</summary>
internal sealed class ArticleOpinion : IOrgScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid DraftId { get; set; }

    public Guid OrgUnitId { get; set; }

    public int Round { get; set; }

    public string ArticleLabel { get; set; } = "";

    public ArticleVerdict Verdict { get; set; }

    public string Reason { get; set; } = "";

    public string ReviewerName { get; set; } = "";
}

internal sealed class NormativeConfigurations : IEntityTypeConfiguration<NormativeDraft>, IEntityTypeConfiguration<DraftFinding>, IEntityTypeConfiguration<ArticleOpinion>,
    IEntityTypeConfiguration<RulemakingSettings>
{
    public void Configure(EntityTypeBuilder<NormativeDraft> b)
    {
        b.ToTable("rulemaking_drafts");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.OrgUnitId, x.Status });
        b.HasIndex(x => x.RegistrationNo).IsUnique();
        b.Property(x => x.DraftingUnitName).HasMaxLength(200);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.IssuingAuthority).HasMaxLength(200);
        b.Property(x => x.Text).HasMaxLength(200_000);
        b.Property(x => x.Basis).HasMaxLength(4000);
        b.Property(x => x.DraftingExplanation).HasMaxLength(20_000);
        b.Property(x => x.CommentRecord).HasMaxLength(20_000);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Conclusion).HasMaxLength(4000);
        b.Property(x => x.ReviewerName).HasMaxLength(100);
        b.Property(x => x.RegistrationNo).HasMaxLength(128);
        b.Property(x => x.FiledWith).HasMaxLength(400);
        b.Property(x => x.RepealNote).HasMaxLength(2400);
        b.Property(x => x.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<DraftFinding> b)
    {
        b.ToTable("rulemaking_findings");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.DraftId, x.Round, x.Position });
        b.Property(x => x.Rule).HasMaxLength(64);
        b.Property(x => x.RuleName).HasMaxLength(100);
        b.Property(x => x.Article).HasMaxLength(300);
        b.Property(x => x.ArticleUrl).HasMaxLength(400);
        b.Property(x => x.DraftArticle).HasMaxLength(32);
        b.Property(x => x.Passage).HasMaxLength(400);
        b.Property(x => x.Message).HasMaxLength(1000);
        b.Property(x => x.Link).HasMaxLength(400);
        b.Property(x => x.Decision).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.DecisionReason).HasMaxLength(2000);
        b.Property(x => x.DecidedBy).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<ArticleOpinion> b)
    {
        b.ToTable("rulemaking_article_opinions");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.DraftId, x.Round, x.ArticleLabel }).IsUnique();
        b.Property(x => x.ArticleLabel).HasMaxLength(32);
        b.Property(x => x.Verdict).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.Property(x => x.ReviewerName).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<RulemakingSettings> b)
    {
        b.ToTable("rulemaking_settings");
        b.HasKey(x => x.Id);
        b.Property(x => x.DecisionCommentDays).HasDefaultValue(30);
        b.Property(x => x.DecisionReviewWorkingDays).HasDefaultValue(7);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
