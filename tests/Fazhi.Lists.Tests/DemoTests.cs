using System.Net;
using System.Net.Http.Json;
using Fazhi.Assessment.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Lists.Tests;

/// <summary>The <c>--demo</c> records: every list and state a newcomer signing in as demo-city or demo-xuecheng should meet.</summary>
public sealed class DemoTests(ListsDemoHost host) : IClassFixture<ListsDemoHost>
{
    [Fact]
    public async Task The_demo_accounts_find_lists_in_every_state()
    {
        await host.Factory.SeedDemoAsync();
        var city = await host.Factory.SignedInBrowserAsync(FazhiFactory.DemoUser("demo-city"));
        var xuecheng = await host.Factory.SignedInBrowserAsync(FazhiFactory.DemoUser("demo-xuecheng"));

        var draft = WebUtility.HtmlDecode(await city.GetStringAsync("/lists/certificates/draft"));
        Assert.Contains("养犬登记居住证明", draft);
        Assert.Contains("已驳回", draft);
        var versions = WebUtility.HtmlDecode(await city.GetStringAsync("/lists/certificates/versions?from=1&to=2"));
        Assert.Contains("ZZZM-005", versions);
        Assert.Contains("ZZZM-030", versions);
        Assert.Contains("经济困难状况证明", WebUtility.HtmlDecode(await host.Factory.CreateClient().GetStringAsync("/public/certificates")));

        // Xuecheng sees its own reports (one answered, one open) but not the police bureau's overdue one.
        var reports = WebUtility.HtmlDecode(await xuecheng.GetStringAsync("/lists/reports"));
        Assert.Contains("ZMJB-YS-001", reports);
        Assert.Contains("ZMJB-YS-003", reports);
        Assert.DoesNotContain("ZMJB-YS-002", reports);
        var all = WebUtility.HtmlDecode(await city.GetStringAsync("/lists/reports"));
        Assert.Contains("ZMJB-YS-002", all);
        Assert.Contains("已超期", all);

        var flagged = WebUtility.HtmlDecode(await city.GetStringAsync("/lists/powers?flagged=true"));
        Assert.Contains("行政复议决定履行监督", flagged);
        var parity = WebUtility.HtmlDecode(await xuecheng.GetStringAsync("/lists/powers/parity?q=ZZLH-XK-001"));
        Assert.Contains("薛城区", parity);
        Assert.Contains("市中政发〔2021〕12号", WebUtility.HtmlDecode(await xuecheng.GetStringAsync("/lists/powers/parity?q=ZZLH-CF-001")));
        Assert.Contains("补齐市县同权缺口", WebUtility.HtmlDecode(await xuecheng.GetStringAsync("/lists/powers/draft")));

        // Verification records (ADR 0039): the city sees the false commitments with their measures; the public power list shows the demo items.
        var verifications = WebUtility.HtmlDecode(await city.GetStringAsync("/lists/verifications?result=FalseCommitment"));
        Assert.Contains("撤销已作出的决定", verifications);
        Assert.Contains("91110000600037341L", verifications);
        Assert.Contains("verification-counts", WebUtility.HtmlDecode(await xuecheng.GetStringAsync("/lists/verifications")));
        Assert.Contains("行政复议决定履行监督", WebUtility.HtmlDecode(await host.Factory.CreateClient().GetStringAsync("/public/powers")));
        var links = WebUtility.HtmlDecode(await city.GetStringAsync("/lists/powers/enforcement"));
        Assert.Contains("ZZQZ-012", links);
        Assert.Contains("SL-370400-001", links);

        // Plans: Xuecheng's own plan is past its review date; the city sees the drill gaps (never drilled, drilled too long ago).
        var plans = WebUtility.HtmlDecode(await xuecheng.GetStringAsync("/lists/plans"));
        Assert.Contains("薛城区安全生产事故应急预案", plans);
        Assert.Contains("评估逾期", plans);
        Assert.DoesNotContain("枣庄市食品安全事故应急预案", plans);
        var gaps = WebUtility.HtmlDecode(await city.GetStringAsync("/lists/plans"));
        Assert.Contains("从未演练", gaps);
        Assert.Contains("枣庄市森林火灾应急预案", gaps);
        Assert.Contains("枣庄市突发事件总体应急预案", WebUtility.HtmlDecode(await host.Factory.CreateClient().GetStringAsync("/public/emergency-plans")));
    }

