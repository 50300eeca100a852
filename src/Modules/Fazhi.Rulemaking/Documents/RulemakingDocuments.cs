using Fazhi.Platform.Features.Documents;
using Fazhi.Rulemaking.Cleanup;
using Fazhi.Rulemaking.Decisions;

namespace Fazhi.Rulemaking.Documents;

/// <summary>What a filing report (备案报告) states about the published text.</summary>
internal sealed record FilingReportFacts(string Issuer, string Title, string KindName, string Number, DateOnly PublishedOn, DateOnly? EffectiveOn, string FiledWith,
    string Basis, IReadOnlyList<string> Attachments);

/// <summary>
/// The module's .docx documents (ADR 0047) through the platform's <see cref="DocxNotice"/>: the filing report (备案报告), the
/// drafting-explanation template (起草说明), the published decision catalogue (决策事项目录) and the cleanup result list (清理结果).
/// The 合法性审核意见书 is <see cref="Normative.NormativeService.OpinionDocumentAsync"/>.
/// </summary>
internal static class RulemakingDocuments
{
    /// <summary>
    /// 备案报告: 法规规章备案审查条例 第四条、第九条 (a rule is filed within 30 days of publication with the report, the text and
    /// the explanation); a normative document likewise to the government above and the standing committee (山东省 rules).
    /// </summary>
    public static byte[] FilingReport(FilingReportFacts f, DateOnly today)
    {
        var body = new List<string>
        {
            $"{f.FiledWith}：",
            $"《{f.Title}》（{f.Number}）已于 {DocxNotice.ChineseDate(f.PublishedOn)}公布" + (f.EffectiveOn is { } e ? $"，自 {DocxNotice.ChineseDate(e)}起施行。" : "。"),
            $"根据{f.Basis}的规定，现将该{f.KindName}报送备案，请予审查。",
            "附件：",
        };
        body.AddRange(f.Attachments.Select((a, i) => $"{i + 1}. {a}"));
        return DocxNotice.Create(new OfficialNotice { Issuer = f.Issuer, Title = $"关于报送《{f.Title}》备案的报告", Body = body, Signature = f.Issuer, Date = today });
    }

    /// <summary>起草说明 template: the headings the review office expects (制定的必要性、依据、过程、主要内容、征求意见和采纳情况、合法性审核情况).</summary>
    public static byte[] DraftingExplanationTemplate() => DocxNotice.Create(new OfficialNotice
    {
        Title = "关于《（文件名称）》的起草说明",
        Body =
        [
            "一、制定的必要性和可行性",
            "（写明要解决的问题、现状和实施后的预期效果。）",
            "二、制定依据",
            "（列明所依据的法律、法规、规章和上级文件，写明名称和条款，如《中华人民共和国行政许可法》第十七条。）",
            "三、起草过程",
            "（调研、论证、听证、风险评估等情况，时间和参与单位。）",
            "四、主要内容",
            "（逐项说明主要制度设计，特别是涉及公民、法人和其他组织权利义务的内容。）",
            "五、征求意见及采纳情况",
            "（公开征求意见的期间和渠道，意见条数，采纳、部分采纳和不采纳的情况及理由。）",
            "六、需要说明的其他问题",
            "（有效期、与现行文件的衔接、废止的文件等。）",
        ],
        Signature = "（起草单位）",
    });

    /// <summary>决策事项目录 (重大行政决策程序暂行条例 第三条: 年度目录向社会公布).</summary>
    public static byte[] DecisionCatalogue(DecisionCatalogue catalogue, IReadOnlyList<MajorDecision> decisions)
    {
        var body = new List<string> { $"{catalogue.Year} 年度重大行政决策事项共 {decisions.Count} 项：" };
        body.AddRange(decisions.Select((d, i) => $"{i + 1}. {d.Title}（承办单位：{d.UnitName}；{DecisionService.StatusName(d.Status)}）" + (d.Summary.Length > 0 ? $" {d.Summary}" : "")));
        return DocxNotice.Create(new OfficialNotice { Issuer = "枣庄市人民政府", Title = catalogue.Title, Body = body, Date = catalogue.PublishedOn });
    }

    /// <summary>清理结果 as a document: the published list grouped by outcome (保留、修改、废止、宣布失效), each with its reason.</summary>
    public static byte[] CleanupList(CampaignDetail detail)
    {
        var c = detail.Campaign;
        var body = new List<string> { $"清理类型：{CleanupService.KindName(c.Kind)}。" + (c.Basis.Length > 0 ? $"清理依据：{c.Basis}" : ""), $"共清理文件 {detail.Items.Count} 件。" };
        var n = 0;
        foreach (var group in detail.Items.GroupBy(i => i.Decision).OrderBy(g => g.Key))
        {
            body.Add($"{"一二三四五"[n++]}、{CleanupService.OutcomeName(group.Key)}的文件（{group.Count()} 件）");
            body.AddRange(group.Select((i, k) => $"{k + 1}. 《{i.Title}》" + (i.DocumentNo.Length > 0 ? $"（{i.DocumentNo}）" : "") + $"，{i.UnitName}。" + (i.DecisionReason.Length > 0 ? $"理由：{i.DecisionReason}" : "")));
        }
        return DocxNotice.Create(new OfficialNotice { Issuer = "枣庄市人民政府", Title = $"{c.Title}结果", Body = body, Date = c.PublishedOn });
    }
}
