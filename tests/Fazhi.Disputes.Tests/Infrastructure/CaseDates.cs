using Fazhi.Disputes.Data;
using Fazhi.Disputes.Handling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Disputes.Tests.Infrastructure;

internal static class CaseDates
{
    /// <summary>Moves a case's whole history <paramref name="days"/> into the past (received, stages, pauses), then recomputes its due dates.</summary>
    public static Task BackdateAsync(FazhiFactory factory, Guid id, int days) => factory.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<DisputesDb>();
        var c = await db.Cases.Include(x => x.Stages).ThenInclude(s => s.Pauses).Include(x => x.Stages).ThenInclude(s => s.Extensions).FirstAsync(x => x.Id == id);
        c.ReceivedOn = c.ReceivedOn.AddDays(-days);
        foreach (var s in c.Stages)
        {
            s.StartedOn = s.StartedOn.AddDays(-days);
            s.EndedOn = s.EndedOn?.AddDays(-days);
            foreach (var p in s.Pauses)
            {
                p.PausedFrom = p.PausedFrom.AddDays(-days);
                p.ResumedOn = p.ResumedOn?.AddDays(-days);
            }
        }
        var clock = sp.GetRequiredService<HandlingClock>();
        clock.Refresh(c, await clock.CalculatorAsync(CancellationToken.None), clock.Today);
        await db.SaveChangesAsync();
    });
}
