using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Oversight.Litigation;
using Fazhi.Platform.Features.OrgUnits;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Oversight.Tests;

/// <summary>
/// 出庭应诉率 and 败诉率 against known data in a county of their own (domain.md §5: cases heard with a head present ÷ cases
/// heard): one lawsuit counts once however many hearings it had, in the year of its first hearing; lawsuits not heard are
/// left out; a deputy or another responsible person counts, staff alone does not.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class RateTests(FazhiFactory factory)
{
    private readonly Kit _kit = new(factory);

    private async Task<(string County, Guid CountyId, Guid TownId)> CountyAsync()
    {
        var code = Kit.NewCountyCode();
        var county = await factory.CreateUnitAsync(code, $"测试区{code}", OrgLevel.County, OrgKind.Government, "370400");
        var town = await factory.CreateUnitAsync(code + "001", $"测试镇{code}", OrgLevel.Town, OrgKind.Government, code);
        return (code, county, town);
    }

    [Fact]
    public async Task The_appearance_rate_counts_each_heard_lawsuit_once_in_the_year_of_its_first_hearing()
    {
        var (code, county, town) = await CountyAsync();
        var agency = await _kit.ClientAsync(Kit.Agency, code);
        // A: staff first, the head at the second hearing → counted once, present.
        var a = await Kit.RegisterAsync(agency, Kit.Suit(county, Kit.UniqueNumber(), "2025-01-06", "2025-01-08"));
        await Kit.HearAsync(agency, a, "2025-03-03", "StaffOnly");
        await Kit.HearAsync(agency, a, "2025-04-07", "Head");
        // B: staff only → heard, not present.
        var b = await Kit.RegisterAsync(agency, Kit.Suit(town, Kit.UniqueNumber(), "2025-01-06", "2025-01-08"));
        await Kit.HearAsync(agency, b, "2025-05-12", "StaffOnly");
        // C: two hearings with another responsible person → one lawsuit, present.
        var c = await Kit.RegisterAsync(agency, Kit.Suit(town, Kit.UniqueNumber(), "2025-02-03", "2025-02-05"));
        await Kit.HearAsync(agency, c, "2025-06-02", "OtherResponsible");
        await Kit.HearAsync(agency, c, "2025-07-01", "OtherResponsible");
        // D: first heard in 2024 (staff), heard again in 2025 with the head → counts in 2024 only, as present: one appearance in an
        // instance fulfils the duty (出庭规定 第七条), so the later hearing completes the 2024 record without counting it in 2025.
        var d = await Kit.RegisterAsync(agency, Kit.Suit(county, Kit.UniqueNumber(), "2024-11-04", "2024-11-05"));
        await Kit.HearAsync(agency, d, "2024-12-16", "StaffOnly");
        await Kit.HearAsync(agency, d, "2025-01-13", "Head");
        // E: never heard (withdrawn) → left out.
        var e = await Kit.RegisterAsync(agency, Kit.Suit(county, Kit.UniqueNumber(), "2025-03-03", "2025-03-04"));
        await Kit.DecideAsync(agency, e, "Withdrawn", "2025-04-01", "2025-04-02");

        var report = await agency.GetFromJsonAsync<JsonElement>("/api/oversight/litigation/report?year=2025");
        var district = Assert.Single(report.GetProperty("appearanceByDistrict").EnumerateArray());
        Assert.Equal($"district:{county}", district.GetProperty("group").GetString());
        Assert.Equal(2, district.GetProperty("counted").GetInt32());
        Assert.Equal(3, district.GetProperty("total").GetInt32());
        Assert.Equal(0.6667m, district.GetProperty("rate").GetDecimal());
        var byAgency = report.GetProperty("appearanceByAgency").EnumerateArray().ToDictionary(r => r.GetProperty("group").GetString()!);
        Assert.Equal((1, 1), (byAgency[$"unit:{county}"].GetProperty("counted").GetInt32(), byAgency[$"unit:{county}"].GetProperty("total").GetInt32()));
        Assert.Equal((1, 2), (byAgency[$"unit:{town}"].GetProperty("counted").GetInt32(), byAgency[$"unit:{town}"].GetProperty("total").GetInt32()));

        var records = await agency.GetFromJsonAsync<JsonElement>($"/api/oversight/records?metric=appearance&year=2025&group=district:{county}");
        Assert.Equal(3, records.GetProperty("total").GetInt32());
        Assert.Equal(2, records.GetProperty("counted").GetInt32());
        var items = records.GetProperty("records").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([b, a, c], items.Select(i => i.GetProperty("id").GetGuid()).ToList());
        Assert.False(items[0].GetProperty("counted").GetBoolean());
        Assert.Contains("仅工作人员出庭", items[0].GetProperty("detail").GetString());
        Assert.Contains("正职、副职或其他分管负责人", records.GetProperty("definition").GetString());

        var earlier = await agency.GetFromJsonAsync<JsonElement>($"/api/oversight/records?metric=appearance&year=2024&group=district:{county}");
        Assert.Equal(d, Assert.Single(earlier.GetProperty("records").GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(1, earlier.GetProperty("counted").GetInt32());
    }

    [Fact]
    public async Task Losses_are_counted_by_agency_and_by_kind_of_act_in_the_year_of_the_decision()
    {
        var (code, county, town) = await CountyAsync();
        var agency = await _kit.ClientAsync(Kit.Agency, code);
        var revoked = await Kit.RegisterAsync(agency, Kit.Suit(county, Kit.UniqueNumber(), "2025-01-06", "2025-01-08", "Penalty"));
        await Kit.DecideAsync(agency, revoked, "Revoked", "2025-05-06", "2025-05-08");
        var dismissed = await Kit.RegisterAsync(agency, Kit.Suit(county, Kit.UniqueNumber(), "2025-01-06", "2025-01-08", "Penalty"));
        await Kit.DecideAsync(agency, dismissed, "Dismissed", "2025-05-06", "2025-05-08");
        var illegal = await Kit.RegisterAsync(agency, Kit.Suit(town, Kit.UniqueNumber(), "2025-01-06", "2025-01-08", "Coercion"));
        await Kit.DecideAsync(agency, illegal, "ConfirmedIllegal", "2025-06-02", "2025-06-03");
        // Decided in 2024: outside the 2025 figures.
        var old = await Kit.RegisterAsync(agency, Kit.Suit(town, Kit.UniqueNumber(), "2024-01-08", "2024-01-09", "Coercion"));
        await Kit.DecideAsync(agency, old, "Revoked", "2024-06-03", "2024-06-04");

        var report = await agency.GetFromJsonAsync<JsonElement>("/api/oversight/litigation/report?year=2025");
        Assert.Equal((2, 3), (report.GetProperty("losses").GetProperty("counted").GetInt32(), report.GetProperty("losses").GetProperty("total").GetInt32()));
        var byAct = report.GetProperty("lossesByAct").EnumerateArray().ToDictionary(r => r.GetProperty("group").GetString()!);
        Assert.Equal((1, 2), (byAct["act:Penalty"].GetProperty("counted").GetInt32(), byAct["act:Penalty"].GetProperty("total").GetInt32()));
        Assert.Equal((1, 1), (byAct["act:Coercion"].GetProperty("counted").GetInt32(), byAct["act:Coercion"].GetProperty("total").GetInt32()));

        var records = await agency.GetFromJsonAsync<JsonElement>("/api/oversight/records?metric=loss&year=2025&group=act:Penalty");
        var items = records.GetProperty("records").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([revoked, dismissed], items.Select(i => i.GetProperty("id").GetGuid()).ToList());
        await (await agency.GetAsync("/api/oversight/records?metric=loss&year=2025&group=act:Nothing")).AssertRefusedNamingAsync("group");
        await (await agency.GetAsync("/api/oversight/records?metric=speed&year=2025")).AssertRefusedNamingAsync("metric");
    }

    [Fact]
    public async Task The_rates_page_shows_the_definition_and_links_each_figure_to_its_records()
    {
        var (code, county, _) = await CountyAsync();
        var user = await factory.CreateUserAsync(Kit.Agency, code);
        var agency = await factory.ApiClientAsync(user);
        var id = await Kit.RegisterAsync(agency, Kit.Suit(county, Kit.UniqueNumber(), "2025-01-06", "2025-01-08"));
        await Kit.HearAsync(agency, id, "2025-03-03", "StaffOnly", "局长参加省里会议");
        var browser = await factory.SignedInBrowserAsync(user);

        var page = System.Net.WebUtility.HtmlDecode(await browser.GetStringAsync("/oversight/litigation/rates?year=2025"));
        Assert.Contains(LitigationStatistics.AppearanceDefinition, page);
        Assert.Contains($"/oversight/records?metric=appearance&year=2025&group={Uri.EscapeDataString($"district:{county}")}", page);
        var drill = System.Net.WebUtility.HtmlDecode(await browser.GetStringAsync($"/oversight/records?metric=appearance&year=2025&group=unit:{county}"));
        Assert.Contains("负责人未出庭", drill);
        Assert.Contains("局长参加省里会议", drill);
        Assert.Contains($"/oversight/lawsuits/{id}", drill);
    }

    [Fact]
    public async Task The_years_tables_export_each_figure_with_its_definition_computed_within_scope()
    {
        var (code, county, town) = await CountyAsync();
        var agency = await _kit.ClientAsync(Kit.Agency, code);
        var a = await Kit.RegisterAsync(agency, Kit.Suit(county, Kit.UniqueNumber(), "2025-01-06", "2025-01-08"));
        await Kit.HearAsync(agency, a, "2025-03-03", "Head");
        var b = await Kit.RegisterAsync(agency, Kit.Suit(town, Kit.UniqueNumber(), "2025-01-06", "2025-01-08"));
        await Kit.HearAsync(agency, b, "2025-03-04", "StaffOnly");

        var response = await agency.GetAsync("/api/oversight/report.xlsx?year=2025");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var summary = Fazhi.Platform.Features.Documents.XlsxReader.Read(new MemoryStream(bytes), "2025年度汇总");
        var appearance = Assert.Single(summary, r => r[0] == LitigationStatistics.AppearanceTitle);
        Assert.Equal(("1", "2", "50%"), (appearance[1], appearance[2], appearance[3]));
        Assert.Equal(LitigationStatistics.AppearanceDefinition, appearance[4]);
        var byAgency = Fazhi.Platform.Features.Documents.XlsxReader.Read(new MemoryStream(bytes), "出庭应诉率（按机关）").Skip(1).Where(r => !r.IsBlank).ToList();
        Assert.Equal(2, byAgency.Count);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/oversight/report.xlsx?year=2025")).StatusCode);
    }

    [Fact]
    public async Task The_district_of_a_city_department_is_the_city_level_and_of_a_town_its_county() =>
        await factory.InScopeAsync(async sp =>
        {
            var stats = sp.GetRequiredService<LitigationStatistics>();
            var dir = sp.GetRequiredService<Fazhi.Platform.Kit.IOrgDirectory>();
            var sjj = (await dir.FindByCodeAsync("370400-SJJ", default))!;
            var xuecheng = (await dir.FindByCodeAsync("370403", default))!;
            var town = (await dir.ChildrenAsync(xuecheng.Id, false, default))[0];
            var city = (await dir.FindByCodeAsync("370400", default))!;
            Assert.Equal(city.Id, (await stats.DistrictOfAsync(sjj, default)).Id);
            Assert.Equal(xuecheng.Id, (await stats.DistrictOfAsync(town, default)).Id);
            Assert.Equal(xuecheng.Id, (await stats.DistrictOfAsync(xuecheng, default)).Id);
        });

    [Fact]
    public async Task The_computed_indicators_for_campaigns_count_the_records_of_the_period_within_the_asked_scope_only()
    {
        var (code, county, town) = await CountyAsync();
        var agency = await _kit.ClientAsync(Kit.Agency, code);
        // Lawsuits: one heard with the head and lost, one heard with staff only and dismissed, one heard outside the period.
        var a = await Kit.RegisterAsync(agency, Kit.Suit(county, Kit.UniqueNumber(), "2025-01-06", "2025-01-08"));
        await Kit.HearAsync(agency, a, "2025-03-03", "Head");
        await Kit.DecideAsync(agency, a, "Revoked", "2025-04-01", "2025-04-02");
        var b = await Kit.RegisterAsync(agency, Kit.Suit(town, Kit.UniqueNumber(), "2025-01-06", "2025-01-08"));
        await Kit.HearAsync(agency, b, "2025-05-12", "StaffOnly");
        await Kit.DecideAsync(agency, b, "Dismissed", "2025-06-02", "2025-06-03");
        var c = await Kit.RegisterAsync(agency, Kit.Suit(county, Kit.UniqueNumber(), "2025-09-01", "2025-09-02"));
        await Kit.HearAsync(agency, c, "2025-10-13", "StaffOnly");
        // A suggestion replied late; a disclosure request answered in time and one overdue.
        var suggestion = (await Kit.OkAsync(await agency.PostAsJsonAsync("/api/oversight/suggestions", new
        {
            addresseeId = county, kind = "Judicial", issuer = "枣庄市中级人民法院", documentNumber = $"枣中法建〔2025〕{Random.Shared.Next(10000, 99999)}号", content = "规范程序",
            receivedOn = "2025-02-03",
        }), System.Net.HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var version = (await agency.GetFromJsonAsync<JsonElement>($"/api/oversight/suggestions/{suggestion}")).GetProperty("version").GetInt64();
        await Kit.OkAsync(await agency.PostAsJsonAsync($"/api/oversight/suggestions/{suggestion}/reply", new { version, repliedOn = "2025-05-06", reply = "已落实", rectification = "已整改" }));
        async Task<Guid> DiscloseAsync(string receivedOn) => (await Kit.OkAsync(await agency.PostAsJsonAsync("/api/oversight/disclosures", new
        {
            agencyId = county, applicantKind = "Citizen", applicantName = "指标测试", contactPhone = "13912345678", description = "某文件", form = "Online", receivedOn,
        }), System.Net.HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var answered = await DiscloseAsync("2025-03-03");
        var v = (await agency.GetFromJsonAsync<JsonElement>($"/api/oversight/disclosures/{answered}")).GetProperty("version").GetInt64();
        await Kit.OkAsync(await agency.PostAsJsonAsync($"/api/oversight/disclosures/{answered}/reply", new { version = v, kind = "Disclosed", repliedOn = "2025-03-20", text = "已提供" }));
        await DiscloseAsync("2025-04-01");

        var scope = await factory.SubtreeIdsAsync(code);
        async Task<Fazhi.Assessment.Contracts.ComputedIndicatorValue> ComputeAsync(string key, IReadOnlyList<Guid> units) => await factory.InScopeAsync(sp =>
            sp.GetServices<Fazhi.Assessment.Contracts.IComputedIndicatorProvider>().Single(p => p.Key == key)
                .ComputeAsync(new Fazhi.Assessment.Contracts.ComputedIndicatorQuery(new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30), county, units), CancellationToken.None));

        var appearance = await ComputeAsync("oversight.appearance", scope);
        Assert.Equal((1m, 2m, 0.5m), (appearance.Numerator, appearance.Denominator, appearance.Value));
        Assert.False(appearance.Records[0].Counted);
        Assert.All(appearance.Records, r => Assert.StartsWith("/oversight/lawsuits/", r.Link));
        var loss = await ComputeAsync("oversight.loss", scope);
        Assert.Equal((1m, 2m), (loss.Numerator, loss.Denominator));
        Assert.True(loss.Records[0].Counted);
        var replied = await ComputeAsync("oversight.suggestions-replied", scope);
        Assert.Equal((1m, 1m), (replied.Numerator, replied.Denominator));
        var onTime = await ComputeAsync("oversight.suggestions-on-time", scope);
        Assert.Equal((0m, 1m), (onTime.Numerator, onTime.Denominator));
        var disclosure = await ComputeAsync("oversight.disclosure-on-time", scope);
        Assert.Equal((1m, 2m), (disclosure.Numerator, disclosure.Denominator));
        Assert.Contains(disclosure.Records, r => r.Link == $"/oversight/disclosures/{answered}" && r.Counted);

        // Another county's scope sees none of it.
        var other = await factory.SubtreeIdsAsync(Kit.Shizhong);
        foreach (var key in new[] { "oversight.appearance", "oversight.loss", "oversight.suggestions-replied", "oversight.suggestions-on-time", "oversight.disclosure-on-time" })
        {
            Assert.DoesNotContain((await ComputeAsync(key, other)).Records, r => r.Title.Contains("指标测试", StringComparison.Ordinal) || r.Link!.EndsWith(answered.ToString(), StringComparison.Ordinal));
        }
        Assert.Null((await ComputeAsync("oversight.disclosure-on-time", [town])).Value);
    }
}
