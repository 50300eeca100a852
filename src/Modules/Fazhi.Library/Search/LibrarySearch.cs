using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using Fazhi.Library.Works;
using Fazhi.Platform.Kit;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Fazhi.Library.Search;

/// <summary>One hit: an article (or a work's title in title search) with its document's level, status and dates.</summary>
internal sealed record SearchHit(
    Guid WorkId,
    Guid VersionId,
    int VersionNumber,
    string Title,
    EffectLevel Level,
    ValidityStatus Status,
    DateOnly? VersionDate,
    DateOnly? AppliesFrom,
    DateOnly? AppliesUntil,
    Guid? ProvisionId,
    string Label,
    string Anchor,
    string Path,
    string Highlight,
    string Url);

/// <summary>A facet value and how many hits carry it.</summary>
public sealed record FacetCount(string Value, string Label, int Count);

/// <summary>A page of hits with the total and the counts per level, status, year, issuing body and region.</summary>
internal sealed record SearchResult(
    string Query,
    int Total,
    int Page,
    int PageSize,
    IReadOnlyList<SearchHit> Items,
    IReadOnlyList<FacetCount> Levels,
    IReadOnlyList<FacetCount> Statuses,
    IReadOnlyList<FacetCount> Years,
    IReadOnlyList<FacetCount> Issuers,
    IReadOnlyList<FacetCount> Regions,
    double Milliseconds);

/// <summary>A title suggestion as the user types.</summary>
internal sealed record TitleSuggestion(Guid WorkId, string Title, EffectLevel Level, ValidityStatus Status);

