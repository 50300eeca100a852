using Fazhi.Disputes.Contracts;
using Fazhi.Oversight.Data;
using Fazhi.Oversight.Settings;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Oversight.Performance;

/// <summary>
/// Creates the performance tasks for the dispute centre's new decisions (ADR 0038), idempotently (one task per case, a unique
/// index), as system work. Run on read (the lists, the rates, the records, the indicator: a decision made a moment ago is
/// there on the next page, whether or not a job ran), by the morning reminder job, and by the home page at most once a
/// minute per process (<see cref="SyncUnlessFreshAsync"/>, ADR 0045). It reads the decisions closed since
/// the newest task's decision day less <see cref="LookBackDays"/> (all of them the first time), so a read costs a few rows.
/// </summary>
internal sealed class PerformanceSync(ISystemWork systemWork, IReconsiderationDecisions decisions, SettingsService settings, IDeadlineService deadlines,
    IOrgDirectory orgs, TimeProvider clock, PerformanceSyncClock lastSync)
{
    /// <summary>Decisions closed this many days before the newest one already taken are read again (a case closed late in a day another sync ran).</summary>
    public const int LookBackDays = 7;

    /// <summary>
    /// How old a sync the home page's to-do lines accept (ADR 0045): the home page of every bureau and agency user syncs at
    /// most once a minute per process; the task pages, lists, rates and records sync on every read, and the morning job.
    /// </summary>
    public static readonly TimeSpan HomePageFreshness = TimeSpan.FromMinutes(1);

    /// <summary>Syncs unless a sync that started less than <paramref name="freshness"/> ago in this process completed.</summary>
    public async Task<int> SyncUnlessFreshAsync(TimeSpan freshness, CancellationToken ct) =>
        lastSync.StartedWithin(clock.GetUtcNow(), freshness) ? 0 : await SyncAsync(ct);

    public async Task<int> SyncAsync(CancellationToken ct, bool full = false)
    {
        var started = clock.GetUtcNow();
        var taken = await SyncCoreAsync(full, ct);
        lastSync.Completed(started);
        return taken;
    }

    private async Task<int> SyncCoreAsync(bool full, CancellationToken ct)
    {
        await using var db = systemWork.Db<OversightDb>("复议决定履行任务");
        var newest = full ? null : await db.PerformanceTasks.Where(t => !t.Demo).MaxAsync(t => (DateOnly?)t.DecidedOn, ct);
        var found = await decisions.DecidedSinceAsync(newest?.AddDays(-LookBackDays) ?? DateOnly.MinValue, ct);
        if (found.Count == 0)
        {
            return 0;
        }
        var ids = found.Select(d => d.CaseId).ToList();
        var known = (await db.PerformanceTasks.Where(t => ids.Contains(t.DecisionCaseId)).Select(t => t.DecisionCaseId).ToListAsync(ct)).ToHashSet();
        var fresh = found.Where(d => !known.Contains(d.CaseId)).ToList();
        if (fresh.Count == 0)
        {
            return 0;
        }
        var rules = await settings.GetAsync(ct);
        var byName = ByName(await orgs.ActiveUnitsAsync(ct));
        foreach (var d in fresh)
        {
            // The deadline: the settings' default after the decision, a last day on a rest day moved to the next working day;
            // the office enters the decision document's own period on the task (AssignAsync).
            var due = (await deadlines.AddCalendarDaysAsync(d.DecidedOn, rules.PerformanceDays, ct)).Date;
            var unit = MatchUnit(d.Respondents, byName);
            db.PerformanceTasks.Add(new PerformanceTask
            {
                OrgUnitId = unit ?? d.HandlingUnitId, DecisionCaseId = d.CaseId, CaseNumber = d.CaseNumber, HandlingUnitId = d.HandlingUnitId,
                Respondent = Truncate(string.Join("、", d.Respondents), 400), UnitBasis = unit is null
                    ? (d.Respondents.Count == 0 ? "案件未登记被申请人，待复议机构指定" : "被申请人名称未唯一对应本系统单位，待复议机构指定")
                    : "按被申请人名称唯一匹配",
                ResultCode = d.ResultCode, ResultName = d.ResultName, DecidedOn = d.DecidedOn, DueOn = due,
                DueBasis = $"决定书未载明期限的，自决定之日起 {rules.PerformanceDays} 日（本地工作规范，可在期限设置中修改）",
                Status = unit is null ? PerformanceStatus.Unassigned : PerformanceStatus.Pending, CreatedAt = clock.GetUtcNow(),
            });
        }
        try
        {
            await db.SaveChangesAsync(ct);
            return fresh.Count;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Another request's sync inserted the same decisions a moment earlier (the unique index): theirs stand. Any other
            // failure is not swallowed (the same pattern as a referral arriving twice at once, ReferralService).
            await using var check = systemWork.Db<OversightDb>("复议决定履行任务");
            var freshIds = fresh.Select(d => d.CaseId).ToList();
            if (await check.PerformanceTasks.CountAsync(t => freshIds.Contains(t.DecisionCaseId), ct) == freshIds.Count)
            {
                return 0;
            }
            throw;
        }
    }

    /// <summary>Unit names (and "{county or town}人民政府" for a government unit named by its place) to the units bearing them.</summary>
    public static Dictionary<string, List<Guid>> ByName(IEnumerable<OrgUnitInfo> units)
    {
        var map = new Dictionary<string, List<Guid>>(StringComparer.Ordinal);
        foreach (var u in units)
        {
            Add(u.Name, u.Id);
            if (u.Kind == Fazhi.Platform.Features.OrgUnits.OrgKind.Government && !u.Name.EndsWith("人民政府", StringComparison.Ordinal))
            {
                Add(u.Name + "人民政府", u.Id);
            }
        }
        return map;

        void Add(string name, Guid id)
        {
            var key = Normalise(name);
            if (!map.TryGetValue(key, out var list))
            {
                map[key] = list = [];
            }
            if (!list.Contains(id))
            {
                list.Add(id);
            }
        }
    }

    /// <summary>The unit when exactly one respondent is named and its name belongs to exactly one active unit; otherwise null (the office picks).</summary>
    public static Guid? MatchUnit(IReadOnlyList<string> respondents, Dictionary<string, List<Guid>> byName) =>
        respondents.Count == 1 && byName.TryGetValue(Normalise(respondents[0]), out var ids) && ids.Count == 1 ? ids[0] : null;

    private static string Normalise(string name) => string.Concat(name.Where(c => !char.IsWhiteSpace(c)));

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}

/// <summary>When this process's last completed performance-task sync started (a singleton; ADR 0045).</summary>
internal sealed class PerformanceSyncClock
{
    private long _startedTicks = long.MinValue;

    /// <summary>Records a completed sync that started at <paramref name="started"/>, unless a later one is already recorded.</summary>
    public void Completed(DateTimeOffset started)
    {
        var ticks = started.UtcTicks;
        long seen;
        while ((seen = Interlocked.Read(ref _startedTicks)) < ticks && Interlocked.CompareExchange(ref _startedTicks, ticks, seen) != seen)
        {
        }
    }

    /// <summary>True when a completed sync started no more than <paramref name="freshness"/> before <paramref name="now"/>.</summary>
    public bool StartedWithin(DateTimeOffset now, TimeSpan freshness)
    {
        var seen = Interlocked.Read(ref _startedTicks);
        return seen != long.MinValue && now.UtcTicks - seen <= freshness.Ticks && seen <= now.UtcTicks;
    }
}
