using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fazhi.Bench.Hosting;
using Fazhi.Library.Data;
using Fazhi.Library.Import;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Rulemaking.Data;
using Fazhi.Rulemaking.Normative;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Bench.Rulemaking;

/// <summary>
/// The legality pre-check at corpus scale (issue 16): <c>Fazhi.Bench.dll rulemaking [NAME=rulemaking] [rounds=20] [documents=300]</c>.
/// SQLite in /tmp/fazhi-bench/NAME; the whole corpus (../shared/corpus/laws or FAZHI_BENCH_CORPUS) is imported with the
/// product's importer when the database holds no law yet (a copy of the library bench's fazhi.db may be put there first to
/// skip the import). Adds NAME's city normative documents in force (<c>documents</c> × 20 articles) for the repetition check,
/// builds a 50-article draft citing real corpus works (resolving, wrong article numbers, title-only) with trigger clauses,
/// and times <c>POST /api/rulemaking/legality-precheck</c> over HTTP against a plain substring scan of the same corpus in
/// the same run, alternating.
/// </summary>
internal static class RulemakingLoad
{
    private static readonly string[] Words = ["罚款", "许可", "审批", "查封", "扣押", "收取", "缴纳", "保证金", "不得申请", "取消", "资格", "限定", "指定", "证明"];

