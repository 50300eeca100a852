namespace Fazhi.Disputes.Contracts;

/// <summary>
/// The dispute centre's figures for the city dashboard and other readers: counts and rates over cases received (and, for
/// results, duration and satisfaction, closed) in a period, within the caller's data scope. Computed by aggregate SQL.
/// </summary>
public interface IDisputeStatistics
{
    Task<DisputeStatisticsReport> GetAsync(DisputeStatisticsQuery query, CancellationToken ct);
}

/// <summary>A period (inclusive days, by the day received; closures by the day closed) and optionally one handling unit (org code, with the units below it).</summary>
public sealed record DisputeStatisticsQuery(DateOnly? From = null, DateOnly? To = null, string? OrgUnitCode = null);

/// <summary>One group of a breakdown: its key (code), a Chinese label and the number of cases.</summary>
public sealed record DisputeCount(string Key, string Label, int Count);

/// <summary>
/// The figures. Rates are fractions 0..1 and null when there is nothing to divide by (no closed mediation, no rating...).
/// <see cref="OnTimeRate"/> is the share of ended stages that ended by their statutory due date, where the data exists.
/// </summary>
public sealed record DisputeStatisticsReport(
    DisputeStatisticsQuery Query,
    int Total,
    IReadOnlyList<DisputeCount> ByType,
    IReadOnlyList<DisputeCount> ByChannel,
    IReadOnlyList<DisputeCount> ByUnit,
    IReadOnlyList<DisputeCount> ByMonth,
    IReadOnlyList<DisputeCount> ByStatus,
    IReadOnlyList<DisputeCount> ByResult,
    int Closed,
    decimal? MediationSuccessRate,
    decimal? AverageDurationDays,
    int Rated,
    decimal? SatisfactionRate,
    decimal? OnTimeRate);