/// <summary>
/// Searches the library's index. Every positive term must occur in the article as a phrase of its bigrams on the recall
/// field (so nothing a substring scan finds is missed); the words field and a title match only raise the score.
/// </summary>
internal sealed class LibrarySearch(IndexFollower follower, TimeProvider clock)
{
    public async Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken ct)
    {
        var terms = SearchQueryParser.Check(request);
        var index = await follower.Ready.WaitAsync(TimeSpan.FromMinutes(10), ct);
        var today = clock.ChinaToday();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var query = Build(request, terms, today, out var defaultView);
        var filter = defaultView ? DefaultFilter(request.Titles, IndexFields.DateValue(today)) : null;
        var positives = terms.Where(t => !t.Exclude).Select(t => t.Text).ToList();
        var sort = request.Sort switch
        {
            SearchSort.Date => new Sort(new SortField(IndexFields.VersionDate, SortFieldType.INT64, true), new SortField(IndexFields.Ordinal, SortFieldType.INT64)),
            SearchSort.Order => new Sort(new SortField(IndexFields.Ordinal, SortFieldType.INT64)),
            _ => null,
        };
        var wanted = request.Page * request.PageSize;
        var facetDay = IndexFields.DateValue(request.InForceOn ?? today);
        return index.Search(searcher =>
        {
            var (docs, facets) = Collect(searcher, filter is null ? query : new FilteredQuery(query, filter), sort, wanted, facetDay, request.Page, request.PageSize);
            var items = docs.ScoreDocs.Select(sd => Hit(searcher.Doc(sd.Doc), positives, request.InForceOn ?? today, request.Titles)).ToList();
            var ms = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            return new SearchResult(SearchQueryParser.Describe(terms), docs.TotalHits, request.Page, request.PageSize, items,
                facets.Levels(), facets.Statuses(), facets.Years(), facets.Issuers(), facets.Regions(), Math.Round(ms, 2));
        });
    }

    /// <summary>
    /// Runs the search over the index's segments in slices of about equal size, one slice per core, each with its own
    /// top-documents and facet collectors, then merges them: the top documents by <see cref="TopDocs.Merge(Sort, int, int, TopDocs[])"/>
    /// (ties by slice, then document, as one pass over the segments in order would break them) and the facet counts by
    /// adding. A broad term at ten times the corpus scores and counts hundreds of thousands of hits; on an idle second
    /// core it takes about half the time (docs/benchmarks.md).
    /// </summary>
    internal static (TopDocs Docs, FacetCollector Facets) Collect(IndexSearcher searcher, Query query, Sort? sort, int wanted, int facetDay, int page, int pageSize)
    {
        var weight = searcher.CreateNormalizedWeight(query);
        var slices = Slices(searcher.IndexReader.Leaves, Math.Min(Environment.ProcessorCount, 4));
        var tops = new TopDocs[slices.Count];
        var facets = new FacetCollector[slices.Count];
        Parallel.For(0, slices.Count, new ParallelOptions { MaxDegreeOfParallelism = slices.Count }, i =>
        {
            ITopDocsCollector top = sort is null ? TopScoreDocCollector.Create(wanted, true) : TopFieldCollector.Create(sort, wanted, true, false, false, false);
            var f = new FacetCollector(facetDay);
            ICollector both = MultiCollector.Wrap((ICollector)top, f);
            foreach (var leaf in slices[i])
            {
                var scorer = weight.GetBulkScorer(leaf, !both.AcceptsDocsOutOfOrder, leaf.AtomicReader.LiveDocs);
                both.SetNextReader(leaf);
                scorer?.Score(both);
            }
            tops[i] = top.GetTopDocs();
            facets[i] = f;
        });
        for (var i = 1; i < facets.Length; i++)
        {
            facets[0].Add(facets[i]);
        }
        var merged = sort is null ? TopDocs.Merge(null, (page - 1) * pageSize, pageSize, tops) : TopDocs.Merge(sort, (page - 1) * pageSize, pageSize, tops);
        return (merged, facets[0]);
    }

    /// <summary>The segments in order, cut into at most <paramref name="count"/> runs of about the same number of documents.</summary>
    private static List<List<AtomicReaderContext>> Slices(IList<AtomicReaderContext> leaves, int count)
    {
        var total = Math.Max(1L, leaves.Sum(l => (long)l.AtomicReader.MaxDoc));
        var slices = new List<List<AtomicReaderContext>> { new() };
        long filled = 0;
        foreach (var leaf in leaves)
        {
            if (slices[^1].Count > 0 && filled >= total * slices.Count / count && slices.Count < count)
            {
                slices.Add([]);
            }
            slices[^1].Add(leaf);
            filled += leaf.AtomicReader.MaxDoc;
        }
        return slices;
    }

    /// <summary>Up to ten work titles containing what was typed, titles that start with it first.</summary>
    public async Task<IReadOnlyList<TitleSuggestion>> SuggestAsync(string typed, bool publicOnly, CancellationToken ct)
    {
        var text = typed.Trim();
        if (text.Length == 0 || text.Length > SearchRequest.MaxQueryLength || LawAnalyzers.PhraseTerms(text).Count == 0)
        {
            return [];
        }
        var index = await follower.Ready.WaitAsync(TimeSpan.FromMinutes(10), ct);
        var today = IndexFields.DateValue(clock.ChinaToday());
        var q = new BooleanQuery
        {
            { new TermQuery(new Term(IndexFields.Type, IndexFields.WorkType)), Occur.MUST },
            { Phrase(IndexFields.Title, text), Occur.MUST },
            { new PrefixQuery(new Term(IndexFields.Key, WorkKey.Of(text))) { Boost = 5 }, Occur.SHOULD },
            { NotSuperseded(today), Occur.MUST },
        };
        if (publicOnly)
        {
            q.Add(new TermQuery(new Term(IndexFields.Public, "1")), Occur.MUST);
        }
        var date = clock.ChinaToday();
        return index.Search(searcher =>
        {
            var docs = searcher.Search(q, 30);
            return docs.ScoreDocs.Select(sd => Hit(searcher.Doc(sd.Doc), [], date, true))
                .DistinctBy(h => h.WorkId)
                .Take(10)
                .Select(h => new TitleSuggestion(h.WorkId, h.Title, h.Level, h.Status))
                .ToList();
        });
    }

    /// <summary>The filters of the default view (one document type, superseded versions out) for one day.</summary>
    private sealed record DefaultFilters(int Day, Filter Articles, Filter Titles);

    private DefaultFilters? _defaults;

    /// <summary>
    /// The default view's filter as a bitset cached per index segment (CachingWrapperFilter): most searches use it, and
    /// evaluating "not superseded" hit by hit cost a broad search several milliseconds (docs/benchmarks.md). Rebuilt when
    /// the day changes, since a version becomes superseded on the day its successor takes effect.
    /// </summary>
    private Filter DefaultFilter(bool titles, int day)
    {
        var d = _defaults;
        if (d is null || d.Day != day)
        {
            Filter Make(string type) => new CachingWrapperFilter(new QueryWrapperFilter(new BooleanQuery
            {
                { new TermQuery(new Term(IndexFields.Type, type)), Occur.MUST },
                { NotSuperseded(day), Occur.MUST },
            }));
            d = _defaults = new DefaultFilters(day, Make(IndexFields.ArticleType), Make(IndexFields.WorkType));
        }
        return titles ? d.Titles : d.Articles;
    }

    /// <summary>
    /// The query for a request; <paramref name="defaultView"/> says the caller applies the cached default filter (type and
    /// not superseded) instead of the query carrying those clauses.
    /// </summary>
    private static Query Build(SearchRequest r, IReadOnlyList<QueryTerm> terms, DateOnly today, out bool defaultView)
    {
        var field = r.Titles ? IndexFields.Title : IndexFields.Text;
        defaultView = r.InForceOn is null && r.Statuses.Length == 0 && r.VersionId is null;
        var q = new BooleanQuery();
        if (!defaultView)
        {
            q.Add(new TermQuery(new Term(IndexFields.Type, r.Titles ? IndexFields.WorkType : IndexFields.ArticleType)), Occur.MUST);
        }
        foreach (var t in terms)
        {
            var phrase = Phrase(field, t.Text);
            q.Add(phrase, t.Exclude ? Occur.MUST_NOT : Occur.MUST);
            if (!t.Exclude && !r.Titles)
            {
                // A term that is also in the title (行政处罚 in 行政处罚法) ranks the article higher.
                var inTitle = Phrase(IndexFields.Title, t.Text);
                inTitle.Boost = 2;
                q.Add(inTitle, Occur.SHOULD);
            }
        }
        if (!r.Titles)
        {
            var words = WordsQuery(string.Join(' ', terms.Where(t => !t.Exclude).Select(t => t.Text)));
            if (words is not null)
            {
                q.Add(words, Occur.SHOULD);
            }
        }
        if (r.Levels.Length > 0)
        {
            var any = new BooleanQuery();
            foreach (var level in r.Levels.Distinct())
            {
                any.Add(new TermQuery(new Term(IndexFields.Level, level.ToString())), Occur.SHOULD);
            }
            q.Add(any, Occur.MUST);
        }
        var day = IndexFields.DateValue(r.InForceOn ?? today);
        if (r.Statuses.Length > 0)
        {
            var any = new BooleanQuery();
            foreach (var s in r.Statuses.Distinct())
            {
                any.Add(StatusQuery(s, day), Occur.SHOULD);
            }
            q.Add(any, Occur.MUST);
        }
        if (r.InForceOn is not null)
        {
            q.Add(StatusQuery(ValidityStatus.InForce, day), Occur.MUST);
        }
        // Without a date, status or version: one version per work, superseded versions out (they are a filter away);
        // the caller applies that as the cached default filter.
        if (!string.IsNullOrWhiteSpace(r.Issuer))
        {
            q.Add(new TermQuery(new Term(IndexFields.Issuer, r.Issuer.Trim())), Occur.MUST);
        }
        if (r.Region is not null)
        {
            q.Add(new TermQuery(new Term(IndexFields.Region, r.Region.Trim())), Occur.MUST);
        }
        if (r.Year is { } year)
        {
            q.Add(NumericRangeQuery.NewInt32Range(IndexFields.Year, year, year, true, true), Occur.MUST);
        }
        if (r.WorkId is { } w)
        {
            q.Add(new TermQuery(new Term(IndexFields.Work, w.ToString("N"))), Occur.MUST);
        }
        if (r.VersionId is { } v)
        {
            q.Add(new TermQuery(new Term(IndexFields.Version, v.ToString("N"))), Occur.MUST);
        }
        if (r.PublicOnly)
        {
            q.Add(new TermQuery(new Term(IndexFields.Public, "1")), Occur.MUST);
        }
        return q;
    }

    /// <summary>The bigram phrase of a term on a field (a single term query when it is one token).</summary>
    internal static Query Phrase(string field, string text)
    {
        var tokens = LawAnalyzers.PhraseTerms(text);
        if (tokens.Count == 1)
        {
            return new TermQuery(new Term(field, tokens[0].Term));
        }
        var phrase = new PhraseQuery();
        foreach (var (term, position) in tokens)
        {
            phrase.Add(new Term(field, term), position);
        }
        return phrase;
    }

    private static Query? WordsQuery(string text)
    {
        var words = new BooleanQuery();
        using (var ts = LawAnalyzers.Words.GetTokenStream(IndexFields.Words, new StringReader(text)))
        {
            var term = ts.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
            ts.Reset();
            while (ts.IncrementToken() && words.Clauses.Count < 20)
            {
                words.Add(new TermQuery(new Term(IndexFields.Words, term.ToString())), Occur.SHOULD);
            }
            ts.End();
        }
        if (words.Clauses.Count == 0)
        {
            return null;
        }
        words.Boost = 0.3f;
        return words;
    }

    private static Query NotSuperseded(int day)
    {
        var superseded = new BooleanQuery
        {
            { NumericRangeQuery.NewInt32Range(IndexFields.To, null, day, true, true), Occur.MUST },
            { new TermQuery(new Term(IndexFields.End, "amended")), Occur.MUST },
        };
        return new BooleanQuery
        {
            { new MatchAllDocsQuery(), Occur.MUST },
            { superseded, Occur.MUST_NOT },
        };
    }

    private static Query StatusQuery(ValidityStatus status, int day) => status switch
    {
        ValidityStatus.NotYetEffective => NumericRangeQuery.NewInt32Range(IndexFields.From, day, null, false, true),
        ValidityStatus.InForce => new BooleanQuery
        {
            { NumericRangeQuery.NewInt32Range(IndexFields.From, null, day, true, true), Occur.MUST },
            { NumericRangeQuery.NewInt32Range(IndexFields.To, day, null, false, true), Occur.MUST },
        },
        _ => new BooleanQuery
        {
            { NumericRangeQuery.NewInt32Range(IndexFields.To, null, day, true, true), Occur.MUST },
            { new TermQuery(new Term(IndexFields.End, status switch { ValidityStatus.Amended => "amended", ValidityStatus.Repealed => "repealed", _ => "expired" })), Occur.MUST },
        },
    };

    internal static ValidityStatus StatusOf(int from, int to, string end, int day) =>
        day < from ? ValidityStatus.NotYetEffective
        : day < to ? ValidityStatus.InForce
        : end switch { "amended" => ValidityStatus.Amended, "repealed" => ValidityStatus.Repealed, _ => ValidityStatus.Expired };

    private static SearchHit Hit(Lucene.Net.Documents.Document d, IReadOnlyList<string> terms, DateOnly day, bool title)
    {
        var work = Guid.ParseExact(d.Get(IndexFields.Work), "N");
        var version = Guid.ParseExact(d.Get(IndexFields.Version), "N");
        var number = d.GetField(IndexFields.VersionNumber)?.GetInt32Value() ?? 0;
        var from = d.GetField(IndexFields.From)?.GetInt32Value() ?? 0;
        var to = d.GetField(IndexFields.To)?.GetInt32Value() ?? IndexFields.Open;
        var vdate = d.GetField(IndexFields.VersionDate)?.GetInt32Value() ?? 0;
        var end = d.Get(IndexFields.End) ?? "none";
        var level = Enum.TryParse<EffectLevel>(d.Get(IndexFields.Level), out var l) ? l : EffectLevel.Other;
        var status = StatusOf(from, to, end, IndexFields.DateValue(day));
        var anchor = title ? "" : d.Get(IndexFields.Anchor) ?? "";
        var text = title ? d.Get(IndexFields.Title) ?? "" : d.Get(IndexFields.Text) ?? "";
        var pid = title ? (Guid?)null : Guid.ParseExact(d.Get(IndexFields.Provision), "N");
        return new SearchHit(work, version, number, d.Get(IndexFields.Title) ?? "", level, status, ToDate(vdate), from > 10101 ? ToDate(from) : null,
            to == IndexFields.Open ? null : ToDate(to), pid, title ? "" : d.Get(IndexFields.Label) ?? "", anchor, title ? "" : d.Get(IndexFields.Path) ?? "",
            Highlighter.Mark(text, terms, title ? 200 : 160),
            LibraryUrls.Version(work, number) + (anchor.Length > 0 ? "#" + anchor : ""));
    }

    private static DateOnly? ToDate(int v) => v <= 0 ? null : new DateOnly(v / 10000, v / 100 % 100, v % 100);

    /// <summary>
    /// A segment's facet values for every document, decoded once from its doc values into plain arrays (slot = ordinal + 1,
    /// 0 for no value; the year itself). A segment's core never changes once written (the index only adds and deletes
    /// documents), so the columns are kept for as long as the segment lives. Counting a hit is then five array reads:
    /// reading the doc values hit by hit cost 法 at ten times the corpus (632,000 hits) about 160 ms of its 230 ms
    /// (docs/benchmarks.md). The status depends on the day, so its column is kept per day (the last few days asked).
    /// </summary>
    private sealed class FacetColumns
    {
        private static readonly ConditionalWeakTable<object, FacetColumns> Cache = new();
        public const ushort NoYear = ushort.MaxValue;

        public required int[] Level { get; init; }
        public required int[] Issuer { get; init; }
        public required int[] Region { get; init; }
        public required ushort[] Year { get; init; }
        private readonly System.Collections.Concurrent.ConcurrentDictionary<int, byte[]> _statuses = new();

        /// <summary>The columns of a segment, decoded on its first search.</summary>
        public static FacetColumns Of(AtomicReader reader) => Cache.GetValue(reader.CoreCacheKey, _ => Build(reader));

        private static FacetColumns Build(AtomicReader r)
        {
            var level = Slots(r, IndexFields.Level);
            var issuer = Slots(r, IndexFields.Issuer);
            var region = Slots(r, IndexFields.Region);
            var years = new ushort[r.MaxDoc];
            var dv = r.GetNumericDocValues(IndexFields.Year);
            for (var doc = 0; doc < years.Length; doc++)
            {
                var y = dv?.Get(doc) ?? 0;
                years[doc] = y is >= 0 and < NoYear ? (ushort)y : NoYear;
            }
            return new FacetColumns { Level = level, Issuer = issuer, Region = region, Year = years };
        }

        private static int[] Slots(AtomicReader r, string field)
        {
            var dv = r.GetSortedDocValues(field);
            var slots = new int[r.MaxDoc];
            for (var doc = 0; dv is not null && doc < slots.Length; doc++)
            {
                slots[doc] = dv.GetOrd(doc) + 1;
            }
            return slots;
        }

        /// <summary>Every document's <see cref="ValidityStatus"/> on a day, kept for the last few days asked.</summary>
        public byte[] Statuses(AtomicReader r, int day)
        {
            if (_statuses.TryGetValue(day, out var known))
            {
                return known;
            }
            var from = r.GetNumericDocValues(IndexFields.From);
            var to = r.GetNumericDocValues(IndexFields.To);
            var end = r.GetSortedDocValues(IndexFields.End);
            var names = new string[end?.ValueCount ?? 0];
            var scratch = new BytesRef();
            for (var i = 0; i < names.Length; i++)
            {
                end!.LookupOrd(i, scratch);
                names[i] = scratch.Utf8ToString();
            }
            var values = new byte[r.MaxDoc];
            for (var doc = 0; doc < values.Length; doc++)
            {
                var ord = end?.GetOrd(doc) ?? -1;
                values[doc] = (byte)StatusOf((int)(from?.Get(doc) ?? 0), (int)(to?.Get(doc) ?? IndexFields.Open), ord >= 0 ? names[ord] : "", day);
            }
            if (_statuses.Count >= 4)
            {
                _statuses.Clear();
            }
            _statuses[day] = values;
            return values;
        }
    }

    /// <summary>
    /// Counts hits per facet value while the search runs: per segment by ordinal (an array increment per hit) from the
    /// segment's <see cref="FacetColumns"/>, turned into values once per segment.
    /// </summary>
    internal sealed class FacetCollector(int day) : ICollector
    {
        private readonly Dictionary<string, int> _levels = [];
        private readonly Dictionary<ValidityStatus, int> _statuses = [];
        private readonly Dictionary<long, int> _years = [];
        private readonly Dictionary<string, int> _issuers = [];
        private readonly Dictionary<string, int> _regions = [];
        private SortedDocValues? _level, _issuer, _region;
        private NumericDocValues? _year;
        private FacetColumns _columns = null!;
        private byte[] _statusOf = [];
        private int[] _levelOrds = [], _issuerOrds = [], _regionOrds = [];
        private const int YearSlots = 2200;
        private readonly int[] _yearCounts = new int[YearSlots];
        private readonly int[] _statusCounts = new int[Enum.GetValues<ValidityStatus>().Length];
        private readonly BytesRef _scratch = new();

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            Flush();
            var r = context.AtomicReader;
            _level = r.GetSortedDocValues(IndexFields.Level);
            _issuer = r.GetSortedDocValues(IndexFields.Issuer);
            _region = r.GetSortedDocValues(IndexFields.Region);
            _year = r.GetNumericDocValues(IndexFields.Year);
            _columns = FacetColumns.Of(r);
            _statusOf = _columns.Statuses(r, day);
            // Slot 0 counts documents without a value (""), slot ord + 1 the value with that ordinal.
            _levelOrds = new int[(_level?.ValueCount ?? 0) + 1];
            _issuerOrds = new int[(_issuer?.ValueCount ?? 0) + 1];
            _regionOrds = new int[(_region?.ValueCount ?? 0) + 1];
        }

        public void Collect(int doc)
        {
            var c = _columns;
            _levelOrds[c.Level[doc]]++;
            _issuerOrds[c.Issuer[doc]]++;
            _regionOrds[c.Region[doc]]++;
            var y = c.Year[doc];
            if (y < YearSlots)
            {
                _yearCounts[y]++;
            }
            else
            {
                var year = _year?.Get(doc) ?? 0;
                _years[year] = _years.GetValueOrDefault(year) + 1;
            }
            _statusCounts[_statusOf[doc]]++;
        }

        /// <summary>Adds another slice's counts to these.</summary>
        public void Add(FacetCollector other)
        {
            Flush();
            other.Flush();
            Sum(_levels, other._levels);
            Sum(_statuses, other._statuses);
            Sum(_years, other._years);
            Sum(_issuers, other._issuers);
            Sum(_regions, other._regions);
        }

        private static void Sum<TKey>(Dictionary<TKey, int> into, Dictionary<TKey, int> from)
            where TKey : notnull
        {
            foreach (var (k, v) in from)
            {
                into[k] = into.GetValueOrDefault(k) + v;
            }
        }

        /// <summary>Adds the current segment's per-ordinal counts to the value counts.</summary>
        private void Flush()
        {
            Add(_levels, _levelOrds, _level);
            Add(_issuers, _issuerOrds, _issuer);
            Add(_regions, _regionOrds, _region);
            _levelOrds = _issuerOrds = _regionOrds = [];
            for (var y = 0; y < YearSlots; y++)
            {
                if (_yearCounts[y] > 0)
                {
                    _years[y] = _years.GetValueOrDefault(y) + _yearCounts[y];
                    _yearCounts[y] = 0;
                }
            }
            for (var i = 0; i < _statusCounts.Length; i++)
            {
                if (_statusCounts[i] > 0)
                {
                    _statuses[(ValidityStatus)i] = _statuses.GetValueOrDefault((ValidityStatus)i) + _statusCounts[i];
                    _statusCounts[i] = 0;
                }
            }
        }

        private void Add(Dictionary<string, int> counts, int[] ords, SortedDocValues? dv)
        {
            for (var i = 0; i < ords.Length; i++)
            {
                if (ords[i] == 0)
                {
                    continue;
                }
                var value = "";
                if (i > 0)
                {
                    dv!.LookupOrd(i - 1, _scratch);
                    value = _scratch.Utf8ToString();
                }
                counts[value] = counts.GetValueOrDefault(value) + ords[i];
            }
        }

        public IReadOnlyList<FacetCount> Levels()
        {
            Flush();
            return _levels
                .Select(kv => Enum.TryParse<EffectLevel>(kv.Key, out var l) ? (l, kv.Value) : (EffectLevel.Other, kv.Value))
                .OrderBy(x => x.Item1)
                .Select(x => new FacetCount(x.Item1.ToString(), Validity.Label(x.Item1), x.Item2)).ToList();
        }

        public IReadOnlyList<FacetCount> Statuses()
        {
            Flush();
            return _statuses.OrderBy(kv => kv.Key)
                .Select(kv => new FacetCount(kv.Key.ToString(), Validity.Label(kv.Key), kv.Value)).ToList();
        }

        public IReadOnlyList<FacetCount> Years()
        {
            Flush();
            return _years.Where(kv => kv.Key > 0).OrderByDescending(kv => kv.Key).Take(30)
                .Select(kv => new FacetCount(kv.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), kv.Key + "年", kv.Value)).ToList();
        }

        public IReadOnlyList<FacetCount> Issuers()
        {
            Flush();
            return _issuers.Where(kv => kv.Key.Length > 0).OrderByDescending(kv => kv.Value).Take(15)
                .Select(kv => new FacetCount(kv.Key, kv.Key, kv.Value)).ToList();
        }

        public IReadOnlyList<FacetCount> Regions()
        {
            Flush();
            return _regions.OrderByDescending(kv => kv.Value).Take(15)
                .Select(kv => new FacetCount(kv.Key, kv.Key.Length == 0 ? "全国" : kv.Key, kv.Value)).ToList();
        }
    }
}

