using System.Text.Json.Serialization;
using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Enforcement.Inspections;

/// <summary>Why an enterprise is inspected. Complaint- and key-supervision-triggered inspections may be exempt from the cap.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<InspectionTrigger>))]
internal enum InspectionTrigger
{
    /// <summary>日常检查 (planned, incl. 双随机一公开).</summary>
    Routine,

    /// <summary>投诉举报 / 转办线索.</summary>
    Complaint,

    /// <summary>重点监管 (key-supervision list, e.g. food, drugs, special equipment).</summary>
    KeySupervision,
}

[JsonConverter(typeof(JsonStringEnumConverter<InspectionStatus>))]
internal enum InspectionStatus
{
    Planned,
    Closed,
}

[JsonConverter(typeof(JsonStringEnumConverter<InspectionResult>))]
internal enum InspectionResult
{
    /// <summary>未发现问题.</summary>
    NoProblem,

    /// <summary>发现问题，责令整改.</summary>
    ProblemsFound,

    /// <summary>移送立案.</summary>
    ReferredToCase,
}

/// <summary>The period a cap counts over (calendar periods).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CapPeriod>))]
internal enum CapPeriod
{
    Month,
    Quarter,
    Year,
}

/// <summary>
/// An enterprise inspection (涉企行政检查) registered in advance by an enforcement body. Plans of several bodies that visit the
/// same enterprise together share one <see cref="VisitId"/> (a joint inspection, 联合检查): the visit's lead plan is the one whose
/// Id equals the VisitId. The cap counts visits, so a joint inspection counts once. Each body records its own findings on its own plan.
/// </summary>
internal sealed class InspectionPlan : IOrgScoped, IVersioned
{
    public InspectionPlan()
    {
        VisitId = Id;
    }

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The enforcement body (org unit) that inspects.</summary>
    public Guid OrgUnitId { get; set; }

    /// <summary>统一社会信用代码, normalised (upper case, 18 characters).</summary>
    public string CreditCode { get; set; } = "";

    public string EnterpriseName { get; set; } = "";

    /// <summary>Optional enforcement matter (kind inspection) from the power list.</summary>
    public Guid? MatterId { get; set; }

    public string Subject { get; set; } = "";

    public DateOnly PlannedDate { get; set; }

    /// <summary>执法人员 (names and certificate numbers as entered; at least two, 行政处罚法 第四十二条).</summary>
    public string Inspectors { get; set; } = "";

    /// <summary>检查事由与依据.</summary>
    public string Basis { get; set; } = "";

    public InspectionTrigger Trigger { get; set; }

    /// <summary>The joint visit this plan belongs to; its own Id while it is a single-body inspection.</summary>
    public Guid VisitId { get; set; }

    public InspectionStatus Status { get; set; }

    public InspectionResult? Result { get; set; }

    public string? ResultNotes { get; set; }

    /// <summary>The penalty case the inspection was referred to (案件编号), when referred.</summary>
    public string? CaseReference { get; set; }

    public DateOnly? CompletedOn { get; set; }

    /// <summary>Whether the cap counted this plan (false when exempt by trigger): kept so a later change of the rule does not rewrite history.</summary>
    public bool CountsAgainstCap { get; set; } = true;

    public long Version { get; set; }
}

/// <summary>
/// The cap on inspections per enterprise (检查频次上限), one row (code <c>default</c>) an administrator changes.
/// 国务院办公厅关于严格规范涉企行政检查的意见（国办发〔2024〕54号）asks that inspection frequency be limited and that several bodies'
/// inspections of one enterprise be merged (能合尽合); the numbers are local policy, hence data.
/// </summary>
internal sealed class InspectionCapRule : IVersioned
{
    public const string DefaultCode = "default";

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string Code { get; set; } = DefaultCode;

    /// <summary>At most this many inspection visits per enterprise per period, across all bodies.</summary>
    public int MaxVisits { get; set; } = 2;

    public CapPeriod Period { get; set; } = CapPeriod.Quarter;

    /// <summary>Complaint-triggered inspections are not refused by the cap (a complaint must be checked) and are not counted.</summary>
    public bool ExemptComplaints { get; set; } = true;

    /// <summary>Key-supervision inspections are not refused by the cap and are not counted.</summary>
    public bool ExemptKeySupervision { get; set; } = true;

    public long Version { get; set; }

    public bool Exempts(InspectionTrigger trigger) =>
        (trigger == InspectionTrigger.Complaint && ExemptComplaints) || (trigger == InspectionTrigger.KeySupervision && ExemptKeySupervision);

    /// <summary>The calendar period containing <paramref name="day"/>.</summary>
    public (DateOnly From, DateOnly To) PeriodOf(DateOnly day)
    {
        var from = Period switch
        {
            CapPeriod.Month => new DateOnly(day.Year, day.Month, 1),
            CapPeriod.Quarter => new DateOnly(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1),
            _ => new DateOnly(day.Year, 1, 1),
        };
        var to = Period switch
        {
            CapPeriod.Month => from.AddMonths(1).AddDays(-1),
            CapPeriod.Quarter => from.AddMonths(3).AddDays(-1),
            _ => from.AddYears(1).AddDays(-1),
        };
        return (from, to);
    }

    public string Describe() => $"同一企业每{PeriodName(Period)}接受涉企行政检查不超过 {MaxVisits} 次（各执法部门合计，联合检查计一次"
        + (ExemptComplaints || ExemptKeySupervision ? $"；{string.Join("、", new[] { ExemptComplaints ? "投诉举报" : null, ExemptKeySupervision ? "重点监管" : null }.Where(x => x is not null))}引起的检查不计入" : "")
        + "）";

    public static string PeriodName(CapPeriod p) => p switch
    {
        CapPeriod.Month => "月",
        CapPeriod.Quarter => "季度",
        _ => "年",
    };
}

internal sealed class InspectionPlanConfiguration : IEntityTypeConfiguration<InspectionPlan>
{
    public void Configure(EntityTypeBuilder<InspectionPlan> b)
    {
        b.ToTable("enforcement_inspection_plans");
        b.HasKey(x => x.Id);
        b.Property(x => x.CreditCode).HasMaxLength(18);
        b.Property(x => x.EnterpriseName).HasMaxLength(256);
        b.Property(x => x.Subject).HasMaxLength(500);
        b.Property(x => x.Inspectors).HasMaxLength(500);
        b.Property(x => x.Basis).HasMaxLength(2000);
        b.Property(x => x.Trigger).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Result).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.ResultNotes).HasMaxLength(2000);
        b.Property(x => x.CaseReference).HasMaxLength(64);
        b.Property(x => x.Version).IsConcurrencyToken();
        // The cap check and the enterprise view look plans up by enterprise and date.
        b.HasIndex(x => new { x.CreditCode, x.PlannedDate });
        b.HasIndex(x => x.VisitId);
        b.HasOne<Discretion.EnforcementMatter>().WithMany().HasForeignKey(x => x.MatterId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InspectionCapRuleConfiguration : IEntityTypeConfiguration<InspectionCapRule>
{
    public void Configure(EntityTypeBuilder<InspectionCapRule> b)
    {
        b.ToTable("enforcement_inspection_cap_rules");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(32);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Period).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
