using Fazhi.Oversight.Data;
using Fazhi.Oversight.Settings;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Oversight.Proposals;

/// <summary>
/// At every start (idempotent, ADR 0058): items assigned before ADR 0050 kept their co-units only as ids, with no opinion row,
/// so their co-units did not see them; each missing (item, co-unit) row is added, pending, due the settings' CoOpinionDays
/// after the item's assignment (山东省代表建议办理条例 第二十一条); rows written before ADR 0058 get that due date. Done at
/// start rather than in the migration because the co-units are a JSON list and the due date is counted on the platform's
/// calendar, which only the application has; done at start rather than on first read so the co-unit's list, the reminders
/// and the reply check all see the rows from the first request. An item already replied gets its rows too (the co-unit sees
/// what it co-handled); they are never reminded nor overdue, since the lead unit no longer awaits them. An item reopened
/// (不满意) before ADR 0066 gets its second round's rows, due as <see cref="ProposalService.SecondRoundDueAsync"/> counts them.
/// </summary>
internal sealed class CoOpinionBackfill(ISystemWork systemWork, SettingsService settings, IDeadlineService deadlines) : IModuleSeed
{
    public async Task SeedAsync(CancellationToken ct)
    {
        await using var db = systemWork.Db<OversightDb>("补建建议提案协办意见");
        var items = await db.Proposals.AsNoTracking().Select(p => new { p.Id, p.CoUnitIds, p.AssignedOn, p.Status, p.ReopenedOn, p.ReReplyDueOn }).ToListAsync(ct);
        var withCoUnits = items.Where(p => p.CoUnitIds.Count > 0).ToList();
        if (withCoUnits.Count == 0)
        {
            return;
        }
        var rows = await db.ProposalCoOpinions.ToListAsync(ct);
        var have = rows.Select(o => (o.ProposalId, o.OrgUnitId, o.Round)).ToHashSet();
        var days = (await settings.GetAsync(ct)).CoOpinionDays;
        var assignedOn = items.ToDictionary(p => p.Id, p => p.AssignedOn);
        var changed = false;
        foreach (var p in withCoUnits)
        {
            foreach (var unit in p.CoUnitIds.Distinct().Where(u => !have.Contains((p.Id, u, ProposalCoOpinion.FirstRound))))
            {
                db.ProposalCoOpinions.Add(new ProposalCoOpinion { ProposalId = p.Id, OrgUnitId = unit, DueOn = await ProposalService.CoOpinionDueAsync(deadlines, p.AssignedOn, days, ct) });
                changed = true;
            }
            if (p.Status == ProposalStatus.Reopened && p.ReopenedOn is { } reopened && p.ReReplyDueOn is { } reReplyDue)
            {
                foreach (var unit in p.CoUnitIds.Distinct().Where(u => !have.Contains((p.Id, u, ProposalCoOpinion.SecondRound))))
                {
                    db.ProposalCoOpinions.Add(new ProposalCoOpinion
                    {
                        ProposalId = p.Id, OrgUnitId = unit, Round = ProposalCoOpinion.SecondRound,
                        DueOn = await ProposalService.SecondRoundDueAsync(deadlines, reopened, days, reReplyDue, ct),
                    });
                    changed = true;
                }
            }
        }
        foreach (var row in rows.Where(o => o.DueOn is null && assignedOn.ContainsKey(o.ProposalId)))
        {
            row.DueOn = await ProposalService.CoOpinionDueAsync(deadlines, assignedOn[row.ProposalId], days, ct);
            changed = true;
        }
        if (changed)
        {
            await db.SaveChangesAsync(ct);
        }
    }
}
