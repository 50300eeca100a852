using System.Text.Json.Serialization;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.PersonalData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Rulemaking.Legislation;

/// <summary>地方性法规 or 政府规章.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LegislationKind>))]
internal enum LegislationKind
{
    /// <summary>地方性法规 (the government drafts the bill; the people's congress standing committee adopts it).</summary>
    LocalRegulation,

    /// <summary>政府规章 (规章制定程序条例).</summary>
    GovernmentRule,
}

/// <summary>Where a legislation project stands: the stage it has reached. The order is the procedure's; none may be skipped.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LegislationStage>))]
internal enum LegislationStage
{
    /// <summary>列入年度立法计划，尚未立项.</summary>
    Planned,

    /// <summary>立项.</summary>
    Initiated,

    /// <summary>起草.</summary>
    Drafting,

    /// <summary>征求意见.</summary>
    PublicComment,

    /// <summary>审查.</summary>
    Review,

    /// <summary>决定.</summary>
    Decided,

    /// <summary>公布.</summary>
    Published,

    /// <summary>备案.</summary>
    Filed,
}

/// <summary>The answer to a comment.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CommentAnswer>))]
internal enum CommentAnswer
{
    /// <summary>采纳.</summary>
    Adopted,

    /// <summary>部分采纳.</summary>
    PartlyAdopted,

    /// <summary>不采纳.</summary>
    NotAdopted,
}

[JsonConverter(typeof(JsonStringEnumConverter<PlanChangeKind>))]
internal enum PlanChangeKind
{
    /// <summary>增列项目.</summary>
    Added,

    /// <summary>调整项目.</summary>
    Changed,

    /// <summary>撤出计划.</summary>
    Withdrawn,
}

/// <summary>The legislation time limits as a settings row (ADR 0017, ADR 0034), editable by the legislation office.</summary>
internal sealed class LegislationSettings : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Days a draft is open for public comment (规章制定程序条例 第十五条、第二十一条: 一般不少于 30 日); shorter needs a stated reason.</summary>
    public int CommentDays { get; set; } = 30;

    /// <summary>Days from publication to effect of a government rule (规章制定程序条例 第三十二条: 自公布之日起 30 日后施行) unless a stated exception applies.</summary>
    public int RuleEffectDays { get; set; } = 30;

    /// <summary>Days from publication to filing (规章制定程序条例 第三十四条；法规规章备案审查条例 第四条: 自公布之日起 30 日内报送备案).</summary>
    public int FilingDays { get; set; } = 30;

    /// <summary>
    /// Days a hearing is announced before it is held (规章制定程序条例 第十六条: 起草单位应当在举行听证会的 30 日前公布听证会的时间、地点和内容);
    /// the city applies the same notice to hearings on major decisions (重大行政决策程序暂行条例 第十八条: 提前公布听证时间、地点), ADR 0047.
    /// </summary>
    public int HearingNoticeDays { get; set; } = 30;

    public long Version { get; set; }
}

/// <summary>The yearly legislative plan (年度立法计划). Once adopted (印发), every change to it is recorded with its reason.</summary>
internal sealed class LegislativePlan : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public int Year { get; set; }

    public string Title { get; set; } = "";

    public DateOnly? AdoptedOn { get; set; }

    public bool IsDemo { get; set; }

    public long Version { get; set; }
}

/// <summary>A change to an adopted plan: what changed and why (增列、调整、撤出).</summary>
internal sealed class PlanChange
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid PlanId { get; set; }

    public Guid ProjectId { get; set; }

    public PlanChangeKind Kind { get; set; }

    public string Description { get; set; } = "";

    public string Reason { get; set; } = "";

    public string ChangedBy { get; set; } = "";

    public DateOnly ChangedOn { get; set; }
}

