using Fazhi.Disputes.Data;
using Fazhi.Disputes.Domain;
using Fazhi.Disputes.FollowUp;
using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Disputes.Statistics;

internal enum RollupKind
{
    /// <summary>A case's full bucket (month received, type, channel, status, unit), merged cases excluded; stored as its marginals 4-7.</summary>
    Received = 1,

    /// <summary>A closing's full bucket (follow-up record: month closed, type, result kind, rating, duration); stored as its marginals 8-9.</summary>
    Closure = 2,

    /// <summary>Ended stages whose on-time flag is known, by month ended and on-time.</summary>
    StageEnd = 3,

    /// <summary>Cases by month received and unit: the month breakdown (month rows only).</summary>
    ReceivedMonth = 4,

    ReceivedByType = 5,

    ReceivedByChannel = 6,

    /// <summary>Also the totals and the unit breakdown.</summary>
    ReceivedByStatus = 7,

    /// <summary>Closings by type and result kind, with the sum of durations: closed, results, mediation success, average duration.</summary>
    ClosureByResult = 8,

    /// <summary>Rated closings by rating: the satisfaction rate.</summary>
    ClosureByRating = 9,

    /// <summary>Added to a kind for its year rows (<see cref="StatisticsRollupRow.Month"/> = 1 January): a period of whole
    /// years reads a twelfth of the rows.</summary>
    YearOffset = 10,
}

/// <summary>
/// The statistics roll-up (<c>disputes_stats_rollup</c>): counts per month and dimension, so a report reads a few thousand
/// rows instead of every case. Rows are rebuilt from the cases by <see cref="StatisticsRollupService.RebuildAsync"/>
/// (on first start and nightly), and between rebuilds every change to a case, a closing or a stage appends signed delta
/// rows (-1 for the old bucket, +1 for the new) in the same transaction (<see cref="StatisticsDeltas"/>): a report is the
/// SUM over the rows, exact at any moment, and nothing contends on a counter row. One table for the three kinds so the
/// rebuild takes one lock. Scoped like the cases (the data-scope filter applies); derived data, so not audited.
/// </summary>
[NotAudited]
internal sealed class StatisticsRollupRow : IOrgScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public RollupKind Kind { get; set; }

    /// <summary>The first day of the month the row counts (received, closed or stage ended in).</summary>
    public DateOnly Month { get; set; }

    public Guid OrgUnitId { get; set; }

    public string? CaseTypeCode { get; set; }

    public IntakeChannel? Channel { get; set; }

    public CaseStatus? Status { get; set; }

    public string? ResultKind { get; set; }

    public Satisfaction? Rating { get; set; }

    public bool? OnTime { get; set; }

    public int Count { get; set; }

    /// <summary>Closings: the sum of their durations in days (average = sum / count).</summary>
    public long DurationDays { get; set; }

    /// <summary>A delta row added by <see cref="StatisticsDeltas"/> to the save in progress (not stored).</summary>
    public bool IsPendingDelta { get; set; }

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    public static StatisticsRollupRow From(CubeRow r, bool pendingDelta) => new()
    {
        Kind = r.Kind, Month = r.Month, OrgUnitId = r.OrgUnitId, CaseTypeCode = r.CaseTypeCode, Channel = r.Channel, Status = r.Status,
        ResultKind = r.ResultKind, Rating = r.Rating, OnTime = r.OnTime, Count = r.Count, DurationDays = r.DurationDays, IsPendingDelta = pendingDelta,
    };

    public static DateOnly YearOf(DateOnly day) => new(day.Year, 1, 1);

    /// <summary>
    /// What a full bucket is stored as: one row per breakdown the report shows (the report needs the marginals only, and
    /// they are a tenth of the full cube's rows), at month grain.
    /// </summary>
    public static IEnumerable<CubeRow> Marginals(CubeRow r)
    {
        CubeRow Only(RollupKind kind, string? type = null, IntakeChannel? channel = null, CaseStatus? status = null, string? result = null, Satisfaction? rating = null, long duration = 0) =>
            new(kind, r.Month, r.OrgUnitId, type, channel, status, result, rating, null, r.Count, duration);
        switch (r.Kind)
        {
            case RollupKind.Received:
                yield return Only(RollupKind.ReceivedMonth);
                yield return Only(RollupKind.ReceivedByType, type: r.CaseTypeCode);
                yield return Only(RollupKind.ReceivedByChannel, channel: r.Channel);
                yield return Only(RollupKind.ReceivedByStatus, status: r.Status);
                break;
            case RollupKind.Closure:
                yield return Only(RollupKind.ClosureByResult, type: r.CaseTypeCode, result: r.ResultKind, duration: r.DurationDays);
                if (r.Rating is not null)
                {
                    yield return Only(RollupKind.ClosureByRating, rating: r.Rating);
                }
                break;
            default:
                yield return r;
                break;
        }
    }

    /// <summary>The month row and (except for the month breakdown) the year row a stored bucket is kept in.</summary>
    public static IEnumerable<CubeRow> Grains(CubeRow r)
    {
        yield return r;
        if (r.Kind != RollupKind.ReceivedMonth)
        {
            yield return r with { Kind = r.Kind + (int)RollupKind.YearOffset, Month = YearOf(r.Month) };
        }
    }

    /// <summary>Sums rows with the same bucket.</summary>
    public static List<CubeRow> Combine(IEnumerable<CubeRow> rows) =>
        rows.GroupBy(r => r with { Count = 0, DurationDays = 0 })
            .Select(g => g.Key with { Count = g.Sum(x => x.Count), DurationDays = g.Sum(x => x.DurationDays) })
            .ToList();
}

