using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Enforcement.CaseFileReview;
using Fazhi.Enforcement.Cases;
using Fazhi.Enforcement.Data;
using Fazhi.Enforcement.Tests.CaseFileReview;
using Fazhi.Enforcement.Tests.Cases;
using Fazhi.Enforcement.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Enforcement.Tests.CaseFiles;

/// <summary>
/// Permissions that follow the work (issue 13, ADR 0040): those who act on a case read its file, read-only, with its
/// evidence and full-process record (行政处罚法第五十八条: the legal review covers facts and evidence); nobody else does.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class CaseFileTests(FazhiFactory factory)
{
    private readonly CaseTestKit _kit = new(factory);

    private static MultipartFormDataContent Pdf(string name)
    {
        var form = new MultipartFormDataContent();
        var pdf = new ByteArrayContent("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray());
        pdf.Headers.ContentType = new("application/pdf");
        form.Add(pdf, "file", name);
        form.Add(new StringContent(name), "summary");
        return form;
    }

    private static Guid EvidenceId(JsonElement file, string name) => file.GetProperty("steps").EnumerateArray()
        .SelectMany(s => JsonDocument.Parse(s.GetProperty("evidenceJson").GetString()!).RootElement.EnumerateArray())
        .Where(e => e.GetProperty("fileName").GetString() == name).Select(e => Guid.Parse(e.GetProperty("reference").GetString()!)).Single();

    [Fact]
    public async Task The_legal_reviewer_reads_the_file_and_evidence_once_review_is_requested_and_another_districts_reviewer_does_not()
    {
        var (_, officers) = await _kit.TeamAsync();
        // An officer with the officer's role only: no generic attachments role.
        var officer = await _kit.OfficerAsync();
        var opened = await CaseTestKit.OkAsync(await officer.PostAsJsonAsync("/api/enforcement/cases", new
        {
            matterId = await CaseTestKit.MatterAsync(officer), party = CaseTestKit.Company(CaseTestKit.Unique("枣庄案卷查阅测试公司")), summary = "未明码标价",
            openedOn = _kit.Today.AddDays(-30), officerIds = officers,
        }), HttpStatusCode.Created);
        var id = opened.GetProperty("id").GetGuid();
        var url = $"/api/enforcement/cases/{id}";
        await CaseTestKit.OkAsync(await officer.PostAsync($"{url}/evidence", Pdf("现场检查笔录.pdf")));

        // The officer opens the evidence of their own case through the case file.
        var own = await CaseTestKit.OkAsync(await officer.GetAsync($"/api/enforcement/case-files/{id}"));
        var evidence = EvidenceId(own, "现场检查笔录.pdf");
        var download = await officer.GetAsync($"/api/enforcement/case-files/{id}/evidence/{evidence}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.StartsWith("%PDF-1.4", await download.Content.ReadAsStringAsync());
        // The evidence belongs to this case's record: not reachable under another case, nor an unknown id.
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/enforcement/case-files/{id}/evidence/{Guid.NewGuid()}")).StatusCode);

        var reviewerUser = await factory.CreateUserAsync("enforcement-legal-reviewer", CaseTestKit.Market);
        var reviewer = await factory.ApiClientAsync(reviewerUser);
        // Not sent for review yet: not a file the reviewer acts on.
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync($"/api/enforcement/case-files/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync($"/api/enforcement/case-files/{id}/evidence/{evidence}")).StatusCode);

        await CaseTestKit.OkAsync(await officer.PostAsJsonAsync($"{url}/propose", new
        {
            facts = new { actDate = _kit.Today.AddDays(-40).ToString("yyyy-MM-dd"), harm = "Ordinary" }, proposedTier = "Ordinary", fineAmount = 3000, isMajor = true,
        }));
        await CaseTestKit.OkAsync(await officer.PostAsJsonAsync($"{url}/notify", new { onDate = _kit.Today.AddDays(-10) }));
        await CaseTestKit.OkAsync(await officer.PostAsJsonAsync($"{url}/legal-review", new { }));

        var file = await CaseTestKit.OkAsync(await reviewer.GetAsync($"/api/enforcement/case-files/{id}"));
        Assert.Equal("LegalReview", file.GetProperty("case").GetProperty("stage").GetString());
        Assert.Contains(file.GetProperty("steps").EnumerateArray(), s => s.GetProperty("kind").GetString() == "legal-review-request");
        Assert.Equal(2, file.GetProperty("officers").GetArrayLength());
        var read = await reviewer.GetAsync($"/api/enforcement/case-files/{id}/evidence/{evidence}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        // Read-only: the handling API stays the officers'.
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostAsJsonAsync($"{url}/decide", new { })).StatusCode);

        // The page: the queue links to the file; the file shows the evidence link and no action.
        var browser = await factory.SignedInBrowserAsync(reviewerUser);
        Assert.Contains($"/enforcement/case-files/{id}", await browser.GetStringAsync("/enforcement/legal-reviews"));
        var page = await browser.GetStringAsync($"/enforcement/case-files/{id}");
        Assert.Contains("只读案卷", page);
        Assert.Contains($"/api/enforcement/case-files/{id}/evidence/{evidence}", page);
        Assert.Contains("现场检查笔录.pdf", page);
        Assert.DoesNotContain("作出决定", page);

        // Another district's reviewer: not found, for the file and its evidence.
        var other = await factory.ApiClientAsync(await factory.CreateUserAsync("enforcement-legal-reviewer", "370402"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/enforcement/case-files/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/enforcement/case-files/{id}/evidence/{evidence}")).StatusCode);
        // Someone with none of the readers' permissions: refused outright.
        var staff = await factory.ApiClientAsync(await factory.CreateUserAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/api/enforcement/case-files/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_case_file_reviewer_reads_the_sampled_case_of_another_department_and_only_that()
    {
        var data = new ReviewTestData(factory);
        var market = await data.UnitAsync(CaseTestKit.Market);
        var justice = await data.UnitAsync("370400-SFJ");
        var sampled = await data.CaseAsync(market, CaseStage.Closed, null);
        var notSampled = await data.CaseAsync(market, CaseStage.Closed, null);
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EnforcementDb>();
            db.Set<ReviewSample>().Add(new ReviewSample { PlanId = Guid.NewGuid(), OwnerUnitId = justice, BodyUnitId = market, CaseId = sampled.Id, CaseNumber = sampled.Number, DrawOrder = 1 });
            await db.SaveChangesAsync();
        });

        var user = await factory.CreateUserAsync("enforcement-case-reviewer", "370400-SFJ");
        var api = await factory.ApiClientAsync(user);
        var file = await CaseTestKit.OkAsync(await api.GetAsync($"/api/enforcement/case-files/{sampled.Id}"));
        Assert.Equal(sampled.Number, file.GetProperty("case").GetProperty("number").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/enforcement/case-files/{notSampled.Id}")).StatusCode);

        // "查看案卷" from 案卷评查 opens the read-only file (it used to be the officers' page: 403).
        var browser = await factory.SignedInBrowserAsync(user);
        var page = await browser.GetAsync($"/enforcement/case-files/{sampled.Id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(sampled.Number, await page.Content.ReadAsStringAsync());
    }
}
