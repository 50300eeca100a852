using System.Globalization;
using Fazhi.Bench.Hosting;
using Fazhi.Lists.Certificates;
using Fazhi.Lists.Data;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Bench.Lists;

/// <summary>
/// The public certification-item list at a province's scale (issue 19: search at 10,000 items &lt; 50 ms p95), against the
/// real host:
/// <code>dotnet run -c Release --project bench/Fazhi.Bench -- lists [sqlite NAME | postgres CONNECTION] [items=10000] [requests=300]</code>
/// Publishes one version of generated items once (through the module's context, in batches), then measures the public
/// list API and page with keywords a citizen types, and the list on an earlier date.
/// </summary>
internal static class ListsLoad
{
    private static readonly string[] Names = ["居住证明", "无犯罪记录证明", "亲属关系证明", "经济困难状况证明", "健康证明", "学历证明", "未就业证明", "收入证明", "婚姻状况证明", "场地使用证明"];

    private static readonly string[] Matters = ["法律援助申请", "户口迁移", "临时救助申请", "教师资格认定", "个体工商户登记", "失业保险金申领", "公租房申请", "食品经营许可", "养犬登记", "律师执业许可"];

    public static async Task<int> RunAsync(string[] args)
    {
        var target = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10_000;
        var n = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 300;
        if (args.Length > 0 && args[0] == "postgres")
        {
            await BenchHost.EnsurePostgresDatabaseAsync(args[1]);
        }
        await using var host = BenchHost.FromArgs(args);
        var anon = host.CreateClient();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ListsDb>();
            var have = await db.CertItems.CountAsync();
            if (have < target)
            {
                var units = (await scope.ServiceProvider.GetRequiredService<IOrgDirectory>().ActiveUnitsAsync(CancellationToken.None)).ToList();
                var version = await db.CertVersions.FirstOrDefaultAsync(v => v.Number == 1);
                if (version is null)
                {
                    db.CertVersions.Add(new CertListVersion { Number = 1, Status = CertVersionStatus.Published, EffectiveOn = new DateOnly(2025, 1, 1), Note = "bench", PublishedBy = "bench" });
                    await db.SaveChangesAsync();
                }
                for (var i = have; i < target; i += 1000)
                {
                    for (var j = i; j < Math.Min(target, i + 1000); j++)
                    {
                        var unit = units[j % units.Count];
                        db.CertItems.Add(new CertItemRevision
                        {
                            ItemCode = $"B-{j:000000}", FromVersion = 1, Name = $"{Names[j % Names.Length]}（{j % 97}）", Matter = Matters[(j / 7) % Matters.Length],
                            RequestingUnitId = unit.Id, RequestingUnitName = unit.Name, IssuingUnit = "村（居）民委员会", LegalBasis = "《法律援助法》第四十一条", NotifyCommit = j % 2 == 0,
                            CommitmentText = "承诺属实", VerificationMethod = "事后核查", FalseCommitmentConsequence = "撤销并记入信用记录", ServiceGuide = "窗口一次性告知", Status = CertItemStatus.InForce,
                        });
                    }
                    await db.SaveChangesAsync();
                    db.ChangeTracker.Clear();
                }
            }
            Console.WriteLine($"engine={host.Provider} items={await db.CertItems.CountAsync():N0} cores={Environment.ProcessorCount}");
        }
        // Same-run baseline: the keyword as a LIKE scan of the version's rows in SQL (the list's search before ADR 0044), in process.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ListsDb>();
            var request = CertService.Shape.Check(new ListQuery { Q = "居住证明", PageSize = 20 });
            var baseline = Math.Max(10, n / 10);
            var before = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            await Measure.RunAsync("baseline: SQL LIKE scan q=居住证明 (in process)", baseline, 1, async _ =>
                await CertService.Shape.PageAsync(db.CertItems.AsNoTracking().Where(r => r.FromVersion <= 1 && (r.ToVersion == null || r.ToVersion > 1) && r.Status == CertItemStatus.InForce),
                    request, CancellationToken.None), warmup: 2);
            Console.WriteLine($"{"",-45}process CPU {(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds / (baseline + 2),7:F2} ms per request");
        }
        string[] keywords = ["居住证明", "经济困难", "临时救助", "薛城区", "B-004321", "证明", "不存在的证明"];
        foreach (var k in keywords)
        {
            var q = Uri.EscapeDataString(k);
            await ListsMeasure.HttpAsync($"api q={k}", n, 1, _ => anon.GetAsync($"/api/lists/certificates?q={q}&pageSize=20"));
        }
        await ListsMeasure.HttpAsync("api no keyword, page 200", n, 1, _ => anon.GetAsync("/api/lists/certificates?page=200&pageSize=20"));
        await ListsMeasure.HttpAsync("api on 2025-06-01 q=证明", n, 1, _ => anon.GetAsync("/api/lists/certificates?on=2025-06-01&q=%E8%AF%81%E6%98%8E"));
        await ListsMeasure.HttpAsync("page q=居住证明", n, 1, _ => anon.GetAsync("/public/certificates?q=" + Uri.EscapeDataString("居住证明")));
        await ListsMeasure.HttpAsync("api q=居住证明, 4 clients", 2 * n, 4, _ => anon.GetAsync("/api/lists/certificates?q=" + Uri.EscapeDataString("居住证明")));
        return 0;
    }
}
