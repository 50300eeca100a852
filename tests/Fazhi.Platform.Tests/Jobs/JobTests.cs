using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Audit;
using Fazhi.Platform.Features.Jobs;
using Fazhi.Platform.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Fazhi.Platform.Tests.Jobs;

[Collection(HostCollection.Name)]
public sealed class JobTests(FazhiFactory factory)
{
    [Fact]
    public async Task Nightly_audit_verification_records_its_result_in_the_chain()
    {
        var (result, last) = await factory.InScopeAsync(async sp =>
        {
            var r = await sp.GetRequiredService<AuditChainVerifyJob>().RunAsync(CancellationToken.None);
            var e = await sp.GetRequiredService<PlatformDb>().Set<AuditEntry>().AsNoTracking().OrderByDescending(x => x.Sequence).FirstAsync();
            return (r, e);
        });

        Assert.True(result.Intact, result.Message);
        Assert.Equal("audit.verified", last.Action);
        Assert.Equal("system", last.ActorName);
        Assert.Contains("\"Intact\":true", last.Changes);
        Assert.Contains($"\"Checked\":{result.Checked}", last.Changes);
    }

    [Fact]
    public async Task The_scheduler_runs_and_carries_the_audit_job()
    {
        var scheduler = factory.Services.GetRequiredService<IScheduler>();
        var key = new JobKey(typeof(AuditChainVerifyJob).FullName!, "fazhi");

        Assert.True(await scheduler.Exists(key));
        var job = await scheduler.GetJobDetail(key);
        Assert.Contains("审计链", job!.Description);
    }

    [Fact]
    public async Task On_postgres_the_clustered_job_store_tables_exist()
    {
        if (!factory.OnPostgres)
        {
            // SQLite runs the in-memory store by design (ADR 0004); the Postgres run of this class checks the tables.
            var memory = await factory.Services.GetRequiredService<IScheduler>().GetMetadata();
            Assert.False(memory.JobStorePersistent);
            return;
        }
        var tables = await factory.InScopeAsync(sp => sp.GetRequiredService<PlatformDb>().Database
            .SqlQueryRaw<string>("SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_name LIKE 'platform_qrtz_%'")
            .ToListAsync());
        Assert.Contains("platform_qrtz_locks", tables);
        Assert.Contains("platform_qrtz_triggers", tables);
        Assert.Contains("platform_qrtz_scheduler_state", tables);
        var meta = await factory.Services.GetRequiredService<IScheduler>().GetMetadata();
        Assert.True(meta.JobStorePersistent);
        Assert.True(meta.JobStoreClustered);
    }
}
