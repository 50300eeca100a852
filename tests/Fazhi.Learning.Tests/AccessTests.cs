using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Fazhi.Learning.Data;
using Fazhi.Learning.Exams;
using Fazhi.Platform.Features.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Learning.Tests;

/// <summary>
/// One-time exam codes for people without an account and the exams' access rules (ADR 0037), through HTTP: a code reaches
/// only its own exam and nothing of the back office; a code for another exam, after the window, with another name, a wrong
/// access code, an address outside the ranges and a start before the staggered time are refused, each naming its rule.
/// </summary>
public sealed class AccessTests(LearningHost host) : IClassFixture<LearningHost>
{
    private static string Session() => Guid.NewGuid().ToString("N");

    private static async Task<string> BankAsync(HttpClient office, int count)
    {
        var category = "入场测试" + Guid.NewGuid().ToString("N")[..6];
        for (var i = 1; i <= count; i++)
        {
            await LearningHost.QuestionAsync(office, new
            {
                kind = "Single", stem = $"{category} 第 {i} 题", options = $"甲{i}\n正确项{i}\n乙{i}\n丙{i}", answer = "B", explanation = "解析", category, difficulty = 1,
                basis = "《行政处罚法》第三十六条",
            });
        }
        return category;
    }

    /// <summary>A published exam on a fresh 2-question paper for <paramref name="people"/>, with the given access rules.</summary>
    private static async Task<JsonElement> ExamAsync(HttpClient office, Guid[] people, string? accessCode = null, string? networks = null, int stagger = 0, DateTimeOffset? opensAt = null)
    {
        var category = await BankAsync(office, 2);
        var paper = await office.PostAsJsonAsync("/api/learning/papers", new { title = "入场测试卷", mode = "Random", rules = $"{category}|易|2", pointsEach = 1 });
        Assert.True(paper.IsSuccessStatusCode, await paper.Content.ReadAsStringAsync());
        var created = await office.PostAsJsonAsync("/api/learning/exams", new
        {
            title = "入场测试" + category[^6..], paperId = (await paper.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(),
            opensAt = opensAt ?? DateTimeOffset.UtcNow.AddHours(-1), closesAt = DateTimeOffset.UtcNow.AddDays(1), timeLimitMinutes = 60, maxAttempts = 1, passMark = 1, people,
            accessCode, allowedNetworks = networks, staggerMinutes = stagger,
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var exam = await created.Content.ReadFromJsonAsync<JsonElement>();
        var published = await office.PostAsJsonAsync($"/api/learning/exams/{exam.GetProperty("id").GetGuid()}/publish", new { version = exam.GetProperty("version").GetInt64() });
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
        return await published.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A registered person without an account; their id.</summary>
    private async Task<Guid> PersonAsync(HttpClient office, string name)
    {
        var created = await office.PostAsJsonAsync("/api/learning/people", new { name, orgUnitId = await host.Factory.UnitIdAsync("370402"), post = "科员", isLeader = false, level = "科级" });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Issues the exam's codes; the printed list's rows (name, unit, post, code, ...).</summary>
    private static async Task<List<XlsxRow>> IssueAsync(HttpClient office, Guid exam)
    {
        var issued = await office.PostAsync($"/api/learning/exams/{exam}/codes", new FormUrlEncodedContent([]));
        Assert.True(issued.IsSuccessStatusCode, await issued.Content.ReadAsStringAsync());
        Assert.Equal(XlsxWriter.ContentType, issued.Content.Headers.ContentType?.MediaType);
        return XlsxReader.Read(await issued.Content.ReadAsStreamAsync());
    }

    private static string CodeOf(List<XlsxRow> rows, string name) => rows.Single(r => r[0] == name)[3];

    private static async Task AssertRuleAsync(HttpResponseMessage response, HttpStatusCode status, string rule)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.Equal(rule, JsonDocument.Parse(body).RootElement.GetProperty("rule").GetString());
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string code, string name) =>
        client.PostAsJsonAsync("/api/learning/code/sign-in", new { code, name });

    [Fact]
    public async Task A_code_signs_its_person_in_to_its_own_exam_only_and_nothing_else_of_the_back_office()
    {
        var office = await host.OfficeAsync();
        var name = "码考生" + Guid.NewGuid().ToString("N")[..4];
        var other = "码考生" + Guid.NewGuid().ToString("N")[..4];
        var person = await PersonAsync(office, name);
        var otherPerson = await PersonAsync(office, other);
        var first = (await ExamAsync(office, [person, otherPerson])).GetProperty("id").GetGuid();
        var second = (await ExamAsync(office, [person])).GetProperty("id").GetGuid();

        var rows = await IssueAsync(office, first);
        Assert.Equal(2, rows.Count(r => r[0] == name || r[0] == other));
        var code = CodeOf(rows, name);
        Assert.Matches("^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$", code);
        // Stored as a hash only: the plain code is nowhere in the database.
        var stored = await host.Factory.InScopeAsync(async sp => await sp.GetRequiredService<LearningDb>().ExamCodes.AsNoTracking().Where(c => c.ExamId == first).ToListAsync());
        Assert.Equal(2, stored.Count);
        Assert.DoesNotContain(stored, c => c.CodeHash.Contains(code.Replace("-", ""), StringComparison.OrdinalIgnoreCase));

        var browser = host.Factory.BrowserClient();
        // Another person's name with this code is refused and counted.
        await (await SignInAsync(browser, code, other)).AssertRefusedNamingAsync("name");
        var signedIn = await SignInAsync(browser, code.ToLowerInvariant().Replace("-", " "), name);
        Assert.True(signedIn.IsSuccessStatusCode, await signedIn.Content.ReadAsStringAsync());
        Assert.Equal(first, (await signedIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("examId").GetGuid());

        // Only its own exam: listed, started, answered and handed in through the code's API and page.
        var mine = await browser.GetFromJsonAsync<JsonElement>("/api/learning/code/my/exams");
        Assert.Equal([first], mine.EnumerateArray().Select(e => e.GetProperty("id").GetGuid()));
        var page = await browser.GetAsync("/learning/code/take");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-base=\"/api/learning/code\"", await page.Content.ReadAsStringAsync());
        var session = Session();
        var started = await browser.PostAsJsonAsync($"/api/learning/code/exams/{first}/start", new { session });
        Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
        var attempt = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("attemptId").GetGuid();
        var view = await browser.GetFromJsonAsync<JsonElement>($"/api/learning/code/attempts/{attempt}");
        var item = view.GetProperty("items")[0];
        var right = ((char)('A' + item.GetProperty("options").EnumerateArray().Select(o => o.GetString()!).ToList().FindIndex(o => o.StartsWith("正确项", StringComparison.Ordinal)))).ToString();
        (await browser.PutAsJsonAsync($"/api/learning/code/attempts/{attempt}/answers/{item.GetProperty("position").GetInt32()}", new { session, answer = right })).EnsureSuccessStatusCode();
        var handed = await browser.PostAsJsonAsync($"/api/learning/code/attempts/{attempt}/submit", new { session });
        Assert.True(handed.IsSuccessStatusCode, await handed.Content.ReadAsStringAsync());
        Assert.Equal(1m, (await handed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("score").GetDecimal());

        // The other exam the same person is assigned to is refused, naming the code's rule; so is its gate.
        await AssertRuleAsync(await browser.PostAsJsonAsync($"/api/learning/code/exams/{second}/start", new { session = Session() }), HttpStatusCode.Forbidden, ExamAccess.CodeRule);
        await AssertRuleAsync(await browser.GetAsync($"/api/learning/code/exams/{second}/gate"), HttpStatusCode.Forbidden, ExamAccess.CodeRule);

        // Nothing of the back office: the platform does not see the code's cookie at all.
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/learning/people")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/learning/my/exams")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync($"/api/learning/attempts/{attempt}")).StatusCode);
        var backOffice = await browser.GetAsync("/learning/people");
        Assert.Equal(HttpStatusCode.Redirect, backOffice.StatusCode);
        Assert.Contains("/account/login", backOffice.Headers.Location!.OriginalString);

        // Another person's attempt is not reachable with this code; nor is the code API without one.
        var otherBrowser = host.Factory.BrowserClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await otherBrowser.GetAsync($"/api/learning/code/attempts/{attempt}")).StatusCode);
        (await SignInAsync(otherBrowser, CodeOf(rows, other), other)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await otherBrowser.GetAsync($"/api/learning/code/attempts/{attempt}")).StatusCode);
        var noPage = await host.Factory.BrowserClient().GetAsync("/learning/code/take");
        Assert.Equal(HttpStatusCode.Redirect, noPage.StatusCode);
        Assert.Contains("/learning/code", noPage.Headers.Location!.OriginalString);