/// <summary>When the roll-up was last rebuilt; no row means never, and reports are computed from the cases.</summary>
[NotAudited]
internal sealed class StatisticsRollupState
{
    public int Id { get; set; } = 1;

    public DateTime BuiltAtUtc { get; set; }

    public int Rows { get; set; }
}

internal sealed class StatisticsRollupConfiguration : IEntityTypeConfiguration<StatisticsRollupRow>, IEntityTypeConfiguration<StatisticsRollupState>
{
    public void Configure(EntityTypeBuilder<StatisticsRollupRow> b)
    {
        b.ToTable("disputes_stats_rollup");
        b.HasKey(x => x.Id);
        b.Property(x => x.CaseTypeCode).HasMaxLength(64);
        b.Property(x => x.ResultKind).HasMaxLength(64);
        b.HasIndex(x => new { x.Kind, x.Month });
        b.Ignore(x => x.IsPendingDelta);
    }

    public void Configure(EntityTypeBuilder<StatisticsRollupState> b)
    {
        b.ToTable("disputes_stats_state");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
    }
}

/// <summary>
/// Turns the tracked changes of a save into signed roll-up rows (called by <see cref="DisputesDb"/> before every save).
/// Reads the original values EF keeps for tracked entities, so a status change, a transfer to another unit, a merge or a
/// rating moves one count from the old bucket to the new.
/// </summary>
internal static class StatisticsDeltas
{
    private readonly record struct Key(RollupKind Kind, DateOnly Month, Guid OrgUnitId, string? CaseTypeCode, IntakeChannel? Channel, CaseStatus? Status,
        string? ResultKind, Satisfaction? Rating, bool? OnTime);

    public static void Capture(DisputesDb db)
    {
        // A save that failed and is tried again on the same context: its earlier delta rows are recomputed, not doubled.
        foreach (var stale in db.ChangeTracker.Entries<StatisticsRollupRow>().Where(e => e.State == EntityState.Added && e.Entity.IsPendingDelta).ToList())
        {
            stale.State = EntityState.Detached;
        }
        List<CubeRow>? rows = null;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            var (oldKey, oldDuration) = entry.State == EntityState.Added ? (null, 0) : KeyOf(entry, original: true);
            var (newKey, newDuration) = entry.State == EntityState.Deleted ? (null, 0) : KeyOf(entry, original: false);
            if (oldKey == newKey && oldDuration == newDuration)
            {
                continue;
            }
            if (oldKey is { } o)
            {
                (rows ??= []).Add(Row(o, -1, -oldDuration));
            }
            if (newKey is { } n)
            {
                (rows ??= []).Add(Row(n, 1, newDuration));
            }
        }
        if (rows is not null)
        {
            db.Set<StatisticsRollupRow>().AddRange(StatisticsRollupRow.Combine(rows.SelectMany(StatisticsRollupRow.Marginals).SelectMany(StatisticsRollupRow.Grains))
                .Where(r => r.Count != 0 || r.DurationDays != 0).Select(r => StatisticsRollupRow.From(r, pendingDelta: true)));
        }
    }

    private static (Key?, long) KeyOf(EntityEntry entry, bool original)
    {
        T V<T>(string name) => (T)(original ? entry.Property(name).OriginalValue : entry.Property(name).CurrentValue)!;
        switch (entry.Entity)
        {
            case DisputeCase:
                return V<Guid?>(nameof(DisputeCase.MergedIntoCaseId)) is not null
                    ? (null, 0)
                    : (new Key(RollupKind.Received, StatisticsRollupRow.MonthOf(V<DateOnly>(nameof(DisputeCase.ReceivedOn))), V<Guid>(nameof(DisputeCase.OrgUnitId)),
                        V<string>(nameof(DisputeCase.CaseTypeCode)), V<IntakeChannel>(nameof(DisputeCase.Channel)), V<CaseStatus>(nameof(DisputeCase.Status)), null, null, null), 0);
            case FollowUpTask:
                return (new Key(RollupKind.Closure, StatisticsRollupRow.MonthOf(V<DateOnly>(nameof(FollowUpTask.ClosedOn))), V<Guid>(nameof(FollowUpTask.OrgUnitId)),
                    V<string>(nameof(FollowUpTask.CaseTypeCode)), null, null, V<string?>(nameof(FollowUpTask.ResultKind)), V<Satisfaction?>(nameof(FollowUpTask.Rating)), null),
                    V<int>(nameof(FollowUpTask.DurationDays)));
            case CaseStage:
                return V<DateOnly?>(nameof(CaseStage.EndedOn)) is { } ended && V<bool?>(nameof(CaseStage.OnTime)) is { } onTime
                    ? (new Key(RollupKind.StageEnd, StatisticsRollupRow.MonthOf(ended), V<Guid>(nameof(CaseStage.OrgUnitId)), null, null, null, null, null, onTime), 0)
                    : (null, 0);
            default:
                return (null, 0);
        }
    }

    private static CubeRow Row(Key k, int count, long duration) =>
        new(k.Kind, k.Month, k.OrgUnitId, k.CaseTypeCode, k.Channel, k.Status, k.ResultKind, k.Rating, k.OnTime, count, duration);
}
