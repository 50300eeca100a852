using System.Net;

namespace Fazhi.Lists.Tests;

/// <summary>The <c>--demo</c> records: every list and state a newcomer signing in as demo-city or demo-xuecheng should meet.</summary>
public sealed class DemoTests(ListsHost host) : IClassFixture<ListsHost>
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
}
