using Fazhi.Assessment.Contracts;
using Fazhi.Lists.Contracts;
using Fazhi.Platform.Kit;

namespace Fazhi.Lists.Indicators;

/// <summary>
/// <see cref="IListsRates"/>: every lists indicator over the period and the units the reader passes, without the records (the
/// reader links to <see cref="ListsRate.Link"/> for them). The same computation as the assessment module's computed indicators.
/// </summary>
internal sealed class ListsRates(IEnumerable<IComputedIndicatorProvider> providers) : IListsRates
{
    public async Task<ListsRatesReport> GetAsync(ListsRatesQuery query, CancellationToken ct)
    {
        if (query.From > query.To)
        {
            throw Refuse.Field("to", "统计期间的结束日期不能早于开始日期。");
        }
        var rates = new List<ListsRate>();
        foreach (var indicator in providers.OfType<ListsIndicator>().OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            var value = await indicator.ComputeAsync(new ComputedIndicatorQuery(query.From, query.To, Guid.Empty, query.ScopeUnitIds), ct);
            rates.Add(new ListsRate(indicator.Key, indicator.Title, indicator.Description, (int)value.Numerator, (int)value.Denominator, value.Value, indicator.Page));
        }
        return new ListsRatesReport(query, rates);
    }
}
