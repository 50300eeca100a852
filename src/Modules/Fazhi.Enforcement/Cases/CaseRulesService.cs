using Fazhi.Enforcement.Data;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Enforcement.Cases;

/// <summary>The statutory numbers of the procedure per authority (<see cref="CaseRulesProfile"/>): read and changed.</summary>
internal sealed class CaseRulesService(EnforcementDb db)
{
    /// <summary>The rules row for a body's unit, else the default row, else the statutory defaults.</summary>
    public async Task<CaseRulesProfile> RulesAsync(Guid orgUnitId, CancellationToken ct)
    {
        var rows = await db.CaseRules.AsNoTracking().Where(r => r.OrgUnitId == orgUnitId || r.OrgUnitId == null).ToListAsync(ct);
        return rows.FirstOrDefault(r => r.OrgUnitId == orgUnitId) ?? rows.FirstOrDefault() ?? new CaseRulesProfile();
    }

    /// <summary>Creates or changes the rules row of an authority (or the default row when <paramref name="input"/> has no unit).</summary>
    public async Task<CaseRulesProfile> SaveRulesAsync(CaseRulesInput input, CancellationToken ct)
    {
        if (input.LargeFinePerson <= 0 || input.LargeFineOrganisation <= 0 || input.OnTheSpotPersonMax < 0 || input.OnTheSpotOrganisationMax < 0
            || input.SurchargePercentPerDay is < 0 or > 100 || input.DecisionCalendarDays < 1 || input.HearingRequestWorkingDays < 1 || input.HearingNoticeWorkingDays < 1
            || input.ServiceWorkingDays < 1 || input.PaymentCalendarDays < 1 || input.PublicationWorkingDays < 1 || input.MinimumOfficers < 1)
        {
            throw Refuse.Field("rules", "参数无效：金额须为正数，天数和人数至少为 1，加处罚款比例在 0 至 100 之间（行政处罚法第五十一条、第六十条、第六十三条、第六十四条、第七十二条）。");
        }
        var row = await db.CaseRules.FirstOrDefaultAsync(r => r.OrgUnitId == input.OrgUnitId, ct);
        if (row is null)
        {
            row = new CaseRulesProfile { OrgUnitId = input.OrgUnitId };
            db.CaseRules.Add(row);
        }
        else
        {
            db.Entry(row).Property(r => r.Version).OriginalValue = input.Version;
        }
        row.LargeFinePerson = input.LargeFinePerson;
        row.LargeFineOrganisation = input.LargeFineOrganisation;
        row.HearingRequestWorkingDays = input.HearingRequestWorkingDays;
        row.HearingNoticeWorkingDays = input.HearingNoticeWorkingDays;
        row.DecisionCalendarDays = input.DecisionCalendarDays;
        row.ServiceWorkingDays = input.ServiceWorkingDays;
        row.PaymentCalendarDays = input.PaymentCalendarDays;
        row.SurchargePercentPerDay = input.SurchargePercentPerDay;
        row.OnTheSpotPersonMax = input.OnTheSpotPersonMax;
        row.OnTheSpotOrganisationMax = input.OnTheSpotOrganisationMax;
        row.PublicationWorkingDays = input.PublicationWorkingDays;
        row.WarnDaysBeforeDecisionDeadline = input.WarnDaysBeforeDecisionDeadline;
        row.MinimumOfficers = input.MinimumOfficers;
        await db.SaveChangesAsync(ct);
        return row;
    }
}