        // Re-issuing revokes the earlier code; five wrong names lock the new one.
        var again = CodeOf(await IssueAsync(office, first), other);
        await (await SignInAsync(host.Factory.BrowserClient(), CodeOf(rows, other), other)).AssertRefusedNamingAsync("code");
        for (var i = 0; i < ExamCodes.MaxFailures; i++)
        {
            await (await SignInAsync(host.Factory.BrowserClient(), again, "别人")).AssertRefusedNamingAsync("name");
        }
        var locked = await (await SignInAsync(host.Factory.BrowserClient(), again, other)).AssertRefusedNamingAsync("code");
        Assert.Contains("锁定", locked.ToString());
        var list = await office.GetFromJsonAsync<JsonElement>($"/api/learning/exams/{first}/codes");
        Assert.Contains(list.EnumerateArray(), c => c.GetProperty("name").GetString() == other && c.GetProperty("locked").GetBoolean());
        Assert.Contains(list.EnumerateArray(), c => c.GetProperty("name").GetString() == name && c.GetProperty("signIns").GetInt32() == 1);

        // After the window the code is refused as expired, naming the rule.
        var late = CodeOf(await IssueAsync(office, second), name);
        await host.Factory.InScopeAsync(async sp => await sp.GetRequiredService<LearningDb>().Exams.Where(e => e.Id == second)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ClosesAt, DateTimeOffset.UtcNow.AddMinutes(-1))));
        var expired = await SignInAsync(host.Factory.BrowserClient(), late, name);
        await AssertRuleAsync(expired, HttpStatusCode.Conflict, ExamAccess.CodeRule);
        Assert.Contains("已过期", await expired.Content.ReadAsStringAsync());
        await (await SignInAsync(host.Factory.BrowserClient(), "2345-6789-ABCD", name)).AssertRefusedNamingAsync("code");
    }

    /// <summary>Answers every question of a code taker's attempt right (the option that starts with 正确项) and hands it in.</summary>
    private static async Task<Guid> PassAsync(HttpClient browser, Guid exam)
    {
        var session = Session();
        var started = await browser.PostAsJsonAsync($"/api/learning/code/exams/{exam}/start", new { session });
        Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
        var attempt = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("attemptId").GetGuid();
        var view = await browser.GetFromJsonAsync<JsonElement>($"/api/learning/code/attempts/{attempt}");
        foreach (var item in view.GetProperty("items").EnumerateArray())
        {
            var right = ((char)('A' + item.GetProperty("options").EnumerateArray().Select(o => o.GetString()!).ToList().FindIndex(o => o.StartsWith("正确项", StringComparison.Ordinal)))).ToString();
            (await browser.PutAsJsonAsync($"/api/learning/code/attempts/{attempt}/answers/{item.GetProperty("position").GetInt32()}", new { session, answer = right })).EnsureSuccessStatusCode();
        }
        (await browser.PostAsJsonAsync($"/api/learning/code/attempts/{attempt}/submit", new { session })).EnsureSuccessStatusCode();
        return attempt;
    }

    [Fact]
    public async Task A_code_taker_downloads_their_certificate_from_the_code_page_also_after_the_release_and_anyone_verifies_it()
    {
        var office = await host.OfficeAsync();
        var name = "证书码考生" + Guid.NewGuid().ToString("N")[..4];
        var other = "证书码考生" + Guid.NewGuid().ToString("N")[..4];
        var person = await PersonAsync(office, name);
        var otherPerson = await PersonAsync(office, other);
        var created = await ExamAsync(office, [person, otherPerson]);
        var exam = created.GetProperty("id").GetGuid();
        var rows = await IssueAsync(office, exam);
        var browser = host.Factory.BrowserClient();
        (await SignInAsync(browser, CodeOf(rows, name), name)).EnsureSuccessStatusCode();
        var attempt = await PassAsync(browser, exam);

        // Passed (all objective): the certificate is there at once, on the code's own API, with its verification number.
        var results = await office.GetFromJsonAsync<JsonElement>($"/api/learning/exams/{exam}/results");
        var number = results.GetProperty("people").EnumerateArray().Single(p => p.GetProperty("name").GetString() == name).GetProperty("certificateNumber").GetString()!;
        Assert.Matches("^XF20[0-9]{2}-[2-9A-HJ-NP-Z]{10}$", number);
        async Task AssertCertificateAsync(HttpClient client)
        {
            var docx = await client.GetAsync($"/api/learning/code/attempts/{attempt}/certificate");
            Assert.True(docx.IsSuccessStatusCode, await docx.Content.ReadAsStringAsync());
            Assert.Equal(DocxTemplate.ContentType, docx.Content.Headers.ContentType!.MediaType);
            using var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
            var text = word.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains(number, text);
            Assert.Contains(name, text);
            Assert.Contains("2分", text);
        }
        await AssertCertificateAsync(browser);
        Assert.Contains($"/api/learning/code/attempts/{attempt}/certificate", await browser.GetStringAsync("/learning/code/take"));
        // Not through the accounts' endpoint (the platform does not see the code), not for another code's person, not without a code.
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync($"/api/learning/attempts/{attempt}/certificate")).StatusCode);
        var otherBrowser = host.Factory.BrowserClient();
        (await SignInAsync(otherBrowser, CodeOf(rows, other), other)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await otherBrowser.GetAsync($"/api/learning/code/attempts/{attempt}/certificate")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Factory.BrowserClient().GetAsync($"/api/learning/code/attempts/{attempt}/certificate")).StatusCode);
        // The other taker did not sit the exam: no certificate to download for them either.
        Assert.DoesNotContain("/certificate", await otherBrowser.GetStringAsync("/learning/code/take"));

        // The window closes: before the office releases the results the code is expired (saying when it will work again) ...
        await host.Factory.InScopeAsync(async sp => await sp.GetRequiredService<LearningDb>().Exams.Where(e => e.Id == exam)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ClosesAt, DateTimeOffset.UtcNow.AddMinutes(-1))));
        var early = await SignInAsync(host.Factory.BrowserClient(), CodeOf(rows, name), name);
        await AssertRuleAsync(early, HttpStatusCode.Conflict, ExamAccess.CodeRule);
        Assert.Contains("公布成绩后", await early.Content.ReadAsStringAsync());
        // ... and after the release it signs in to see the result and download the certificate, never to start.
        var version = (await office.GetFromJsonAsync<JsonElement>($"/api/learning/exams/{exam}")).GetProperty("version").GetInt64();
        (await office.PostAsJsonAsync($"/api/learning/exams/{exam}/release", new { version })).EnsureSuccessStatusCode();
        var later = host.Factory.BrowserClient();
        var signedIn = await SignInAsync(later, CodeOf(rows, name), name);
        Assert.True(signedIn.IsSuccessStatusCode, await signedIn.Content.ReadAsStringAsync());
        var page = WebUtility.HtmlDecode(await later.GetStringAsync("/learning/code/take"));
        Assert.Contains($"/api/learning/code/attempts/{attempt}/certificate", page);
        Assert.Contains($"data-view=\"{attempt}\"", page);
        await AssertCertificateAsync(later);
        var paper = await later.GetFromJsonAsync<JsonElement>($"/api/learning/code/attempts/{attempt}");
        Assert.All(paper.GetProperty("items").EnumerateArray(), i => Assert.StartsWith("正确项", i.GetProperty("options")[i.GetProperty("rightAnswer").GetString()![0] - 'A'].GetString()));
        var otherLater = host.Factory.BrowserClient();
        (await SignInAsync(otherLater, CodeOf(rows, other), other)).EnsureSuccessStatusCode();
        await AssertRuleAsync(await otherLater.PostAsJsonAsync($"/api/learning/code/exams/{exam}/start", new { session = Session() }), HttpStatusCode.Conflict, ExamAccess.WindowRule);

        // Anyone verifies the number on the public API and page.
        var anonymous = host.Factory.CreateClient();
        var check = await anonymous.GetFromJsonAsync<JsonElement>($"/api/learning/public/certificates/{number}");
        Assert.Equal(name, check.GetProperty("name").GetString());
        Assert.Equal("合格", check.GetProperty("result").GetString());
        var publicPage = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/public/learning/certificates?number={number}"));
        Assert.Contains("证书有效", publicPage);
        Assert.Contains(name, publicPage);
    }

    [Fact]
    public async Task An_access_code_allowed_networks_and_a_staggered_start_are_checked_by_the_server_and_each_refusal_names_its_rule()
    {
        var office = await host.OfficeAsync();
        var (taker, person, _) = await host.TakerAsync(office);

        // Access code: none given or a wrong one is refused naming the field and the rule; the right one starts; resuming needs none.
        var coded = (await ExamAsync(office, [person], accessCode: "ZZ2026")).GetProperty("id").GetGuid();
        var gate = await taker.GetFromJsonAsync<JsonElement>($"/api/learning/exams/{coded}/gate");
        Assert.True(gate.GetProperty("needsAccessCode").GetBoolean());
        var session = Session();
        var none = await (await taker.PostAsJsonAsync($"/api/learning/exams/{coded}/start", new { session })).AssertRefusedNamingAsync("accessCode");
        Assert.Equal(ExamAccess.AccessCodeRule, none.GetProperty("rule").GetString());
        var wrong = await (await taker.PostAsJsonAsync($"/api/learning/exams/{coded}/start", new { session, accessCode = "ZZ2025" })).AssertRefusedNamingAsync("accessCode");
        Assert.Contains("不正确", wrong.ToString());
        (await taker.PostAsJsonAsync($"/api/learning/exams/{coded}/start", new { session, accessCode = "zz2026" })).EnsureSuccessStatusCode();
        (await taker.PostAsJsonAsync($"/api/learning/exams/{coded}/start", new { session })).EnsureSuccessStatusCode();
        Assert.False((await taker.GetFromJsonAsync<JsonElement>($"/api/learning/exams/{coded}/gate")).GetProperty("needsAccessCode").GetBoolean());

        // Allowed networks: a start from outside them is refused naming the rule (the test client's address is none of them).
        var ranged = await ExamAsync(office, [person], networks: "10.9.0.0/16\n192.168.1.7");
        var rangedId = ranged.GetProperty("id").GetGuid();
        await AssertRuleAsync(await taker.PostAsJsonAsync($"/api/learning/exams/{rangedId}/start", new { session = Session() }), HttpStatusCode.Forbidden, ExamAccess.NetworkRule);
        await AssertRuleAsync(await taker.GetAsync($"/api/learning/exams/{rangedId}/gate"), HttpStatusCode.Forbidden, ExamAccess.NetworkRule);
        // A range that is not a network is refused naming the field; lifting the ranges lets the taker in.
        await (await office.PutAsJsonAsync($"/api/learning/exams/{rangedId}/access", new { version = ranged.GetProperty("version").GetInt64(), allowedNetworks = "10.9.0.0/33" }))
            .AssertRefusedNamingAsync("allowedNetworks");
        (await office.PutAsJsonAsync($"/api/learning/exams/{rangedId}/access", new { version = ranged.GetProperty("version").GetInt64(), allowedNetworks = "" })).EnsureSuccessStatusCode();
        (await taker.PostAsJsonAsync($"/api/learning/exams/{rangedId}/start", new { session = Session() })).EnsureSuccessStatusCode();

        // Staggered start: each taker's delay is computed on the server; before it the start is refused naming the rule,
        // and the gate gives the seconds to count down.
        var opened = DateTimeOffset.UtcNow.AddSeconds(-20);
        var staggered = (await ExamAsync(office, [person], stagger: 30, opensAt: opened)).GetProperty("id").GetGuid();
        var exam = await host.Factory.InScopeAsync(async sp => await sp.GetRequiredService<LearningDb>().Exams.AsNoTracking().FirstAsync(e => e.Id == staggered));
        var delay = (ExamAccess.StartsAt(exam, person) - exam.OpensAt).TotalSeconds;
        Assert.InRange(delay, 0, 30 * 60);
        // Put the opening so that this taker's start is 90 seconds away, whatever their delay.
        await host.Factory.InScopeAsync(async sp => await sp.GetRequiredService<LearningDb>().Exams.Where(e => e.Id == staggered)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.OpensAt, DateTimeOffset.UtcNow.AddSeconds(90 - delay))));
        if (delay > 90)
        {
            var wait = (await taker.GetFromJsonAsync<JsonElement>($"/api/learning/exams/{staggered}/gate")).GetProperty("waitSeconds").GetInt64();
            Assert.InRange(wait, 60, 91);
            var early = await taker.PostAsJsonAsync($"/api/learning/exams/{staggered}/start", new { session = Session() });
            await AssertRuleAsync(early, HttpStatusCode.Conflict, ExamAccess.StaggerRule);
            Assert.Contains("还需等待", await early.Content.ReadAsStringAsync());
        }
        else
        {
            // The opening itself is still ahead: refused as not yet open.
            Assert.Equal(HttpStatusCode.Conflict, (await taker.PostAsJsonAsync($"/api/learning/exams/{staggered}/start", new { session = Session() })).StatusCode);
        }
        // Once the taker's time has come, the start goes ahead.
        await host.Factory.InScopeAsync(async sp => await sp.GetRequiredService<LearningDb>().Exams.Where(e => e.Id == staggered)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.OpensAt, DateTimeOffset.UtcNow.AddSeconds(-delay - 5))));
        Assert.Equal(0, (await taker.GetFromJsonAsync<JsonElement>($"/api/learning/exams/{staggered}/gate")).GetProperty("waitSeconds").GetInt64());
        (await taker.PostAsJsonAsync($"/api/learning/exams/{staggered}/start", new { session = Session() })).EnsureSuccessStatusCode();

        // Bad rules are refused when the exam is saved.
        var bad = await office.PostAsJsonAsync("/api/learning/exams", new
        {
            title = "坏规则", paperId = exam.PaperId, opensAt = DateTimeOffset.UtcNow, closesAt = DateTimeOffset.UtcNow.AddHours(2), timeLimitMinutes = 30, people = new[] { person },
            accessCode = "有", staggerMinutes = 45,
        });
        var problem = await bad.AssertRefusedNamingAsync("accessCode");
        Assert.True(problem.GetProperty("errors").TryGetProperty("staggerMinutes", out _));
    }

    [Fact]
    public void Addresses_are_matched_against_cidr_ranges_and_single_addresses()
    {
        const string ranges = "10.9.0.0/16\n192.168.1.7/32\n2001:db8::/32";
        Assert.True(ExamAccess.Allowed(ranges, IPAddress.Parse("10.9.200.3")));
        Assert.True(ExamAccess.Allowed(ranges, IPAddress.Parse("::ffff:10.9.0.1")));
        Assert.True(ExamAccess.Allowed(ranges, IPAddress.Parse("192.168.1.7")));
        Assert.True(ExamAccess.Allowed(ranges, IPAddress.Parse("2001:db8::5")));
        Assert.False(ExamAccess.Allowed(ranges, IPAddress.Parse("10.8.0.1")));
        Assert.False(ExamAccess.Allowed(ranges, IPAddress.Parse("192.168.1.8")));
        Assert.False(ExamAccess.Allowed(ranges, null));
        Assert.True(ExamAccess.Allowed("", null));
        var checks = new Fazhi.Platform.Kit.FieldChecks();
        var read = ExamAccess.Read(checks, " AB12 ", "10.1.2.3\n10.1.0.0/16, 10.1.0.0/16", 5, 60);
        Assert.Empty(checks.Errors);
        Assert.Equal("AB12", read.AccessCode);
        Assert.Equal("10.1.2.3/32\n10.1.0.0/16", read.Networks);
    }
}
