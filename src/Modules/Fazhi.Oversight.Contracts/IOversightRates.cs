namespace Fazhi.Oversight.Contracts;

/// <summary>
/// The oversight module's rates for the city dashboard and other readers (ADR 0032): 出庭应诉率, 败诉率, 司法建议办复率 and
/// 按期办复率, 行政复议决定履行率 (ADR 0038), 依申请公开按期答复率, 建议提案办结率, 按期办结率 and 满意度, each over a period and the org units the caller
/// passes (the reader decides whose figures it may show, as with the assessment module's computed indicators), by the same
/// definitions as the module's rate pages and computed indicators.
/// </summary>
public interface IOversightRates
{
    Task<OversightRatesReport> GetAsync(OversightRatesQuery query, CancellationToken ct);
}

/// <summary>A period (inclusive days; each rate says which day of a record counts, e.g. first hearing, receipt, assignment) and the org units to count.</summary>
public sealed record OversightRatesQuery(DateOnly From, DateOnly To, IReadOnlyList<Guid> ScopeUnitIds);

/// <summary>
/// One rate: a stable key (e.g. <c>oversight.proposals-satisfaction</c>), its Chinese title and definition, numerator and
/// denominator, the value (0..1, null with nothing to divide by), whether lower is better (败诉率), and the module page
/// that shows it with every record behind it.
/// </summary>
public sealed record OversightRate(string Key, string Title, string Definition, int Numerator, int Denominator, decimal? Value, bool LowerIsBetter, string Link);

public sealed record OversightRatesReport(OversightRatesQuery Query, IReadOnlyList<OversightRate> Rates);
