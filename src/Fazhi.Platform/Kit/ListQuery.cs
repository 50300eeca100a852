using System.Linq.Expressions;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Platform.Kit;

public enum SortDirection
{
    Asc,
    Desc,
}

/// <summary>
/// The query string every list takes (ADR 0007): <c>?q=&amp;sort=&amp;dir=&amp;page=&amp;pageSize=</c>, and
/// <c>from=&amp;to=</c> for a list with a date (<see cref="DatedListQuery"/>). An endpoint binds it with
/// <c>[AsParameters] ListQuery list</c>; a page fills it from its <c>[SupplyParameterFromQuery]</c> properties. The
/// list's <see cref="ListShape{T}"/> checks it (<see cref="ListShape{T}.Check"/> on the API, <see cref="ListShape{T}.Read"/>
/// on a page) and applies it to a query in one place (<see cref="ListShape{T}.PageAsync"/>).
/// </summary>
public class ListQuery
{
    /// <summary>Keyword: trimmed, at most <see cref="ListShape{T}.MaxKeywordLength"/> characters.</summary>
    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    /// <summary>Sort key, one of the keys the list declares.</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; set; }

    /// <summary>Sort direction, asc or desc (text, so that pages bind it too and any case reads); the sort key's own when absent.</summary>
    [FromQuery(Name = "dir")]
    public string? Dir { get; set; }

    /// <summary>Page, from 1.</summary>
    [FromQuery(Name = "page")]
    public int? Page { get; set; }

    /// <summary>Rows per page, 1 to the list's maximum.</summary>
    [FromQuery(Name = "pageSize")]
    public int? PageSize { get; set; }

    /// <summary><see cref="Dir"/> read: asc or desc in any case; null when absent or anything else.</summary>
    public static SortDirection? Direction(string? dir) => TextRules.Clean(dir)?.ToLowerInvariant() switch
    {
        "asc" => SortDirection.Asc,
        "desc" => SortDirection.Desc,
        _ => null,
    };
}

/// <summary>A <see cref="ListQuery"/> for a list with a date: <c>from</c> and <c>to</c>, both days included.</summary>
public class DatedListQuery : ListQuery
{
    /// <summary>First day included.</summary>
    [FromQuery(Name = "from")]
    public DateOnly? From { get; set; }

    /// <summary>Last day included; not before <see cref="From"/>.</summary>
    [FromQuery(Name = "to")]
    public DateOnly? To { get; set; }
}

/// <summary>A list query after its list checked it: every value usable as it stands.</summary>
public sealed record ListRequest(string? Keyword, DateOnly? From, DateOnly? To, string Sort, SortDirection Dir, PageRequest Page);

/// <summary>
/// What one list accepts and how it applies it: the keyword search, the date, the sort keys (a whitelist; the first
/// declared is the default unless named) and the page size. Declare it once per list as a static field:
/// <code>
/// static readonly ListShape&lt;Case&gt; Shape = new ListShape&lt;Case&gt;()
///     .Search((q, k) =&gt; q.Where(c =&gt; c.Number.Contains(k)))
///     .Dated(c =&gt; c.RegisteredOn)
///     .SortBy("number", c =&gt; c.Number)
///     .SortBy("registeredOn", c =&gt; c.RegisteredOn, SortDirection.Desc, isDefault: true)
///     .ThenBy(c =&gt; c.Id);
/// </code>
/// </summary>
public sealed class ListShape<T>
{
    public const int MaxKeywordLength = 100;

    private readonly Dictionary<string, (Func<IQueryable<T>, bool, IOrderedQueryable<T>> Apply, SortDirection Dir)> _sorts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _keys = [];
    private Func<IQueryable<T>, string, IQueryable<T>>? _search;
    private Func<IQueryable<T>, DateOnly?, DateOnly?, IQueryable<T>>? _dates;
    private Func<IOrderedQueryable<T>, IOrderedQueryable<T>>? _tieBreak;
    private string? _defaultSort;
    private SortDirection _defaultDir;

    /// <summary>Rows per page when the request names none.</summary>
    public int DefaultPageSize { get; init; } = PageRequest.DefaultPageSize;

    /// <summary>The most rows a page may ask for.</summary>
    public int MaxPageSize { get; init; } = PageRequest.MaxPageSize;

    /// <summary>The sort keys, as declared.</summary>
    public IReadOnlyList<string> SortKeys => _keys;

    /// <summary>How a keyword filters the list (the keyword arrives trimmed and checked).</summary>
    public ListShape<T> Search(Func<IQueryable<T>, string, IQueryable<T>> search)
    {
        _search = search;
        return this;
    }

    /// <summary>The list's date is <paramref name="date"/>: <c>from</c> and <c>to</c> keep the days between them, both included.</summary>
    public ListShape<T> Dated(Expression<Func<T, DateOnly>> date) => Dated((q, from, to) =>
    {
        if (from is { } f)
        {
            q = q.Where(Expression.Lambda<Func<T, bool>>(Expression.GreaterThanOrEqual(date.Body, Expression.Constant(f)), date.Parameters));
        }
        if (to is { } t)
        {
            q = q.Where(Expression.Lambda<Func<T, bool>>(Expression.LessThanOrEqual(date.Body, Expression.Constant(t)), date.Parameters));
        }
        return q;
    });

