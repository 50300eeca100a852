namespace Fazhi.Assessment.Contracts;

/// <summary>
/// A fact the platform already knows, published as a computed assessment indicator (计算型指标), e.g. the legality review
/// rate of normative documents or the share of dispute cases closed on time. Any module implements this and registers it
/// with <c>services.AddScoped&lt;IComputedIndicatorProvider, TProvider&gt;()</c>; the assessment module collects all
/// registered providers, and an indicator whose scoring method is "computed" names a provider by <see cref="Key"/>.
/// </summary>
public interface IComputedIndicatorProvider
{
    /// <summary>Stable key an indicator refers to, e.g. <c>disputes.closed-on-time</c> (module prefix, lower case).</summary>
    string Key { get; }

    /// <summary>Chinese title shown beside the indicator (e.g. 矛盾纠纷按期化解率).</summary>
    string Title { get; }

    /// <summary>How the value is computed: numerator, denominator and the source records, in one or two Chinese sentences.</summary>
    string Description { get; }

    /// <summary>
    /// Computes the indicator for one period and one org-unit scope. Runs as system work: the provider must restrict
    /// itself to <see cref="ComputedIndicatorQuery.ScopeUnitIds"/>, not to the caller's scope.
    /// </summary>
    Task<ComputedIndicatorValue> ComputeAsync(ComputedIndicatorQuery query, CancellationToken ct);
}

/// <summary>The period (inclusive dates) and the org unit (with its whole subtree) a computed indicator is asked for.</summary>
public sealed record ComputedIndicatorQuery(DateOnly PeriodStart, DateOnly PeriodEnd, Guid OrgUnitId, IReadOnlyList<Guid> ScopeUnitIds);

/// <summary>
/// A computed value: <see cref="Value"/> is the ratio numerator / denominator (0..1) or null when the denominator is 0
/// (nothing to measure); <see cref="Records"/> are the source records behind it, for drill-down.
/// </summary>
public sealed record ComputedIndicatorValue(decimal? Value, decimal Numerator, decimal Denominator, IReadOnlyList<ComputedIndicatorRecord> Records, string? Note = null)
{
    public static ComputedIndicatorValue Ratio(decimal numerator, decimal denominator, IReadOnlyList<ComputedIndicatorRecord> records, string? note = null) =>
        new(denominator == 0 ? null : Math.Round(numerator / denominator, 4), numerator, denominator, records, note);
}

/// <summary>One source record of a computed value: a title, whether it counts toward the numerator, and a link to open it in Fazhi.</summary>
public sealed record ComputedIndicatorRecord(string Title, bool Counted, string? Link);
