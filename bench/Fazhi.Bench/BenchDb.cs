using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Audit;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Bench;

/// <summary>A record whose writes are audited (the normal case).</summary>
public sealed class AuditedRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public decimal Amount { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>The same shape, not audited: the baseline a write costs without the chain.</summary>
[NotAudited]
public sealed class PlainRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public decimal Amount { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>A benchmark-only context: the real FazhiDbContext base (scope, versions, audit chain) over two tables.</summary>
public sealed class BenchDb(DbContextOptions<BenchDb> options) : FazhiDbContext(options, SystemCurrentUser.Instance)
{
    protected override bool OwnsAuditTable => true;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditedRecord>().ToTable("bench_audited");
        modelBuilder.Entity<PlainRecord>().ToTable("bench_plain");
        base.OnModelCreating(modelBuilder);
    }

    public static DbContextOptions<BenchDb> Options(string provider, string connectionString)
    {
        var b = new DbContextOptionsBuilder<BenchDb>();
        return (provider == "postgres" ? b.UseNpgsql(connectionString) : b.UseSqlite(connectionString).AddInterceptors(SqlitePragmas.Instance)).Options;
    }

    public static async Task<DbContextOptions<BenchDb>> CreateAsync(string provider, string connectionString)
    {
        var options = Options(provider, connectionString);
        await using var db = new BenchDb(options);
        await db.Database.EnsureDeletedAsync();
        await db.Database.EnsureCreatedAsync();
        return options;
    }

    public static AuditEntry? Head(BenchDb db) => db.Set<AuditEntry>().OrderByDescending(e => e.Sequence).FirstOrDefault();
}
