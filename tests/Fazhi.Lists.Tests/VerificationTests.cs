using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Documents;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Lists.Tests;

/// <summary>
/// Verification records (核查记录) of notify-and-commit items (ADR 0039; 国办发〔2020〕42号): recorded by the unit, refused
/// for an item not under notify-and-commit, a false commitment needs its applicant and measures, counts per item and unit,
/// the false commitments exported for the credit records, and each unit sees its own.
/// </summary>
public sealed class VerificationTests(ListsHost host) : IClassFixture<ListsHost>
{
    [Fact]
    public async Task A_unit_records_verifications_of_its_notify_and_commit_items_and_false_commitments_feed_the_credit_list()
    {
        var owner = await host.OwnerAsync();
        var xuecheng = await host.Factory.UnitIdAsync("370403");
        var shizhong = await host.Factory.UnitIdAsync("370402");
        var unit = await host.UnitAsync("370403");
        foreach (var (name, notify) in new[] { ("核查测试困难证明", true), ("核查测试非承诺证明", false) })
        {
            var proposed = await unit.PostAsJsonAsync("/api/lists/certificates/changes", new { kind = "Add", item = ListsHost.Item(name, xuecheng, notify: notify) });
            Assert.True(proposed.StatusCode == HttpStatusCode.Created, await proposed.Content.ReadAsStringAsync());
        }
        await ListsHost.AcceptAndPublishAsync(owner);
        var items = (await ListsHost.ListAsync(owner, "核查测试")).GetProperty("items").GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("name").GetString()!, i => i.GetProperty("itemCode").GetString()!);
        var code = items["核查测试困难证明"];
        var today = await host.Factory.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<IDeadlineService>().Today));

        object Body(string item, Guid unitId, string result, string? applicant = "张三", string? measures = null, DateOnly? on = null, string? credit = null) => new
        {
            itemCode = item, unitId, method = "InterDepartment", verifiedOn = (on ?? today.AddDays(-1)).ToString("yyyy-MM-dd"), result, caseReference = "BJ-T-1",
            applicantName = applicant, creditCode = credit, finding = "经核查，与登记信息不符。", measures,
        };

        // Refusals name the rule: not under notify-and-commit, another unit, a false commitment without applicant or measures, a future date, a bad credit code.
        var notCommit = await (await unit.PostAsJsonAsync("/api/lists/verifications", Body(items["核查测试非承诺证明"], xuecheng, "Confirmed"))).AssertRefusedNamingAsync("itemCode");
        Assert.Contains("国办发〔2020〕42号", notCommit.GetProperty("errors").GetProperty("itemCode")[0].GetString());
        await (await unit.PostAsJsonAsync("/api/lists/verifications", Body(code, shizhong, "Confirmed"))).AssertRefusedNamingAsync("unitId");
        var noMeasures = await (await unit.PostAsJsonAsync("/api/lists/verifications", Body(code, xuecheng, "FalseCommitment"))).AssertRefusedNamingAsync("measures");
        Assert.Contains("国办发〔2020〕42号", noMeasures.GetProperty("errors").GetProperty("measures")[0].GetString());
        await (await unit.PostAsJsonAsync("/api/lists/verifications", Body(code, xuecheng, "FalseCommitment", applicant: null, measures: "撤销"))).AssertRefusedNamingAsync("applicantName");
        await (await unit.PostAsJsonAsync("/api/lists/verifications", Body(code, xuecheng, "Confirmed", on: today.AddDays(1)))).AssertRefusedNamingAsync("verifiedOn");
        await (await unit.PostAsJsonAsync("/api/lists/verifications", Body(code, xuecheng, "Confirmed", credit: "91110000600037341X"))).AssertRefusedNamingAsync("creditCode");
        await (await unit.PostAsJsonAsync("/api/lists/verifications", new { itemCode = code, unitId = xuecheng, result = "Confirmed", verifiedOn = "2026-01-01" }))
            .AssertRefusedNamingAsync("method");

        foreach (var body in new[]
                 {
                     Body(code, xuecheng, "Confirmed"), Body(code, xuecheng, "Confirmed"), Body(code, xuecheng, "Unverifiable"),
                     Body(code, xuecheng, "FalseCommitment", applicant: "枣庄市薛城区绿源园林工程有限公司", measures: "撤销决定，记入信用记录", credit: "91110000600037341L"),
                 })
        {
            var saved = await unit.PostAsJsonAsync("/api/lists/verifications", body);
            Assert.True(saved.StatusCode == HttpStatusCode.Created, await saved.Content.ReadAsStringAsync());
        }

        var counts = await unit.GetFromJsonAsync<JsonElement>("/api/lists/verifications/counts");
        var row = Assert.Single(counts.EnumerateArray(), c => c.GetProperty("itemCode").GetString() == code);
        Assert.Equal((4, 2, 1, 1), (row.GetProperty("total").GetInt32(), row.GetProperty("confirmed").GetInt32(), row.GetProperty("falseCommitments").GetInt32(),
            row.GetProperty("unverifiable").GetInt32()));
        Assert.Equal("薛城区", row.GetProperty("unitName").GetString());
        var future = await unit.GetFromJsonAsync<JsonElement>($"/api/lists/verifications/counts?from={today.AddDays(1):yyyy-MM-dd}");
        Assert.DoesNotContain(future.EnumerateArray(), c => c.GetProperty("itemCode").GetString() == code);

        var falseOnes = await unit.GetFromJsonAsync<JsonElement>("/api/lists/verifications?result=FalseCommitment&q=" + Uri.EscapeDataString(code));
        var found = Assert.Single(falseOnes.GetProperty("items").EnumerateArray());
        Assert.Equal("91110000600037341L", found.GetProperty("creditCode").GetString());
        var export = await owner.GetAsync("/api/lists/verifications/false-commitments/export?q=" + Uri.EscapeDataString(code));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var sheet = XlsxReader.Read(await export.Content.ReadAsStreamAsync());
        Assert.Equal("申请人", sheet[0][1]);
        var line = Assert.Single(sheet.Skip(1));
        Assert.Equal(("枣庄市薛城区绿源园林工程有限公司", "91110000600037341L", "撤销决定，记入信用记录"), (line[1], line[2], line[10]));

        // Scope: another district sees none of Xuecheng's records; the public has no access.
        var other = await host.UnitAsync("370402");
        var theirs = await other.GetFromJsonAsync<JsonElement>("/api/lists/verifications?q=" + Uri.EscapeDataString(code));
        Assert.Equal(0, theirs.GetProperty("total").GetInt32());
        Assert.Contains((await host.Factory.CreateClient().GetAsync("/api/lists/verifications")).StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });

        // The contract for the credit records (ADR 0053): the reader's units only, optionally one enterprise; a malformed code is refused.
        var (mine, notMine, byCode) = await host.Factory.InScopeAsync(async sp =>
        {
            var reader = sp.GetRequiredService<Fazhi.Lists.Contracts.IFalseCommitments>();
            var period = (today.AddDays(-7), today);
            return (await reader.FindAsync(new(period.Item1, period.Item2, [xuecheng]), CancellationToken.None),
                await reader.FindAsync(new(period.Item1, period.Item2, [shizhong]), CancellationToken.None),
                await reader.FindAsync(new(period.Item1, period.Item2, [xuecheng], "91110000600037341l"), CancellationToken.None));
        });
        var credited = Assert.Single(mine, f => f.ItemCode == code);
        Assert.Equal(("枣庄市薛城区绿源园林工程有限公司", "91110000600037341L", "撤销决定，记入信用记录", xuecheng), (credited.ApplicantName, credited.CreditCode, credited.Measures, credited.UnitId));
        Assert.DoesNotContain(notMine, f => f.ItemCode == code);
        Assert.Contains(byCode, f => f.Id == credited.Id);
        var badCode = await Assert.ThrowsAsync<Fazhi.Platform.Kit.RefusalException>(() => host.Factory.InScopeAsync(sp =>
            sp.GetRequiredService<Fazhi.Lists.Contracts.IFalseCommitments>().FindAsync(new(today, today, [xuecheng], "9111"), CancellationToken.None)));
        Assert.Contains("creditCode", badCode.Errors.Keys);

        // The rates for the city dashboard: every lists indicator, each with its definition and the page of its records.
        var rates = await host.Factory.InScopeAsync(sp => sp.GetRequiredService<Fazhi.Lists.Contracts.IListsRates>()
            .GetAsync(new(today.AddYears(-1), today, [xuecheng, shizhong]), CancellationToken.None));
        Assert.Equal(["lists.appeals-on-time", "lists.appeals-satisfaction", "lists.certificates-notify-commit", "lists.drill-coverage", "lists.plans-reviewed-on-time",
            "lists.powers-basis-current", "lists.reports-answered-on-time"], rates.Rates.Select(r => r.Key));
        Assert.All(rates.Rates, r => Assert.StartsWith("/lists/", r.Link));
        var notifyRate = rates.Rates.Single(r => r.Key == "lists.certificates-notify-commit");
        Assert.True(notifyRate.Numerator >= 1 && notifyRate.Denominator > notifyRate.Numerator, $"{notifyRate.Numerator}/{notifyRate.Denominator}");
        await Assert.ThrowsAsync<Fazhi.Platform.Kit.RefusalException>(() => host.Factory.InScopeAsync(sp => sp.GetRequiredService<Fazhi.Lists.Contracts.IListsRates>()
            .GetAsync(new(today, today.AddDays(-1), [xuecheng]), CancellationToken.None)));

        // The page: the records, the counts and the form (a false commitment without measures is refused on the page too).
        var browser = await host.Factory.SignedInBrowserAsync(await host.Factory.CreateUserAsync("lists-unit", "370403"));
        var html = WebUtility.HtmlDecode(await browser.GetStringAsync("/lists/verifications?q=" + Uri.EscapeDataString(code)));
        Assert.Contains("核查测试困难证明", html);
        Assert.Contains("verification-counts", html);
        Assert.Contains("verify-record", html);
    }
}