    public static async Task<int> RunAsync(string[] args)
    {
        var name = args.Length > 0 ? args[0] : "rulemaking";
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        var documents = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 300;
        var corpus = Environment.GetEnvironmentVariable("FAZHI_BENCH_CORPUS") is { Length: > 0 } c ? c : FindCorpus();
        Console.WriteLine($"rulemaking bench: sqlite {name} rounds={rounds} documents={documents} cores={Environment.ProcessorCount} {Load()}");
        var host = new BenchHost("sqlite", name);
        host.Settings["Library:IndexDirectory"] = Path.Combine(Path.GetTempPath(), "fazhi-bench", name, "library-index");
        var watch = Stopwatch.StartNew();
        _ = host.Services;
        Console.WriteLine($"host started (migrations) in {watch.Elapsed.TotalSeconds:F1} s");

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LibraryDb>();
            if (!await db.Works.AnyAsync())
            {
                watch.Restart();
                var importer = scope.ServiceProvider.GetRequiredService<LibraryImporter>();
                var files = Directory.EnumerateFiles(corpus, "*.md", SearchOption.AllDirectories)
                    .Where(f => Path.GetFileName(f) is not ("_index.md" or "SOURCE.md" or "README.md" or "法律法规模版.md")).Order(StringComparer.Ordinal).ToList();
                foreach (var f in files)
                {
                    try
                    {
                        await importer.ImportMarkdownAsync(Path.GetRelativePath(corpus, f), await File.ReadAllBytesAsync(f), new ImportOptions(), CancellationToken.None);
                    }
                    catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or OverflowException)
                    {
                        // counted as not imported, as the library bench does
                    }
                    db.ChangeTracker.Clear();
                }
                Console.WriteLine($"imported {files.Count} files in {watch.Elapsed.TotalSeconds:F0} s");
            }
        }

        // The corpus as the baseline sees it, and works to cite.
        watch.Restart();
        List<(Guid WorkId, string Text)> provisions;
        Dictionary<Guid, string> titles;
        List<(string Title, int Max)> citable;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LibraryDb>();
            titles = await db.Works.AsNoTracking().ToDictionaryAsync(w => w.Id, w => w.Title);
            provisions = (await db.Provisions.AsNoTracking().Where(p => p.Number > 0).Select(p => new { p.WorkId, p.Text }).ToListAsync()).Select(p => (p.WorkId, p.Text)).ToList();
            var maxima = provisions.GroupBy(p => p.WorkId).Select(g => (g.Key, Count: g.Count())).Where(x => x.Count >= 20).ToList();
            var random = new Random(16);
            citable = maxima.OrderBy(_ => random.Next()).Take(40).Select(x => (titles[x.Key], Math.Min(x.Count, 60) / 2)).ToList();
        }
        Console.WriteLine($"corpus: {titles.Count} works, {provisions.Count} article rows (all versions) loaded in {watch.Elapsed.TotalSeconds:F1} s");

        // The city's normative documents in force.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RulemakingDb>();
            var today = scope.ServiceProvider.GetRequiredService<IDeadlineService>().Today;
            var have = await db.Drafts.CountAsync(d => d.Title.StartsWith("基准文件"));
            var unit = (await scope.ServiceProvider.GetRequiredService<Fazhi.Platform.Kit.IOrgDirectory>().FindByCodeAsync("370403", CancellationToken.None))!.Id;
            for (var i = have; i < documents; i++)
            {
                var text = string.Join('\n', Enumerable.Range(1, 20).Select(n =>
                    $"{ChineseNumber.ArticleLabel(n, 0)} 第{i}号文件的第{n}项管理措施：有关部门应当按照职责分工，加强对{Subject(i * 20 + n)}的日常监督管理，建立工作台账并定期通报情况。"));
                db.Drafts.Add(new NormativeDraft
                {
                    OrgUnitId = unit, DraftingUnitName = "薛城区", Title = $"基准文件{i:0000}", IssuingAuthority = "枣庄市薛城区人民政府", Text = text, Status = DraftStatus.Published,
                    EffectiveOn = today.AddYears(-1), ValidityYears = 5, ExpiresOn = today.AddYears(4), PublishedOn = today.AddYears(-1), RegistrationNo = $"BENCH-{i:0000}",
                    SubmittedOn = today.AddYears(-1), ReviewDueOn = today.AddYears(-1),
                });
            }
            await db.SaveChangesAsync();
        }

        var draft = Draft(citable);
        var client = await host.ApiClientAsync("bench-office", "rulemaking-office", "370400");
        var effective = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(30);
        async Task<(double Ms, int Findings)> PrecheckAsync()
        {
            var t = Stopwatch.StartNew();
            var response = await client.PostAsJsonAsync("/api/rulemaking/legality-precheck", new { kind = "normative-document", text = draft, effectiveOn = effective });
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            return (t.Elapsed.TotalMilliseconds, body.GetProperty("findings").GetArrayLength());
        }
        (double Ms, int Hits) Baseline()
        {
            // The plain way: every article of the draft against every article of the corpus by substring, for each
            // cited title and each trigger word.
            var t = Stopwatch.StartNew();
            var hits = 0;
            foreach (var article in draft.Split('\n'))
            {
                var cited = Regex.Matches(article, "《([^》]+)》").Select(m => m.Groups[1].Value).ToList();
                var words = Words.Where(w => article.Contains(w, StringComparison.Ordinal)).ToList();
                foreach (var (workId, text) in provisions)
                {
                    foreach (var title in cited)
                    {
                        if (titles[workId].Contains(title, StringComparison.Ordinal))
                        {
                            hits++;
                        }
                    }
                    foreach (var w in words)
                    {
                        if (text.Contains(w, StringComparison.Ordinal))
                        {
                            hits++;
                        }
                    }
                }
            }
            return (t.Elapsed.TotalMilliseconds, hits);
        }

        await PrecheckAsync();
        await PrecheckAsync();
        Baseline();
        var pre = new List<double>();
        var scan = new List<double>();
        var findings = 0;
        for (var r = 0; r < rounds; r++)
        {
            var (ms, f) = await PrecheckAsync();
            pre.Add(ms);
            findings = f;
            scan.Add(Baseline().Ms);
        }
        Console.WriteLine($"draft: 50 articles, {draft.Length} characters, {findings} findings; in-force documents: {documents} × 20 articles ({Load()})");
        Console.WriteLine($"pre-check (HTTP): p50 {P(pre, 0.5):F0} ms, p95 {P(pre, 0.95):F0} ms, max {pre.Max():F0} ms");
        Console.WriteLine($"baseline substring scan: p50 {P(scan, 0.5):F0} ms, p95 {P(scan, 0.95):F0} ms, max {scan.Max():F0} ms");
        await host.DisposeAsync();
        return 0;
    }

    private static string Subject(int i) => new[] { "农贸市场", "共享单车", "物业服务", "建筑工地扬尘", "校外培训机构", "养老机构", "户外广告", "餐饮油烟", "停车场", "再生资源回收" }[i % 10];

    private static string Draft(List<(string Title, int Max)> works)
    {
        var lines = new List<string> { "枣庄市人民政府" };
        for (var n = 1; n <= 50; n++)
        {
            var (title, max) = works[n % works.Count];
            var (other, _) = works[(n * 7) % works.Count];
            lines.Add(ChineseNumber.ArticleLabel(n, 0) + " " + (n % 5) switch
            {
                0 => $"违反本办法规定的，依照《{title}》{ChineseNumber.ArticleLabel(Math.Max(1, max), 0)}的规定处理。",
                1 => $"对{Subject(n)}经营者未按规定整改的，由有关部门处以五千元罚款，并可以查封其经营场所。",
                2 => $"申请人应当按照《{title}》{ChineseNumber.ArticleLabel(max * 40 + 7, 0)}的规定缴纳审核费。",
                3 => $"有关部门应当按照职责分工，加强对{Subject(n)}的日常监督管理，建立工作台账并定期通报情况。",
                _ => $"根据《{title}》和《{other}》，从事{Subject(n)}经营的，须经区主管部门批准后方可营业。",
            });
        }
        lines.Add("第五十一条 本办法自2027年3月1日起施行，有效期五年。");
        return string.Join('\n', lines);
    }

    private static double P(List<double> values, double q)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
    }

    private static string Load() => File.Exists("/proc/loadavg") ? "load " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "";

    private static string FindCorpus()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Fazhi.slnx")))
            {
                return Path.GetFullPath(Path.Combine(d.FullName, "..", "shared", "corpus", "laws"));
            }
        }
        throw new DirectoryNotFoundException("set FAZHI_BENCH_CORPUS");
    }
}
