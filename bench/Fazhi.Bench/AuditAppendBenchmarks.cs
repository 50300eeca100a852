using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Bench;

/// <summary>
/// The cost the audit chain adds to one business write: the same insert with and without an audit entry
/// (SM3 link hash, chain head read, entry insert, all in the write's transaction). Target: under 10 %.
/// </summary>
[MemoryDiagnoser]
public class AuditAppendBenchmarks
{
    private DbContextOptions<BenchDb> _options = null!;
    private string _file = "";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _file = Path.Combine(Path.GetTempPath(), $"fazhi-bench-{Guid.NewGuid():N}.db");
        _options = await BenchDb.CreateAsync("sqlite", $"Data Source={_file}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(f);
        }
    }

    [Benchmark(Baseline = true, Description = "insert, no audit")]
    public async Task InsertPlainAsync()
    {
        await using var db = new BenchDb(_options);
        db.Add(new PlainRecord { Title = "枣庄市市中区人民调解委员会", Body = Body, Amount = 3000m, At = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
    }

    /// <summary>The same unaudited insert inside an explicit transaction: separates the transaction's cost from the chain's.</summary>
    [Benchmark(Description = "insert in a transaction, no audit")]
    public async Task InsertPlainInTransactionAsync()
    {
        await using var db = new BenchDb(_options);
        await using var tx = await db.Database.BeginTransactionAsync();
        db.Add(new PlainRecord { Title = "枣庄市市中区人民调解委员会", Body = Body, Amount = 3000m, At = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        await tx.CommitAsync();
    }

    [Benchmark(Description = "insert + audit chain")]
    public async Task InsertAuditedAsync()
    {
        await using var db = new BenchDb(_options);
        db.Add(new AuditedRecord { Title = "枣庄市市中区人民调解委员会", Body = Body, Amount = 3000m, At = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
    }

    private const string Body = "申请人与被申请人因房屋租赁合同发生纠纷，申请调解，请求被申请人支付拖欠租金三千元。";
}
