using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Audit;
using Fazhi.Platform.Features.OrgUnits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Testing;

/// <summary>An org unit as a test needs it.</summary>
public sealed record TestUnit(Guid Id, string Code, string Name, string Path);

/// <summary>
/// The platform's data as module tests need it (org units, the audit trail), so that no test outside the platform
/// reaches for <c>PlatformDb</c>, which is internal to the platform (ADR 0007). Accounts: <see cref="FazhiFactory.CreateUserAsync"/>.
/// </summary>
public static class PlatformData
{
    /// <summary>The unit with <paramref name="code"/> (e.g. 370402); fails when there is none.</summary>
    public static Task<TestUnit> UnitAsync(this FazhiFactory factory, string code) =>
        factory.InScopeAsync(sp => sp.GetRequiredService<PlatformDb>().OrgUnits.AsNoTracking().Where(o => o.Code == code)
            .Select(o => new TestUnit(o.Id, o.Code, o.Name, o.Path)).SingleAsync());

    /// <summary>The id of the unit with <paramref name="code"/>.</summary>
    public static async Task<Guid> UnitIdAsync(this FazhiFactory factory, string code) => (await factory.UnitAsync(code)).Id;

    /// <summary>The ids of the unit with <paramref name="code"/> and every unit below it.</summary>
    public static Task<List<Guid>> SubtreeIdsAsync(this FazhiFactory factory, string code) =>
        factory.InScopeAsync(sp => sp.GetRequiredService<PlatformDb>().OrgUnits.AsNoTracking().Where(o => o.Path.Contains("/" + code + "/"))
            .Select(o => o.Id).ToListAsync());

    /// <summary>Every unit's code by id.</summary>
    public static Task<Dictionary<Guid, string>> UnitCodesAsync(this FazhiFactory factory) =>
        factory.InScopeAsync(sp => sp.GetRequiredService<PlatformDb>().OrgUnits.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Code));

    /// <summary>Adds a unit under the unit with <paramref name="parentCode"/> (no checks: test data) and returns its id.</summary>
    public static Task<Guid> CreateUnitAsync(this FazhiFactory factory, string code, string name, OrgLevel level, OrgKind kind, string parentCode) =>
        factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDb>();
            var parent = await db.OrgUnits.SingleAsync(u => u.Code == parentCode);
            var unit = new OrgUnit { Code = code, Name = name, Level = level, Kind = kind, ParentId = parent.Id, Path = $"{parent.Path}{code}/" };
            db.OrgUnits.Add(unit);
            await db.SaveChangesAsync();
            return unit.Id;
        });

    /// <summary>Reads the audit trail (all of it, untracked) on a scope of its own.</summary>
    public static Task<T> AuditAsync<T>(this FazhiFactory factory, Func<IQueryable<AuditEntry>, Task<T>> read) =>
        factory.InScopeAsync(sp => read(sp.GetRequiredService<PlatformDb>().Set<AuditEntry>().AsNoTracking()));
}

/// <summary>The audit trail on one long-lived scope, for a test that reads it after every request (a scope each time costs more).</summary>
public sealed class AuditTrailReader(FazhiFactory factory) : IAsyncDisposable
{
    private AsyncServiceScope? _scope;
    private PlatformDb? _db;

    /// <summary>All entries, untracked.</summary>
    public IQueryable<AuditEntry> Entries =>
        (_db ??= (_scope ??= factory.Services.CreateAsyncScope()).ServiceProvider.GetRequiredService<PlatformDb>()).Set<AuditEntry>().AsNoTracking();

    public ValueTask DisposeAsync() => _scope?.DisposeAsync() ?? ValueTask.CompletedTask;
}
