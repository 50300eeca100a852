namespace Fazhi.Lists.Contracts;

/// <summary>
/// The lists module's rates for the city dashboard and other readers (ADR 0053): 清单外索要证明举报按期答复率, 证明事项告知承诺制实行率,
/// 权责清单依据现行有效率, 应急预案按期评估率, 演练覆盖率, 企业诉求满意率 and 按期办结率, each over a period and the org units the caller
/// passes (the reader decides whose figures it may show), by the same definitions as the module's pages and the assessment
/// module's computed indicators.
/// </summary>
public interface IListsRates
{
    Task<ListsRatesReport> GetAsync(ListsRatesQuery query, CancellationToken ct);
}

/// <summary>A period (inclusive days) and the org units to count.</summary>
public sealed record ListsRatesQuery(DateOnly From, DateOnly To, IReadOnlyList<Guid> ScopeUnitIds);

/// <summary>
/// One rate: a stable key (e.g. <c>lists.appeals-on-time</c>), its Chinese title and definition, numerator and denominator,
/// the value (0..1, null with nothing to divide by), and the module page that shows the records behind it.
/// </summary>
public sealed record ListsRate(string Key, string Title, string Definition, int Numerator, int Denominator, decimal? Value, string Link);

public sealed record ListsRatesReport(ListsRatesQuery Query, IReadOnlyList<ListsRate> Rates);