/// <summary>
/// A legislation project: an item of the yearly plan with its drafting unit (scoped to it), kind and planned dates, moving
/// through the stages of <see cref="LegislationStage"/> (the machine is <see cref="LegislationProcedure"/>).
/// </summary>
internal sealed class LegislationProject : IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid PlanId { get; set; }

    /// <summary>The drafting unit (起草单位).</summary>
    public Guid OrgUnitId { get; set; }

    public string UnitName { get; set; } = "";

    public string Title { get; set; } = "";

    public LegislationKind Kind { get; set; }

    public DateOnly PlannedSubmitOn { get; set; }

    public DateOnly PlannedAdoptOn { get; set; }

    public bool Withdrawn { get; set; }

    public LegislationStage Stage { get; set; }

    /// <summary>The draft version open (or last open) for public comment.</summary>
    public Guid? CommentVersionId { get; set; }

    public DateOnly? CommentFrom { get; set; }

    public DateOnly? CommentTo { get; set; }

    /// <summary>Why the comment period is shorter than the settings row's (规章制定程序条例 第十五条).</summary>
    public string CommentShortReason { get; set; } = "";

    public DateOnly? DecidedOn { get; set; }

    public DateOnly? PublishedOn { get; set; }

    /// <summary>The publication's number (e.g. 枣庄市人民政府令第 N 号).</summary>
    public string DocumentNo { get; set; } = "";

    public DateOnly? EffectiveOn { get; set; }

    /// <summary>The stated exception for a rule in effect sooner than the settings row's days (规章制定程序条例 第三十二条).</summary>
    public string EffectExceptionReason { get; set; } = "";

    public DateOnly? FilingDueOn { get; set; }

    public DateOnly? FiledOn { get; set; }

    public string FiledWith { get; set; } = "";

    public bool IsDemo { get; set; }

    public long Version { get; set; }

    /// <summary>
    /// Opens a round of public comment on <paramref name="version"/> from <paramref name="from"/> to <paramref name="to"/>
    /// (ADR 0069) and makes it the project's current round (what the public page shows). The period is at least
    /// <paramref name="minDays"/> days (规章制定程序条例 第十五条、第二十一条: 一般不少于 30 日) unless a reason is stated.
    /// The first round is opened on entering 征求意见 from 起草 (第十五条: the drafting unit publishes the draft); a later
    /// round only at 审查 (第二十一条: the legislative office may publish the 送审稿 again), once the previous round has
    /// ended, on a later version than the previous round's (comments stay anchored to the version they were made on, so
    /// one version never has two rounds). Field problems go to <paramref name="checks"/>; a round the stage does not allow
    /// is refused at once (409, naming the article).
    /// </summary>
    public CommentRound OpenCommentRound(IReadOnlyList<CommentRound> rounds, DraftVersion? version, DateOnly from, DateOnly? to, string reason, int minDays, DateOnly today,
        string by, Fazhi.Platform.Kit.FieldChecks checks)
    {
        var last = rounds.OrderBy(r => r.No).LastOrDefault();
        if (Withdrawn)
        {
            throw Fazhi.Platform.Kit.Refuse.Conflict("该项目已撤出立法计划。");
        }
        if (last is null && Stage != LegislationStage.Drafting)
        {
            throw Fazhi.Platform.Kit.Refuse.Conflict(
                $"“{LegislationProcedure.Name(Stage)}”阶段不能开始第一轮公开征求意见：第一轮在起草阶段进入“征求意见”时进行（规章制定程序条例第十五条）。",
                LegislationProcedure.Article(LegislationStage.PublicComment));
        }
        if (last is not null && Stage != LegislationStage.Review)
        {
            throw Fazhi.Platform.Kit.Refuse.Conflict(
                $"已公开征求意见（第 {last.No} 轮）；再次公开征求意见须在“审查”阶段由立法工作机构进行（规章制定程序条例第二十一条），当前阶段为“{LegislationProcedure.Name(Stage)}”。",
                LegislationProcedure.ReviewCommentArticle);
        }
        if (last is not null && today <= last.To)
        {
            throw Fazhi.Platform.Kit.Refuse.Conflict($"第 {last.No} 轮征求意见至 {last.To:yyyy-MM-dd} 届满后才能再次公开征求意见。", LegislationProcedure.ReviewCommentArticle);
        }
        checks.When(version is null, "versionNo", last is null ? "请选择公开征求意见的草案稿本（先提交草案）。" : "请选择再次公开征求意见的稿本。");
        if (last is not null && version is not null && version.No <= last.VersionNo)
        {
            checks.Add("versionNo", $"再次公开征求意见应当针对第 {last.VersionNo} 稿之后修改形成的稿本（规章制定程序条例第二十一条），请先提交新的稿本。");
        }
        checks.When(to is null, "commentTo", "请填写征求意见截止日期。");
        Fazhi.Platform.Kit.DateRules.Check(checks, "commentTo", "征求意见截止日期", to);
        checks.When(to < from, "commentTo", "截止日期不能早于开始日期。");
        if (last is not null && from <= last.To)
        {
            checks.Add("on", $"开始日期应在第 {last.No} 轮征求意见截止日（{last.To:yyyy-MM-dd}）之后。");
        }
        var article = last is null ? "规章制定程序条例第十五条" : "规章制定程序条例第二十一条";
        if (to is { } end && end >= from && end.DayNumber - from.DayNumber + 1 < minDays && reason.Length == 0)
        {
            checks.Add("shortReason", $"公开征求意见的期限一般不少于 {minDays} 日，不足的须写明理由（{article}）。");
        }
        var round = new CommentRound
        {
            ProjectId = Id, OrgUnitId = OrgUnitId, No = (last?.No ?? 0) + 1, Stage = last is null ? LegislationStage.PublicComment : LegislationStage.Review,
            VersionId = version?.Id ?? Guid.Empty, VersionNo = version?.No ?? 0, From = from, To = to ?? from, ShortReason = reason, OpenedBy = by, OpenedOn = today,
        };
        if (version is not null && to is not null)
        {
            (CommentVersionId, CommentFrom, CommentTo, CommentShortReason) = (version.Id, from, to, reason);
        }
        return round;
    }
}

