using Fazhi.Disputes.Data;
using Fazhi.Disputes.Domain;
using Fazhi.Platform.Features.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Disputes.Handling;

/// <summary>
/// When the working-day calendar changes, the stored due date of every open case that runs over the changed dates is
/// computed again (its stages, pauses and extensions on the new calendar), so that worklists, reminders and escalation
/// follow the official holidays. A case whose due date lies before the change is not affected and is not read.
/// Changed cases are saved in batches (each change audited as usual).
/// </summary>
internal sealed class CalendarRecompute(DisputesDb db, HandlingClock clock) : ICalendarChangeHandler
{
    public const int BatchSize = 500;

    public async Task OnCalendarChangedAsync(DateOnly from, CancellationToken ct)
    {
        var calculator = await clock.CalculatorAsync(ct);
        var today = clock.Today;
        Guid? after = null;
        while (true)
        {
            // System work (the platform runs calendar handlers as system): every unit's open cases, keyset-paged by id.
            var batch = await db.Cases.Include(x => x.Stages).ThenInclude(s => s.Pauses).Include(x => x.Stages).ThenInclude(s => s.Extensions)
                .Where(c => (c.Status == CaseStatus.Pending || c.Status == CaseStatus.InProgress) && c.DueOn != null && c.DueOn >= from
                    && (after == null || c.Id.CompareTo(after.Value) > 0))
                .OrderBy(c => c.Id).Take(BatchSize).AsSplitQuery().ToListAsync(ct);
            if (batch.Count == 0)
            {
                return;
            }
            foreach (var c in batch)
            {
                clock.Refresh(c, calculator, today);
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            after = batch[^1].Id;
        }
    }
}
