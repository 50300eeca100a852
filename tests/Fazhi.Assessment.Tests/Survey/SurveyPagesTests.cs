using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Assessment.Tests.Infrastructure;
using static Fazhi.Assessment.Tests.Infrastructure.Kit;

namespace Fazhi.Assessment.Tests.Survey;

/// <summary>The office's pages: a survey defined one question a line and opened; an index defined, given a component and computed.</summary>
[Collection(HostCollection.Name)]
public sealed class SurveyPagesTests(FazhiFactory factory)
{
    [Fact]
    public async Task The_office_defines_and_opens_a_survey_on_its_pages_and_the_public_link_takes_answers()
    {
        var office = await factory.SignedInBrowserAsync(await factory.CreateUserAsync(Office));
        var title = $"页面调查-{Guid.NewGuid():N}"[..16];
        var bad = await Forms.SubmitAsync(office, "/assessment/surveys", "create-survey", new Dictionary<string, string>
        {
            ["Input.Title"] = title, ["Input.Year"] = "2026", ["Input.Questions"] = "问答|格式不对",
        });
        Assert.Contains("第 1 行", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));

        var created = await Forms.SubmitAsync(office, "/assessment/surveys", "create-survey", new Dictionary<string, string>
        {
            ["Input.Title"] = title, ["Input.Year"] = "2026",
            ["Input.Questions"] = "评分|您对本地法治建设的总体满意度\n评分|执法规范程度@法治政府\n单选|是否参加过普法活动|参加过/没有参加\n文字|意见建议?",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var detailUrl = created.Headers.Location!.OriginalString;
        var detail = WebUtility.HtmlDecode(await office.GetStringAsync(detailUrl));
        Assert.Contains("执法规范程度", detail);
        Assert.Contains("法治政府", detail);
        Assert.Contains("未开放", detail);
        var link = System.Text.RegularExpressions.Regex.Match(detail, "id=\"public-link\" href=\"(/survey/[0-9a-f]+)\"").Groups[1].Value;
        Assert.NotEmpty(link);

        var anonymous = factory.BrowserClient();
        Assert.Contains("未开放或已结束", WebUtility.HtmlDecode(await anonymous.GetStringAsync(link)));
        await Forms.SubmitAsync(office, detailUrl, "toggle-survey", new Dictionary<string, string> { ["Toggle.Open"] = "true" });
        Assert.Contains("进行中", WebUtility.HtmlDecode(await office.GetStringAsync(detailUrl)));

        var answered = await Forms.SubmitAsync(anonymous, link, "answer-survey", new Dictionary<string, string>
        {
            ["Input.DistrictCode"] = "370405", ["Input.Phone"] = "13600000001", ["q1"] = "5", ["q2"] = "3", ["q3"] = "参加过",
        });
        Assert.Contains("提交成功", await answered.Content.ReadAsStringAsync());
        var results = WebUtility.HtmlDecode(await office.GetStringAsync(detailUrl));
        Assert.Contains("data-chart=\"chart-survey\"", results);
        Assert.Contains("100.00", results); // 台儿庄区 法治感受: rating 5

        // A leader reads the page but gets no form to open or close it.
        var leader = await factory.SignedInBrowserAsync(await factory.CreateUserAsync(Leader));
        Assert.DoesNotContain("toggle-survey", await leader.GetStringAsync(detailUrl));
    }

    [Fact]
    public async Task Surveys_page_in_english_reads_the_module_strings_and_the_shared_ones()
    {
        var office = await factory.SignedInBrowserAsync(await factory.CreateUserAsync(Office));
        var html = WebUtility.HtmlDecode(await office.GetStringAsync("/assessment/surveys?culture=en"));
        Assert.Contains("<h1>Satisfaction surveys</h1>", html); // AssessmentText.en.resx
        Assert.Contains("<a href=\"/\">Home</a>", html); // the platform's PageHeader and Text.en.resx
        // The page's own heading and title are English (survey names other tests created are data and stay Chinese).
        Assert.DoesNotContain("<h1>满意度调查", html);
        Assert.DoesNotContain("<title>满意度调查", html);
    }

    [Fact]
    public async Task The_office_defines_an_index_adds_a_component_and_computes_it_on_the_pages()
    {
        var office = await factory.SignedInBrowserAsync(await factory.CreateUserAsync(Office));
        var year = 2040 + Random.Shared.Next(50, 59);
        var created = await Forms.SubmitAsync(office, "/assessment/index", "create-index", new Dictionary<string, string> { ["Input.Year"] = $"{year}" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.OriginalString;
        var page = WebUtility.HtmlDecode(await office.GetStringAsync(url));
        Assert.Contains($"{year}年度枣庄市法治指数", page);
        Assert.Contains("制度规范", page);
        Assert.Contains("尚无构成项", page);

        var refused = await Forms.SubmitAsync(office, url, "add-component", new Dictionary<string, string> { ["Input.Dimension"] = "法治保障", ["Input.Source"] = "", ["Input.Weight"] = "1" });
        Assert.Contains("请选择数据来源", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        await Forms.SubmitAsync(office, url, "add-component", new Dictionary<string, string>
        {
            ["Input.Dimension"] = "法治保障", ["Input.Source"] = "Computed|platform.units-with-accounts", ["Input.Weight"] = "1",
        });
        var computed = await Forms.SubmitAsync(office, url, "compute-index", new Dictionary<string, string>());
        var html = WebUtility.HtmlDecode(await computed.Content.ReadAsStringAsync());
        Assert.Contains("单位账号开通率", html);
        Assert.Contains("data-chart=\"chart-index-totals\"", html);
        Assert.Contains("滕州市", html);
    }
}