    [Fact]
    public async Task The_demo_appeals_are_in_every_state_and_the_demo_query_code_rates_the_replied_one()
    {
        await host.Factory.SeedDemoAsync();
        var city = await host.Factory.SignedInBrowserAsync(FazhiFactory.DemoUser("demo-city"));
        var xuecheng = await host.Factory.SignedInBrowserAsync(FazhiFactory.DemoUser("demo-xuecheng"));

        // Xuecheng handles six (every state); 市中区's closed one is not its own. The supervising office sees all seven.
        var own = WebUtility.HtmlDecode(await xuecheng.GetStringAsync("/lists/appeals"));
        foreach (var n in new[] { "QYSQ-YS-001", "QYSQ-YS-002", "QYSQ-YS-003", "QYSQ-YS-004", "QYSQ-YS-005", "QYSQ-YS-006" })
        {
            Assert.Contains(n, own);
        }
        Assert.DoesNotContain("QYSQ-YS-007", own);
        foreach (var state in new[] { "待确认分办", "办理中", "已答复待评价", "已办结", "重新办理", "已超期" })
        {
            Assert.Contains(state, own);
        }
        var all = WebUtility.HtmlDecode(await city.GetStringAsync("/lists/appeals?overdue=true"));
        Assert.Contains("QYSQ-YS-006", all);
        Assert.Contains("QYSQ-YS-007", WebUtility.HtmlDecode(await city.GetStringAsync("/lists/appeals")));
        Assert.Contains("按期办结率", WebUtility.HtmlDecode(await city.GetStringAsync("/lists/appeals/rates?from=2020-01-01")));
        Assert.Contains("第六十二条", WebUtility.HtmlDecode(await city.GetStringAsync("/lists/appeals/time-limits")));
        // The complaint extension (ADR 0054): QYSQ-YS-008 extended by the city, QYSQ-YS-009 waiting for demo-city's decision.
        var cityApi = await host.Factory.ApiClientAsync(FazhiFactory.DemoUser("demo-city"));
        async Task<string> DemoAppealIdAsync(string number) =>
            (await cityApi.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/lists/appeals?q=" + number)).GetProperty("items")[0].GetProperty("id").GetString()!;
        var extended = WebUtility.HtmlDecode(await xuecheng.GetStringAsync("/lists/appeals/" + await DemoAppealIdAsync("QYSQ-YS-008")));
        Assert.Contains("已批准延期", extended);
        Assert.Contains("原期限", extended);
        var waiting = WebUtility.HtmlDecode(await city.GetStringAsync("/lists/appeals/" + await DemoAppealIdAsync("QYSQ-YS-009")));
        Assert.Contains("延期待审批", waiting);
        Assert.Contains("id=\"dlg-extension-approve-open\"", waiting);
        Assert.Contains("id=\"dlg-extension-refuse-open\"", waiting);
        var track = await host.Factory.CreateClient().PostAsJsonAsync("/api/lists/public/appeals/track", new { number = "QYSQ-YS-003", queryCode = "QYSQ2026" });
        Assert.True((await track.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("canRate").GetBoolean());
    }

    [Fact]
    public async Task The_computed_indicators_count_the_demo_records_within_the_asked_scope()
    {
        await host.Factory.SeedDemoAsync();
        var city = await host.Factory.SubtreeIdsAsync("370400");
        var xuecheng = await host.Factory.SubtreeIdsAsync("370403");
        var cityId = await host.Factory.UnitIdAsync("370400");
        var today = await host.Factory.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<Fazhi.Platform.Features.Calendar.IDeadlineService>().Today));
        async Task<ComputedIndicatorValue> ComputeAsync(string key, IReadOnlyList<Guid> scope) => await host.Factory.InScopeAsync(sp =>
            sp.GetServices<IComputedIndicatorProvider>().Single(p => p.Key == key).ComputeAsync(new ComputedIndicatorQuery(today.AddDays(-60), today, cityId, scope), CancellationToken.None));

        // Reports: ZMJB-YS-002 overdue and unanswered, ZMJB-YS-003 answered in time; ZMJB-YS-001 is not yet due.
        var reports = await ComputeAsync("lists.reports-answered-on-time", city);
        Assert.Equal((1m, 2m, 0.5m), (reports.Numerator, reports.Denominator, reports.Value));
        Assert.Equal(1m, (await ComputeAsync("lists.reports-answered-on-time", xuecheng)).Value);
        // Drill coverage: of four special and department plans only the flood plan was drilled within its interval.
        var coverage = await ComputeAsync("lists.drill-coverage", city);
        Assert.Equal((1m, 4m), (coverage.Numerator, coverage.Denominator));
        Assert.Contains(coverage.Records, r => !r.Counted && r.Title.Contains("从未演练", StringComparison.Ordinal));
        var reviewed = await ComputeAsync("lists.plans-reviewed-on-time", city);
        Assert.Equal((2m, 5m), (reviewed.Numerator, reviewed.Denominator));
        var powers = await ComputeAsync("lists.powers-basis-current", city);
        Assert.Equal((10m, 11m), (powers.Numerator, powers.Denominator));
        var certificates = await ComputeAsync("lists.certificates-notify-commit", city);
        Assert.Equal(certificates.Denominator, certificates.Records.Count);
        Assert.True(certificates.Numerator > 0 && certificates.Numerator < certificates.Denominator);
    }
}