/// <summary>
/// A round of public comment (征求意见轮次, ADR 0069): one draft version published for comment over a period. The first is
/// opened while drafting, when the project enters 征求意见 (规章制定程序条例 第十五条, by the drafting unit); a later one at
/// 审查 on a later version (第二十一条, by the legislative office). Comments are anchored to the round's version, so each
/// round keeps its own comments and answers. Never changed once opened.
/// </summary>
internal sealed class CommentRound : IOrgScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ProjectId { get; set; }

    public Guid OrgUnitId { get; set; }

    /// <summary>1, 2, … in the order opened.</summary>
    public int No { get; set; }

    /// <summary>The stage the round was opened at: <see cref="LegislationStage.PublicComment"/> (第十五条) or <see cref="LegislationStage.Review"/> (第二十一条).</summary>
    public LegislationStage Stage { get; set; }

    public Guid VersionId { get; set; }

    public int VersionNo { get; set; }

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }

    /// <summary>Why the period is shorter than the settings row's days.</summary>
    public string ShortReason { get; set; } = "";

    public string OpenedBy { get; set; } = "";

    public DateOnly OpenedOn { get; set; }
}

/// <summary>One step taken: the stage reached, the day, a note and who did it.</summary>
internal sealed class ProjectStageRecord : IOrgScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ProjectId { get; set; }

    public Guid OrgUnitId { get; set; }

    public LegislationStage Stage { get; set; }

    public DateOnly On { get; set; }

    public string Note { get; set; } = "";

    public string By { get; set; } = "";
}

/// <summary>A version of the draft (征求意见稿、送审稿、草案…): its text, split into addressable articles; never changed once saved.</summary>
internal sealed class DraftVersion : IOrgScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ProjectId { get; set; }

    public Guid OrgUnitId { get; set; }

    public int No { get; set; }

    public string Name { get; set; } = "";

    public string Text { get; set; } = "";

    public string Note { get; set; } = "";

    public DateOnly CreatedOn { get; set; }

    public string CreatedBy { get; set; } = "";
}

/// <summary>A 基层立法联系点: a unit whose accounts gather comments on drafts and submit them in bulk.</summary>
internal sealed class ContactPoint : IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The contact point's own unit (its accounts submit for it).</summary>
    public Guid OrgUnitId { get; set; }

    public string Name { get; set; } = "";

    public DateOnly EstablishedOn { get; set; }

    public bool IsDemo { get; set; }

    public long Version { get; set; }
}

/// <summary>
/// A comment on one article of one draft version, anchored there (version id, article label and the article's text as it
/// was), so later versions never move it. Scoped to the project's drafting unit. A citizen's comment carries a number and a
/// hashed query code; a contact point's names the contact point.
/// </summary>
internal sealed class LegislationComment : IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ProjectId { get; set; }

    public Guid OrgUnitId { get; set; }

    public Guid VersionId { get; set; }

    public int VersionNo { get; set; }

    public string ArticleLabel { get; set; } = "";

    public string ArticleText { get; set; } = "";

    public string Text { get; set; } = "";

    public string CommenterName { get; set; } = "";

    /// <summary>
    /// The mobile a citizen proved with an SMS code (ADR 0065), stored encrypted with its blind index; one comment per number
    /// per article of a version (unique index). Null for a contact point's bulk submission (signed-in staff).
    /// </summary>
    public SensitiveText? CommenterPhone { get; set; }

    public string Number { get; set; } = "";

    public string QueryCodeHash { get; set; } = "";

    public Guid? ContactPointId { get; set; }

    public DateOnly SubmittedOn { get; set; }

    public CommentAnswer? Answer { get; set; }

    public string AnswerReason { get; set; } = "";

    public DateOnly? AnsweredOn { get; set; }

    public string AnsweredBy { get; set; } = "";

    public bool IsDemo { get; set; }

    public long Version { get; set; }
}

