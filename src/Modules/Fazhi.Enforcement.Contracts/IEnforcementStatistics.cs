namespace Fazhi.Enforcement.Contracts;

/// <summary>
/// Administrative enforcement figures for the city dashboard and other readers, within the caller's data scope:
/// penalty cases opened and decided in a period, the on-time, legal-review and publication rates, and case-file review
/// scores. Computed by aggregate SQL over indexed columns.
/// </summary>
public interface IEnforcementStatistics
{
    Task<EnforcementStatisticsReport> GetAsync(EnforcementStatisticsQuery query, CancellationToken ct);
}

/// <summary>A period (inclusive days: cases by the day opened or decided, reviews by the day scored) and optionally one unit (org code, with the units below it).</summary>
public sealed record EnforcementStatisticsQuery(DateOnly From, DateOnly To, string? OrgUnitCode = null);

/// <summary>
/// One enforcement body's figures. Decided on time: decided by the 行政处罚法 第六十条 deadline (extensions counted).
/// Major reviewed: major decisions (第五十八条) with a passed legal review. Publication due: decisions whose publication
/// deadline has passed or that were published; published on time: by that deadline.
/// </summary>
public sealed record EnforcementBodyFigures(string OrgUnitCode, string Body, int Opened, int Decided, int DecidedOnTime, int Major, int MajorReviewed,
    int PublicationDue, int PublishedOnTime, int Reviewed, decimal? AverageReviewScore);

/// <summary>Totals and rates (fractions 0..1, null when there is nothing to divide by), and the figures per body.</summary>
public sealed record EnforcementStatisticsReport(
    EnforcementStatisticsQuery Query,
    int Opened,
    int Decided,
    decimal? OnTimeRate,
    decimal? LegalReviewRate,
    decimal? PublicationRate,
    decimal? AverageReviewScore,
    IReadOnlyList<EnforcementBodyFigures> ByBody);
