using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Audit;
using Fazhi.Platform.Features.OrgUnits;
using Fazhi.Platform.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Tests.Audit;

/// <summary>A purge that really removes entries, on a host and database of its own (the shared chain stays whole).</summary>
public sealed class AuditPurgeTests(FazhiFactory factory) : IClassFixture<FazhiFactory>
{
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public async Task Purging_old_entries_leaves_a_checkpoint_from_which_the_chain_still_verifies()
    {
        await AddUnitsAsync(3);
        // Seven months later, everything written so far is past the six-month retention.
        var later = DateTimeOffset.UtcNow.AddDays(210);
        var (result, remaining, checkpoint) = await factory.InScopeAsync(async sp =>
        {
            var trail = ActivatorUtilities.CreateInstance<AuditTrail>(sp, new FixedTime(later));
            var r = await trail.PurgeAsync(later.AddDays(-181), default);
            var db = sp.GetRequiredService<PlatformDb>();
            return (r, await db.Set<AuditEntry>().OrderBy(e => e.Sequence).ToListAsync(), await db.Set<AuditCheckpoint>().SingleAsync());
        });

        Assert.True(result.Done, result.Message);
        Assert.Equal(checkpoint.Sequence, result.ThroughSequence);
        Assert.Equal(checkpoint.Sequence + 1, remaining[0].Sequence);
        Assert.Equal(checkpoint.Hash, remaining[0].PreviousHash);
        Assert.Equal("audit.purged", remaining[^1].Action);
        Assert.Equal(2, remaining.Count);

        var verified = await VerifyAsync();
        Assert.True(verified.Intact, verified.Message);
        Assert.Equal(checkpoint.Sequence, verified.StartedAfter);

        await AddUnitsAsync(2);
        Assert.True((await VerifyAsync()).Intact);

        // The kept head is still protected.
        await factory.InScopeAsync(sp => sp.GetRequiredService<PlatformDb>().Database.ExecuteSqlRawAsync(
            "UPDATE platform_audit_entries SET \"ActorName\" = 'mallory' WHERE \"Sequence\" = {0}", remaining[0].Sequence));
        var broken = await VerifyAsync();
        Assert.Equal(remaining[0].Sequence, broken.BrokenSequence);
    }

    private Task<AuditVerifyResult> VerifyAsync() => factory.InScopeAsync(sp => sp.GetRequiredService<AuditVerifier>().VerifyAsync());

    private Task AddUnitsAsync(int count) => factory.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<PlatformDb>();
        var city = await db.Set<OrgUnit>().AsNoTracking().SingleAsync(o => o.Code == "370400");
        for (var i = 0; i < count; i++)
        {
            var code = $"T-PRG-{Guid.NewGuid().ToString("N")[..10]}";
            db.Set<OrgUnit>().Add(new OrgUnit
            {
                Code = code, Name = "清理测试单位（测试数据）", Path = city.Path + code + "/", ParentId = city.Id,
                Level = OrgLevel.Town, Kind = OrgKind.Other, IsActive = false,
            });
            await db.SaveChangesAsync();
        }
    });
}
