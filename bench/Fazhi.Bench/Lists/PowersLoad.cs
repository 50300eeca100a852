using System.Diagnostics;
using System.Globalization;
using Fazhi.Bench.Hosting;
using Fazhi.Lists.Certificates;
using Fazhi.Lists.Data;
using Fazhi.Lists.Powers;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Bench.Lists;

/// <summary>
/// The power and responsibility list at a province's scale (issue 19: public search at 100,000 items &lt; 50 ms p95; the
/// legal-change flag over 100,000 items after an amendment under 10 s), against the real host:
/// <code>dotnet run -c Release --project bench/Fazhi.Bench -- lists-powers [sqlite NAME | postgres CONNECTION] [items=100000] [checks=3] [requests=300]</code>
/// Imports the library's demo laws (行政复议法 in its 2017 and 2023 versions: the amendment), publishes one version of
/// generated items effective 2022-06-01 citing articles of five laws (one in five cites 行政复议法, amended since), then
/// measures the public list API and page, and the legal-change check from no flags (as right after the amendment was
/// imported) and again with the flags in place (the nightly run with nothing new).
/// </summary>
internal static class PowersLoad
{
    private static readonly (string Title, int Articles)[] Works =
        [("行政处罚法", 86), ("行政许可法", 83), ("行政强制法", 71), ("行政复议法", 43), ("枣庄市城市绿化条例", 40)];

    private static readonly string[] Subjects =
        ["城市绿化", "建筑施工", "食品经营", "道路运输", "危险化学品", "生态环境", "文化市场", "旅游经营", "医疗机构", "药品零售", "特种设备", "农药经营", "水资源", "林木采伐", "燃气经营",
            "户外广告", "渣土运输", "民办学校", "养老机构", "劳动用工", "安全生产", "消防安全", "计量器具", "价格行为", "粮食收购"];

    private static readonly (PowerKind Kind, string Verb)[] Kinds =
    [
        (PowerKind.License, "许可"), (PowerKind.Penalty, "违法行为的处罚"), (PowerKind.Coercion, "查封扣押"), (PowerKind.Levy, "相关费用征收"), (PowerKind.Benefit, "补助发放"),
        (PowerKind.Inspection, "监督检查"), (PowerKind.Confirmation, "资格确认"), (PowerKind.Reward, "先进表彰"), (PowerKind.Adjudication, "权属争议裁决"), (PowerKind.Other, "备案"),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var target = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100_000;
        var checkRuns = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3;
        var n = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 300;
        if (args.Length > 0 && args[0] == "postgres")
        {
            await BenchHost.EnsurePostgresDatabaseAsync(args[1]);
        }
        await using var host = BenchHost.FromArgs(args);
        host.Settings["Jobs:Run"] = "false";
        var anon = host.CreateClient();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetServices<IDemoSeed>().Single(s => s.GetType().Name == "LibraryDemoSeed").SeedAsync(CancellationToken.None);
            var db = scope.ServiceProvider.GetRequiredService<ListsDb>();
            var have = await db.PowerItems.CountAsync();
            if (have < target)
            {
                var units = (await scope.ServiceProvider.GetRequiredService<IOrgDirectory>().ActiveUnitsAsync(CancellationToken.None))
                    .Where(u => u.Level is >= Fazhi.Platform.Features.OrgUnits.OrgLevel.City and <= Fazhi.Platform.Features.OrgUnits.OrgLevel.Town).ToList();
                if (!await db.PowerVersions.AnyAsync(v => v.Number == 1))
                {
                    db.PowerVersions.Add(new PowerListVersion { Number = 1, Status = CertVersionStatus.Published, EffectiveOn = new DateOnly(2022, 6, 1), Note = "bench", PublishedBy = "bench" });
                    await db.SaveChangesAsync();
                }
                var sw = Stopwatch.StartNew();
                for (var i = have; i < target; i += 2000)
                {
                    for (var j = i; j < Math.Min(target, i + 2000); j++)
                    {
                        var unit = units[j % units.Count];
                        var (kind, verb) = Kinds[j % Kinds.Length];
                        var subject = Subjects[(j / Kinds.Length) % Subjects.Length];
                        var matter = (j / Kinds.Length) % 4000;
                        db.PowerItems.Add(new PowerItemRevision
                        {
                            ItemCode = $"PB-{j:0000000}", FromVersion = 1, MatterCode = $"M{matter:00000}-{(int)kind}", Name = $"对{subject}{verb}（{matter % 97}）", Kind = kind,
                            Level = PowerService.LevelOf(unit), UnitId = unit.Id, UnitName = unit.Name, SubItems = "", LegalBasis = Basis(j),
                            Responsibilities = "1.受理责任 2.审查责任 3.决定责任 4.送达责任 5.事后监管责任", Accountability = "因不履行或不正确履行行政职责，有下列情形的，行政机关及其工作人员应当承担相应责任",
                            Status = PowerItemStatus.InForce,
                        });
                    }
                    await db.SaveChangesAsync();
                    db.ChangeTracker.Clear();
                }
                Console.WriteLine($"wrote {target - have:N0} items in {sw.Elapsed.TotalSeconds:F1} s");
            }
            var distinct = await db.PowerItems.Select(r => r.LegalBasis).Distinct().CountAsync();
            Console.WriteLine($"engine={host.Provider} items={await db.PowerItems.CountAsync():N0} distinct bases={distinct:N0} cores={Environment.ProcessorCount}");
        }

