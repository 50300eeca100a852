using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Fazhi.Bench.Hosting;
using Fazhi.Library.Data;
using Fazhi.Library.Import;
using Fazhi.Library.Search;
using Fazhi.Library.Works;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Fazhi.Bench.Library;

/// <summary>
/// The regulation library at corpus scale (issue 15's benchmarks), against the real host:
/// <code>dotnet bench/Fazhi.Bench/bin/Bench/net10.0/Fazhi.Bench.dll library [sqlite NAME | postgres CONNECTION] [scale=10] [rounds=10]</code>
/// (1) imports the whole corpus (../shared/corpus/laws, or FAZHI_BENCH_CORPUS) into a fresh database and index with the
/// product's importer, then rebuilds the index (time, size); (2) runs a query set through the HTTP API with a bearer
/// client, and the same queries through a plain Lucene SmartCn index and a SQLite FTS5 trigram table (MATCH and LIKE),
/// alternating engines within each round; recall of every query against a substring scan of the same articles;
/// (3) builds a synthetic index of <c>scale</c> × the corpus (the corpus plus varied copies, through the index API) and
/// queries it through the API the same way. FAZHI_BENCH_PART=import stops after the 1× API measurements (used for PostgreSQL).
/// </summary>
internal static class LibraryLoad
{
    private const string TwoChar = "two-char";
    private const string OneChar = "one-char";
    private const string PhraseClass = "phrase";
    private const string TitleClass = "title";
    private const string ArticleNo = "article-no";
    private const string MultiTerm = "multi-term";
    private const string Exclusion = "exclusion";

    /// <summary>The query set: class and text (a title query searches titles, <c>titles=true</c>).</summary>
    private static readonly (string Class, string Q)[] Queries =
    [
        .. new[] { "复议", "备案", "罚款", "听证", "没收", "拘留", "许可", "强制", "赔偿", "诉讼", "调解", "仲裁", "公告", "送达", "期限", "吊销", "查封", "鉴定" }.Select(q => (TwoChar, q)),
        .. new[] { "罚", "税", "证", "法" }.Select(q => (OneChar, q)),
        .. new[] { "行政复议", "行政处罚", "法律责任", "人民政府", "国务院有关部门", "依法给予处分", "责令限期改正", "没收违法所得", "县级以上地方人民政府", "\"构成犯罪的，依法追究刑事责任\"" }.Select(q => (PhraseClass, q)),
        .. new[] { "行政处罚法", "治安管理处罚", "食品安全", "山东省", "条例", "民法典" }.Select(q => (TitleClass, q)),
        .. new[] { "第三十三条", "第一百条", "第十条", "第二款", "第五十八条", "第一百二十条" }.Select(q => (ArticleNo, q)),
        .. new[] { "行政 处罚", "罚款 听证", "复议 诉讼 期限", "环境 污染 罚款", "土地 征收 补偿" }.Select(q => (MultiTerm, q)),
        .. new[] { "罚款 -刑事", "许可 -吊销", "复议 -诉讼", "劳动 合同 -派遣" }.Select(q => (Exclusion, q)),
    ];

    private static readonly string[] Classes = [TwoChar, OneChar, PhraseClass, TitleClass, ArticleNo, MultiTerm, Exclusion];

    private const string AllStatuses = "status=NotYetEffective&status=InForce&status=Amended&status=Repealed&status=Expired";

    /// <summary>An article (or, for title queries, a work version's title) as the substring scan and the other engines see it.</summary>
    private sealed record Item(Guid Id, string Text);

