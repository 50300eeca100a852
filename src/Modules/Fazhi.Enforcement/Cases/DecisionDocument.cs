using System.Globalization;
using Fazhi.Enforcement.Data;
using Fazhi.Platform.Data;
using System.Text.Json;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Features.OrgUnits;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Enforcement.Cases;

/// <summary>
/// 行政处罚决定书 as an official .docx, with what 《行政处罚法》第五十九条 requires it to state: the party, the facts,
/// the kind of penalty and its legal basis, how and by when to perform it, the ways and time limits to seek
/// reconsideration or to sue, and the deciding authority and date. The party's own document: full name and ID number,
/// so every download is an audit event. ADR 0040: the evidence list from the full-process record, the provisions breached,
/// the payment due date once served, the reconsideration body (the people's government at the body's level, 行政复议法
/// 第二十四条) and the court, and the seal place; the 文号 is the one the decision took (the numbering kit's unless typed).
/// The party's address (第五十九条第一项) is not stored by the case yet (a schema change left for later; ADR 0040).
/// </summary>
internal sealed class DecisionDocument(EnforcementDb db, CaseQueries cases, IOrgDirectory orgs)
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
        var body = await db.Bodies.AsNoTracking().Where(b => b.Id == c.BodyId).Select(b => new { b.Name, b.OrgUnitId }).FirstOrDefaultAsync(ct);
        var bodyName = body?.Name ?? "";
        var benchmark = c.BenchmarkId is { } bid
            ? await db.Benchmarks.AsNoTracking().Where(b => b.Id == bid).Select(b => new { b.Violation, b.ViolationBasis, b.PenaltyBasis }).FirstOrDefaultAsync(ct)
            : null;
        var matterBasis = await db.Matters.AsNoTracking().Where(m => m.Id == c.MatterId).Select(m => m.LegalBasis).FirstOrDefaultAsync(ct) ?? "";
        var steps = await cases.StepsAsync(c.Id, ct);
        var government = body is null ? null : await GovernmentAsync(body.OrgUnitId, ct);
        // 第五十九条第一项: 当事人的姓名或者名称、地址.
        var address = c.PartyAddress is { } a ? $"，地址：{a.Reveal()}" : "";
        var party = c.PartyKind == PartyKind.Person
            ? $"当事人：{c.PartyName}" + (c.PartyIdNumber is { } id ? $"，公民身份号码：{id.Reveal()}" : "") + address + "。"
            : $"当事人：{c.PartyName}" + (c.PartyCreditCode is { Length: > 0 } code ? $"，统一社会信用代码：{code}" : "") + address + "。";
        var penalty = new List<string>();
        if (c.FineAmount is > 0 and var fine)
        {
            penalty.Add($"罚款人民币{Money(fine)}元");
        }
        if (c.PenaltyText.Length > 0)
        {
            penalty.Add(c.PenaltyText.TrimEnd('。'));
        }
        var breached = benchmark?.ViolationBasis.TrimEnd('。') is { Length: > 0 } vb ? vb : matterBasis.TrimEnd('。');
        var text = new List<string>
        {
            party,
            $"经查，{c.Summary.TrimEnd('。')}。" + (benchmark is null ? "" : $"上述行为属于{benchmark.Violation.TrimEnd('。')}，") + (breached.Length == 0 ? "" : $"违反了{breached}的规定。"),
        };
        // 第五十九条第二项: 违反法律、法规、规章的事实和证据 — the evidence recorded in the full-process record.
        var evidence = Evidence(steps);
        if (evidence.Count > 0)
        {
            text.Add("以上事实有下列证据证明：" + string.Join("；", evidence.Select((e, i) => $"{i + 1}. {e}")) + "。");
        }
        text.Add($"本机关于{DocxNotice.ChineseDate(c.OpenedOn)}立案调查" + (c.NotifiedOn is { } n ? $"，于{DocxNotice.ChineseDate(n)}告知拟作出的行政处罚内容及事实、理由、依据和你（单位）依法享有的陈述、申辩" + (c.HearingOffered ? "、要求听证" : "") + "等权利" : "")
            + (c.HearingHeldOn is { } h ? $"，于{DocxNotice.ChineseDate(h)}举行听证" : "") + (c.LegalReviewPassed ? "，经法制审核" : "") + "。");
        text.Add($"依据{(benchmark is null ? (matterBasis.Length > 0 ? matterBasis.TrimEnd('。') : c.MatterName) : benchmark.PenaltyBasis.TrimEnd('。'))}的规定，本机关决定：" + (penalty.Count == 0 ? "不予行政处罚" : string.Join("；", penalty)) + "。");
        if (c.FineAmount is > 0)
        {
            // 《行政处罚法》第六十七条（十五日内缴纳）、第七十二条（每日按罚款数额的百分之三加处罚款）.
            var when = c.PaymentDueOn is { } due ? $"于{DocxNotice.ChineseDate(due)}前（自收到本决定书之日起十五日内）" : "自收到本决定书之日起十五日内";
            text.Add($"请{when}，持本决定书到指定银行或者通过电子支付系统缴纳罚款。逾期不缴纳的，本机关可以每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额（《中华人民共和国行政处罚法》第六十七条、第七十二条）。");
        }
        // 《行政复议法》第二十条（六十日）、第二十四条（县级以上地方各级人民政府管辖对本级人民政府工作部门作出的行政行为）；
        // 《行政诉讼法》第四十六条（六个月）.
        var reconsideration = government is null ? "依法" : $"向{government}";
        text.Add($"如不服本决定，可以在收到本决定书之日起六十日内{reconsideration}申请行政复议，或者在六个月内依法向有管辖权的人民法院提起行政诉讼。行政复议和行政诉讼期间，本决定不停止执行，法律另有规定的除外（《中华人民共和国行政处罚法》第七十三条）。");
        var docx = DocxNotice.Create(new OfficialNotice
        {
            Issuer = bodyName, DocNumber = c.DecisionNumber, Title = "行政处罚决定书", Body = text, Signature = $"{bodyName}（印章）", Date = decidedOn,
        });
        await db.WriteAuditEventAsync("enforcement.case.decision-document", nameof(PenaltyCase), c.Id.ToString(), new { c.DecisionNumber }, ct);
        return (new File($"行政处罚决定书-{DownloadName.Safe(c.DecisionNumber)}.docx", docx), null);
    }

    /// <summary>The evidence of the full-process record: files by name, recordings by reference.</summary>
    private static List<string> Evidence(IEnumerable<CaseStep> steps) =>
        [.. steps.SelectMany(s => JsonSerializer.Deserialize<List<EvidenceItem>>(s.EvidenceJson, CaseProcedure.Json) ?? [])
            .Select(e => e.Type == "file" ? e.FileName : $"音像记录（{e.Reference}）")
            .Where(e => e.Length > 0)
            .Distinct()];

    /// <summary>The people's government at the body's level: the nearest government unit above it (本级人民政府).</summary>
    private async Task<string?> GovernmentAsync(Guid unitId, CancellationToken ct)
    {
        var ancestors = await orgs.AncestorsAsync(unitId, ct);
        var government = ancestors.Where(a => a.Id != unitId && a.Kind == OrgKind.Government).OrderByDescending(a => a.Depth).FirstOrDefault();
        return government is null ? null : government.Name.EndsWith("人民政府", StringComparison.Ordinal) ? government.Name : government.Name + "人民政府";
    }

    private static string Money(decimal v) => v.ToString("#,0.##", CultureInfo.InvariantCulture);
}
