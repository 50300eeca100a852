using Microsoft.EntityFrameworkCore;

namespace Fazhi.Platform.Data;

/// <summary>A module's one-row settings table (numbers an administrator changes on a page): saving it the same way everywhere.</summary>
public static class SettingsRow
{
    /// <summary>
    /// Loads the settings row (or adds one with its defaults), checks it against the version the editor saw (a stale edit
    /// throws <see cref="DbUpdateConcurrencyException"/>, answered with 409), applies the new values and saves (audited).
    /// </summary>
    public static async Task SaveSettingsAsync<T>(this FazhiDbContext db, long? expectedVersion, Action<T> apply, CancellationToken ct)
        where T : class, IVersioned, new()
    {
        var row = await db.Set<T>().FirstOrDefaultAsync(ct);
        if (row is null)
        {
            row = new T();
            db.Set<T>().Add(row);
        }
        else if (expectedVersion is { } expected)
        {
            db.Entry(row).Property(x => x.Version).OriginalValue = expected;
        }
        apply(row);
        await db.SaveChangesAsync(ct);
    }
}
