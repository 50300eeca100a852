using System.Diagnostics;
using Fazhi.Library.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Fazhi.Bench.Library;

/// <summary>
/// Where a library search's time goes (Stopwatch breakdown, no profiler on this machine): opens an index built by the
/// <c>library</c> bench read-only and times, alternating, the pieces <see cref="LibrarySearch"/> puts together:
/// <code>dotnet Fazhi.Bench.dll library-profile /tmp/fazhi-bench/NAME/library-index [rounds]</code>
/// </summary>
internal static class LibraryProfile
{
    public static int Run(string[] args)
    {
        var path = args[0];
        var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20;
        using var dir = FSDirectory.Open(path);
        using var reader = DirectoryReader.Open(dir);
        var searcher = new IndexSearcher(reader) { Similarity = new Lucene.Net.Search.Similarities.BM25Similarity() };
        var day = IndexFields.DateValue(DateOnly.FromDateTime(DateTime.Now));
        string[] queries = ["法", "证", "人民政府", "罚款", "复议", "第三十三条"];
        var steps = new (string Name, Func<string, double> Run)[]
        {
            ("phrase only, count", q => Time(() => { var c = new TotalHitCountCollector(); searcher.Search(Phrase(q), c); return c.TotalHits; })),
            ("+ type + not-superseded, count", q => Time(() => { var c = new TotalHitCountCollector(); searcher.Search(Filtered(q, day, false, false), c); return c.TotalHits; })),
            ("+ title boost + words (full query), count", q => Time(() => { var c = new TotalHitCountCollector(); searcher.Search(Filtered(q, day, true, true), c); return c.TotalHits; })),
            ("full query, top 20 by score", q => Time(() => searcher.Search(Filtered(q, day, true, true), 20).TotalHits)),
            ("full query, top 20 + facet counting", q => Time(() =>
            {
                var top = TopScoreDocCollector.Create(20, true);
                var facets = new Facets(day);
                searcher.Search(Filtered(q, day, true, true), MultiCollector.Wrap(top, facets));
                return top.TotalHits;
            })),
            ("full query, top 20 + facets by ordinal (the fix)", q => Time(() =>
            {
                var top = TopScoreDocCollector.Create(20, true);
                var facets = new OrdFacets();
                searcher.Search(Filtered(q, day, true, true), MultiCollector.Wrap(top, facets));
                return top.TotalHits;
            })),
            ("20 hits: stored fields + highlight", q => Time(() =>
            {
                var top = searcher.Search(Filtered(q, day, true, true), 20);
                foreach (var sd in top.ScoreDocs)
                {
                    var d = searcher.Doc(sd.Doc);
                    _ = Highlighter.Mark(d.Get(IndexFields.Text) ?? "", [q], 160);
                }
                return top.TotalHits;
            })),
        };
        var samples = queries.ToDictionary(q => q, _ => steps.Select(_ => new List<double>()).ToArray());
        for (var r = -3; r < rounds; r++)
        {
            foreach (var q in queries)
            {
                for (var k = 0; k < steps.Length; k++)
                {
                    var i = (k + r + 100) % steps.Length;
                    var ms = steps[i].Run(q);
                    if (r >= 0)
                    {
                        samples[q][i].Add(ms);
                    }
                }
            }
        }
        Console.WriteLine($"index {path}: {reader.NumDocs:N0} documents; {rounds} rounds, steps alternating; load {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine($"{"query",-10} {"hits",8} " + string.Join(" ", steps.Select((s, i) => $"[{i + 1}]".PadLeft(8))));
        foreach (var q in queries)
        {
            var c = new TotalHitCountCollector();
            searcher.Search(Filtered(q, day, false, false), c);
            Console.WriteLine($"{q,-10} {c.TotalHits,8:N0} " + string.Join(" ", samples[q].Select(s => s.Order().ElementAt(s.Count / 2).ToString("F2").PadLeft(8))));
        }
        for (var i = 0; i < steps.Length; i++)
        {
            Console.WriteLine($"  [{i + 1}] {steps[i].Name} (median ms)");
        }
        return 0;
    }

    private static double Time(Func<int> work)
    {
        var t = Stopwatch.GetTimestamp();
        work();
        return Stopwatch.GetElapsedTime(t).TotalMilliseconds;
    }

    private static Query Phrase(string q) => LibrarySearch.Phrase(IndexFields.Text, q);

    /// <summary>What LibrarySearch.Build makes for one term without filters: type, phrase, not superseded, title and words boosts.</summary>
    private static Query Filtered(string q, int day, bool title, bool words)
    {
        var b = new BooleanQuery
        {
            { new TermQuery(new Term(IndexFields.Type, IndexFields.ArticleType)), Occur.MUST },
            { Phrase(q), Occur.MUST },
        };
        if (title)
        {
            var t = LibrarySearch.Phrase(IndexFields.Title, q);
            t.Boost = 2;
            b.Add(t, Occur.SHOULD);
        }
        if (words)
        {
            var w = new BooleanQuery();
            using (var ts = LawAnalyzers.Words.GetTokenStream(IndexFields.Words, new StringReader(q)))
            {
                var term = ts.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
                ts.Reset();
                while (ts.IncrementToken())
                {
                    w.Add(new TermQuery(new Term(IndexFields.Words, term.ToString())), Occur.SHOULD);
                }
                ts.End();
            }
            if (w.Clauses.Count > 0)
            {
                w.Boost = 0.3f;
                b.Add(w, Occur.SHOULD);
            }
        }
        var superseded = new BooleanQuery
        {
            { NumericRangeQuery.NewInt32Range(IndexFields.To, null, day, true, true), Occur.MUST },
            { new TermQuery(new Term(IndexFields.End, "amended")), Occur.MUST },
        };
        b.Add(new BooleanQuery { { new MatchAllDocsQuery(), Occur.MUST }, { superseded, Occur.MUST_NOT } }, Occur.MUST);
        return b;
    }

    /// <summary>The fixed collector's per-hit work: an array increment per ordinal, values decoded once per segment.</summary>
    private sealed class OrdFacets : ICollector
    {
        private SortedDocValues? _level, _issuer, _region, _end;
        private NumericDocValues? _year, _from, _to;
        private int[] _a = [], _b = [], _c = [];
        private readonly Dictionary<long, int> _years = [];
        private readonly int[] _status = new int[8];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            var r = context.AtomicReader;
            _level = r.GetSortedDocValues(IndexFields.Level);
            _issuer = r.GetSortedDocValues(IndexFields.Issuer);
            _region = r.GetSortedDocValues(IndexFields.Region);
            _end = r.GetSortedDocValues(IndexFields.End);
            _year = r.GetNumericDocValues(IndexFields.Year);
            _from = r.GetNumericDocValues(IndexFields.From);
            _to = r.GetNumericDocValues(IndexFields.To);
            _a = new int[(_level?.ValueCount ?? 0) + 1];
            _b = new int[(_issuer?.ValueCount ?? 0) + 1];
            _c = new int[(_region?.ValueCount ?? 0) + 1];
        }

        public void Collect(int doc)
        {
            _a[(_level?.GetOrd(doc) ?? -1) + 1]++;
            _b[(_issuer?.GetOrd(doc) ?? -1) + 1]++;
            _c[(_region?.GetOrd(doc) ?? -1) + 1]++;
            var y = _year?.Get(doc) ?? 0;
            _years[y] = _years.GetValueOrDefault(y) + 1;
            _status[((_from?.Get(doc) ?? 0) + (_to?.Get(doc) ?? 0) + (_end?.GetOrd(doc) ?? 0)) & 7]++;
        }
    }