    public static async Task<int> RunAsync(string[] args)
    {
        var postgres = args.Length > 0 && args[0] == "postgres";
        var name = args.Length > 1 ? args[1] : "library";
        var scale = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
        var rounds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 10;
        var part = Environment.GetEnvironmentVariable("FAZHI_BENCH_PART") ?? "";
        var corpus = Environment.GetEnvironmentVariable("FAZHI_BENCH_CORPUS") is { Length: > 0 } c ? c : FindCorpus();
        Console.WriteLine($"library bench: engine={(postgres ? "postgres" : "sqlite")} corpus={corpus} scale={scale}× rounds={rounds} cores={Environment.ProcessorCount} {Load()}");

        // A fresh database and data folder.
        var dir = Path.Combine(Path.GetTempPath(), "fazhi-bench", postgres ? "pg-" + new NpgsqlConnectionStringBuilder(name).Database : name);
        // FAZHI_BENCH_REUSE=1: the database and index of an earlier run as they are (no import), to re-measure queries.
        var reuse = Environment.GetEnvironmentVariable("FAZHI_BENCH_REUSE") == "1";
        if (!reuse && System.IO.Directory.Exists(dir))
        {
            System.IO.Directory.Delete(dir, recursive: true);
        }
        if (postgres && !reuse)
        {
            await DropPostgresAsync(name);
            await BenchHost.EnsurePostgresDatabaseAsync(name);
        }
        var host = postgres ? new BenchHost("postgres", name) : new BenchHost("sqlite", name);
        // The index in the bench's own folder (the host's default data folder is next to the binaries, shared by runs).
        // FAZHI_BENCH_INDEX (with FAZHI_BENCH_REUSE=1): another index folder of this data folder, e.g. library-index-10x
        // to re-measure the 10× latency (its recall lines are then against the 1× database and mean nothing).
        host.Settings["Library:IndexDirectory"] = Path.Combine(dir, Environment.GetEnvironmentVariable("FAZHI_BENCH_INDEX") is { Length: > 0 } ix ? ix : "library-index");
        var watch = Stopwatch.StartNew();
        _ = host.Services;
        Console.WriteLine($"host started (migrations) in {watch.Elapsed.TotalSeconds:F1} s");

        // (1) Import with the product's importer, as `library import PATH` does; the index follows the change feed meanwhile.
        Console.WriteLine();
        Console.WriteLine($"-- import of the whole corpus ({Load()})");
        List<ImportFileResult> results;
        var crashed = new List<string>();
        watch.Restart();
        var lastReport = Stopwatch.StartNew();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var importer = scope.ServiceProvider.GetRequiredService<LibraryImporter>();
            var db = scope.ServiceProvider.GetRequiredService<LibraryDb>();
            // ImportFolderAsync's loop (same files, same order), file by file, so that a file the importer throws on
            // (not a refusal: an exception) is counted and the run goes on; `library import` stops there.
            results = [];
            foreach (var relative in reuse ? [] : CorpusFiles(corpus))
            {
                try
                {
                    results.Add(await importer.ImportMarkdownAsync(relative, await File.ReadAllBytesAsync(Path.Combine(corpus, relative)), new ImportOptions(), CancellationToken.None));
                }
                catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or OverflowException)
                {
                    crashed.Add($"{relative}: {e.GetType().Name}: {e.Message}");
                }
                db.ChangeTracker.Clear();
                if ((results.Count + crashed.Count) % 500 == 0)
                {
                    Console.WriteLine($"  {results.Count + crashed.Count} files, {watch.Elapsed.TotalSeconds:F0} s ({Load()})");
                }
            }
        }
        var importTook = watch.Elapsed;
        var follower = host.Services.GetRequiredService<IndexFollower>();
        watch.Restart();
        await follower.CatchUpAsync(CancellationToken.None);
        var catchUp = watch.Elapsed;
        var by = results.GroupBy(r => r.Kind).ToDictionary(g => g.Key, g => g.Count());
        Console.WriteLine($"import: {results.Count} files in {importTook.TotalSeconds:F1} s ({results.Count / importTook.TotalSeconds:F1} files/s): new works {by.GetValueOrDefault(ImportResultKind.NewWork)}, " +
                          $"new versions {by.GetValueOrDefault(ImportResultKind.NewVersion)}, parts {by.GetValueOrDefault(ImportResultKind.AddedPart)}, unchanged {by.GetValueOrDefault(ImportResultKind.Unchanged)}, refused {by.GetValueOrDefault(ImportResultKind.Refused)}");
        Console.WriteLine($"files the importer threw on (bugs, not refusals): {crashed.Count}");
        foreach (var line in crashed)
        {
            Console.WriteLine("  threw: " + line);
        }
        foreach (var r in results.Where(r => r.Kind == ImportResultKind.Refused).Take(10))
        {
            Console.WriteLine("  refused: " + r.Message);
        }
        Console.WriteLine($"index catch-up after the last file: {catchUp.TotalSeconds:F1} s ({Load()})");
        watch.Restart();
        var (works, documents, rebuilt) = reuse ? (0, 0L, TimeSpan.Zero) : await follower.RebuildAsync(CancellationToken.None);
        var index = await follower.Ready;
        Console.WriteLine($"index rebuild (library reindex): {works} works, {documents:N0} documents in {rebuilt.TotalSeconds:F1} s; index size {index.SizeBytes / 1048576.0:F1} MB ({Load()})");
        await DatabaseSizeAsync(host, postgres, dir);

        // The articles and titles as stored, for the substring scan and the other engines.
        var (articles, titles) = await ItemsAsync(host);
        Console.WriteLine($"{articles.Count:N0} articles/paragraphs ({articles.Sum(a => (long)a.Text.Length) / 1e6:F1} M characters), {titles.Count:N0} version titles");

        var client = await host.ApiClientAsync("bench-library-reader", "staff", "370400");
        var corpusRecall = await RecallAsync("1× Fazhi (Lucene bigram+SmartCn, API)", client, index, articles, titles);

        Engine[] engines = [new ApiEngine(client)];
        SmartCnEngine? smartCn = null;
        Fts5Engine? fts5 = null;
        if (part != "import")
        {
            Console.WriteLine();
            Console.WriteLine($"-- the other engines over the same {articles.Count:N0} articles ({Load()})");
            smartCn = SmartCnEngine.Build(Path.Combine(dir, "smartcn-index"), articles, titles);
            fts5 = await Fts5Engine.BuildAsync(Path.Combine(dir, "fts5.db"), articles, titles);
            engines = [engines[0], smartCn, fts5, fts5.Like];
            foreach (var e in engines.Skip(1))
            {
                e.Recall(articles, titles);
            }
        }
        Console.WriteLine();
        Console.WriteLine($"-- 1× query latency, {rounds} rounds, engines alternating ({Load()})");
        await LatencyAsync(engines, rounds);
        corpusRecall.Print();
        foreach (var e in engines.Skip(1))
        {
            e.RecallReport!.Print();
        }
        smartCn?.Dispose();
        fts5?.Dispose();
        if (part == "import" || scale <= 1)
        {
            await host.DisposeAsync();
            return 0;
        }

        // (3) scale × the corpus: the corpus plus (scale - 1) varied copies, indexed through the index API.
        Console.WriteLine();
        Console.WriteLine($"-- {scale}× the corpus: synthetic copies indexed through LibraryIndex ({Load()})");
        var mark = await host.WithDbAsync(async _ =>
        {
            await using var s = host.Services.CreateAsyncScope();
            return await s.ServiceProvider.GetRequiredService<LibraryDb>().Changes.MaxAsync(x => (long?)x.Id) ?? 0;
        });
        var bigPath = Path.Combine(dir, $"library-index-{scale}x");
        var (bigArticles, bigTitles) = await BuildScaledAsync(host, bigPath, scale, mark);
        await host.DisposeAsync();
        client.Dispose();
        articles.Clear();
        titles.Clear();
        GC.Collect();

        // A second host on the same database whose index is the scaled one (the follower finds it current and keeps it).
        await using var big = postgres ? new BenchHost("postgres", name) : new BenchHost("sqlite", name);
        big.Settings["Library:IndexDirectory"] = bigPath;
        watch.Restart();
        var bigIndex = await big.Services.GetRequiredService<IndexFollower>().Ready;
        Console.WriteLine($"second host on the {scale}× index ready in {watch.Elapsed.TotalSeconds:F1} s: {bigIndex.DocumentCount:N0} documents, {bigIndex.SizeBytes / 1048576.0:F1} MB");
        var bigClient = await big.ApiClientAsync("bench-library-reader", "staff", "370400");
        var bigRecall = await RecallAsync($"{scale}× Fazhi (API)", bigClient, bigIndex, bigArticles, bigTitles);
        Console.WriteLine();
        Console.WriteLine($"-- {scale}× query latency, {rounds} rounds ({Load()})");
        await LatencyAsync([new ApiEngine(bigClient)], rounds);
        bigRecall.Print();
        return 0;
    }

    private static string Load() => File.Exists("/proc/loadavg") ? "load " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "";

    private static string FindCorpus()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Fazhi.slnx")))
            {
                var corpus = Path.GetFullPath(Path.Combine(d.FullName, "..", "shared", "corpus", "laws"));
                return System.IO.Directory.Exists(corpus) ? corpus : throw new DirectoryNotFoundException(corpus + " (set FAZHI_BENCH_CORPUS)");
            }
        }
        throw new DirectoryNotFoundException("repository root not found (set FAZHI_BENCH_CORPUS)");
    }

    /// <summary>The files ImportFolderAsync takes, in its order (relative paths).</summary>
    private static IEnumerable<string> CorpusFiles(string corpus) => System.IO.Directory.EnumerateFiles(corpus, "*.*", SearchOption.AllDirectories)
        .Where(f => f.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        .Where(f => Path.GetFileName(f) is not ("_index.md" or "SOURCE.md" or "README.md" or "法律法规模版.md"))
        .Order(StringComparer.Ordinal)
        .Select(f => Path.GetRelativePath(corpus, f));

    private static async Task DropPostgresAsync(string connection)
    {
        var csb = new NpgsqlConnectionStringBuilder(connection);
        var db = csb.Database!;
        csb.Database = "postgres";
        await using var conn = new NpgsqlConnection(csb.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{db}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task DatabaseSizeAsync(BenchHost host, bool postgres, string dir)
    {
        if (postgres)
        {
            var size = await host.WithDbAsync(async db =>
            {
                var conn = db.Database.GetDbConnection();
                await conn.OpenAsync();
                await using var cmd = conn.CreateCommand();
                cmd.CommandText = "SELECT pg_database_size(current_database())";
                return (long)(await cmd.ExecuteScalarAsync())!;
            });
            Console.WriteLine($"database size: {size / 1048576.0:F1} MB (pg_database_size, every module)");
        }
        else
        {
            var size = System.IO.Directory.EnumerateFiles(dir, "fazhi.db*").Sum(f => new FileInfo(f).Length);
            Console.WriteLine($"database size: {size / 1048576.0:F1} MB (fazhi.db with its WAL, every module)");
        }
    }

    private static async Task<(List<Item> Articles, List<Item> Titles)> ItemsAsync(BenchHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LibraryDb>();
        var articles = await db.Provisions.AsNoTracking()
            .Where(p => p.Kind == ProvisionKind.Article || p.Kind == ProvisionKind.Paragraph)
            .Select(p => new Item(p.Id, p.Text)).ToListAsync();
        var titles = await (from v in db.Versions.AsNoTracking() join w in db.Works.AsNoTracking() on v.WorkId equals w.Id select new Item(v.Id, w.Title)).ToListAsync();
        return (articles, titles);
    }

    // ---- recall -------------------------------------------------------------------------------------------------

    private sealed record QueryRecall(string Class, string Q, int Expected, int Found, int Missed, int Extra, string Note);

    private sealed class RecallReport(string engine)
    {
        public List<QueryRecall> Rows { get; } = [];

        public void Print()
        {
            Console.WriteLine();
            Console.WriteLine($"recall of {engine} against a substring scan (all versions):");
            foreach (var r in Rows)
            {
                Console.WriteLine($"  {r.Class,-10} {r.Q,-24} substring {r.Expected,8:N0}  found {r.Found,8:N0}  missed {r.Missed,8:N0}  extra {r.Extra,6:N0}  recall {Ratio(r.Expected - r.Missed, r.Expected),7:P1}  precision {Ratio(r.Found - r.Extra, r.Found),7:P1} {r.Note}");
            }
            var full = Rows.Count(r => r.Missed == 0);
            var expected = Rows.Sum(r => (long)r.Expected);
            var missed = Rows.Sum(r => (long)r.Missed);
            Console.WriteLine($"  => {engine}: {full} of {Rows.Count} queries at 100 % recall; overall recall {Ratio(expected - missed, expected):P2} ({missed:N0} of {expected:N0} matching articles missed); " +
                              $"mean per-query recall {Rows.Average(r => Ratio(r.Expected - r.Missed, r.Expected)):P1}; overall precision {Ratio(Rows.Sum(r => (long)r.Found - r.Extra), Rows.Sum(r => (long)r.Found)):P2}");
        }

        private static double Ratio(long a, long b) => b == 0 ? 1 : (double)a / b;
    }

    /// <summary>The query's terms: positives and exclusions, as the product's parser reads them.</summary>
    private static (List<string> Pos, List<string> Neg) Split(string q)
    {
        var terms = SearchQueryParser.Terms(q);
        return (terms.Where(t => !t.Exclude).Select(t => t.Text).ToList(), terms.Where(t => t.Exclude).Select(t => t.Text).ToList());
    }

    /// <summary>The substring scan: indexes of the items containing every positive term and no excluded one.</summary>
    private static HashSet<int> Scan(List<Item> items, string q)
    {
        var (pos, neg) = Split(q);
        var set = new HashSet<int>();
        var lockObj = new object();
        Parallel.For(0, items.Count, () => new List<int>(), (i, _, local) =>
        {
            var t = items[i].Text;
            if (pos.All(p => t.Contains(p, StringComparison.Ordinal)) && !neg.Any(n => t.Contains(n, StringComparison.Ordinal)))
            {
                local.Add(i);
            }
            return local;
        }, local =>
        {
            lock (lockObj)
            {
                set.UnionWith(local);
            }
        });
        return set;
    }

    private static QueryRecall Compare(string cls, string q, HashSet<int> expected, HashSet<int> found, string note = "")
    {
        var missed = expected.Count(e => !found.Contains(e));
        var extra = found.Count(f => !expected.Contains(f));
        return new QueryRecall(cls, q, expected.Count, found.Count, missed, extra, note);
    }

    /// <summary>
    /// The product's recall: the full set of matching documents from its index (the query the service builds for the
    /// terms, without the page limit), checked against the API's total over all statuses, and both against the scan.
    /// </summary>
    private static async Task<RecallReport> RecallAsync(string engine, HttpClient client, LibraryIndex index, List<Item> articles, List<Item> titles)
    {
        var watch = Stopwatch.StartNew();
        var report = new RecallReport(engine);
        var articleAt = new Dictionary<string, int>(articles.Count);
        for (var i = 0; i < articles.Count; i++)
        {
            articleAt[articles[i].Id.ToString("N")] = i;
        }
        var titleAt = new Dictionary<string, int>(titles.Count);
        for (var i = 0; i < titles.Count; i++)
        {
            titleAt[titles[i].Id.ToString("N")] = i;
        }
        foreach (var (cls, q) in Queries)
        {
            var title = cls == TitleClass;
            var expected = Scan(title ? titles : articles, q);
            var (pos, neg) = Split(q);
            var field = title ? IndexFields.Title : IndexFields.Text;
            var query = new BooleanQuery { { new TermQuery(new Term(IndexFields.Type, title ? IndexFields.WorkType : IndexFields.ArticleType)), Occur.MUST } };
            foreach (var p in pos)
            {
                query.Add(LibrarySearch.Phrase(field, p), Occur.MUST);
            }
            foreach (var n in neg)
            {
                query.Add(LibrarySearch.Phrase(field, n), Occur.MUST_NOT);
            }
            var keyField = title ? IndexFields.Version : IndexFields.Provision;
            var at = title ? titleAt : articleAt;
            var found = index.Search(s => Collect(s, query, ctx =>
            {
                var terms = FieldCache.DEFAULT.GetTerms(ctx.AtomicReader, keyField, false);
                var scratch = new BytesRef();
                return doc =>
                {
                    terms.Get(doc, scratch);
                    return at.TryGetValue(scratch.Utf8ToString(), out var i) ? i : -1;
                };
            }));
            var unknown = found.Remove(-1) ? " (documents not in the database!)" : "";
            var json = JsonDocument.Parse(await client.GetStringAsync($"/api/library/search?q={Uri.EscapeDataString(q)}&pageSize=1&{AllStatuses}{(title ? "&titles=true" : "")}")).RootElement;
            var total = json.GetProperty("total").GetInt32();
            var note = unknown + (total == found.Count ? "" : $" API total {total} != index set {found.Count}!");
            report.Rows.Add(Compare(cls, q, expected, found, note));
        }
        Console.WriteLine($"recall of {engine} computed in {watch.Elapsed.TotalSeconds:F1} s");
        return report;
    }

    private static HashSet<int> Collect(IndexSearcher searcher, Query query, Func<AtomicReaderContext, Func<int, int>> keyOf)
    {
        var collector = new KeyCollector(keyOf);
        searcher.Search(query, collector);
        return collector.Keys;
    }

    private sealed class KeyCollector(Func<AtomicReaderContext, Func<int, int>> keyOf) : ICollector
    {
        private Func<int, int> _key = _ => -1;

        public HashSet<int> Keys { get; } = [];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context) => _key = keyOf(context);

        public void Collect(int doc) => Keys.Add(_key(doc));
    }

    // ---- latency ------------------------------------------------------------------------------------------------

    private abstract class Engine
    {
        public abstract string Name { get; }

        public RecallReport? RecallReport { get; protected set; }

        /// <summary>One search as a user's page would run it: the first 20 hits with their text, and the total.</summary>
        public abstract Task RunAsync(string cls, string q);

        public virtual void Recall(List<Item> articles, List<Item> titles)
        {
        }
    }

    private sealed class ApiEngine(HttpClient client) : Engine
    {
        public override string Name => "Fazhi API (Lucene bigram + SmartCn)";

        public override async Task RunAsync(string cls, string q)
        {
            using var response = await client.GetAsync($"/api/library/search?q={Uri.EscapeDataString(q)}&pageSize=20{(cls == TitleClass ? "&titles=true" : "")}");
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{q}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            await response.Content.CopyToAsync(Stream.Null);
        }
    }

    private static async Task LatencyAsync(Engine[] engines, int rounds)
    {
        // Warm-up: every query once per engine, unmeasured.
        foreach (var (cls, q) in Queries)
        {
            foreach (var e in engines)
            {
                await e.RunAsync(cls, q);
            }
        }
        var samples = engines.ToDictionary(e => e, _ => Queries.ToDictionary(x => x, _ => new List<double>()));
        var loads = new List<string>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var x in Queries)
            {
                // Rotate which engine goes first so load from other work hits each equally.
                for (var k = 0; k < engines.Length; k++)
                {
                    var e = engines[(round + k + Array.IndexOf(Queries, x)) % engines.Length];
                    var t = Stopwatch.GetTimestamp();
                    await e.RunAsync(x.Class, x.Q);
                    samples[e][x].Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                }
            }
            loads.Add(Load());
        }
        Console.WriteLine($"load after each round: {string.Join(" | ", loads)}");
        Console.WriteLine($"{"engine",-38} {"class",-11} {"n",5} {"p50 ms",8} {"p95 ms",8} {"max ms",8}");
        foreach (var e in engines)
        {
            foreach (var cls in Classes.Append("all"))
            {
                var all = samples[e].Where(kv => cls == "all" || kv.Key.Class == cls).SelectMany(kv => kv.Value).Order().ToArray();
                Console.WriteLine($"{e.Name,-38} {cls,-11} {all.Length,5} {Pct(all, 0.50),8:F2} {Pct(all, 0.95),8:F2} {all[^1],8:F2}");
            }
        }
        Console.WriteLine("slowest queries (median over rounds):");
        foreach (var e in engines)
        {
            var slow = samples[e].Select(kv => (kv.Key.Q, Median: Pct(kv.Value.Order().ToArray(), 0.5))).OrderByDescending(x => x.Median).Take(6);
            Console.WriteLine($"  {e.Name}: {string.Join(", ", slow.Select(s => $"{s.Q} {s.Median:F1}"))}");
        }
    }

    private static double Pct(double[] sorted, double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, Math.Max(0, (int)Math.Ceiling(q * sorted.Length) - 1))];

    // ---- Lucene with SmartCn only -----------------------------------------------------------------------------------

    /// <summary>What a plain Lucene setup for Chinese does: one field analysed by SmartCn, each term a phrase of its words.</summary>
    private sealed class SmartCnEngine : Engine, IDisposable
    {
        private static readonly LuceneVersion V = LuceneVersion.LUCENE_48;
        private readonly Analyzer _analyzer = new SmartChineseAnalyzer(V);
        private readonly LuceneDirectory _dir;
        private readonly DirectoryReader _reader;
        private readonly IndexSearcher _searcher;

        private SmartCnEngine(LuceneDirectory dir)
        {
            _dir = dir;
            _reader = DirectoryReader.Open(dir);
            _searcher = new IndexSearcher(_reader) { Similarity = new Lucene.Net.Search.Similarities.BM25Similarity() };
        }

        public override string Name => "Lucene SmartCn only";

        public static SmartCnEngine Build(string path, List<Item> articles, List<Item> titles)
        {
            var watch = Stopwatch.StartNew();
            var dir = FSDirectory.Open(path);
            using (var writer = new IndexWriter(dir, new IndexWriterConfig(V, new SmartChineseAnalyzer(V)) { OpenMode = OpenMode.CREATE, RAMBufferSizeMB = 64, Similarity = new Lucene.Net.Search.Similarities.BM25Similarity() }))
            {
                void Add(string type, int key, string text) => writer.AddDocument(new Document
                {
                    new StringField("type", type, Field.Store.NO),
                    new NumericDocValuesField("k", key),
                    new StoredField("k", key),
                    new TextField("text", text, Field.Store.YES),
                });
                for (var i = 0; i < articles.Count; i++)
                {
                    Add("a", i, articles[i].Text);
                }
                for (var i = 0; i < titles.Count; i++)
                {
                    Add("w", i, titles[i].Text);
                }
                writer.Commit();
            }
            var size = System.IO.Directory.EnumerateFiles(path).Sum(f => new FileInfo(f).Length);
            Console.WriteLine($"Lucene SmartCn-only index: {articles.Count + titles.Count:N0} documents in {watch.Elapsed.TotalSeconds:F1} s, {size / 1048576.0:F1} MB ({Load()})");
            return new SmartCnEngine(dir);
        }

        private Query Build(string cls, string q)
        {
            var (pos, neg) = Split(q);
            var query = new BooleanQuery { { new TermQuery(new Term("type", cls == TitleClass ? "w" : "a")), Occur.MUST } };
            var any = false;
            foreach (var (t, occur) in pos.Select(p => (p, Occur.MUST)).Concat(neg.Select(n => (n, Occur.MUST_NOT))))
            {
                var phrase = new PhraseQuery();
                var n = 0;
                using (var ts = _analyzer.GetTokenStream("text", new StringReader(t)))
                {
                    var term = ts.AddAttribute<ICharTermAttribute>();
                    var inc = ts.AddAttribute<IPositionIncrementAttribute>();
                    ts.Reset();
                    var position = -1;
                    while (ts.IncrementToken())
                    {
                        position += inc.PositionIncrement;
                        phrase.Add(new Term("text", term.ToString()), position);
                        n++;
                    }
                    ts.End();
                }
                if (n > 0)
                {
                    query.Add(phrase, occur);
                    any |= occur == Occur.MUST;
                }
            }
            // A term SmartCn drops entirely (a stop word) leaves nothing to look for: no hits, as such a setup gives.
            return any ? query : new BooleanQuery { { new TermQuery(new Term("type", "none")), Occur.MUST } };
        }

        public override Task RunAsync(string cls, string q)
        {
            var top = _searcher.Search(Build(cls, q), 20);
            foreach (var sd in top.ScoreDocs)
            {
                _ = _searcher.Doc(sd.Doc).Get("text");
            }
            return Task.CompletedTask;
        }

        public override void Recall(List<Item> articles, List<Item> titles)
        {
            var report = new RecallReport(Name);
            foreach (var (cls, q) in Queries)
            {
                var expected = Scan(cls == TitleClass ? titles : articles, q);
                var found = Collect(_searcher, Build(cls, q), ctx =>
                {
                    var k = ctx.AtomicReader.GetNumericDocValues("k");
                    return doc => (int)k.Get(doc);
                });
                report.Rows.Add(Compare(cls, q, expected, found));
            }
            RecallReport = report;
        }

        public void Dispose()
        {
            _reader.Dispose();
            _dir.Dispose();
            _analyzer.Dispose();
        }
    }

    // ---- SQLite FTS5 trigram ----------------------------------------------------------------------------------------

    /// <summary>A separate SQLite file with FTS5 trigram tables over the same articles and titles; MATCH as a user would write it.</summary>
    private sealed class Fts5Engine : Engine, IDisposable
    {
        private readonly SqliteConnection _conn;

        private Fts5Engine(SqliteConnection conn)
        {
            _conn = conn;
            Like = new LikeEngine(conn);
        }

        public override string Name => "SQLite FTS5 trigram, MATCH";

        /// <summary>The same table queried with LIKE '%term%' (which FTS5 trigram also accelerates for 3+ characters).</summary>
        public LikeEngine Like { get; }

        public static async Task<Fts5Engine> BuildAsync(string path, List<Item> articles, List<Item> titles)
        {
            var watch = Stopwatch.StartNew();
            var conn = new SqliteConnection($"Data Source={path};Pooling=false");
            await conn.OpenAsync();
            await Exec(conn, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
            await Exec(conn, "CREATE VIRTUAL TABLE art USING fts5(text, tokenize='trigram'); CREATE VIRTUAL TABLE tit USING fts5(text, tokenize='trigram');");
            foreach (var (table, items) in new[] { ("art", articles), ("tit", titles) })
            {
                foreach (var chunk in items.Select((x, i) => (x, i)).Chunk(10_000))
                {
                    await using var tx = conn.BeginTransaction();
                    await using var cmd = conn.CreateCommand();
                    cmd.Transaction = tx;
                    cmd.CommandText = $"INSERT INTO {table}(rowid, text) VALUES ($id, $t)";
                    var id = cmd.Parameters.Add("$id", SqliteType.Integer);
                    var text = cmd.Parameters.Add("$t", SqliteType.Text);
                    foreach (var (x, i) in chunk)
                    {
                        id.Value = i + 1;
                        text.Value = x.Text;
                        await cmd.ExecuteNonQueryAsync();
                    }
                    await tx.CommitAsync();
                }
            }
            await Exec(conn, "INSERT INTO art(art) VALUES('optimize'); INSERT INTO tit(tit) VALUES('optimize'); PRAGMA wal_checkpoint(TRUNCATE);");
            var size = new FileInfo(path).Length;
            await using var v = conn.CreateCommand();
            v.CommandText = "SELECT sqlite_version()";
            Console.WriteLine($"SQLite {await v.ExecuteScalarAsync()} FTS5 trigram: {articles.Count + titles.Count:N0} rows in {watch.Elapsed.TotalSeconds:F1} s, {size / 1048576.0:F1} MB with the text ({Load()})");
            return new Fts5Engine(conn);
        }

        private static async Task Exec(SqliteConnection conn, string sql)
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = sql;
            await cmd.ExecuteNonQueryAsync();
        }

        private static string Match(string q)
        {
            var (pos, neg) = Split(q);
            var sb = new StringBuilder(string.Join(" AND ", pos.Select(p => "\"" + p.Replace("\"", "\"\"") + "\"")));
            foreach (var n in neg)
            {
                sb.Append(" NOT \"").Append(n.Replace("\"", "\"\"")).Append('"');
            }
            return sb.ToString();
        }

        public override async Task RunAsync(string cls, string q)
        {
            var table = cls == TitleClass ? "tit" : "art";
            await using var count = _conn.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM {table} WHERE {table} MATCH $q";
            count.Parameters.AddWithValue("$q", Match(q));
            await count.ExecuteScalarAsync();
            await using var page = _conn.CreateCommand();
            page.CommandText = $"SELECT rowid, text FROM {table} WHERE {table} MATCH $q ORDER BY rank LIMIT 20";
            page.Parameters.AddWithValue("$q", Match(q));
            await using var r = await page.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                _ = r.GetString(1);
            }
        }

        public override void Recall(List<Item> articles, List<Item> titles)
        {
            var report = new RecallReport(Name);
            foreach (var (cls, q) in Queries)
            {
                var table = cls == TitleClass ? "tit" : "art";
                var expected = Scan(cls == TitleClass ? titles : articles, q);
                using var cmd = _conn.CreateCommand();
                cmd.CommandText = $"SELECT rowid FROM {table} WHERE {table} MATCH $q";
                cmd.Parameters.AddWithValue("$q", Match(q));
                var found = new HashSet<int>();
                using (var r = cmd.ExecuteReader())
                {
                    while (r.Read())
                    {
                        found.Add((int)r.GetInt64(0) - 1);
                    }
                }
                report.Rows.Add(Compare(cls, q, expected, found));
            }
            RecallReport = report;
        }

        public void Dispose() => _conn.Dispose();

        public sealed class LikeEngine(SqliteConnection conn) : Engine
        {
            public override string Name => "SQLite FTS5 trigram, LIKE";

            private static (string Where, List<string> Args) Where(string q)
            {
                var (pos, neg) = Split(q);
                var parts = pos.Select((_, i) => $"text LIKE $p{i}").Concat(neg.Select((_, i) => $"text NOT LIKE $n{i}"));
                return (string.Join(" AND ", parts), [.. pos, .. neg]);
            }

            private SqliteCommand Command(string cls, string q, string select)
            {
                var table = cls == TitleClass ? "tit" : "art";
                var (pos, neg) = Split(q);
                var (where, _) = Where(q);
                var cmd = conn.CreateCommand();
                cmd.CommandText = $"SELECT {select} FROM {table} WHERE {where}";
                for (var i = 0; i < pos.Count; i++)
                {
                    cmd.Parameters.AddWithValue($"$p{i}", "%" + pos[i] + "%");
                }
                for (var i = 0; i < neg.Count; i++)
                {
                    cmd.Parameters.AddWithValue($"$n{i}", "%" + neg[i] + "%");
                }
                return cmd;
            }

            public override async Task RunAsync(string cls, string q)
            {
                await using (var count = Command(cls, q, "count(*)"))
                {
                    await count.ExecuteScalarAsync();
                }
                await using var page = Command(cls, q, "rowid, text");
                page.CommandText += " LIMIT 20";
                await using var r = await page.ExecuteReaderAsync();
                while (await r.ReadAsync())
                {
                    _ = r.GetString(1);
                }
            }

            public override void Recall(List<Item> articles, List<Item> titles)
            {
                var report = new RecallReport(Name);
                foreach (var (cls, q) in Queries)
                {
                    var expected = Scan(cls == TitleClass ? titles : articles, q);
                    using var cmd = Command(cls, q, "rowid");
                    var found = new HashSet<int>();
                    using (var r = cmd.ExecuteReader())
                    {
                        while (r.Read())
                        {
                            found.Add((int)r.GetInt64(0) - 1);
                        }
                    }
                    report.Rows.Add(Compare(cls, q, expected, found));
                }
                RecallReport = report;
            }
        }
    }

    // ---- scale × the corpus -------------------------------------------------------------------------------------

    private static readonly string[] Places = ["鲁南", "沂蒙", "运河", "泰山", "黄河", "微山湖", "抱犊崮", "台儿庄", "滕州", "峄城", "薛城", "山亭", "市中", "孟子", "墨子"];
    private static readonly char[] SentenceEnds = ['。', '；', '！', '？'];

    /// <summary>
    /// Builds an index of the corpus plus (scale - 1) copies through <see cref="LibraryIndex"/>: each copy a new work
    /// with a renamed title, whose articles' sentences are shuffled across the articles of the same version (so every
    /// copy's articles differ from the original's), with the database's change mark so a host takes it as current.
    /// Returns the texts of every indexed article and title, for the substring scan.
    /// </summary>
    private static async Task<(List<Item> Articles, List<Item> Titles)> BuildScaledAsync(BenchHost host, string path, int scale, long mark)
    {
        var watch = Stopwatch.StartNew();
        var articles = new List<Item>();
        var titles = new List<Item>();
        long snapshotTicks = 0;
        long indexTicks = 0;
        using var index = new LibraryIndex(path, NullLogger<LibraryIndex>.Instance);
        index.DeleteAll();
        List<Guid> ids;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            ids = await scope.ServiceProvider.GetRequiredService<LibraryDb>().Works.AsNoTracking().OrderBy(w => w.Id).Select(w => w.Id).ToListAsync();
        }
        foreach (var chunk in ids.Chunk(50))
        {
            List<WorkSnapshot> originals;
            var t0 = Stopwatch.GetTimestamp();
            await using (var scope = host.Services.CreateAsyncScope())
            {
                originals = await IndexFollower.SnapshotsAsync(scope.ServiceProvider.GetRequiredService<LibraryDb>(), chunk, CancellationToken.None);
            }
            snapshotTicks += Stopwatch.GetTimestamp() - t0;
            foreach (var original in originals)
            {
                for (var copy = 0; copy < scale; copy++)
                {
                    var s = copy == 0 ? original : Vary(original, copy);
                    var t1 = Stopwatch.GetTimestamp();
                    index.Replace(s.Work.Id, s);
                    indexTicks += Stopwatch.GetTimestamp() - t1;
                    foreach (var v in s.Versions)
                    {
                        titles.Add(new Item(v.Id, s.Work.Title));
                    }
                    foreach (var p in s.Provisions.Where(p => p.Kind is ProvisionKind.Article or ProvisionKind.Paragraph))
                    {
                        articles.Add(new Item(p.Id, p.Text));
                    }
                }
            }
        }
        await using (var scope = host.Services.CreateAsyncScope())
        {
            // Stamped with the database it was built from, so the host serves it instead of rebuilding it (ADR 0023).
            index.Origin = await IndexFollower.OriginAsync(scope.ServiceProvider.GetRequiredService<LibraryDb>(), CancellationToken.None);
        }
        var t2 = Stopwatch.GetTimestamp();
        index.Commit(mark);
        var commit = Stopwatch.GetElapsedTime(t2);
        Console.WriteLine($"{scale}× index: {ids.Count * scale:N0} works, {articles.Count:N0} articles ({articles.Sum(a => (long)a.Text.Length) / 1e6:F0} M characters), {index.DocumentCount:N0} documents " +
                          $"in {watch.Elapsed.TotalSeconds:F0} s (snapshots read {Stopwatch.GetElapsedTime(0, snapshotTicks).TotalSeconds:F0} s, indexing {Stopwatch.GetElapsedTime(0, indexTicks).TotalSeconds:F0} s, " +
                          $"commit {commit.TotalSeconds:F0} s); {index.SizeBytes / 1048576.0:F0} MB ({Load()})");
        return (articles, titles);
    }

    private static WorkSnapshot Vary(WorkSnapshot s, int copy)
    {
        var rng = new Random(HashCode.Combine(s.Work.Id, copy) & 0x7fffffff);
        var place = Places[(copy - 1 + rng.Next(Places.Length)) % Places.Length];
        var title = $"{place}{s.Work.Title}（汇编{copy}）";
        var work = new LawWork
        {
            Title = title,
            Key = WorkKey.Of(title),
            Level = s.Work.Level,
            IssuingBody = s.Work.IssuingBody,
            Region = s.Work.Region,
            Category = s.Work.Category,
            IsPublic = s.Work.IsPublic,
            End = s.Work.End,
            EndedOn = s.Work.EndedOn,
        };
        var versions = new List<LawVersion>();
        var provisions = new List<Provision>();
        foreach (var v in s.Versions)
        {
            var nv = new LawVersion
            {
                WorkId = work.Id,
                Number = v.Number,
                VersionDate = v.VersionDate,
                PromulgatedOn = v.PromulgatedOn,
                EffectiveOn = v.EffectiveOn,
                DocumentNumber = v.DocumentNumber,
            };
            versions.Add(nv);
            var own = s.Provisions.Where(p => p.VersionId == v.Id).OrderBy(p => p.Ordinal).ToList();
            // The version's sentences, shuffled, dealt back to its articles in their sentence counts.
            var split = own.Select(p => p.Kind is ProvisionKind.Article or ProvisionKind.Paragraph ? Sentences(p.Text) : []).ToList();
            var pool = split.SelectMany(x => x).ToArray();
            rng.Shuffle(pool);
            var next = 0;
            for (var i = 0; i < own.Count; i++)
            {
                var p = own[i];
                var text = p.Kind is ProvisionKind.Article or ProvisionKind.Paragraph && split[i].Count > 0
                    ? string.Concat(pool.AsSpan(next, split[i].Count).ToArray())
                    : p.Text;
                if (p.Kind is ProvisionKind.Article or ProvisionKind.Paragraph)
                {
                    next += split[i].Count;
                }
                provisions.Add(new Provision
                {
                    VersionId = nv.Id,
                    WorkId = work.Id,
                    Ordinal = p.Ordinal,
                    Kind = p.Kind,
                    Label = p.Label,
                    Heading = p.Heading,
                    Number = p.Number,
                    SubNumber = p.SubNumber,
                    Anchor = p.Anchor,
                    Path = p.Path,
                    Text = text,
                });
            }
        }
        return new WorkSnapshot(work, versions, provisions);
    }

    private static List<string> Sentences(string text)
    {
        var list = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (Array.IndexOf(SentenceEnds, text[i]) >= 0 || text[i] == '\n')
            {
                list.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }
        if (start < text.Length)
        {
            list.Add(text[start..]);
        }
        return list;
    }
}
