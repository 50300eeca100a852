using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fazhi.Disputes.Cases;
using Fazhi.Disputes.Intake;
using Fazhi.Disputes.Tests.Infrastructure;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Attachments;
using Fazhi.Platform.Features.Identifiers;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Disputes.Tests.Cases;

/// <summary>
/// Files attached to an online application on <c>/apply</c> (issue 13, ADR 0056): checked with the platform's upload rules and
/// the form's limits, saved with the case or not at all, shown to staff who can see the case, named on <c>/track</c>.
/// </summary>
[Collection(HostCollection.Name)]
public sealed partial class ApplicantFilesTests(FazhiFactory factory)
{
    private const string Clerk = "dispute-clerk";

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0];

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    /// <summary>A Windows program's first bytes, named as a PDF.</summary>
    private static readonly byte[] Program = [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0];

    private static string ValidResidentId(string first17) => first17 + ResidentIdNumber.CheckCharacter(first17 + "0");

    private static Dictionary<string, string> Fields(string description) => new()
    {
        ["Input.CaseType"] = "PeoplesMediation",
        ["Input.Category"] = "合同纠纷",
        ["Input.PlaceCode"] = "370402",
        ["Input.ApplicantName"] = "赵春梅",
        ["Input.ApplicantIdNumber"] = ValidResidentId("37040219820303002"),
        ["Input.ApplicantPhone"] = "13912340000",
        ["Input.Description"] = description,
        ["Input.Consent"] = "true",
    };

    /// <summary>Posts the form as a browser does when a file input is on it: multipart, with the page's antiforgery token.</summary>
    private static async Task<string> SubmitAsync(HttpClient browser, Dictionary<string, string> fields, params (string Name, byte[] Content)[] files)
    {
        var page = await browser.GetStringAsync("/apply");
        Assert.Contains("enctype=\"multipart/form-data\"", page);
        var token = WebUtility.HtmlDecode(TokenRegex().Match(page).Groups[1].Value);
        using var content = new MultipartFormDataContent();
        foreach (var (k, v) in fields)
        {
            content.Add(new StringContent(v), k);
        }
        content.Add(new StringContent(token), "__RequestVerificationToken");
        content.Add(new StringContent("apply"), "_handler");
        foreach (var (name, bytes) in files)
        {
            content.Add(new ByteArrayContent(bytes), "files", name);
        }
        var response = await browser.PostAsync("/apply", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Every applicant file row, in any scope (the platform's context is internal to it: found by its type name).</summary>
    private Task<int> ApplicantFileCountAsync() => factory.InScopeAsync(sp =>
        ((DbContext)sp.GetRequiredService(typeof(FazhiDbContext).Assembly.GetType("Fazhi.Platform.Data.PlatformDb", throwOnError: true)!))
            .Set<Attachment>().IgnoreQueryFilters().CountAsync(a => a.OwnerType == ApplicantFiles.Owner));

    private Task<int> CasesDescribedAsync(string description) => factory.InScopeAsync(sp => sp.GetRequiredService<Data.DisputesDb>().Cases.IgnoreQueryFilters()
        .CountAsync(c => c.Description == description));

    [Fact]
    public async Task Files_sent_with_the_application_belong_to_the_case_staff_download_them_and_tracking_names_them()
    {
        var html = await SubmitAsync(factory.BrowserClient(), Fields("对方收了定金不发货，合同和收据附后，请求调解退还定金。"), ("购销合同.pdf", Pdf), ("收据照片.png", Png));
        Assert.Contains("申请已提交，状态：待受理。", html);
        var number = Regex.Match(html, "id=\"case-number\">([^<]+)<").Groups[1].Value;
        var code = Regex.Match(html, "id=\"query-code\">([^<]+)<").Groups[1].Value;
        var registered = await factory.InScopeAsync(sp => sp.GetRequiredService<Data.DisputesDb>().Cases.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.CaseNumber == number).Select(c => new { c.Id, c.OrgUnitId }).SingleAsync());
        var (id, unit) = (registered.Id, registered.OrgUnitId);

        // The citizen sees the names of what they sent (and nothing staff add later).
        var tracked = await factory.InScopeAsync(sp => sp.GetRequiredService<CaseService>().TrackAsync(number, code, CancellationToken.None));
        Assert.Equal(["购销合同.pdf", "收据照片.png"], tracked!.FileNames);

        // Staff who can see the case see them apart from the handling materials, with the type detected from the bytes.
        var unitCode = (await factory.InScopeAsync(sp => sp.GetRequiredService<IOrgDirectory>().FindAsync(unit, CancellationToken.None)))!.Code;
        var clerk = await factory.ApiClientAsync(await factory.CreateUserAsync(Clerk, unitCode));
        var view = await clerk.GetFromJsonAsync<JsonElement>($"/api/disputes/cases/{id}/handling");
        var files = view.GetProperty("attachments").EnumerateArray().Where(a => a.GetProperty("fromApplicant").GetBoolean()).ToList();
        Assert.Equal(2, files.Count);
        var pdf = files.Single(f => f.GetProperty("fileName").GetString() == "购销合同.pdf");
        var download = await clerk.GetAsync(pdf.GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        var fileId = pdf.GetProperty("id").GetString();
        var audited = await factory.AuditAsync(entries => entries.CountAsync(e => e.Action == "attachment.downloaded" && e.EntityId == fileId));
        Assert.Equal(1, audited);

        // Data scope: a clerk of another district neither sees the case nor downloads its files, even knowing the link.
        var outsider = await factory.ApiClientAsync(await factory.CreateUserAsync(Clerk, "370403"));
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(pdf.GetProperty("url").GetString())).StatusCode);
        // Nor through the platform's own download (403 without its permission, 404 out of scope: never the file).
        Assert.Contains((await outsider.GetAsync(AttachmentLinks.ContentUrl(pdf.GetProperty("id").GetGuid()))).StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
    }

    [Fact]
    public async Task A_wrong_type_or_oversize_file_is_refused_inline_naming_the_file_and_the_rule_and_nothing_is_saved()
    {
        var description = "装修公司收款后停工，附合同，请求调解继续施工或退款。";
        var before = await ApplicantFileCountAsync();
        var oversize = new byte[ApplicantFiles.MaxBytes + 1];
        oversize[0] = 0xFF;
        oversize[1] = 0xD8;
        oversize[2] = 0xFF;

        var html = await SubmitAsync(factory.BrowserClient(), Fields(description), ("收据.png", Png), ("合同.pdf", Program), ("现场.jpg", oversize));

        Assert.DoesNotContain("申请已提交", html);
        Assert.Contains("申请未提交，请按提示修改。", html);
        Assert.Contains("“合同.pdf”：文件内容与扩展名不符", html);
        Assert.Contains("“现场.jpg”：文件超过大小上限（10 MB）", html);
        Assert.DoesNotContain("“收据.png”", html);
        Assert.Equal(0, await CasesDescribedAsync(description));
        Assert.Equal(before, await ApplicantFileCountAsync());
    }

    [Fact]
    public async Task More_files_than_the_form_takes_are_refused_before_anything_is_saved()
    {
        var description = "物业多收费用，附六张缴费收据照片，请求调解退还。";
        var before = await ApplicantFileCountAsync();
        var files = Enumerable.Range(1, ApplicantFiles.MaxCount + 1).Select(i => new ApplicantFile($"收据{i}.png", Png.Length, () => new MemoryStream(Png))).ToList();
        var request = new IntakeRequest("PeoplesMediation", null, "物业纠纷", null, "370402", description,
            new PartyInput(Domain.PartyKind.Person, "孙立平", ValidResidentId("37040219700707001"), null, "13912341111"), null, Consented: true);

        var refusal = await Assert.ThrowsAsync<RefusalException>(() => factory.InScopeAsync(sp =>
            sp.GetRequiredService<CaseService>().IntakeAsync(request, publicIntake: true, files, CancellationToken.None)));

        Assert.Contains($"最多上传 {ApplicantFiles.MaxCount} 个文件", refusal.Errors[ApplicantFiles.Field][0]);
        Assert.Equal(0, await CasesDescribedAsync(description));
        Assert.Equal(before, await ApplicantFileCountAsync());
    }

    [Fact]
    public async Task Files_saved_for_a_case_that_is_not_written_are_removed_again()
    {
        var before = await ApplicantFileCountAsync();
        var caseId = Guid.CreateVersion7();
        var unit = (await factory.InScopeAsync(sp => sp.GetRequiredService<IOrgDirectory>().FindByCodeAsync(CaseService.CentreCode, CancellationToken.None)))!.Id;
        // The second file cannot be read when it is saved (a broken upload): the first, already stored, must go too.
        var files = new[]
        {
            new ApplicantFile("合同.pdf", Pdf.Length, () => new MemoryStream(Pdf)),
            new ApplicantFile("照片.png", Png.Length, () => throw new IOException("upload broken")),
        };

        await Assert.ThrowsAsync<IOException>(() => factory.InScopeAsync(sp =>
            ApplicantFiles.SaveAsync(files, sp.GetRequiredService<IAttachmentStore>(), caseId, unit, CancellationToken.None)));

        Assert.Equal(before, await ApplicantFileCountAsync());
        Assert.Empty(await factory.InScopeAsync(sp => sp.GetRequiredService<IAttachmentStore>().ListOfOwnerAsync(ApplicantFiles.Owner, caseId.ToString(), CancellationToken.None)));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}