    /// <summary>The list filters its own date (a date and time, a date on a related record): both ends arrive checked.</summary>
    public ListShape<T> Dated(Func<IQueryable<T>, DateOnly?, DateOnly?, IQueryable<T>> filter)
    {
        _dates = filter;
        return this;
    }

    /// <summary>
    /// A sort key the list allows, and its direction when the request names none; the first declared (or the one marked
    /// <paramref name="isDefault"/>) sorts by default.
    /// </summary>
    public ListShape<T> SortBy<TKey>(string key, Expression<Func<T, TKey>> by, SortDirection defaultDir = SortDirection.Asc, bool isDefault = false)
    {
        _sorts[key] = ((q, desc) => desc ? q.OrderByDescending(by) : q.OrderBy(by), defaultDir);
        _keys.Add(key);
        if (_defaultSort is null || isDefault)
        {
            _defaultSort = key;
            _defaultDir = defaultDir;
        }
        return this;
    }

    /// <summary>The last sort key, so that rows with equal keys keep their order from page to page (an id).</summary>
    public ListShape<T> ThenBy<TKey>(Expression<Func<T, TKey>> by)
    {
        _tieBreak = q => q.ThenBy(by);
        return this;
    }

    /// <summary>Checks an API request: anything the list cannot use is refused, naming the parameter.</summary>
    public ListRequest Check(ListQuery query)
    {
        var checks = new FieldChecks();
        var request = Build(query, checks);
        checks.ThrowIfAny("列表查询条件有误。");
        return request;
    }

    /// <summary>Reads a page's request: anything the list cannot use is treated as absent (the list shows unfiltered, ADR 0021).</summary>
    public ListRequest Read(ListQuery query)
    {
        var checks = new FieldChecks();
        var request = Build(query, checks);
        var bad = checks.Errors;
        return request with
        {
            Keyword = bad.ContainsKey("q") ? null : request.Keyword,
            From = bad.ContainsKey("from") || bad.ContainsKey("to") ? null : request.From,
            To = bad.ContainsKey("from") || bad.ContainsKey("to") ? null : request.To,
        };
    }

    /// <summary>Filters, sorts and cuts one page of <paramref name="source"/>, with the total.</summary>
    public Task<Paged<T>> PageAsync(IQueryable<T> source, ListRequest request, CancellationToken ct) =>
        Apply(source, request).ToPagedAsync(request.Page, ct);

    /// <summary>Checks an API request (<see cref="Check"/>) and reads its page.</summary>
    public Task<Paged<T>> PageAsync(IQueryable<T> source, ListQuery query, CancellationToken ct) => PageAsync(source, Check(query), ct);

    /// <summary>The filtered and sorted query, not yet cut into a page.</summary>
    public IQueryable<T> Apply(IQueryable<T> source, ListRequest request)
    {
        if (request.Keyword is { } keyword && _search is not null)
        {
            source = _search(source, keyword);
        }
        if ((request.From is not null || request.To is not null) && _dates is not null)
        {
            source = _dates(source, request.From, request.To);
        }
        if (_defaultSort is null)
        {
            throw new InvalidOperationException($"The list of {typeof(T).Name} declares no sort key: a page needs a stable order.");
        }
        var sorted = _sorts[request.Sort].Apply(source, request.Dir == SortDirection.Desc);
        return _tieBreak is null ? sorted : _tieBreak(sorted);
    }

    private ListRequest Build(ListQuery query, FieldChecks checks)
    {
        string? keyword = null;
        if (!string.IsNullOrEmpty(query.Q))
        {
            if (_search is null)
            {
                checks.Add("q", "此列表不按关键词查询。");
            }
            else
            {
                keyword = TextRules.Optional(checks, "q", "关键词", query.Q, MaxKeywordLength);
            }
        }
        DateOnly? from = null, to = null;
        if (query is DatedListQuery dated && (dated.From is not null || dated.To is not null))
        {
            if (_dates is null)
            {
                checks.Add(dated.From is not null ? "from" : "to", "此列表不按日期筛选。");
            }
            else
            {
                DateRules.CheckRange(checks, "from", dated.From, "to", dated.To);
                (from, to) = (dated.From, dated.To);
            }
        }
        var asked = ListQuery.Direction(query.Dir);
        checks.When(asked is null && !string.IsNullOrWhiteSpace(query.Dir), "dir", "排序方向只能是 asc（升序）或 desc（降序）。");
        var sort = _defaultSort ?? "";
        var dir = asked ?? _defaultDir;
        if (!string.IsNullOrWhiteSpace(query.Sort))
        {
            var key = query.Sort.Trim();
            if (_sorts.TryGetValue(key, out var known))
            {
                sort = _keys.First(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
                dir = asked ?? known.Dir;
            }
            else
            {
                var shown = key.Length > 40 ? key[..40] + "…" : key;
                checks.Add("sort", $"排序字段“{shown}”无法识别：可选 {string.Join("、", _keys)}。");
            }
        }
        checks.When(query.Page is < 1, "page", "页码须从 1 开始。");
        checks.When(query.PageSize is { } size && (size < 1 || size > MaxPageSize), "pageSize", $"每页条数须在 1 至 {MaxPageSize} 之间。");
        var page = new PageRequest(Math.Max(1, query.Page ?? 1), Math.Clamp(query.PageSize ?? DefaultPageSize, 1, MaxPageSize));
        return new ListRequest(keyword, from, to, sort, dir, page);
    }
}
