using Microsoft.EntityFrameworkCore;

namespace Fazhi.Oversight;

/// <summary>
/// One page of a rate's drill-down in two statements (ADR 0045): the page's ids in the drill-down's order, sorted over the
/// rate's covering index (the thousands of records of a city-year are sorted without reading a table row each), then only
/// the page's rows, by id, in that order.
/// </summary>
internal static class RatePaging
{
    public static async Task<List<T>> PageAsync<T>(IQueryable<T> ordered, IQueryable<T> rows, Func<T, Guid> idOf, int page, int size, CancellationToken ct)
        where T : class
    {
        var ids = await ordered.Select(x => EF.Property<Guid>(x, "Id")).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return [];
        }
        var byId = (await rows.Where(x => ids.Contains(EF.Property<Guid>(x, "Id"))).ToListAsync(ct)).ToDictionary(idOf);
        // A record removed between the two statements is left out of the page rather than shown half.
        return ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
    }
}
