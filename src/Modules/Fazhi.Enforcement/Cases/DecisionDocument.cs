using System.Globalization;
using Fazhi.Enforcement.Data;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Documents;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Enforcement.Cases;

/// <summary>
/// 行政处罚决定书 as an official .docx, with what 《行政处罚法》第五十九条 requires it to state: the party, the facts,
/// the kind of penalty and its legal basis, how and by when to perform it, the ways and time limits to seek
/// reconsideration or to sue, and the deciding authority and date. The party's own document: full name and ID number,
/// so every download is an audit event.
/// </summary>
internal sealed class DecisionDocument(EnforcementDb db, CaseQueries cases)
{
    public sealed record File(string FileName, byte[] Content);

    /// <summary>The document, or why not: null when the case is not found in scope, a refusal when it is not decided yet.</summary>
    public async Task<(File? File, string? Refusal)?> CreateAsync(Guid caseId, CancellationToken ct)
    {
        var c = await cases.GetAsync(caseId, ct);
        if (c is null)
        {
            return null;
        }
        if (c.DecidedOn is not { } decidedOn || c.DecisionNumber.Length == 0)
        {
            return (null, "案件尚未作出行政处罚决定，不能生成决定书（《行政处罚法》第五十九条）。");
        }
        var body = await db.Bodies.AsNoTracking().Where(b => b.Id == c.BodyId).Select(b => b.Name).FirstOrDefaultAsync(ct) ?? "";
        var benchmark = c.BenchmarkId is { } bid
            ? await db.Benchmarks.AsNoTracking().Where(b => b.Id == bid).Select(b => new { b.Violation, b.ViolationBasis, b.PenaltyBasis }).FirstOrDefaultAsync(ct)
            : null;
        var party = c.PartyKind == PartyKind.Person
            ? $"当事人：{c.PartyName}" + (c.PartyIdNumber is { } id ? $"，公民身份号码：{id.Reveal()}" : "") + "。"
            : $"当事人：{c.PartyName}" + (c.PartyCreditCode is { Length: > 0 } code ? $"，统一社会信用代码：{code}" : "") + "。";
        var penalty = new List<string>();
        if (c.FineAmount is > 0 and var fine)
        {
            penalty.Add($"罚款人民币{Money(fine)}元");
        }
        if (c.PenaltyText.Length > 0)
        {
            penalty.Add(c.PenaltyText.TrimEnd('。'));
        }
        var text = new List<string>
        {
            party,
            $"经查，{c.Summary.TrimEnd('。')}。" + (benchmark is null ? "" : $"上述行为属于{benchmark.Violation.TrimEnd('。')}，违反了{benchmark.ViolationBasis.TrimEnd('。')}的规定。"),
            $"本机关于{DocxNotice.ChineseDate(c.OpenedOn)}立案调查" + (c.NotifiedOn is { } n ? $"，于{DocxNotice.ChineseDate(n)}告知拟作出的行政处罚内容及事实、理由、依据和你（单位）依法享有的陈述、申辩" + (c.HearingOffered ? "、要求听证" : "") + "等权利" : "") + "。",
            $"依据{(benchmark is null ? c.MatterName : benchmark.PenaltyBasis.TrimEnd('。'))}的规定，本机关决定：" + (penalty.Count == 0 ? "不予行政处罚" : string.Join("；", penalty)) + "。",
        };
        if (c.FineAmount is > 0)
        {
            // 《行政处罚法》第六十七条（十五日内缴纳）、第七十二条（每日按罚款数额的百分之三加处罚款）.
            text.Add("请自收到本决定书之日起十五日内，到指定银行或者通过电子支付系统缴纳罚款。逾期不缴纳的，本机关可以每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额（《中华人民共和国行政处罚法》第六十七条、第七十二条）。");
        }
        // 《行政复议法》第二十条（六十日）；《行政诉讼法》第四十六条（六个月）.
        text.Add("如不服本决定，可以在收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。行政复议和行政诉讼期间，本决定不停止执行，法律另有规定的除外（《中华人民共和国行政处罚法》第七十三条）。");
        var docx = DocxNotice.Create(new OfficialNotice
        {
            Issuer = body, DocNumber = c.DecisionNumber, Title = "行政处罚决定书", Body = text, Signature = body, Date = decidedOn,
        });
        await db.WriteAuditEventAsync("enforcement.case.decision-document", nameof(PenaltyCase), c.Id.ToString(), new { c.DecisionNumber }, ct);
        return (new File($"行政处罚决定书-{DownloadName.Safe(c.DecisionNumber)}.docx", docx), null);
    }

    private static string Money(decimal v) => v.ToString("#,0.##", CultureInfo.InvariantCulture);

}