    /// <summary>The work LibrarySearch's facet collector did per hit before the fix (a copy: the product's is private).</summary>
    private sealed class Facets(int day) : ICollector
    {
        private readonly Dictionary<string, int> _levels = [], _issuers = [], _regions = [];
        private readonly Dictionary<long, int> _years = [];
        private readonly Dictionary<int, int> _statuses = [];
        private SortedDocValues? _level, _issuer, _region, _end;
        private NumericDocValues? _year, _from, _to;
        private readonly BytesRef _scratch = new();

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            var r = context.AtomicReader;
            _level = r.GetSortedDocValues(IndexFields.Level);
            _issuer = r.GetSortedDocValues(IndexFields.Issuer);
            _region = r.GetSortedDocValues(IndexFields.Region);
            _end = r.GetSortedDocValues(IndexFields.End);
            _year = r.GetNumericDocValues(IndexFields.Year);
            _from = r.GetNumericDocValues(IndexFields.From);
            _to = r.GetNumericDocValues(IndexFields.To);
        }

        public void Collect(int doc)
        {
            Count(_levels, Str(_level, doc));
            Count(_issuers, Str(_issuer, doc));
            Count(_regions, Str(_region, doc));
            var y = _year?.Get(doc) ?? 0;
            _years[y] = _years.GetValueOrDefault(y) + 1;
            var status = (int)LibrarySearch.StatusOf((int)(_from?.Get(doc) ?? 0), (int)(_to?.Get(doc) ?? IndexFields.Open), Str(_end, doc), day);
            _statuses[status] = _statuses.GetValueOrDefault(status) + 1;
        }

        private string Str(SortedDocValues? dv, int doc)
        {
            if (dv is null)
            {
                return "";
            }
            var ord = dv.GetOrd(doc);
            if (ord < 0)
            {
                return "";
            }
            dv.LookupOrd(ord, _scratch);
            return _scratch.Utf8ToString();
        }

        private static void Count(Dictionary<string, int> counts, string value) => counts[value] = counts.GetValueOrDefault(value) + 1;
    }
}
