using System.Net;
using System.Net.Http.Json;
using Fazhi.Enforcement.Cases;
using Fazhi.Enforcement.Tests.CaseFileReview;
using Fazhi.Enforcement.Tests.Infrastructure;
using Fazhi.Platform.Features.Documents;
using static Fazhi.Testing.ListOutputs;

namespace Fazhi.Enforcement.Tests.Cases;

/// <summary>
/// The penalty case list and the supervision alerts on the kit's list page (ADR 0049): keyword (an ID number by exact match
/// through its blind index), date range, the .xlsx export and the print view carry exactly the filtered rows, in scope only.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ListOutputTests(FazhiFactory factory)
{
    private readonly CaseTestKit _kit = new(factory);
    private readonly ReviewTestData _data = new(factory);

    [Fact]
    public async Task The_case_export_and_print_carry_exactly_the_cases_the_keyword_and_opening_dates_keep()
    {
        var (_, officers) = await _kit.TeamAsync(CaseTestKit.Market);
        var officer = await _kit.OfficerAsync(CaseTestKit.Market);
        var matter = await CaseTestKit.MatterAsync(officer);
        var stem = CaseTestKit.Unique("导出打印");
        foreach (var (suffix, daysAgo) in new[] { ("乙商店", 3), ("甲商店", 10), ("丙商店", 40) })
        {
            await CaseTestKit.OkAsync(await officer.PostAsJsonAsync("/api/enforcement/cases", new
            {
                matterId = matter, party = CaseTestKit.Company(stem + suffix), summary = "导出", openedOn = _kit.Today.AddDays(-daysAgo), officerIds = officers,
            }), HttpStatusCode.Created);
        }
        var query = $"?q={Uri.EscapeDataString(stem)}&from={_kit.Today.AddDays(-15):yyyy-MM-dd}&to={_kit.Today:yyyy-MM-dd}&sort=partyName&dir=asc";

        var sheet = await SheetAsync(officer, "/api/enforcement/cases/export" + query);
        Assert.Equal("案号", sheet[0][0]);
        Assert.Equal(new[] { stem + "乙商店", stem + "甲商店" }.Order(StringComparer.Ordinal), sheet.Skip(1).Select(r => r[2]).Order(StringComparer.Ordinal));

        var html = await PrintAsync(officer, "/api/enforcement/cases/print" + query);
        Assert.Contains(stem + "乙商店", html);
        Assert.Contains(stem + "甲商店", html);
        Assert.DoesNotContain(stem + "丙商店", html);
        Assert.Contains("共 2 条", html);
        Assert.Contains("关键词：" + stem, html);
        Assert.Contains("立案日期：", html);
        Assert.DoesNotContain("<nav", html);

        // Another body's officer sees none of them, in the export as on the list.
        var other = await _kit.OfficerAsync(CaseTestKit.Ecology);
        Assert.Single(await SheetAsync(other, "/api/enforcement/cases/export" + query));
        Assert.Contains("共 0 条", await PrintAsync(other, "/api/enforcement/cases/print" + query));
    }

    [Fact]
    public async Task A_person_is_found_by_ID_number_through_the_blind_index_and_a_bad_list_query_is_refused_naming_it()
    {
        var (_, officers) = await _kit.TeamAsync(CaseTestKit.Market);
        var officer = await _kit.OfficerAsync(CaseTestKit.Market);
        var matter = await CaseTestKit.MatterAsync(officer);
        var id = CaseTestKit.ResidentId("37040219" + Random.Shared.Next(50, 99) + "0101" + Random.Shared.Next(100, 999));
        var name = CaseTestKit.Unique("身份证查找");
        await CaseTestKit.OkAsync(await officer.PostAsJsonAsync("/api/enforcement/cases", new
        {
            matterId = matter, party = new { kind = "Person", name, idNumber = id }, summary = "按身份证号查找", openedOn = _kit.Today, officerIds = officers,
        }), HttpStatusCode.Created);

        var sheet = await SheetAsync(officer, $"/api/enforcement/cases/export?q={id}");
        Assert.Contains(sheet.Skip(1), r => r[2] == name);
        Assert.DoesNotContain(id, string.Join(",", sheet.SelectMany(r => r.Cells)));
        var page = await officer.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/enforcement/cases?q={id.ToLowerInvariant()}");
        Assert.Contains(page.GetProperty("items").EnumerateArray(), c => c.GetProperty("partyName").GetString() == name);

        await (await officer.GetAsync("/api/enforcement/cases/export?from=2026-03-01&to=2026-02-01")).AssertRefusedNamingAsync("to");
        await (await officer.GetAsync("/api/enforcement/cases/print?sort=fine")).AssertRefusedNamingAsync("sort");
    }

    [Fact]
    public async Task The_alert_export_and_print_keep_the_kind_keyword_and_due_dates_asked_and_stay_in_scope()
    {
        var unit = await _data.UnitAsync(CaseTestKit.Ecology);
        var today = _kit.Today;
        var recent = await _data.CaseAsync(unit, CaseStage.Decided, null, c => c.PublicationDueOn = today.AddDays(-3));
        var old = await _data.CaseAsync(unit, CaseStage.Decided, null, c => c.PublicationDueOn = today.AddDays(-40));
        var city = await factory.ApiClientAsync(await factory.CreateUserAsync("enforcement-supervisor", "370400"));
        var window = $"&from={today.AddDays(-10):yyyy-MM-dd}&to={today:yyyy-MM-dd}";

        var sheet = await SheetAsync(city, $"/api/enforcement/supervision/alerts/export?unit={unit}&kind=NotPublished{window}");
        Assert.Equal("预警类型", sheet[0][0]);
        Assert.Contains(sheet, r => r[2] == recent.Number && r[0] == "未按期公示");
        Assert.DoesNotContain(sheet, r => r[2] == old.Number);
        Assert.All(sheet.Skip(1), r => Assert.Equal("未按期公示", r[0]));

        var byNumber = await SheetAsync(city, $"/api/enforcement/supervision/alerts/export?q={old.Number}");
        Assert.Equal([old.Number], byNumber.Skip(1).Select(r => r[2]));
        var html = await PrintAsync(city, $"/api/enforcement/supervision/alerts/print?q={recent.Number}{window}");
        Assert.Contains(recent.Number, html);
        Assert.Contains("共 1 条", html);
        Assert.Contains("期限：", html);

        // A market-regulator supervisor does not see the ecology bureau's alerts.
        var market = await factory.ApiClientAsync(await factory.CreateUserAsync("enforcement-supervisor", CaseTestKit.Market));
        Assert.Single(await SheetAsync(market, $"/api/enforcement/supervision/alerts/export?q={recent.Number}"));
        Assert.Equal(HttpStatusCode.BadRequest, (await city.GetAsync("/api/enforcement/supervision/alerts/export?kind=Nonsense")).StatusCode);
    }
}
