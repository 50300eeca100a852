using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Fazhi.Platform.Features.Notifications;

/// <summary>A notice to some users: shown in their in-app inbox and passed to every external channel (e-mail, SMS).</summary>
/// <param name="Subject">What it is about (e.g. a case id); with <paramref name="Kind"/> it lets <see cref="INotifier.AlreadySentAsync"/> avoid repeats.</param>
public sealed record NotificationMessage(string Kind, string Title, string Body, string? Link, string? Subject = null);

/// <summary>A recipient as an external channel sees them.</summary>
public sealed record NotificationRecipient(Guid UserId, string DisplayName, string? Email, string? PhoneNumber);

/// <summary>
/// An outbound channel (e-mail, SMS gateway). Deployments register their own; the platform ships
/// <see cref="LoggingNotificationChannel"/>, which records what would be sent.
/// </summary>
public interface INotificationChannel
{
    string Name { get; }

    Task SendAsync(NotificationRecipient recipient, NotificationMessage message, CancellationToken ct);
}

/// <summary>How modules notify people: reminders, escalations, supervision notices.</summary>
public interface INotifier
{
    /// <summary>Puts the message in each recipient's inbox and passes it to the external channels. Returns how many were notified.</summary>
    Task<int> NotifyAsync(IReadOnlyCollection<Guid> userIds, NotificationMessage message, CancellationToken ct);

    /// <summary>Active users holding <paramref name="permission"/> through a role assigned at exactly this org unit
    /// (e.g. the unit's leaders or supervisors). Remembered for the rest of the scope (a job run or a request), so a job
    /// notifying many records of one unit asks the database once per unit and permission.</summary>
    Task<IReadOnlyList<Guid>> UsersWithPermissionAtAsync(Guid orgUnitId, string permission, CancellationToken ct);

    /// <summary>Whether a message of this kind about this subject was already sent (to anyone) since <paramref name="since"/>.</summary>
    Task<bool> AlreadySentAsync(string kind, string subject, DateTimeOffset since, CancellationToken ct);
}

internal sealed class Notifier(PlatformDb db, IEnumerable<INotificationChannel> channels, TimeProvider clock, ILogger<Notifier> log) : INotifier
{
    public async Task<int> NotifyAsync(IReadOnlyCollection<Guid> userIds, NotificationMessage message, CancellationToken ct)
    {
        var ids = userIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return 0;
        }
        // Delivering a notice is system work: the recipient (e.g. a supervisor at the city) may sit outside the sender's scope.
        var users = await db.Users.IgnoreQueryFilters().AsNoTracking().Where(u => ids.Contains(u.Id) && u.IsActive)
            .Select(u => new NotificationRecipient(u.Id, u.DisplayName, u.Email, u.PhoneNumber)).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var u in users)
        {
            db.Set<Notification>().Add(new Notification
            {
                RecipientUserId = u.UserId,
                Kind = Clip(message.Kind, 80),
                Title = Clip(message.Title, 200),
                Body = Clip(message.Body, 2000),
                Link = message.Link is null ? null : Clip(message.Link, 400),
                Subject = message.Subject is null ? null : Clip(message.Subject, SubjectMaxLength),
                CreatedAt = now,
            });
        }
        await db.SaveChangesAsync(ct);
        foreach (var channel in channels)
        {
            foreach (var u in users)
            {
                try
                {
                    await channel.SendAsync(u, message, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A failing gateway must not lose the in-app notice, which is already saved.
                    log.LogWarning(e, "Notification channel {Channel} failed for user {User}", channel.Name, u.UserId);
                }
            }
        }
        return users.Count;
    }

    private readonly Dictionary<(Guid, string), IReadOnlyList<Guid>> _holders = [];

    public async Task<IReadOnlyList<Guid>> UsersWithPermissionAtAsync(Guid orgUnitId, string permission, CancellationToken ct)
    {
        if (!_holders.TryGetValue((orgUnitId, permission), out var users))
        {
            // System work: a reminder job must find a unit's leaders whatever the caller's own scope.
            users = await Kit.RoleHolders.Query(db, orgUnitId, permission).ToListAsync(ct);
            _holders[(orgUnitId, permission)] = users;
        }
        return users;
    }

    /// <summary>The stored subject's length: a longer one is stored cut, and compared cut (else it was never found again and a
    /// daily reminder with a long subject, e.g. with 【督办】, went out on every run).</summary>
    internal const int SubjectMaxLength = 100;

    public async Task<bool> AlreadySentAsync(string kind, string subject, DateTimeOffset since, CancellationToken ct)
    {
        subject = Clip(subject, SubjectMaxLength);
        // Ids are time-ordered (v7), so the newest is found by the index without comparing offsets in SQL (SQLite cannot).
        var latest = await db.Set<Notification>().Where(n => n.Kind == kind && n.Subject == subject)
            .OrderByDescending(n => n.Id).Select(n => (DateTimeOffset?)n.CreatedAt).FirstOrDefaultAsync(ct);
        return latest >= since;
    }

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max];
}

/// <summary>
/// The shipped external channel: writes what an e-mail/SMS gateway would send to the log, with the phone number
/// masked. Replace by registering a real <see cref="INotificationChannel"/>.
/// </summary>
internal sealed class LoggingNotificationChannel(ILogger<LoggingNotificationChannel> log) : INotificationChannel
{
    public string Name => "log";

    public Task SendAsync(NotificationRecipient recipient, NotificationMessage message, CancellationToken ct)
    {
        var phone = recipient.PhoneNumber is { Length: >= 7 } p ? p[..3] + "****" + p[^4..] : "-";
        log.LogInformation("Notice {Kind} to {User} (phone {Phone}, e-mail {HasEmail}): {Title}",
            message.Kind, recipient.UserId, phone, recipient.Email is null ? "none" : "set", message.Title);
        return Task.CompletedTask;
    }
}
