using Microsoft.EntityFrameworkCore;

namespace Fazhi.Platform.Kit;

/// <summary>
/// One page of a list and the total it is cut from, the one shape every list endpoint and page returns (ADR 0022).
/// <see cref="Capped"/> says the total stopped counting at a cap (a count over a very large set), so a page can say
/// "1,000+" instead of a wrong figure.
/// </summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize, bool Capped = false)
{
    public int Pages => PageSize <= 0 ? 0 : (Total + PageSize - 1) / PageSize;
}

/// <summary>Page and page size as a request gives them, made safe: page from 1, size within 1..<see cref="MaxPageSize"/>.</summary>
public readonly record struct PageRequest(int Page, int PageSize)
{
    public const int DefaultPageSize = 50;

    public const int MaxPageSize = 200;

    public static PageRequest Of(int? page, int? pageSize = null) =>
        new(Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize));

    public int Skip => (int)Math.Min(int.MaxValue, ((long)Page - 1) * PageSize);
}

public static class PagedExtensions
{
    /// <summary>Counts <paramref name="query"/> and reads one page of it (the query is ordered by the caller).</summary>
    public static async Task<Paged<T>> ToPagedAsync<T>(this IQueryable<T> query, PageRequest request, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        var items = await query.Skip(request.Skip).Take(request.PageSize).ToListAsync(ct);
        return new Paged<T>(items, total, request.Page, request.PageSize);
    }

    /// <summary>One page of an in-memory list.</summary>
    public static Paged<T> ToPaged<T>(this IReadOnlyCollection<T> list, PageRequest request) =>
        new(list.Skip(request.Skip).Take(request.PageSize).ToList(), list.Count, request.Page, request.PageSize);

    /// <summary>The same page with its items mapped.</summary>
    public static Paged<TOut> Select<T, TOut>(this Paged<T> page, Func<T, TOut> map) =>
        new(page.Items.Select(map).ToList(), page.Total, page.Page, page.PageSize, page.Capped);
}
