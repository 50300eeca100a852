using System.Globalization;
using System.Text;
using Fazhi.Library.Works;
using Fazhi.Platform.Kit;

namespace Fazhi.Library.Search;

/// <summary>How results are ordered.</summary>
internal enum SearchSort
{
    /// <summary>相关度.</summary>
    Relevance,

    /// <summary>Newest version date first.</summary>
    Date,

    /// <summary>Reading order (search inside one document).</summary>
    Order,
}

/// <summary>
/// A search as asked: the words (several terms = all of them, "quoted" = that exact sequence, -word = without it), the
/// filters and the page. <see cref="Parse"/> checks it and names the field in Chinese when it is not usable.
/// </summary>
internal sealed record SearchRequest
{
    public const int MaxQueryLength = 100;
    public const int MaxTerms = 10;
    public const int MaxPageSize = 100;

    public string Query { get; init; } = "";

    public EffectLevel[] Levels { get; init; } = [];

    public ValidityStatus[] Statuses { get; init; } = [];

    public string? Issuer { get; init; }

    public string? Region { get; init; }

    public int? Year { get; init; }

    /// <summary>时间点: only versions in force on this day.</summary>
    public DateOnly? InForceOn { get; init; }

    public Guid? WorkId { get; init; }

    public Guid? VersionId { get; init; }

    public bool PublicOnly { get; init; }

    /// <summary>Search titles (one hit per work version) instead of articles.</summary>
    public bool Titles { get; init; }

    public SearchSort Sort { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;
}

/// <summary>One term of a query: its text and whether results must not contain it.</summary>
internal sealed record QueryTerm(string Text, bool Exclude);

internal static class SearchQueryParser
{
    /// <summary>Splits a query into terms: spaces separate terms, "…" or “…” keeps a sequence, a leading - or － excludes.</summary>
    public static IReadOnlyList<QueryTerm> Terms(string query)
    {
        var terms = new List<QueryTerm>();
        var i = 0;
        while (i < query.Length)
        {
            while (i < query.Length && IsSpace(query[i]))
            {
                i++;
            }
            if (i >= query.Length)
            {
                break;
            }
            var exclude = false;
            if (query[i] is '-' or '－' && i + 1 < query.Length && !IsSpace(query[i + 1]))
            {
                exclude = true;
                i++;
            }
            string text;
            if (query[i] is '"' or '“' or '”')
            {
                var close = query.IndexOfAny(['"', '”', '“'], i + 1);
                var end = close < 0 ? query.Length : close;
                // Inside quotes the words are one sequence: spaces between them are dropped (Chinese has none).
                text = string.Concat(query[(i + 1)..end].Where(c => !IsSpace(c)));
                i = close < 0 ? query.Length : close + 1;
            }
            else
            {
                var start = i;
                while (i < query.Length && !IsSpace(query[i]))
                {
                    i++;
                }
                text = query[start..i];
            }
            if (text.Length > 0)
            {
                terms.Add(new QueryTerm(text, exclude));
            }
        }
        return terms;
    }

    private static bool IsSpace(char c) => char.IsWhiteSpace(c) || c == '\u3000';

    /// <summary>Checks a request: query length and terms, page bounds, an exclusion needs something to exclude from.</summary>
    public static IReadOnlyList<QueryTerm> Check(SearchRequest r)
    {
        var checks = new FieldChecks();
        var q = r.Query.Trim();
        if (q.Length == 0)
        {
            checks.Add("q", "请输入检索词");
        }
        else if (new StringInfo(q).LengthInTextElements > SearchRequest.MaxQueryLength)
        {
            checks.Add("q", $"检索词不能超过 {SearchRequest.MaxQueryLength} 个字");
        }
        IReadOnlyList<QueryTerm> terms = [];
        if (q.Length > 0 && new StringInfo(q).LengthInTextElements <= SearchRequest.MaxQueryLength)
        {
            terms = Terms(q);
            if (terms.Count > SearchRequest.MaxTerms)
            {
                checks.Add("q", $"检索词不能超过 {SearchRequest.MaxTerms} 个");
            }
            else if (terms.All(t => t.Exclude))
            {
                checks.Add("q", "至少需要一个要查找的词（以 - 开头的词表示排除）");
            }
            else if (terms.Where(t => !t.Exclude).All(t => LawAnalyzers.PhraseTerms(t.Text).Count == 0))
            {
                checks.Add("q", "检索词只含标点或符号，请输入文字");
            }
        }
        if (r.Page < 1)
        {
            checks.Add("page", "页码从 1 开始");
        }
        if (r.PageSize is < 1 or > SearchRequest.MaxPageSize)
        {
            checks.Add("pageSize", $"每页条数应在 1 至 {SearchRequest.MaxPageSize} 之间");
        }
        if (r.Page >= 1 && r.PageSize >= 1 && (long)r.Page * r.PageSize > 10_000)
        {
            checks.Add("page", "最多可翻到第 10000 条结果，请加检索词或筛选条件缩小范围");
        }
        if (r.Year is < 1900 or > 2100)
        {
            checks.Add("year", "年份应在 1900 至 2100 之间");
        }
        checks.ThrowIfAny();
        return terms;
    }

    /// <summary>The query string for logs and the page's address.</summary>
    public static string Describe(IEnumerable<QueryTerm> terms)
    {
        var sb = new StringBuilder();
        foreach (var t in terms)
        {
            sb.Append(sb.Length > 0 ? " " : "").Append(t.Exclude ? "-" : "").Append(t.Text);
        }
        return sb.ToString();
    }
}
