using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using Fazhi.Enforcement.Tests.Infrastructure;

namespace Fazhi.Enforcement.Tests.Cases;

/// <summary>行政处罚决定书 (.docx) states what 《行政处罚法》第五十九条 requires; only a decided case has one.</summary>
[Collection(HostCollection.Name)]
public sealed class DecisionDocumentTests(FazhiFactory factory)
{
    private readonly CaseTestKit _kit = new(factory);

    private const string Address = "山东省枣庄市市中区光明西路 66 号";

    [Fact]
    public async Task A_decided_case_gives_a_decision_document_with_the_party_facts_penalty_basis_payment_and_remedies()
    {
        var (_, officers) = await _kit.TeamAsync();
        var officer = await _kit.OfficerAsync();
        var matter = await CaseTestKit.MatterAsync(officer);
        var company = CaseTestKit.Unique("枣庄决定书测试有限公司");
        var opened = await CaseTestKit.OkAsync(await officer.PostAsJsonAsync("/api/enforcement/cases", new
        {
            matterId = matter, party = new { kind = "Organisation", name = company, creditCode = CaseTestKit.CreditCode(), address = Address },
            summary = "当事人销售的商品未明码标价", openedOn = _kit.Today.AddDays(-30), officerIds = officers,
        }), HttpStatusCode.Created);
        // 行政处罚法 第五十九条第一项: the address is kept on the case (encrypted: the API shows it masked).
        Assert.NotNull(opened.GetProperty("partyAddressMasked").GetString());
        Assert.DoesNotContain("光明西路 66 号", opened.GetProperty("partyAddressMasked").GetString());
        var url = $"/api/enforcement/cases/{opened.GetProperty("id").GetGuid()}";

        // Not decided yet: refused with the reason.
        var early = await officer.GetAsync($"{url}/decision.docx");
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("尚未作出行政处罚决定", await early.Content.ReadAsStringAsync());

        await CaseTestKit.OkAsync(await officer.PostAsJsonAsync($"{url}/propose", new
        {
            facts = new { actDate = _kit.Today.AddDays(-40).ToString("yyyy-MM-dd"), harm = "Ordinary" }, proposedTier = "Ordinary", fineAmount = 2500,
        }));
        await CaseTestKit.OkAsync(await officer.PostAsJsonAsync($"{url}/notify", new { onDate = _kit.Today.AddDays(-10) }));
        using (var form = new MultipartFormDataContent())
        {
            var pdf = new ByteArrayContent("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray());
            pdf.Headers.ContentType = new("application/pdf");
            form.Add(pdf, "file", "价格检查笔录.pdf");
            await CaseTestKit.OkAsync(await officer.PostAsync($"{url}/evidence", form));
        }
        var number = CaseTestKit.DocNumber("枣市监罚");
        await CaseTestKit.OkAsync(await officer.PostAsJsonAsync($"{url}/decide", new { decisionNumber = number, decidedOn = _kit.Today }));

        var response = await officer.GetAsync($"{url}/decision.docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var text = doc.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("行政处罚决定书", text);
        Assert.Contains(number, text);
        Assert.Contains(company, text);
        Assert.Contains("统一社会信用代码", text);
        // 第五十九条第一项: 当事人的姓名或者名称、地址.
        Assert.Contains($"地址：{Address}", text);
        Assert.Contains("未明码标价", text);
        Assert.Contains("罚款人民币2,500元", text);
        Assert.Contains("十五日内", text);
        Assert.Contains("六十日内向枣庄市人民政府申请行政复议", text);
        Assert.Contains("枣庄市市场监督管理局", text);
        // ADR 0040 (第五十九条): the evidence, the provision breached, the reconsideration body, the seal place.
        Assert.Contains("以上事实有下列证据证明：1. 价格检查笔录.pdf", text);
        Assert.Contains("违反了《中华人民共和国价格法》第十三条的规定", text);
        Assert.Contains("向枣庄市人民政府申请行政复议", text);
        Assert.Contains("有管辖权的人民法院提起行政诉讼", text);
        Assert.Contains("枣庄市市场监督管理局（印章）", text);
        var fonts = doc.MainDocumentPart.Document.Descendants<DocumentFormat.OpenXml.Wordprocessing.RunFonts>().Select(f => f.EastAsia?.Value).ToHashSet();
        Assert.Contains("仿宋", fonts);

        // Once served, the payment date is written out (第六十七条: fifteen days from receipt).
        var served = await CaseTestKit.OkAsync(await officer.PostAsJsonAsync($"{url}/serve", new { onDate = _kit.Today }));
        var due = DateOnly.Parse(served.GetProperty("paymentDueOn").GetString()!);
        using (var after = WordprocessingDocument.Open(new MemoryStream(await officer.GetByteArrayAsync($"{url}/decision.docx")), false))
        {
            Assert.Contains($"于{due.Year}年{due.Month}月{due.Day}日前", after.MainDocumentPart!.Document.Body!.InnerText);
        }

        // Another department cannot fetch it.
        var ecology = await _kit.OfficerAsync(CaseTestKit.Ecology);
        Assert.Equal(HttpStatusCode.NotFound, (await ecology.GetAsync($"{url}/decision.docx")).StatusCode);
    }
}
