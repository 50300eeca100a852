using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Assessment.Tests.Infrastructure;
using static Fazhi.Assessment.Tests.Infrastructure.Kit;

namespace Fazhi.Assessment.Tests.Survey;

/// <summary>The office's pages: a survey built row by row in the form and opened; an index defined, given a component and computed.</summary>
[Collection(HostCollection.Name)]
public sealed class SurveyPagesTests(FazhiFactory factory)
{
    [Fact]
    public async Task The_office_defines_and_opens_a_survey_on_its_pages_and_the_public_link_takes_answers()
    {
        var office = await factory.SignedInBrowserAsync(await factory.CreateUserAsync(Office));
        var title = $"页面调查-{Guid.NewGuid():N}"[..16];
        // The builder: one row per question. A refusal names the question and the field, and keeps what was typed.
        var rows = new Dictionary<string, string>
        {
            ["Input.Title"] = title, ["Input.Year"] = "2026",
            ["Input.Questions[0].Kind"] = "Rating", ["Input.Questions[0].Text"] = "您对本地法治建设的总体满意度", ["Input.Questions[0].Dimension"] = "法治感受",
            ["Input.Questions[1].Kind"] = "Rating", ["Input.Questions[1].Text"] = "执法规范程度", ["Input.Questions[1].Dimension"] = "法治政府",
            ["Input.Questions[2].Kind"] = "SingleChoice", ["Input.Questions[2].Text"] = "是否参加过普法活动", ["Input.Questions[2].Options"] = "参加过",
            ["Input.Questions[2].Dimension"] = "法治感受",
            ["Input.Questions[3].Kind"] = "Text", ["Input.Questions[3].Text"] = "", ["Input.Questions[3].Dimension"] = "法治感受", ["Input.Questions[3].Optional"] = "true",
            ["Input.Command"] = "save",
        };
        var bad = WebUtility.HtmlDecode(await (await Forms.SubmitAsync(office, "/assessment/surveys", "create-survey", rows)).Content.ReadAsStringAsync());
        Assert.Contains("第3题：单选题至少需要两个选项。", bad);
        Assert.Contains("第4题：请填写问题内容。", bad);
        Assert.Contains("value=\"执法规范程度\"", bad);
        Assert.DoesNotContain(title, WebUtility.HtmlDecode(await office.GetStringAsync("/assessment/surveys")).Replace($"value=\"{title}\"", ""));

        // Rows are added, moved and removed on the server-rendered form without saving and without losing anything typed.
        var added = WebUtility.HtmlDecode(await (await Forms.SubmitAsync(office, "/assessment/surveys", "create-survey",
            new Dictionary<string, string>(rows) { ["Input.Command"] = "add" })).Content.ReadAsStringAsync());
        Assert.Contains("name=\"Input.Questions[4].Text\"", added);
        Assert.Contains("value=\"执法规范程度\"", added);
        var moved = WebUtility.HtmlDecode(await (await Forms.SubmitAsync(office, "/assessment/surveys", "create-survey",
            new Dictionary<string, string>(rows) { ["Input.Command"] = "up:1" })).Content.ReadAsStringAsync());
        Assert.True(moved.IndexOf("value=\"执法规范程度\"", StringComparison.Ordinal) < moved.IndexOf("value=\"您对本地法治建设的总体满意度\"", StringComparison.Ordinal));
        Assert.Contains("name=\"Input.Questions[0].Text\" value=\"执法规范程度\"", moved);
        var removed = WebUtility.HtmlDecode(await (await Forms.SubmitAsync(office, "/assessment/surveys", "create-survey",
            new Dictionary<string, string>(rows) { ["Input.Command"] = "remove:0" })).Content.ReadAsStringAsync());
        Assert.DoesNotContain("您对本地法治建设的总体满意度", removed);
        Assert.Contains("name=\"Input.Questions[0].Text\" value=\"执法规范程度\"", removed);
        Assert.DoesNotContain("name=\"Input.Questions[3].Text\"", removed);

        rows["Input.Questions[2].Options"] = "参加过\n没有参加";
        rows["Input.Questions[3].Text"] = "意见建议";
        var created = await Forms.SubmitAsync(office, "/assessment/surveys", "create-survey", rows);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var detailUrl = created.Headers.Location!.OriginalString;
        var detail = WebUtility.HtmlDecode(await office.GetStringAsync(detailUrl));
        Assert.Contains("执法规范程度", detail);
        Assert.Contains("参加过 / 没有参加", detail);
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
            ["Input.Code"] = await SurveyKit.CodeAsync(factory, link.Split('/')[^1], "13600000001"),
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
