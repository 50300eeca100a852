using System.Text.Json.Serialization;
using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Oversight.Litigation;

/// <summary>The instance a lawsuit record is at; an appeal or a retrial is a record of its own.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LawsuitLevel>))]
internal enum LawsuitLevel
{
    /// <summary>一审.</summary>
    FirstInstance,

    /// <summary>二审.</summary>
    Appeal,

    /// <summary>再审.</summary>
    Retrial,
}

/// <summary>The kind of administrative act sued (行政行为类别), for the analysis of losses by kind.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ActKind>))]
internal enum ActKind
{
    /// <summary>行政处罚.</summary>
    Penalty,

    /// <summary>行政强制.</summary>
    Coercion,

    /// <summary>行政许可.</summary>
    Licensing,

    /// <summary>行政征收、征用及补偿.</summary>
    Expropriation,

    /// <summary>行政确认、登记.</summary>
    Registration,

    /// <summary>政府信息公开.</summary>
    InformationDisclosure,

    /// <summary>不履行法定职责.</summary>
    Inaction,

    /// <summary>行政协议.</summary>
    Agreement,

    /// <summary>行政复议.</summary>
    Reconsideration,

    /// <summary>其他.</summary>
    Other,
}

[JsonConverter(typeof(JsonStringEnumConverter<LawsuitStatus>))]
internal enum LawsuitStatus
{
    /// <summary>已登记，待答辩.</summary>
    Registered,

    /// <summary>已答辩，待裁判.</summary>
    Answered,

    /// <summary>已裁判（结案）.</summary>
    Decided,
}

/// <summary>How a lawsuit ended at its instance (行政诉讼法 第六十九条至第七十八条; 撤诉 第六十二条; 调解 第六十条).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ResultKind>))]
internal enum ResultKind
{
    /// <summary>判决驳回原告诉讼请求 (第六十九条).</summary>
    Dismissed,

    /// <summary>裁定驳回起诉.</summary>
    ComplaintRejected,

    /// <summary>判决撤销或者部分撤销 (第七十条).</summary>
    Revoked,

    /// <summary>判决履行法定职责或给付义务 (第七十二条、第七十三条).</summary>
    OrderedToPerform,

    /// <summary>判决确认违法或者无效 (第七十四条、第七十五条).</summary>
    ConfirmedIllegal,

    /// <summary>判决变更 (第七十七条).</summary>
    Changed,

    /// <summary>调解结案 (第六十条).</summary>
    Settled,

    /// <summary>原告撤诉 (第六十二条).</summary>
    Withdrawn,

    /// <summary>二审判决、裁定维持原判.</summary>
    Upheld,
}

/// <summary>Who appeared in court for the defendant agency at one hearing (行政诉讼法 第三条第三款).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Appearance>))]
internal enum Appearance
{
    /// <summary>行政机关正职负责人.</summary>
    Head,

    /// <summary>副职负责人 (出庭规定 第二条).</summary>
    DeputyHead,

    /// <summary>其他参与分管的负责人 (出庭规定 第二条).</summary>
    OtherResponsible,

    /// <summary>仅工作人员（及律师）出庭: the head did not appear.</summary>
    StaffOnly,
}