internal sealed class LegislationConfigurations : IEntityTypeConfiguration<LegislationSettings>, IEntityTypeConfiguration<LegislativePlan>, IEntityTypeConfiguration<PlanChange>,
    IEntityTypeConfiguration<LegislationProject>, IEntityTypeConfiguration<ProjectStageRecord>, IEntityTypeConfiguration<DraftVersion>, IEntityTypeConfiguration<ContactPoint>,
    IEntityTypeConfiguration<LegislationComment>, IEntityTypeConfiguration<CommentRound>
{
    private const string CommenterPhoneIndex = nameof(LegislationComment.CommenterPhone) + "BlindIndex";

    public void Configure(EntityTypeBuilder<LegislationSettings> b)
    {
        b.ToTable("rulemaking_legislation_settings");
        b.HasKey(x => x.Id);
        b.Property(x => x.HearingNoticeDays).HasDefaultValue(30);
        b.Property(x => x.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<LegislativePlan> b)
    {
        b.ToTable("rulemaking_legislative_plans");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.Year);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<PlanChange> b)
    {
        b.ToTable("rulemaking_plan_changes");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.PlanId);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Description).HasMaxLength(1000);
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.Property(x => x.ChangedBy).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<LegislationProject> b)
    {
        b.ToTable("rulemaking_legislation_projects");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.PlanId);
        b.Property(x => x.UnitName).HasMaxLength(200);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Stage).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.CommentShortReason).HasMaxLength(2000);
        b.Property(x => x.DocumentNo).HasMaxLength(100);
        b.Property(x => x.EffectExceptionReason).HasMaxLength(2000);
        b.Property(x => x.FiledWith).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<CommentRound> b)
    {
        b.ToTable("rulemaking_legislation_comment_rounds");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.ProjectId, x.No }).IsUnique();
        // One round per version: a comment's version names its round.
        b.HasIndex(x => new { x.ProjectId, x.VersionId }).IsUnique();
        b.Property(x => x.Stage).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.ShortReason).HasMaxLength(2000);
        b.Property(x => x.OpenedBy).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<ProjectStageRecord> b)
    {
        b.ToTable("rulemaking_legislation_stages");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.ProjectId);
        b.Property(x => x.Stage).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Note).HasMaxLength(4000);
        b.Property(x => x.By).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<DraftVersion> b)
    {
        b.ToTable("rulemaking_draft_versions");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.ProjectId, x.No }).IsUnique();
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Text).HasMaxLength(200000);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.CreatedBy).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<ContactPoint> b)
    {
        b.ToTable("rulemaking_contact_points");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.OrgUnitId).IsUnique();
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<LegislationComment> b)
    {
        b.ToTable("rulemaking_legislation_comments");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.ProjectId, x.VersionId });
        b.HasIndex(x => x.Number).IsUnique();
        b.HasIndex(x => x.ContactPointId);
        b.Property(x => x.CommenterPhone).IsSensitive(SensitiveKind.Phone);
        // One comment per verified mobile per article of the version under comment (ADR 0065): the platform adds the blind
        // index column of CommenterPhone; declared here so the unique index can name it (nulls, the contact points', are distinct).
        b.Property<string>(CommenterPhoneIndex).HasMaxLength(64);
        b.HasIndex(nameof(LegislationComment.VersionId), nameof(LegislationComment.ArticleLabel), CommenterPhoneIndex).IsUnique();
        b.Property(x => x.ArticleLabel).HasMaxLength(40);
        b.Property(x => x.ArticleText).HasMaxLength(8000);
        b.Property(x => x.Text).HasMaxLength(4000);
        b.Property(x => x.CommenterName).HasMaxLength(100);
        b.Property(x => x.Number).HasMaxLength(40);
        b.Property(x => x.QueryCodeHash).HasMaxLength(64);
        b.Property(x => x.Answer).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.AnswerReason).HasMaxLength(4000);
        b.Property(x => x.AnsweredBy).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
