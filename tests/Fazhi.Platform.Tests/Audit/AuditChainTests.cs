using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Audit;
using Fazhi.Platform.Features.OrgUnits;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Tests.Audit;

/// <summary>
/// Tamper detection and concurrency of the audit chain. Tests that damage the chain repair it before they end:
/// the host (and its chain) is shared by every test of the collection, which run one at a time.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class AuditChainTests(FazhiFactory factory)
{
    [Fact]
    public async Task Editing_a_row_in_the_database_is_reported_at_its_sequence_and_the_cli_exits_3()
    {
        var sequences = await CreateAuditedChangesAsync(3);
        var target = sequences[1];
        var original = await factory.InScopeAsync(sp => sp.GetRequiredService<PlatformDb>().Set<AuditEntry>()
            .Where(e => e.Sequence == target).Select(e => e.Changes).SingleAsync());
        try
        {
            await ExecAsync("UPDATE platform_audit_entries SET \"Changes\" = {0} WHERE \"Sequence\" = {1}", "{\"Name\":[null,\"改过的\"]}", target);

            var result = await VerifyAsync();
            Assert.False(result.Intact);
            Assert.Equal(target, result.BrokenSequence);
            Assert.Equal(AuditBreak.HashMismatch, result.Reason);
            Assert.Contains($"第 {target} 条", result.Message);
            Assert.Equal(AuditVerifyVerb.BrokenExitCode, await RunVerbAsync());
        }
        finally
        {
            await ExecAsync("UPDATE platform_audit_entries SET \"Changes\" = {0} WHERE \"Sequence\" = {1}", original, target);
        }
        Assert.True((await VerifyAsync()).Intact);
        Assert.Equal(0, await RunVerbAsync());
    }

    [Fact]
    public async Task Deleting_a_row_is_reported_as_a_gap()
    {
        var sequences = await CreateAuditedChangesAsync(3);
        var target = sequences[1];
        var saved = await factory.InScopeAsync(sp => sp.GetRequiredService<PlatformDb>().Set<AuditEntry>().AsNoTracking().SingleAsync(e => e.Sequence == target));
        await ExecAsync("DELETE FROM platform_audit_entries WHERE \"Sequence\" = {0}", target);
        try
        {
            var result = await VerifyAsync();
            Assert.Equal(target, result.BrokenSequence);
            Assert.Equal(AuditBreak.Gap, result.Reason);
        }
        finally
        {
            await factory.InScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<PlatformDb>();
                db.Set<AuditEntry>().Add(saved);
                await db.SaveChangesAsync();
            });
        }
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Eight_concurrent_writers_leave_a_gap_free_intact_chain()
    {
        var ids = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                await using var scope = factory.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PlatformDb>();
                ids.Add((await AddOrgUnitAsync(db, $"w{w}-{i}")).ToString());
            }
        })));

        var result = await VerifyAsync();
        Assert.True(result.Intact, result.Message);
        var idList = ids.ToList();
        var sequences = await factory.InScopeAsync(sp => sp.GetRequiredService<PlatformDb>().Set<AuditEntry>()
            .Where(e => e.EntityType == nameof(OrgUnit) && e.Action == "create" && idList.Contains(e.EntityId!))
            .Select(e => e.Sequence).ToListAsync());
        Assert.Equal(160, sequences.Count);
        Assert.Equal(160, sequences.Distinct().Count());
    }

    [Fact]
    public async Task Audit_admin_lists_and_verifies_system_admin_gets_403()
    {
        var sequences = await CreateAuditedChangesAsync(1);
        var auditor = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.AuditAdmin));
        var sysadmin = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.SystemAdmin));

        var page = await auditor.GetFromJsonAsync<JsonElement>("/api/platform/audit?entityType=OrgUnit&action=create&pageSize=5");
        Assert.Equal(sequences[0], page.GetProperty("items")[0].GetProperty("sequence").GetInt64());
        var from = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O"));
        var to = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"));
        var recent = await auditor.GetFromJsonAsync<JsonElement>($"/api/platform/audit?from={from}&to={to}&entityType=OrgUnit&pageSize=5");
        Assert.Equal(sequences[0], recent.GetProperty("items")[0].GetProperty("sequence").GetInt64());
        var future = await auditor.GetFromJsonAsync<JsonElement>($"/api/platform/audit?from={to}");
        Assert.Equal(0, future.GetProperty("total").GetInt32());
        var one = await auditor.GetFromJsonAsync<JsonElement>($"/api/platform/audit/{sequences[0]}");
        Assert.Equal("OrgUnit", one.GetProperty("entityType").GetString());

        var verify = await auditor.PostAsync("/api/platform/audit/verify", null);
        verify.EnsureSuccessStatusCode();
        Assert.True((await verify.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("intact").GetBoolean());

        var csv = await auditor.GetAsync($"/api/platform/audit/export?entityType=OrgUnit");
        csv.EnsureSuccessStatusCode();
        Assert.StartsWith("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("序号,时间", await csv.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await sysadmin.GetAsync("/api/platform/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sysadmin.PostAsync("/api/platform/audit/verify", null)).StatusCode);
    }

    [Fact]
    public async Task Purging_entries_younger_than_six_months_is_refused_with_the_law_cited()
    {
        var auditor = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.AuditAdmin));
        var before = await factory.InScopeAsync(sp => sp.GetRequiredService<PlatformDb>().Set<AuditEntry>().CountAsync());

        var response = await auditor.PostAsJsonAsync("/api/platform/audit/purge", new { before = DateTimeOffset.UtcNow.AddDays(-179) });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("网络安全法", body);
        Assert.Contains("六个月", body);
        var after = await factory.InScopeAsync(sp => sp.GetRequiredService<PlatformDb>().Set<AuditEntry>().CountAsync());
        Assert.True(after >= before);
    }

    [Fact]
    public async Task Purge_older_than_retention_keeps_the_chain_verifiable_from_a_checkpoint()
    {
        await CreateAuditedChangesAsync(3);
        var (head, oldest) = await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDb>();
            return (await db.Set<AuditEntry>().MaxAsync(e => e.Sequence), await db.Set<AuditEntry>().MinAsync(e => e.Sequence));
        });
        // Nothing in a fresh test database is older than 180 days: the purge finds nothing to remove and says so.
        var result = await factory.InScopeAsync(sp => sp.GetRequiredService<AuditTrail>().PurgeAsync(DateTimeOffset.UtcNow.AddDays(-200), default));
        Assert.False(result.Done);
        Assert.Contains("没有可清理的记录", result.Message);
        Assert.True((await VerifyAsync()).Intact);
        Assert.True(head > oldest);
    }

    [Fact]
    public async Task A_save_of_more_entries_than_one_insert_holds_is_chained_without_gaps()
    {
        // 150 audited rows in one save: the appender writes them in several multi-row INSERTs (64 rows each).
        var codes = new List<string>();
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDb>();
            var city = await db.Set<OrgUnit>().AsNoTracking().SingleAsync(o => o.Code == "370400");
            for (var i = 0; i < 150; i++)
            {
                var code = $"T-AUD-{Guid.NewGuid().ToString("N")[..10]}-b{i}";
                codes.Add(code);
                db.Set<OrgUnit>().Add(new OrgUnit
                {
                    Code = code, Name = "审计批量测试单位（测试数据）", Path = city.Path + code + "/", ParentId = city.Id,
                    Level = OrgLevel.Town, Kind = OrgKind.Other, IsActive = false, SortOrder = 9999,
                });
            }
            await db.SaveChangesAsync();
        });
        var entries = await factory.InScopeAsync(sp => sp.GetRequiredService<PlatformDb>().Set<AuditEntry>().AsNoTracking()
            .Where(e => e.EntityType == nameof(OrgUnit) && e.Changes.Contains("审计批量测试单位")).OrderBy(e => e.Sequence).ToListAsync());
        var ours = entries.Where(e => codes.Any(c => e.Changes.Contains(c))).ToList();
        Assert.Equal(150, ours.Count);
        Assert.Equal(Enumerable.Range(0, 150).Select(i => ours[0].Sequence + i), ours.Select(e => e.Sequence));
        Assert.All(ours.Skip(1).Zip(ours), pair => Assert.Equal(pair.Second.Hash, pair.First.PreviousHash));
        Assert.True((await VerifyAsync()).Intact);
    }

    private async Task<List<long>> CreateAuditedChangesAsync(int count)
    {
        var ids = new List<string>();
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDb>();
            for (var i = 0; i < count; i++)
            {
                ids.Add((await AddOrgUnitAsync(db, $"t{i}")).ToString());
            }
        });
        return await factory.InScopeAsync(sp => sp.GetRequiredService<PlatformDb>().Set<AuditEntry>()
            .Where(e => e.EntityType == nameof(OrgUnit) && ids.Contains(e.EntityId!))
            .OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync());
    }

    /// <summary>An inactive test unit under the city: a normal audited entity change.</summary>
    private static async Task<Guid> AddOrgUnitAsync(PlatformDb db, string suffix)
    {
        var city = await db.Set<OrgUnit>().AsNoTracking().SingleAsync(o => o.Code == "370400");
        var code = $"T-AUD-{Guid.NewGuid().ToString("N")[..10]}-{suffix}";
        var unit = new OrgUnit
        {
            Code = code,
            Name = "审计测试单位（测试数据）",
            Path = city.Path + code + "/",
            ParentId = city.Id,
            Level = OrgLevel.Town,
            Kind = OrgKind.Other,
            IsActive = false,
            SortOrder = 9999,
        };
        db.Set<OrgUnit>().Add(unit);
        await db.SaveChangesAsync();
        return unit.Id;
    }

    private Task ExecAsync(string sql, params object[] args) =>
        factory.InScopeAsync(sp => sp.GetRequiredService<PlatformDb>().Database.ExecuteSqlRawAsync(sql, args));

    private Task<AuditVerifyResult> VerifyAsync() =>
        factory.InScopeAsync(sp => sp.GetRequiredService<AuditVerifier>().VerifyAsync());

    private Task<int> RunVerbAsync() => factory.InScopeAsync(sp =>
        sp.GetServices<ICliVerb>().OfType<AuditVerifyVerb>().Single().RunAsync(sp, [], CancellationToken.None));
}
