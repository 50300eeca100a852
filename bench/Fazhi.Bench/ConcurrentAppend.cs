using System.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Bench;

/// <summary>
/// Audited writes per second with 1 writer and with N concurrent writers, plus the same for unaudited writes,
/// on SQLite or PostgreSQL: shows what serialising the chain head costs under contention.
/// </summary>
internal static class ConcurrentAppend
{
    public static async Task<int> RunAsync(string[] args)
    {
        var provider = args.Length > 0 ? args[0] : "sqlite";
        var connection = provider == "postgres"
            ? (args.Length > 1 ? args[1] : throw new ArgumentException("postgres needs a connection string"))
            : $"Data Source={Path.Combine(Path.GetTempPath(), $"fazhi-conc-{Guid.NewGuid():N}.db")}";
        var writers = args.Length > 2 ? int.Parse(args[2]) : 8;
        var perWriter = args.Length > 3 ? int.Parse(args[3]) : 250;
        var options = await BenchDb.CreateAsync(provider, connection);
        Console.WriteLine($"engine={provider} writers={writers} writes/writer={perWriter} cores={Environment.ProcessorCount}");
        foreach (var audited in new[] { false, true })
        {
            foreach (var n in new[] { 1, writers })
            {
                var total = n * perWriter;
                var sw = Stopwatch.StartNew();
                await Task.WhenAll(Enumerable.Range(0, n).Select(_ => Task.Run(async () =>
                {
                    for (var i = 0; i < perWriter; i++)
                    {
                        await using var db = new BenchDb(options);
                        db.Add(audited
                            ? new AuditedRecord { Title = "并发写入", Body = "x", Amount = i, At = DateTimeOffset.UtcNow }
                            : new PlainRecord { Title = "并发写入", Body = "x", Amount = i, At = DateTimeOffset.UtcNow });
                        await db.SaveChangesAsync();
                    }
                })));
                sw.Stop();
                Console.WriteLine($"{(audited ? "audited" : "plain  ")} writers={n,2}: {total / sw.Elapsed.TotalSeconds,8:F0} writes/s  ({sw.Elapsed.TotalMilliseconds / total:F3} ms/write)");
            }
        }
        await using (var db = new BenchDb(options))
        {
            var count = await db.Set<Fazhi.Platform.Features.Audit.AuditEntry>().CountAsync();
            var max = await db.Set<Fazhi.Platform.Features.Audit.AuditEntry>().MaxAsync(e => e.Sequence);
            Console.WriteLine($"audit entries={count} max sequence={max} gap-free={count == max}");
        }
        return 0;
    }
}