        // Same-run baseline: the keyword as a LIKE scan of the version's rows in SQL (the list's search before ADR 0044), in process.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ListsDb>();
            var request = PowerService.Shape.Check(new ListQuery { Q = "城市绿化", PageSize = 20 });
            var baseline = Math.Max(10, n / 10);
            var before = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            await Measure.RunAsync("baseline: SQL LIKE scan q=城市绿化 (in process)", baseline, 1, async _ =>
                await PowerService.Shape.PageAsync(db.PowerItems.AsNoTracking().Where(r => r.FromVersion <= 1 && (r.ToVersion == null || r.ToVersion > 1) && r.Status == PowerItemStatus.InForce),
                    request, CancellationToken.None), warmup: 2);
            Console.WriteLine($"{"",-45}process CPU {(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds / (baseline + 2),7:F2} ms per request");
        }

        string[] keywords = ["城市绿化", "危险化学品", "监督检查", "薛城区", "PB-0043210", "对", "不存在的事项"];
        foreach (var k in keywords)
        {
            var q = Uri.EscapeDataString(k);
            await ListsMeasure.HttpAsync($"api q={k}", n, 1, _ => anon.GetAsync($"/api/lists/powers?q={q}&pageSize=20"));
        }
        await ListsMeasure.HttpAsync("api no keyword, page 2000", n, 1, _ => anon.GetAsync("/api/lists/powers?page=2000&pageSize=20"));
        await ListsMeasure.HttpAsync("api level=Town q=城市绿化", n, 1, _ => anon.GetAsync("/api/lists/powers?level=Town&q=" + Uri.EscapeDataString("城市绿化")));
        await ListsMeasure.HttpAsync("page q=城市绿化", n, 1, _ => anon.GetAsync("/public/powers?q=" + Uri.EscapeDataString("城市绿化")));
        await ListsMeasure.HttpAsync("api q=城市绿化, 4 clients", 2 * n, 4, _ => anon.GetAsync("/api/lists/powers?q=" + Uri.EscapeDataString("城市绿化")));

        var owner = await host.ApiClientAsync("bench-lists-owner", "lists-owner", "370400");
        for (var run = 0; run < checkRuns; run++)
        {
            await using (var scope = host.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<ListsDb>().PowerFlags.ExecuteDeleteAsync();
            }
            await Check(owner, "legal-change check from no flags (after the amendment)");
            await Check(owner, "legal-change check, flags in place (nothing new)");
        }
        return 0;
    }

    private static async Task Check(HttpClient owner, string what)
    {
        var sw = Stopwatch.StartNew();
        using var response = await owner.PostAsync("/api/lists/powers/legal-check", null);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode} {body}");
        }
        Console.WriteLine($"{what,-56} {sw.Elapsed.TotalSeconds,6:F2} s  {body}");
    }

    /// <summary>One or two citations, as lists cite: 《行政许可法》第三十八条 or 《行政处罚法》第十八条、《枣庄市城市绿化条例》第四十一条.</summary>
    private static string Basis(int j)
    {
        var (w1, n1) = Works[j % Works.Length];
        var first = $"《{w1}》第{Chinese(1 + (j / 7) % n1)}条";
        if (j % 3 != 0)
        {
            return first;
        }
        var (w2, n2) = Works[(j / 5 + 1) % Works.Length];
        return $"{first}、《{w2}》第{Chinese(1 + (j / 11) % n2)}条";
    }

    private static string Chinese(int n)
    {
        const string digits = "零一二三四五六七八九";
        return n switch
        {
            < 10 => digits[n].ToString(),
            < 20 => "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString()),
            < 100 => digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString()),
            _ => digits[n / 100] + "百" + (n % 100 == 0 ? "" : (n % 100 < 10 ? "零" : "") + Chinese(n % 100).TrimStart()),
        };
    }
}
