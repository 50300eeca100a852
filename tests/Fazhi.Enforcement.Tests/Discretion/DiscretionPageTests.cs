using System.Net;
using Fazhi.Enforcement.Data;
using Fazhi.Enforcement.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Enforcement.Tests.Discretion;

[Collection(HostCollection.Name)]
public sealed class DiscretionPageTests(FazhiFactory factory)
{
    private async Task<HttpClient> SignedInAsync(string role)
    {
        var user = await factory.CreateUserAsync(role);
        var client = factory.BrowserClient();
        var login = await Forms.SubmitAsync(client, "/account/login", "login", new Dictionary<string, string>
        {
            ["Input.UserName"] = user.UserName,
            ["Input.Password"] = user.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return client;
    }

    [Fact]
    public async Task An_officer_enters_facts_and_sees_the_tier_range_and_articles()
    {
        var client = await SignedInAsync("enforcement-officer");
        var matterId = await factory.InScopeAsync(sp => sp.GetRequiredService<EnforcementDb>().Matters.Where(m => m.Code == "SL-370400-002").Select(m => m.Id).SingleAsync());

        var response = await Forms.SubmitAsync(client, "/enforcement/discretion", "discretion", new Dictionary<string, string>
        {
            ["Input.MatterId"] = matterId.ToString(),
            ["Input.PartyAge"] = "13",
            ["Input.ActDate"] = "2026-05-01",
            ["Input.DecisionDate"] = "2026-06-01",
            ["Input.Harm"] = "Ordinary",
            ["Input.MentalCapacity"] = "Full",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("裁量建议", html);
        Assert.Contains("行政处罚法第三十条", html);
        Assert.Contains("不满 14 周岁", html);
        // 山东省: no order to correct recorded -> the no-penalty result is blocked until it is.
        Assert.Contains("须先责令当事人改正并记录在案", html);
    }

    [Fact]
    public async Task The_form_names_a_missing_date()
    {
        var client = await SignedInAsync("enforcement-officer");

        var response = await Forms.SubmitAsync(client, "/enforcement/discretion", "discretion", new Dictionary<string, string>
        {
            ["Input.IsOrganisation"] = "true",
            ["Input.ActDate"] = "",
            ["Input.DecisionDate"] = "2026-06-01",
        });

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("请填写违法行为发生日期。", html);
        Assert.Contains("请选择执法事项。", html);
        Assert.DoesNotContain("适用规则", html);
    }

    [Fact]
    public async Task A_benchmark_administrator_adds_a_matter_on_the_page_and_a_duplicate_code_is_refused()
    {
        var client = await SignedInAsync("enforcement-benchmark-admin");
        var code = "P-" + Guid.NewGuid().ToString("N")[..10];
        var fields = new Dictionary<string, string>
        {
            ["Matter.Code"] = code,
            ["Matter.Name"] = "对页面测试违法行为的处罚",
            ["Matter.Kind"] = "Penalty",
            ["Matter.LegalBasis"] = "测试条例第五条",
            ["Matter.IssuingOrgCode"] = "370400",
            ["Matter.IssuingBody"] = "测试局",
        };

        var first = WebUtility.HtmlDecode(await (await Forms.SubmitAsync(client, "/enforcement/benchmarks", "matter", fields)).Content.ReadAsStringAsync());
        Assert.Contains("已新增执法事项 对页面测试违法行为的处罚", first);
        Assert.Contains(code, first);

        var second = WebUtility.HtmlDecode(await (await Forms.SubmitAsync(client, "/enforcement/benchmarks", "matter", fields)).Content.ReadAsStringAsync());
        Assert.Contains("事项编码已存在。", second);
        var count = await factory.InScopeAsync(sp => sp.GetRequiredService<EnforcementDb>().Matters.CountAsync(m => m.Code == code));
        Assert.Equal(1, count);
    }

    [Fact]
    public async Task An_officer_cannot_open_the_benchmark_admin_page()
    {
        var client = await SignedInAsync("enforcement-officer");

        var response = await client.GetAsync("/enforcement/benchmarks");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
