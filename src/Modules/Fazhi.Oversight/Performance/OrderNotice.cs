using Fazhi.Oversight.Data;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Oversight.Performance;

/// <summary>
/// 责令履行通知书 (ADR 0050): the reconsideration body's order to a respondent agency that has not carried out a decision by its
/// deadline (行政复议法 第七十七条), written with the platform's official-notice layout once the office has recorded the order
/// (责令限期履行) on the task. Its 文号 comes from the numbering kit on the first download and is kept on the task.
/// </summary>
internal sealed class OrderNotice(OversightDb db, INumberSequence numbers, IOrgDirectory orgs)
{
    public static readonly NumberSequenceDefinition Numbers = new("oversight.order-notice", "责令履行通知书文号", "枣复责〔{year}〕{seq}号");

    public const string Title = "责令履行行政复议决定通知书";

    public async Task<(byte[] Bytes, string Name)> DocxAsync(Guid id, CancellationToken ct)
    {
        var t = await db.PerformanceTasks.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw Refuse.NotFound("履行任务不存在或不在您的数据范围内。");
        if (t.OrderedOn is not { } orderedOn || t.OrderedDueOn is not { } orderedDueOn)
        {
            throw Refuse.Conflict(
                $"尚未责令限期履行：被申请人逾期未履行的，复议机构先在履行任务中记录责令限期履行（{PerformanceService.Law}），再出具责令履行通知书。", PerformanceService.Law);
        }
        if (t.OrderNoticeNumber is null)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            t.OrderNoticeNumber = (await numbers.NextAsync(db, Numbers.Key, new NumberScope(orderedOn.Year), ct)).Number;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        var names = await orgs.NamesAsync([t.OrgUnitId, t.HandlingUnitId], ct);
        var issuer = names.GetValueOrDefault(t.HandlingUnitId, "");
        var agency = names.GetValueOrDefault(t.OrgUnitId, t.Respondent);
        return (Write(t, issuer, agency, orderedOn, orderedDueOn), DownloadName.Safe($"{Title}（{t.CaseNumber}）.docx"));
    }

    /// <summary>The notice's text: the decision and its deadline, the order under 第七十七条 with the new deadline, the measures, the consequence (第八十三条).</summary>
    internal static byte[] Write(PerformanceTask t, string issuer, string agency, DateOnly orderedOn, DateOnly orderedDueOn)
    {
        var article = PerformanceService.ResultArticle(t.ResultCode);
        var body = new List<string>
        {
            $"本机关于{DocxNotice.ChineseDate(t.DecidedOn)}对{t.CaseNumber}行政复议案件作出{t.ResultName}的行政复议决定" +
            (article.Length > 0 ? $"（《中华人民共和国{article.Replace("行政复议法", "行政复议法》", StringComparison.Ordinal)}）" : "") +
            $"，你单位应当于{DocxNotice.ChineseDate(t.DueOn)}前履行。履行期限届满，你单位未履行该行政复议决定。",
            $"根据《中华人民共和国行政复议法》第七十七条的规定，现责令你单位于{DocxNotice.ChineseDate(orderedDueOn)}前履行该行政复议决定，并将履行情况及相关材料书面报送本机关。",
        };
        if (!string.IsNullOrWhiteSpace(t.OrderNote))
        {
            body.Add($"本机关同时采取以下措施：{t.OrderNote}");
        }
        body.Add("逾期仍不履行或者无正当理由拖延履行的，本机关将依照《中华人民共和国行政复议法》第八十三条的规定，建议对负有责任的领导人员和直接责任人员依法给予处分。");
        body.Add("特此通知。");
        return DocxNotice.Create(new OfficialNotice
        {
            Issuer = issuer.Length > 0 ? issuer : null, DocNumber = t.OrderNoticeNumber, Title = Title, Recipient = agency + "：", Body = body,
            Signature = issuer.Length > 0 ? issuer : null, Date = orderedOn,
        });
    }
}
