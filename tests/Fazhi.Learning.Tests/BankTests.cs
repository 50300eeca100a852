using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Platform.Features.Documents;

namespace Fazhi.Learning.Tests;

/// <summary>The personnel register and the question bank: entry, import with row errors and duplicates, export, the article-change flag, scope.</summary>
public sealed class BankTests(LearningHost host) : IClassFixture<LearningHost>
{
    private static readonly string[] PeopleHeaders = ["姓名", "单位", "职务", "领导干部", "职级", "账号"];

    private static readonly string[] BankHeaders = ["题型", "题干", "选项", "答案", "解析", "法条", "分类", "难度"];

    [Fact]
    public async Task The_register_is_kept_by_unit_imported_with_row_errors_and_linked_to_accounts()
    {
        var office = await host.OfficeAsync();
        var xuecheng = await host.UnitAsync("370403");
        var xuechengId = await host.Factory.UnitIdAsync("370403");
        var shizhongId = await host.Factory.UnitIdAsync("370402");

        // A unit registers its own people only.
        await (await xuecheng.PostAsJsonAsync("/api/learning/people", new { name = "外单位人员", orgUnitId = shizhongId, post = "科员" })).AssertRefusedNamingAsync("orgUnitId");
        var own = await xuecheng.PostAsJsonAsync("/api/learning/people", new { name = "薛城测试甲", orgUnitId = xuechengId, post = "法制员", isLeader = true, level = "科级" });
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        await (await office.PostAsJsonAsync("/api/learning/people", new { name = "市中测试乙", orgUnitId = shizhongId, userName = "no-such-account" })).AssertRefusedNamingAsync("userName");
        (await office.PostAsJsonAsync("/api/learning/people", new { name = "市中测试乙", orgUnitId = shizhongId, post = "科员" })).EnsureSuccessStatusCode();

        var seen = await xuecheng.GetFromJsonAsync<JsonElement>("/api/learning/people?q=" + Uri.EscapeDataString("测试"));
        Assert.All(seen.GetProperty("items").EnumerateArray(), p => Assert.Equal(xuechengId, p.GetProperty("orgUnitId").GetGuid()));
        Assert.Contains(seen.GetProperty("items").EnumerateArray(), p => p.GetProperty("name").GetString() == "薛城测试甲" && p.GetProperty("isLeader").GetBoolean());
        var all = await office.GetFromJsonAsync<JsonElement>("/api/learning/people?q=" + Uri.EscapeDataString("测试"));
        Assert.Contains(all.GetProperty("items").EnumerateArray(), p => p.GetProperty("name").GetString() == "市中测试乙");

        // Import: a bad unit and a bad 领导干部 name their rows and columns; nothing is imported.
        var account = await host.Factory.CreateUserAsync(prefix: "imp", orgCode: "370402");
        var bad = await office.PostAsync("/api/learning/people/import", LearningHost.Upload(PeopleHeaders,
        [
            ["导入甲", "枣庄市司法局", "科员", "否", "一般干部", ""],
            ["导入乙", "不存在的单位", "科员", "否", "", ""],
            ["导入丙", "370402", "副区长", "也许", "处级", ""],
        ]));
        var problem = await bad.AssertRefusedNamingAsync("rows[3]");
        Assert.Contains("B 列（单位）", problem.GetRawText(), StringComparison.Ordinal);
        Assert.True(problem.GetProperty("errors").TryGetProperty("rows[4]", out _));
        Assert.Equal(0, (await office.GetFromJsonAsync<JsonElement>("/api/learning/people?q=" + Uri.EscapeDataString("导入甲"))).GetProperty("total").GetInt32());

        var good = await office.PostAsync("/api/learning/people/import", LearningHost.Upload(PeopleHeaders,
        [
            ["导入甲", "枣庄市司法局", "科员", "否", "一般干部", ""],
            ["导入丙", "370402", "副区长", "是", "处级", account.UserName],
        ]));
        Assert.True(good.IsSuccessStatusCode, await good.Content.ReadAsStringAsync());
        Assert.Equal(2, (await good.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("added").GetInt32());
        // Imported again: the same people are updated, not doubled.
        var again = await (await office.PostAsync("/api/learning/people/import", LearningHost.Upload(PeopleHeaders,
            [["导入丙", "370402", "区长", "是", "处级", account.UserName]]))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, again.GetProperty("updated").GetInt32());

        // The linked account finds itself; an account not in the register is told so.
        var me = await (await host.Factory.ApiClientAsync(account)).GetFromJsonAsync<JsonElement>("/api/learning/me");
        Assert.Equal("导入丙", me.GetProperty("name").GetString());
        Assert.Equal("区长", me.GetProperty("post").GetString());
        var stranger = await host.Factory.ApiClientAsync(await host.Factory.CreateUserAsync(prefix: "nobody"));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync("/api/learning/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync("/api/learning/people")).StatusCode);

        // Export: the register as .xlsx in the import layout.
        var export = await office.GetAsync("/api/learning/people/export");
        var rows = XlsxReader.Read(await export.Content.ReadAsStreamAsync());
        Assert.Equal(PeopleHeaders, rows[0].Cells.Take(6));
        Assert.Contains(rows, r => r[0] == "导入丙" && r[5] == account.UserName);
    }

    [Fact]
    public async Task Questions_of_each_kind_are_checked_found_duplicate_and_imported_and_exported()
    {
        var office = await host.OfficeAsync();
        await LearningHost.QuestionAsync(office, LearningHost.Single("违法行为在多长时间内未被发现的，一般不再给予行政处罚？（单选测试）"));
        await LearningHost.QuestionAsync(office, new { kind = "Multiple", stem = "多选测试：应当告知听证权利的有？", options = "A. 较大数额罚款\nB. 降低资质等级\nC. 警告", answer = "A,B", category = "行政处罚", difficulty = 2, basis = "《行政处罚法》第六十三条" });
        await LearningHost.QuestionAsync(office, new { kind = "TrueFalse", stem = "判断测试：首违可以不罚。", answer = "正确", category = "行政处罚", difficulty = 1 });
        var fill = await LearningHost.QuestionAsync(office, new { kind = "FillIn", stem = "填空测试：复议申请期限为____日。", answer = "六十|60", category = "行政复议", difficulty = 1, basis = "《行政复议法》第二十条" });
        await LearningHost.QuestionAsync(office, new { kind = "Short", stem = "简答测试：听证中当事人的权利。", answer = "陈述申辩、质证等。", category = "行政处罚", difficulty = 3 });

        var got = await office.GetFromJsonAsync<JsonElement>($"/api/learning/questions/{fill}");
        Assert.Equal("六十|60", got.GetProperty("answer").GetString());
        var citation = Assert.Single(got.GetProperty("citations").EnumerateArray());
        Assert.Equal("Current", citation.GetProperty("state").GetString());
        Assert.Contains("六十日", citation.GetProperty("text").GetString());

        // Bad input names its field.
        await (await office.PostAsJsonAsync("/api/learning/questions", LearningHost.Single("单选答案越界测试", answer: "E"))).AssertRefusedNamingAsync("answer");
        await (await office.PostAsJsonAsync("/api/learning/questions", new { kind = "Single", stem = "单选两个答案测试", options = "甲\n乙\n丙", answer = "AB", category = "x", difficulty = 1 })).AssertRefusedNamingAsync("answer");
        await (await office.PostAsJsonAsync("/api/learning/questions", new { kind = "Single", stem = "一个选项测试", options = "甲", answer = "A", category = "x", difficulty = 1 })).AssertRefusedNamingAsync("options");
        await (await office.PostAsJsonAsync("/api/learning/questions", LearningHost.Single("法条找不到测试", basis: "《不存在的法》第三条"))).AssertRefusedNamingAsync("basis");
        await (await office.PostAsJsonAsync("/api/learning/questions", LearningHost.Single("违法行为在多长时间内未被发现的，一般不再给予行政处罚?（单选测试）"))).AssertRefusedNamingAsync("stem");

        // Import: a row in error refuses all, naming row and column; duplicates (of the bank or an earlier row) are skipped and listed.
        var bad = await office.PostAsync("/api/learning/questions/import", LearningHost.Upload(BankHeaders,
        [
            ["单选", "导入单选一", "A. 甲\nB. 乙", "A", "", "", "导入", "易"],
            ["问答", "导入题型错", "", "x", "", "", "导入", "中"],
        ]));
        var problem = await bad.AssertRefusedNamingAsync("rows[3]");
        Assert.Contains("A 列（题型）", string.Join(" ", problem.GetProperty("errors").GetProperty("rows[3]").EnumerateArray().Select(e => e.GetString())));
        var imported = await office.PostAsync("/api/learning/questions/import", LearningHost.Upload(BankHeaders,
        [
            ["单选", "导入单选一", "A. 甲\nB. 乙", "A", "解析", "《行政处罚法》第三十三条", "导入", "易"],
            ["判断", "导入判断一", "", "错", "", "", "导入", "难"],
            ["单选", "导入单选一", "A. 甲\nB. 乙", "B", "", "", "导入", "易"],
            ["简答题", "简答测试：听证中当事人的权利。", "", "参考", "", "", "导入", "中"],
        ]));
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        var result = await imported.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, result.GetProperty("added").GetInt32());
        var duplicates = result.GetProperty("duplicates").EnumerateArray().Select(d => d.GetString()!).ToList();
        Assert.Equal(2, duplicates.Count);
        Assert.Contains(duplicates, d => d.Contains("第 4 行") && d.Contains("第 2 行"));
        Assert.Contains(duplicates, d => d.Contains("第 5 行") && d.Contains("题库中已有"));

        // Export in the import layout; imported back, every row is a duplicate.
        var export = await office.GetAsync("/api/learning/questions/export");
        var bytes = await export.Content.ReadAsByteArrayAsync();
        var rows = XlsxReader.Read(new MemoryStream(bytes));
        Assert.Equal(BankHeaders, rows[0].Cells.Take(8));
        Assert.Contains(rows, r => r[1] == "填空测试：复议申请期限为____日。" && r[3] == "六十|60" && r[0] == "填空题");
        var file = new ByteArrayContent(bytes);
        var roundTrip = await (await office.PostAsync("/api/learning/questions/import", new MultipartFormDataContent { { file, "file", "题库.xlsx" } })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, roundTrip.GetProperty("added").GetInt32());
        Assert.Equal(rows.Count(r => !r.IsBlank) - 1, roundTrip.GetProperty("duplicates").GetArrayLength());

        // Only the office reads the bank (with its keys).
        var unit = await host.UnitAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync("/api/learning/questions")).StatusCode);
    }

    [Fact]
    public async Task A_question_whose_cited_article_was_amended_is_flagged_until_reviewed()
    {
        var office = await host.OfficeAsync();
        // Written in 2022, when 行政复议法 (2017) 第三十二条 read “被申请人应当履行行政复议决定”; the 2023 revision changed it.
        var id = await LearningHost.QuestionAsync(office, new
        {
            kind = "TrueFalse", stem = "法条变化测试：被申请人应当履行行政复议决定。", answer = "对", category = "行政复议", difficulty = 1, basis = "《行政复议法》第三十二条", basisOn = "2022-06-01",
        });
        var current = await LearningHost.QuestionAsync(office, LearningHost.Single("法条未变测试：违法行为几年内未被发现不再处罚？"));
        var run = await (await office.PostAsync("/api/learning/questions/legal-check", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(run.GetProperty("flagged").GetInt32() >= 1, run.ToString());

        var flagged = await office.GetFromJsonAsync<JsonElement>("/api/learning/questions?flagged=true&q=" + Uri.EscapeDataString("测试"));
        var row = Assert.Single(flagged.GetProperty("items").EnumerateArray());
        Assert.Equal(id, row.GetProperty("id").GetGuid());
        Assert.Contains("行政复议法", row.GetProperty("flagNote").GetString());
        Assert.Equal("Amended", Assert.Single(row.GetProperty("citations").EnumerateArray()).GetProperty("state").GetString());
        Assert.False((await office.GetFromJsonAsync<JsonElement>($"/api/learning/questions/{current}")).GetProperty("flagged").GetBoolean());

        var browser = await host.Factory.SignedInBrowserAsync(await host.Factory.CreateUserAsync("learning-office", "370400"));
        var html = WebUtility.HtmlDecode(await browser.GetStringAsync("/learning/questions?flagged=true"));
        Assert.Contains("法条已变化", html);
        Assert.Contains("法条变化测试", html);

        // Reviewed: read as of today, no longer flagged, and the next check leaves it alone.
        await (await office.PostAsJsonAsync($"/api/learning/questions/{id}/review", new { })).AssertRefusedNamingAsync("version");
        var reviewed = await office.PostAsJsonAsync($"/api/learning/questions/{id}/review", new { version = row.GetProperty("version").GetInt64() });
        Assert.True(reviewed.IsSuccessStatusCode, await reviewed.Content.ReadAsStringAsync());
        await office.PostAsync("/api/learning/questions/legal-check", null);
        var after = await office.GetFromJsonAsync<JsonElement>($"/api/learning/questions/{id}");
        Assert.False(after.GetProperty("flagged").GetBoolean());
        Assert.Equal("Current", Assert.Single(after.GetProperty("citations").EnumerateArray()).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync($"/api/learning/questions/{id}/review", new { version = after.GetProperty("version").GetInt64() })).StatusCode);
    }

    [Fact]
    public async Task A_question_is_edited_on_the_bank_page_and_an_edit_over_somebody_elses_change_or_with_an_empty_stem_is_refused_inline()
    {
        var office = await host.OfficeAsync();
        var stem = "页面修改测试" + Guid.NewGuid().ToString("N")[..6];
        var id = await LearningHost.QuestionAsync(office, LearningHost.Single(stem + "：违法行为几年内未被发现不再处罚？"));
        var browser = await host.Factory.SignedInBrowserAsync(await host.Factory.CreateUserAsync("learning-office", "370400"));
        var list = WebUtility.HtmlDecode(await browser.GetStringAsync("/learning/questions?q=" + Uri.EscapeDataString(stem)));
        Assert.Contains($"/learning/questions?edit={id}", list);
        var url = $"/learning/questions?edit={id}";
        var form = WebUtility.HtmlDecode(await browser.GetStringAsync(url));
        Assert.Contains("修改试题", form);
        Assert.Contains(stem + "：违法行为几年内未被发现不再处罚？", form);
        var version = (await office.GetFromJsonAsync<JsonElement>($"/api/learning/questions/{id}")).GetProperty("version").GetInt64();
        Dictionary<string, string> Fields(string newStem, long v) => new()
        {
            ["Input.Id"] = id.ToString(), ["Input.Version"] = v.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Kind"] = "Single", ["Input.Stem"] = newStem,
            ["Input.Options"] = "一年\n二年\n三年\n五年", ["Input.Answer"] = "B", ["Input.Explanation"] = "二年。", ["Input.Basis"] = "《行政处罚法》第三十六条", ["Input.Category"] = "行政处罚",
            ["Input.Difficulty"] = "3",
        };

        var saved = await Forms.SubmitAsync(browser, url, "question", Fields(stem + "（已修改）", version));
        Assert.Contains("试题已修改", WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync()));
        var after = await office.GetFromJsonAsync<JsonElement>($"/api/learning/questions/{id}");
        Assert.Equal(stem + "（已修改）", after.GetProperty("stem").GetString());
        Assert.Equal(3, after.GetProperty("difficulty").GetInt32());

        // The form still carries the old version: somebody else's change (this one) is not overwritten.
        var stale = WebUtility.HtmlDecode(await (await Forms.SubmitAsync(browser, url, "question", Fields(stem + "（再改）", version))).Content.ReadAsStringAsync());
        Assert.DoesNotContain("试题已修改", stale);
        Assert.Contains("已被", stale);
        var empty = WebUtility.HtmlDecode(await (await Forms.SubmitAsync(browser, url, "question", Fields("", after.GetProperty("version").GetInt64()))).Content.ReadAsStringAsync());
        Assert.DoesNotContain("试题已修改", empty);
        Assert.Contains("题干", empty);
        Assert.Equal(stem + "（已修改）", (await office.GetFromJsonAsync<JsonElement>($"/api/learning/questions/{id}")).GetProperty("stem").GetString());
    }
}
