using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Fazhi.Rulemaking.Tests;

/// <summary>
/// Normative documents end to end through HTTP: a drafting unit submits, the pre-check's findings are stored; only the
/// unit (and the review office above it) sees the draft; the office decides every finding with a reason, gives opinions per
/// article and returns the draft; the closed round refuses a second opinion; the unit resubmits; the office passes it; it
/// cannot be published without a unified registration number; registered, published and filed (30 days, 山东省人大常委会
/// 备案审查规定 第七条); the public sees it; a later draft repeating it is flagged. And the demo records.
/// </summary>
public sealed class NormativeDocumentTests(RulemakingHost host) : IClassFixture<RulemakingHost>
{
    private const string FirstText = """
        枣庄市薛城区人民政府
        第一条 为了规范共享单车停放秩序，结合本区实际，制定本办法。
        第二条 共享单车运营企业应当在规定区域设置电子围栏，引导用户规范停放车辆，并安排专人每日清理乱停乱放的车辆。
        第三条 运营企业未按规定清理车辆的，由区城市管理局处以五千元罚款。
        第四条 本办法自2027年5月1日起施行，有效期五年。
        """;

    private const string RevisedText = """
        枣庄市薛城区人民政府
        第一条 为了规范共享单车停放秩序，结合本区实际，制定本办法。
        第二条 共享单车运营企业应当在规定区域设置电子围栏，引导用户规范停放车辆，并安排专人每日清理乱停乱放的车辆。
        第三条 区城市管理局应当会同交通运输部门定期通报各运营企业的停放管理情况。
        第四条 本办法自2027年5月1日起施行，有效期五年。
        """;