/// <summary>
/// An administrative lawsuit (行政诉讼) against an agency of the city at one instance. The defendant agency is the record's
/// org unit, so the data scope decides who sees it. Deadlines are stamped when their event is recorded, with the number of
/// days they were computed with.
/// </summary>
internal sealed class Lawsuit : IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The defendant agency (被告行政机关).</summary>
    public Guid OrgUnitId { get; set; }

    /// <summary>受理法院.</summary>
    public string Court { get; set; } = "";

    /// <summary>法院案号, normalised to full-width brackets, e.g. （2026）鲁0403行初12号.</summary>
    public string CaseNumber { get; set; } = "";

    /// <summary>原告.</summary>
    public string Plaintiff { get; set; } = "";

    /// <summary>被诉行政行为.</summary>
    public string ActSued { get; set; } = "";

    public ActKind ActKind { get; set; }

    /// <summary>案由.</summary>
    public string Cause { get; set; } = "";

    public LawsuitLevel Level { get; set; }

    /// <summary>法院立案日期.</summary>
    public DateOnly FiledOn { get; set; }

    /// <summary>收到起诉状副本之日: the answer period runs from the next day (行政诉讼法 第六十七条).</summary>
    public DateOnly ComplaintReceivedOn { get; set; }

    /// <summary>The days the answer period was computed with (settings at registration).</summary>
    public int AnswerDays { get; set; }

    /// <summary>答辩及举证期限届满日 (第六十七条; a last day on a rest day moves to the next working day, 行诉解释 第四十八条).</summary>
    public DateOnly AnswerDueOn { get; set; }

    /// <summary>提交答辩状及证据之日.</summary>
    public DateOnly? AnsweredOn { get; set; }

    /// <summary>The next scheduled hearing (开庭日期), when the court has set one and it is not yet recorded.</summary>
    public DateOnly? NextHearingOn { get; set; }

    /// <summary>The first recorded hearing: a heard lawsuit counts in the year of this date for the appearance rate.</summary>
    public DateOnly? FirstHearingOn { get; set; }

    /// <summary>True when at any recorded hearing of this instance a responsible person (head, deputy or other responsible) appeared.</summary>
    public bool HeadAppeared { get; set; }

    public LawsuitStatus Status { get; set; }

    public ResultKind? Result { get; set; }

    /// <summary>裁判日期.</summary>
    public DateOnly? DecidedOn { get; set; }

    /// <summary>裁判文书送达日期: the appeal period runs from the next day.</summary>
    public DateOnly? ServedOn { get; set; }

    /// <summary>The days the appeal window was computed with (15 judgment, 10 ruling; 第八十五条); null when none applies.</summary>
    public int? AppealDays { get; set; }

    /// <summary>上诉期限届满日.</summary>
    public DateOnly? AppealDueOn { get; set; }

    /// <summary>败诉: the court revoked, changed, confirmed illegal or ordered performance.</summary>
    public bool Lost { get; set; }

    public string? ResultNotes { get; set; }

    /// <summary>A link to the Fazhi record the suit is about (an enforcement case, a dispute case), when there is one.</summary>
    public string? RelatedRecord { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }

    public long Version { get; set; }
}

/// <summary>One hearing of a lawsuit and who appeared for the agency (行政诉讼法 第三条; 出庭规定 第二条、第八条).</summary>
internal sealed class LawsuitHearing : IOrgScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid LawsuitId { get; set; }

    /// <summary>The defendant agency, copied from the lawsuit so that the scope filter applies to hearings too.</summary>
    public Guid OrgUnitId { get; set; }

    public DateOnly HeldOn { get; set; }

    public Appearance Appearance { get; set; }

    /// <summary>出庭负责人或工作人员姓名.</summary>
    public string AppearedName { get; set; } = "";

    /// <summary>职务.</summary>
    public string AppearedTitle { get; set; } = "";

    /// <summary>Why the head (正职负责人) did not appear (出庭规定 第八条、第九条); required unless the head appeared.</summary>
    public string? Reason { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

internal sealed class LawsuitConfiguration : IEntityTypeConfiguration<Lawsuit>
{
    public void Configure(EntityTypeBuilder<Lawsuit> b)
    {
        b.ToTable("oversight_lawsuits");
        b.HasKey(x => x.Id);
        b.Property(x => x.Court).HasMaxLength(100);
        b.Property(x => x.CaseNumber).HasMaxLength(64);
        b.Property(x => x.Plaintiff).HasMaxLength(200);
        b.Property(x => x.ActSued).HasMaxLength(500);
        b.Property(x => x.Cause).HasMaxLength(200);
        b.Property(x => x.ActKind).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.Level).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Result).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.ResultNotes).HasMaxLength(2000);
        b.Property(x => x.RelatedRecord).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        // One record per agency and court case number (co-defendants each have their own).
        b.HasIndex(x => new { x.CaseNumber, x.OrgUnitId }).IsUnique();
        // The appearance rate reads heard lawsuits by year of first hearing; losses by decision date; reminders by due dates.
        // The two rate indexes cover the rate's grouping, its counts and its drill-down's sort (ending in Id), so a city-year's
        // figures and a page of its records are read from the index without a table row each (ADR 0045).
        b.HasIndex(x => new { x.FirstHearingOn, x.OrgUnitId, x.HeadAppeared, x.Id }, "IX_oversight_lawsuits_rate_heard");
        b.HasIndex(x => new { x.DecidedOn, x.OrgUnitId, x.ActKind, x.Lost, x.Id }, "IX_oversight_lawsuits_rate_decided");
        b.HasIndex(x => new { x.Status, x.AnswerDueOn });
    }
}

internal sealed class LawsuitHearingConfiguration : IEntityTypeConfiguration<LawsuitHearing>
{
    public void Configure(EntityTypeBuilder<LawsuitHearing> b)
    {
        b.ToTable("oversight_lawsuit_hearings");
        b.HasKey(x => x.Id);
        b.Property(x => x.Appearance).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.AppearedName).HasMaxLength(50);
        b.Property(x => x.AppearedTitle).HasMaxLength(100);
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.HasIndex(x => x.LawsuitId);
        b.HasOne<Lawsuit>().WithMany().HasForeignKey(x => x.LawsuitId).OnDelete(DeleteBehavior.Cascade);
    }
}
