using Fazhi.Platform.Features.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Kit;

/// <summary>
/// One reminder about one item: sent once per <see cref="Subject"/> (e.g. "{caseId}:{dueOn}") and kind, to the given
/// people and to the users holding <see cref="Permission"/> at <see cref="OrgUnitId"/> (either may be empty).
/// </summary>
public sealed record Reminder(string Kind, string Subject, string Title, string Body, string? Link,
    IReadOnlyCollection<Guid> To, Guid? OrgUnitId = null, string? Permission = null);

/// <summary>What a reminder run did: sent, skipped as already sent, and found nobody to tell.</summary>
public sealed record ReminderRun(int Sent, int AlreadySent, int NoRecipients)
{
    public int Total => Sent + AlreadySent + NoRecipients;
}

/// <summary>
/// "Remind recipients of X once per item" for every module's reminder job (ADR 0022): the already-sent check, the
/// recipients (named people plus a permission at a unit), and the notice, in one place.
/// </summary>
public interface IReminders
{
    /// <summary>Sends each reminder not already sent since <paramref name="since"/> (default: 120 days).</summary>
    Task<ReminderRun> SendAsync(IEnumerable<Reminder> reminders, CancellationToken ct, DateTimeOffset? since = null);
}

internal sealed class Reminders(INotifier notifier, TimeProvider clock) : IReminders
{
    /// <summary>How far back a sent reminder counts: longer than any statutory period it reminds of.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(120);

    public async Task<ReminderRun> SendAsync(IEnumerable<Reminder> reminders, CancellationToken ct, DateTimeOffset? since = null)
    {
        var from = since ?? clock.GetUtcNow() - DefaultWindow;
        int sent = 0, already = 0, nobody = 0;
        foreach (var r in reminders)
        {
            if (await notifier.AlreadySentAsync(r.Kind, r.Subject, from, ct))
            {
                already++;
                continue;
            }
            var to = new HashSet<Guid>(r.To);
            if (r.OrgUnitId is { } unit && r.Permission is { } permission)
            {
                to.UnionWith(await notifier.UsersWithPermissionAtAsync(unit, permission, ct));
            }
            if (to.Count == 0 || await notifier.NotifyAsync(to, new NotificationMessage(r.Kind, r.Title, r.Body, r.Link, r.Subject), ct) == 0)
            {
                nobody++;
                continue;
            }
            sent++;
        }
        return new ReminderRun(sent, already, nobody);
    }
}

public static class RemindersExtensions
{
    /// <summary>
    /// Adds <paramref name="toUnit"/> and, when <paramref name="supervise"/> holds (e.g. overdue), the same reminder marked
    /// 【督办】 to the holders of <paramref name="supervisorPermission"/> at every unit above the reminder's unit (kind
    /// "{kind}.supervise", one subject per unit), as the supervising offices sit above the unit that owes the work.
    /// </summary>
    public static async Task AddWithSupervisionAsync(this ICollection<Reminder> items, IOrgDirectory orgs, Reminder toUnit, bool supervise,
        string supervisorPermission, CancellationToken ct)
    {
        items.Add(toUnit);
        if (!supervise || toUnit.OrgUnitId is not { } unit)
        {
            return;
        }
        foreach (var above in await orgs.AncestorsAsync(unit, ct))
        {
            items.Add(toUnit with
            {
                Kind = toUnit.Kind + ".supervise", Subject = $"{toUnit.Subject}:{above.Id}", Title = "【督办】" + toUnit.Title, To = [],
                OrgUnitId = above.Id, Permission = supervisorPermission,
            });
        }
    }

    internal static IServiceCollection AddReminders(this IServiceCollection services) => services.AddScoped<IReminders, Reminders>();
}