    [Fact]
    public async Task A_draft_goes_through_review_return_resubmission_registration_publication_and_filing()
    {
        var today = await host.TodayAsync();
        var xuecheng = await host.DrafterAsync("370403");
        var shizhong = await host.DrafterAsync("370402");
        var office = await host.OfficeAsync();
        var effective = today.AddDays(30);

        await (await xuecheng.PostAsJsonAsync("/api/rulemaking/normative-documents", RulemakingHost.Draft("", FirstText, effective))).AssertRefusedNamingAsync("title");
        await (await xuecheng.PostAsJsonAsync("/api/rulemaking/normative-documents", RulemakingHost.Draft("溯及既往的办法", FirstText, today.AddDays(-1)))).AssertRefusedNamingAsync("effectiveOn");
        var created = await RulemakingHost.SubmitAsync(xuecheng, RulemakingHost.Draft("薛城区共享单车停放管理办法", FirstText, effective));
        var id = created.GetProperty("draft").GetProperty("id").GetString();
        Assert.Equal("UnderReview", created.GetProperty("draft").GetProperty("status").GetString());
        Assert.True(created.GetProperty("draft").GetProperty("reviewDueOn").GetDateTime() > today.ToDateTime(TimeOnly.MinValue));
        var penalty = Assert.Single(created.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "penalty");
        Assert.Equal("第三条", penalty.GetProperty("draftArticle").GetString());
        Assert.Equal("中华人民共和国行政处罚法 第十六条", penalty.GetProperty("article").GetString());

        // Data scope: another district's drafting unit neither sees nor lists it, and cannot submit for Xuecheng.
        Assert.Equal(HttpStatusCode.NotFound, (await shizhong.GetAsync($"/api/rulemaking/normative-documents/{id}")).StatusCode);
        var theirs = await shizhong.GetFromJsonAsync<JsonElement>("/api/rulemaking/normative-documents");
        Assert.DoesNotContain(theirs.EnumerateArray(), d => d.GetProperty("id").GetString() == id);
        var xuechengId = await host.Factory.UnitIdAsync("370403");
        var body = JsonSerializer.SerializeToElement(RulemakingHost.Draft("越权报送", FirstText, effective));
        var foreign = new Dictionary<string, object?>(body.EnumerateObject().Select(p => new KeyValuePair<string, object?>(p.Name, p.Value))) { ["orgUnitId"] = xuechengId };
        await (await shizhong.PostAsJsonAsync("/api/rulemaking/normative-documents", foreign)).AssertRefusedNamingAsync("orgUnitId");
        Assert.Equal(HttpStatusCode.NotFound, (await shizhong.GetAsync($"/api/rulemaking/normative-documents/{id}/opinion.docx")).StatusCode);
        // The drafting unit may not review.
        Assert.Equal(HttpStatusCode.Forbidden, (await xuecheng.PostAsJsonAsync($"/api/rulemaking/normative-documents/{id}/conclusion", new { pass = true, conclusion = "自己通过" })).StatusCode);

        // Review: every finding decided with a reason before a conclusion; accepted findings forbid passing.
        var version = created.GetProperty("draft").GetProperty("version").GetInt64();
        await (await office.PostAsJsonAsync($"/api/rulemaking/normative-documents/{id}/conclusion", new { pass = false, conclusion = "退回", version })).AssertRefusedNamingAsync("findings");
        await (await office.PostAsJsonAsync($"/api/rulemaking/normative-documents/{id}/findings/{penalty.GetProperty("id")}", new { decision = "Accepted", reason = "" })).AssertRefusedNamingAsync("reason");
        foreach (var f in created.GetProperty("findings").EnumerateArray())
        {
            var accept = f.GetProperty("rule").GetString() == "penalty";
            await RulemakingHost.OkAsync(await office.PostAsJsonAsync($"/api/rulemaking/normative-documents/{id}/findings/{f.GetProperty("id")}",
                new { decision = accept ? "Accepted" : "Dismissed", reason = accept ? "规范性文件不得设定罚款。" : "不构成问题。" }));
        }
        await (await office.PostAsJsonAsync($"/api/rulemaking/normative-documents/{id}/opinions", new { articleLabel = "第三条", verdict = "Delete", reason = "" })).AssertRefusedNamingAsync("reason");
        await (await office.PostAsJsonAsync($"/api/rulemaking/normative-documents/{id}/opinions", new { articleLabel = "第九十条", verdict = "Legal" })).AssertRefusedNamingAsync("articleLabel");
        await RulemakingHost.OkAsync(await office.PostAsJsonAsync($"/api/rulemaking/normative-documents/{id}/opinions", new { articleLabel = "第三条", verdict = "Delete", reason = "行政处罚法第十六条：规范性文件不得设定行政处罚。" }));
        await RulemakingHost.OkAsync(await office.PostAsJsonAsync($"/api/rulemaking/normative-documents/{id}/opinions", new { articleLabel = "第二条", verdict = "Legal" }));
        var passRefused = await (await office.PostAsJsonAsync($"/api/rulemaking/normative-documents/{id}/conclusion", new { pass = true, conclusion = "通过", version })).AssertRefusedNamingAsync("findings");
        Assert.Contains("退回修改", passRefused.GetProperty("errors").GetProperty("findings")[0].GetString());
        var returned = await RulemakingHost.OkAsync(await office.PostAsJsonAsync($"/api/rulemaking/normative-documents/{id}/conclusion", new { pass = false, conclusion = "第三条设定罚款，应删除后重新报送。", version }));
        Assert.Equal("Returned", returned.GetProperty("status").GetString());

        // The round is closed: a second opinion, finding decision or conclusion is refused (409).
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync($"/api/rulemaking/normative-documents/{id}/opinions", new { articleLabel = "第二条", verdict = "Amend", reason = "再提意见" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync($"/api/rulemaking/normative-documents/{id}/findings/{penalty.GetProperty("id")}", new { decision = "Dismissed", reason = "改主意" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync($"/api/rulemaking/normative-documents/{id}/conclusion", new { pass = true, conclusion = "通过", version = returned.GetProperty("version").GetInt64() })).StatusCode);

        // The 合法性审核意见书 (.docx), readable by the drafting unit.
        var docx = await xuecheng.GetAsync($"/api/rulemaking/normative-documents/{id}/opinion.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);
        var bytes = await docx.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]);

        // The drafting unit resubmits the revised text: round 2, a new pre-check; round 1's findings stay on record.
        var resubmitted = await RulemakingHost.OkAsync(await xuecheng.PostAsJsonAsync($"/api/rulemaking/normative-documents/{id}/resubmit", new
        {
            title = "薛城区共享单车停放管理办法", issuingAuthority = "枣庄市薛城区人民政府", text = RevisedText, basis = "《优化营商环境条例》", draftingExplanation = "按审核意见删除罚款条款。",
            commentRecord = "公开征求意见 30 日。", effectiveOn = effective, validityYears = 5, version = returned.GetProperty("version").GetInt64(),
        }));
        Assert.Equal(2, resubmitted.GetProperty("draft").GetProperty("round").GetInt32());
        Assert.DoesNotContain(resubmitted.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "penalty");
        Assert.Contains(resubmitted.GetProperty("earlierFindings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "penalty" && f.GetProperty("decision").GetString() == "Accepted");
        foreach (var f in resubmitted.GetProperty("findings").EnumerateArray())
        {
            await RulemakingHost.OkAsync(await office.PostAsJsonAsync($"/api/rulemaking/normative-documents/{id}/findings/{f.GetProperty("id")}", new { decision = "Dismissed", reason = "不构成问题。" }));
        }
        var passed = await RulemakingHost.OkAsync(await office.PostAsJsonAsync($"/api/rulemaking/normative-documents/{id}/conclusion",
            new { pass = true, conclusion = "经审核，未发现违反上位法的内容。", version = resubmitted.GetProperty("draft").GetProperty("version").GetInt64() }));
        Assert.Equal("Passed", passed.GetProperty("status").GetString());

        // Publishing without a unified registration number is refused, naming it; registration takes the kit's number.
        var unregistered = await office.PostAsJsonAsync($"/api/rulemaking/normative-documents/{id}/publish", new { publishedOn = today });
        Assert.Equal(HttpStatusCode.Conflict, unregistered.StatusCode);
        Assert.Contains("统一登记编号", await unregistered.Content.ReadAsStringAsync());
        var registered = await RulemakingHost.OkAsync(await office.PostAsync($"/api/rulemaking/normative-documents/{id}/register", null));
        var number = registered.GetProperty("registrationNo").GetString()!;
        Assert.Matches(new Regex($"^ZZFG-{today.Year}-[0-9]{{3}}$"), number);

        // Published 40 days ago: the 30-day filing period has passed, so filing is overdue until recorded.
        var published = await RulemakingHost.OkAsync(await office.PostAsJsonAsync($"/api/rulemaking/normative-documents/{id}/publish", new { publishedOn = today.AddDays(-40) }));
        Assert.Equal(today.AddDays(-10).ToString("yyyy-MM-dd"), published.GetProperty("filingDueOn").GetString());
        Assert.True(published.GetProperty("filingOverdue").GetBoolean());
        Assert.Equal(effective.AddYears(5).AddDays(-1).ToString("yyyy-MM-dd"), published.GetProperty("expiresOn").GetString());
        var officeBrowser = await host.Factory.SignedInBrowserAsync(await host.Factory.CreateUserAsync("rulemaking-office", "370400"));
        Assert.Contains("备案逾期", WebUtility.HtmlDecode(await officeBrowser.GetStringAsync($"/rulemaking/documents/{id}")));
        await (await office.PostAsJsonAsync($"/api/rulemaking/normative-documents/{id}/filing", new { filedOn = today, filedWith = "" })).AssertRefusedNamingAsync("filedWith");
        var filed = await RulemakingHost.OkAsync(await office.PostAsJsonAsync($"/api/rulemaking/normative-documents/{id}/filing", new { filedOn = today, filedWith = "枣庄市人民政府；薛城区人大常委会" }));
        Assert.False(filed.GetProperty("filingOverdue").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync($"/api/rulemaking/normative-documents/{id}/filing", new { filedOn = today, filedWith = "再次" })).StatusCode);

        // The public sees it with its number.
        var anonymous = host.Factory.CreateClient();
        var publicList = await anonymous.GetFromJsonAsync<JsonElement>("/api/rulemaking/public/normative-documents");
        Assert.Contains(publicList.EnumerateArray(), d => d.GetProperty("registrationNo").GetString() == number);
        Assert.Contains("薛城区共享单车停放管理办法", WebUtility.HtmlDecode(await anonymous.GetStringAsync("/public/normative-documents")));

        // Once in force, a draft repeating its article is flagged with a link to it.
        var repeat = await RulemakingHost.OkAsync(await shizhong.PostAsJsonAsync("/api/rulemaking/legality-precheck", new
        {
            kind = "normative-document", effectiveOn = effective.AddDays(30),
            text = "市中区人民政府\n第一条 共享单车运营企业应当在规定区域设置电子围栏，引导用户规范停放车辆，并安排专人每日清理乱停乱放的车辆。\n第二条 本办法自2027年6月1日起施行，有效期三年。",
        }));
        var duplicate = Assert.Single(repeat.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "duplicate");
        Assert.Equal($"/rulemaking/documents/{id}", duplicate.GetProperty("link").GetString());
        Assert.Contains("薛城区共享单车停放管理办法", duplicate.GetProperty("message").GetString());
    }
}
