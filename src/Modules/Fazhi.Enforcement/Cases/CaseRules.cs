using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Enforcement.Cases;

/// <summary>
/// The statutory numbers of the penalty procedure, kept as data: one default row (OrgUnitId null) and optional rows per
/// authority (e.g. a body's own "较大数额" thresholds). 行政处罚法 第八十五条: 本法中"二日""三日""五日""七日"的规定是指工作日，
/// 不含法定节假日 — so the 5- and 7-day periods count working days, the 15/90-day periods calendar days.
/// </summary>
internal sealed class CaseRulesProfile : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The authority the row applies to; null for the default row.</summary>
    public Guid? OrgUnitId { get; set; }

    /// <summary>第六十三条: 较大数额罚款 for a person (yuan), from which a hearing must be offered. 山东省 practice: 1 万元 (data).</summary>
    public decimal LargeFinePerson { get; set; } = 10_000m;

    /// <summary>第六十三条: 较大数额罚款 for an organisation (yuan). 山东省 practice: 10 万元 (data).</summary>
    public decimal LargeFineOrganisation { get; set; } = 100_000m;

    /// <summary>第六十四条第一项: 当事人要求听证的，应当在行政机关告知后五日内提出 (working days).</summary>
    public int HearingRequestWorkingDays { get; set; } = 5;

    /// <summary>第六十四条第二项: 行政机关应当在举行听证的七日前，通知当事人 (working days).</summary>
    public int HearingNoticeWorkingDays { get; set; } = 7;

    /// <summary>第六十条: 行政机关应当自行政处罚案件立案之日起九十日内作出行政处罚决定 (calendar days).</summary>
    public int DecisionCalendarDays { get; set; } = 90;

    /// <summary>第六十一条: 行政处罚决定书应当在宣告后当场交付；当事人不在场的，应当在七日内送达 (working days).</summary>
    public int ServiceWorkingDays { get; set; } = 7;

    /// <summary>第六十七条第三款: 当事人应当自收到行政处罚决定书之日起十五日内缴纳罚款 (calendar days).</summary>
    public int PaymentCalendarDays { get; set; } = 15;

    /// <summary>第七十二条第一项: 到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款 (percent per day; capped at the fine).</summary>
    public decimal SurchargePercentPerDay { get; set; } = 3m;

    /// <summary>第五十一条: 对公民处以二百元以下 ... 罚款 may be decided on the spot (yuan).</summary>
    public decimal OnTheSpotPersonMax { get; set; } = 200m;

    /// <summary>第五十一条: 对法人或者其他组织处以三千元以下罚款 may be decided on the spot (yuan).</summary>
    public decimal OnTheSpotOrganisationMax { get; set; } = 3_000m;

    /// <summary>国务院办公厅 三项制度指导意见: 行政处罚决定 自作出之日起七个工作日内公开 (working days).</summary>
    public int PublicationWorkingDays { get; set; } = 7;

    /// <summary>Days before the decision deadline from which the supervision page warns.</summary>
    public int WarnDaysBeforeDecisionDeadline { get; set; } = 10;

    /// <summary>第四十二条: 执法人员不得少于两人，法律另有规定的除外.</summary>
    public int MinimumOfficers { get; set; } = 2;

    public long Version { get; set; }

    public bool IsLargeFine(PartyKind party, decimal amount) =>
        amount >= (party == PartyKind.Person ? LargeFinePerson : LargeFineOrganisation);
}

internal sealed class CaseRulesProfileConfiguration : IEntityTypeConfiguration<CaseRulesProfile>
{
    public void Configure(EntityTypeBuilder<CaseRulesProfile> b)
    {
        b.ToTable("enforcement_case_rules");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.OrgUnitId).IsUnique();
        foreach (var p in new[] { nameof(CaseRulesProfile.LargeFinePerson), nameof(CaseRulesProfile.LargeFineOrganisation), nameof(CaseRulesProfile.SurchargePercentPerDay),
                     nameof(CaseRulesProfile.OnTheSpotPersonMax), nameof(CaseRulesProfile.OnTheSpotOrganisationMax) })
        {
            b.Property(p).HasPrecision(18, 2);
        }
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

/// <summary>Pure arithmetic of the procedure; unit-tested with statutory examples.</summary>
internal static class PenaltyArithmetic
{
    /// <summary>
    /// 行政处罚法 第七十二条第一项: 到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额.
    /// Days late are the calendar days after <paramref name="dueDate"/> up to <paramref name="paidOn"/>.
    /// </summary>
    public static decimal Surcharge(decimal fine, DateOnly dueDate, DateOnly paidOn, decimal percentPerDay)
    {
        var daysLate = paidOn.DayNumber - dueDate.DayNumber;
        if (daysLate <= 0 || fine <= 0)
        {
            return 0m;
        }
        var raw = decimal.Round(fine * percentPerDay / 100m * daysLate, 2, MidpointRounding.AwayFromZero);
        return Math.Min(raw, fine);
    }
}
