using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Audit;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Bench;

/// <summary>
/// Chain verification rate: <see cref="AuditVerifier"/> over a real platform database holding 500,000 linked entries
/// shaped like business changes. Target: over 500,000 entries/s. The database is built once and kept in the temp folder.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class AuditVerifyBenchmarks
{
    public const int Entries = 500_000;
    private DbContextOptions<SqlitePlatformDb> _options = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), $"fazhi-bench-verify-{Entries}.db");
        _options = new DbContextOptionsBuilder<SqlitePlatformDb>()
            .UseSqlite($"Data Source={file}", s => s.MigrationsHistoryTable("__migrations_platform"))
            .AddInterceptors(SqlitePragmas.Instance).Options;
        await using var db = new SqlitePlatformDb(_options, SystemCurrentUser.Instance);
        await db.Database.MigrateAsync();
        if (await db.Set<AuditEntry>().CountAsync() >= Entries)
        {
            return;
        }
        await db.Set<AuditEntry>().ExecuteDeleteAsync();
        await BuildChainAsync(db);
    }

    private static async Task BuildChainAsync(PlatformDb db)
    {
        var prev = AuditHasher.Genesis;
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1767225600000);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var start = 1; start <= Entries; start += 10_000)
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            for (long seq = start; seq < start + 10_000 && seq <= Entries; seq++)
            {
                var e = new AuditEntry
                {
                    Sequence = seq,
                    At = at.AddMilliseconds(seq * 37),
                    ActorId = Guid.CreateVersion7(),
                    ActorName = "demo-shizhong",
                    OrgUnitId = Guid.CreateVersion7(),
                    Action = "update",
                    EntityType = "DisputeCase",
                    EntityId = Guid.CreateVersion7().ToString(),
                    Changes = "{\"Status\":[\"Accepted\",\"Mediating\"],\"AssigneeName\":[\"张三\",\"李四\"],\"Version\":[3,4]}",
                    ClientIp = "10.12.3.4",
                    PreviousHash = prev,
                };
                e.Hash = AuditHasher.Compute(e);
                prev = e.Hash;
                db.Add(e);
            }
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            db.ChangeTracker.Clear();
        }
    }

    [Benchmark(OperationsPerInvoke = Entries, Description = "verify, per entry")]
    public async Task<long> VerifyAsync()
    {
        await using var db = new SqlitePlatformDb(_options, SystemCurrentUser.Instance);
        var result = await new AuditVerifier(db).VerifyAsync();
        if (!result.Intact || result.Checked != Entries)
        {
            throw new InvalidOperationException(result.Message);
        }
        return result.Checked;
    }
}