/// <summary>
/// Marks the searched words in a text for display: HTML-escaped, each occurrence in &lt;mark&gt;, cut to a window around
/// the first occurrence with … at the cut ends.
/// </summary>
internal static class Highlighter
{
    public static string Mark(string text, IReadOnlyList<string> terms, int window)
    {
        var marks = new List<(int Start, int End)>();
        foreach (var term in terms.Where(t => t.Length > 0))
        {
            for (var at = text.IndexOf(term, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(term, at + term.Length, StringComparison.OrdinalIgnoreCase))
            {
                marks.Add((at, at + term.Length));
            }
        }
        marks = Merge(marks);
        var start = 0;
        var end = text.Length;
        if (text.Length > window)
        {
            var first = marks.Count > 0 ? marks[0].Start : 0;
            start = Math.Max(0, Math.Min(first - window / 3, text.Length - window));
            end = Math.Min(text.Length, start + window);
        }
        var sb = new StringBuilder();
        if (start > 0)
        {
            sb.Append('…');
        }
        var pos = start;
        foreach (var (s, e) in marks.Where(m => m.End > start && m.Start < end))
        {
            var ms = Math.Max(s, start);
            var me = Math.Min(e, end);
            sb.Append(WebUtility.HtmlEncode(text[pos..ms])).Append("<mark>").Append(WebUtility.HtmlEncode(text[ms..me])).Append("</mark>");
            pos = me;
        }
        sb.Append(WebUtility.HtmlEncode(text[pos..end]));
        if (end < text.Length)
        {
            sb.Append('…');
        }
        return sb.ToString().Replace("\n", " ", StringComparison.Ordinal);
    }

    private static List<(int Start, int End)> Merge(List<(int Start, int End)> marks)
    {
        var merged = new List<(int Start, int End)>();
        foreach (var m in marks.OrderBy(m => m.Start))
        {
            if (merged.Count > 0 && m.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, m.End));
            }
            else
            {
                merged.Add(m);
            }
        }
        return merged;
    }
}
