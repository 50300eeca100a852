using Fazhi.Disputes.Contracts;
using Fazhi.Oversight.Data;
using Fazhi.Oversight.Settings;
using Fazhi.Platform.Features.Attachments;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Oversight.Performance;

internal sealed record AssignInput(long? Version, Guid? OrgUnitId, DateOnly? DueOn);

internal sealed record ReportInput(long? Version, DateOnly? PerformedOn, string? Note);

internal sealed record ConfirmInput(long? Version, DateOnly? ConfirmedOn);

internal sealed record ReturnInput(long? Version, string? Reason);

internal sealed record OrderInput(long? Version, DateOnly? OrderedOn, DateOnly? OrderedDueOn, string? Note);

internal sealed record OpinionInput(long? Version, OpinionKind? Kind, string? Number, string? Content, DateOnly? IssuedOn);

internal sealed record OpinionReplyInput(long? Version, DateOnly? RepliedOn, string? Reply);

internal sealed record PerformanceView(Guid Id, Guid OrgUnitId, string Unit, string UnitBasis, Guid DecisionCaseId, string CaseNumber, bool CaseLinked, string HandlingUnit,
    string Respondent, string ResultCode, string ResultName, DateOnly DecidedOn, DateOnly DueOn, string DueBasis, PerformanceStatus Status, bool Overdue,
    DateOnly? PerformedOn, bool PerformedLate, string? PerformanceNote, DateOnly? ConfirmedOn, string? ReturnReason, DateOnly? OrderedOn, DateOnly? OrderedDueOn,
    string? OrderNote, OpinionKind? OpinionKind, string? OpinionNumber, string? OpinionContent, DateOnly? OpinionIssuedOn, DateOnly? OpinionDueOn,
    DateOnly? OpinionRepliedOn, string? OpinionReply, bool OpinionOverdue, long Version, IReadOnlyList<MaterialView> Materials);

internal sealed record PerformanceRow(Guid Id, string CaseNumber, string Respondent, Guid OrgUnitId, string Unit, string ResultName, DateOnly DecidedOn, DateOnly DueOn,
    PerformanceStatus Status, DateOnly? PerformedOn, DateOnly? OrderedDueOn, OpinionKind? OpinionKind, DateOnly? OpinionDueOn, DateOnly? OpinionRepliedOn);

internal sealed class PerformanceListQuery : DatedListQuery
{
    /// <summary>unassigned | pending | overdue | reported | performed | opinion; anything else lists all.</summary>
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "view")]
    public string? View { get; set; }
}

/// <summary>
/// Reconsideration decisions carried out (行政复议决定履行, ADR 0038): a task per decision of the dispute centre that changes,
/// revokes, confirms illegal or orders performance (行政复议法 第六十三条至第六十六条), for the respondent agency, with the
/// performance deadline, the agency's report and evidence, the office's confirmation, the order to perform by a deadline
/// (第七十七条) and the 意见书 / 建议书 follow-up (第七十六条).
/// </summary>
internal sealed class PerformanceService(OversightDb db, SettingsService settings, IDeadlineService deadlines, IOrgDirectory orgs, ICurrentUser current,
    IAttachmentStore attachments, IReconsiderationDecisions decisions, PerformanceSync sync)
{
    public const string Law = "行政复议法第七十七条";

    /// <summary>A task's materials by kind.</summary>
    public static readonly MaterialSet Materials = new("oversight.performance",
        [("decision", "行政复议决定书"), ("evidence", "履行材料"), ("opinion", "意见书或建议书"), ("opinion-reply", "整改情况报告")],
        "/api/oversight/performance", "/oversight/performance");

    public static readonly ListShape<PerformanceTask> Shape = new ListShape<PerformanceTask>()
        .Search((q, k) => q.Where(t => t.CaseNumber.Contains(k) || t.Respondent.Contains(k) || (t.OpinionNumber != null && t.OpinionNumber.Contains(k))))
        .Dated(t => t.DecidedOn)
        .SortBy("decidedOn", t => t.DecidedOn, SortDirection.Desc, isDefault: true)
        .SortBy("dueOn", t => t.DueOn)
        .SortBy("caseNumber", t => t.CaseNumber)
        .ThenBy(t => t.Id);

    public DateOnly Today => deadlines.Today;

    public static string StatusName(PerformanceStatus status) => status switch
    {
        PerformanceStatus.Unassigned => "待指定被申请人单位",
        PerformanceStatus.Pending => "待履行",
        PerformanceStatus.Reported => "已报告履行，待确认",
        _ => "已履行",
    };

    public static string OpinionName(OpinionKind kind) => kind == OpinionKind.Opinion ? "行政复议意见书" : "行政复议建议书";

    /// <summary>The article of the decision's result (the dispute profile's codes).</summary>
    public static string ResultArticle(string code) => code switch
    {
        "change" => "行政复议法第六十三条",
        "revoke" => "行政复议法第六十四条",
        "illegal" => "行政复议法第六十五条",
        "perform" => "行政复议法第六十六条",
        _ => "",
    };

    /// <summary>Open, running: not performed and not reported, past the deadline in force (the ordered one when there is one).</summary>
    public static bool IsOverdue(PerformanceTask t, DateOnly today) =>
        t.Status is PerformanceStatus.Pending or PerformanceStatus.Unassigned && (t.OrderedDueOn ?? t.DueOn) < today;

    public IQueryable<PerformanceTask> Filtered(string? view)
    {
        var today = deadlines.Today;
        var q = db.PerformanceTasks.AsNoTracking();
        return view switch
        {
            "unassigned" => q.Where(t => t.Status == PerformanceStatus.Unassigned),
            "pending" => q.Where(t => t.Status == PerformanceStatus.Pending && (t.OrderedDueOn ?? t.DueOn) >= today),
            "overdue" => q.Where(t => (t.Status == PerformanceStatus.Pending || t.Status == PerformanceStatus.Unassigned) && (t.OrderedDueOn ?? t.DueOn) < today),
            "reported" => q.Where(t => t.Status == PerformanceStatus.Reported),
            "performed" => q.Where(t => t.Status == PerformanceStatus.Performed),
            "opinion" => q.Where(t => t.OpinionIssuedOn != null && t.OpinionRepliedOn == null),
            _ => q,
        };
    }

    public async Task<Paged<PerformanceRow>> ListAsync(PerformanceListQuery query, ListRequest request, CancellationToken ct)
    {
        await sync.SyncAsync(ct);
        var page = await Shape.PageAsync(Filtered(query.View), request, ct);
        return new Paged<PerformanceRow>(await RowsAsync(page.Items, ct), page.Total, page.Page, page.PageSize);
    }

    public async Task<List<PerformanceRow>> ExportRowsAsync(PerformanceListQuery query, ListRequest request, CancellationToken ct)
    {
        await sync.SyncAsync(ct);
        return await RowsAsync(await ExactlyAsync(Shape.Apply(Filtered(query.View), request), ct), ct);
    }

    /// <summary>Exactly the filtered rows for the export and print view (the kit's list output); over its limit refused with the count.</summary>
    private static async Task<List<T>> ExactlyAsync<T>(IQueryable<T> filtered, CancellationToken ct)
    {
        ListOutput.CheckSize(await filtered.CountAsync(ct));
        return await filtered.ToListAsync(ct);
    }

    private async Task<List<PerformanceRow>> RowsAsync(IReadOnlyList<PerformanceTask> items, CancellationToken ct)
    {
        var names = await orgs.NamesAsync(items.Select(t => t.OrgUnitId).Distinct(), ct);
        return items.Select(t => new PerformanceRow(t.Id, t.CaseNumber, t.Respondent, t.OrgUnitId,
            t.Status == PerformanceStatus.Unassigned ? "" : names.GetValueOrDefault(t.OrgUnitId, ""), t.ResultName, t.DecidedOn, t.DueOn, t.Status, t.PerformedOn,
            t.OrderedDueOn, t.OpinionKind, t.OpinionDueOn, t.OpinionRepliedOn)).ToList();
    }

    public async Task<PerformanceView?> GetAsync(Guid id, CancellationToken ct)
    {
        var t = await db.PerformanceTasks.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (t is null)
        {
            return null;
        }
        var today = deadlines.Today;
        var names = await orgs.NamesAsync([t.OrgUnitId, t.HandlingUnitId], ct);
        return new PerformanceView(t.Id, t.OrgUnitId, t.Status == PerformanceStatus.Unassigned ? "" : names.GetValueOrDefault(t.OrgUnitId, ""), t.UnitBasis,
            t.DecisionCaseId, t.CaseNumber, await decisions.ExistsAsync(t.DecisionCaseId, ct), names.GetValueOrDefault(t.HandlingUnitId, ""), t.Respondent,
            t.ResultCode, t.ResultName, t.DecidedOn, t.DueOn, t.DueBasis, t.Status, IsOverdue(t, today), t.PerformedOn, t.PerformedOn > t.DueOn, t.PerformanceNote,
            t.ConfirmedOn, t.ReturnReason, t.OrderedOn, t.OrderedDueOn, t.OrderNote, t.OpinionKind, t.OpinionNumber, t.OpinionContent, t.OpinionIssuedOn,
            t.OpinionDueOn, t.OpinionRepliedOn, t.OpinionReply, t.OpinionDueOn < today && t.OpinionRepliedOn is null, t.Version,
            await Materials.ListAsync(attachments, id, ct));
    }

    /// <summary>
    /// The office picks (or changes) the respondent agency and, where the decision document states one, the performance
    /// deadline; refused once the agency has reported (the report belongs to the unit that made it).
    /// </summary>
    public async Task AssignAsync(Guid id, AssignInput input, CancellationToken ct)
    {
        var t = await LoadAsync(id, input.Version, ct);
        if (t.Status is PerformanceStatus.Reported or PerformanceStatus.Performed)
        {
            throw Refuse.Conflict("被申请人已报告履行，不能再变更履行单位或期限。");
        }
        var checks = new FieldChecks();
        OrgUnitInfo? unit = null;
        if (input.OrgUnitId is not { } unitId || unitId == Guid.Empty)
        {
            checks.Add("orgUnitId", "请选择被申请人单位。");
        }
        else if ((unit = await orgs.FindAsync(unitId, ct)) is not { IsActive: true } || !current.Scope.Allows(unitId))
        {
            checks.Add("orgUnitId", "被申请人单位不存在或不在您的数据范围内。");
        }
        DateRules.Check(checks, "dueOn", "决定书载明的履行期限", input.DueOn);
        checks.When(input.DueOn is { } d && d <= t.DecidedOn, "dueOn", $"履行期限须晚于复议决定日期（{t.DecidedOn:yyyy-MM-dd}）。");
        checks.When(input.DueOn is not null && t.OrderedOn is not null, "dueOn", "已责令限期履行（行政复议法第七十七条），原履行期限不能再改。");
        checks.ThrowIfAny("未保存，请按提示修改。");
        t.OrgUnitId = unit!.Id;
        t.UnitBasis = $"复议机构指定（{deadlines.Today:yyyy-MM-dd}）";
        if (t.Status == PerformanceStatus.Unassigned)
        {
            t.Status = PerformanceStatus.Pending;
        }
        if (input.DueOn is { } due)
        {
            (t.DueOn, t.DueBasis) = (due, "行政复议决定书载明的期限");
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The agency reports that it carried the decision out, with what it did; evidence goes in the materials.</summary>
    public async Task ReportAsync(Guid id, ReportInput input, CancellationToken ct)
    {
        var t = await LoadAsync(id, input.Version, ct);
        if (t.Status == PerformanceStatus.Unassigned)
        {
            throw Refuse.Conflict("复议机构尚未指定被申请人单位，暂不能报告履行。");
        }
        if (t.Status != PerformanceStatus.Pending)
        {
            throw Refuse.Conflict("已报告履行，不能重复报告。");
        }
        var checks = new FieldChecks();
        checks.When(input.PerformedOn is null, "performedOn", "请填写履行日期。");
        DateRules.Check(checks, "performedOn", "履行日期", input.PerformedOn, deadlines.Today);
        checks.When(input.PerformedOn is { } p && p < t.DecidedOn, "performedOn", $"履行日期不能早于复议决定日期（{t.DecidedOn:yyyy-MM-dd}）。");
        var note = TextRules.Required(checks, "note", "履行情况", input.Note, 4000);
        checks.ThrowIfAny("履行情况未保存，请按提示修改。");
        (t.PerformedOn, t.PerformanceNote, t.Status, t.ReturnReason) = (input.PerformedOn, note, PerformanceStatus.Reported, null);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The office confirms the performance. Refused while nothing is reported: a decision counts as carried out only on the
    /// respondent's report of what it did (行政复议法第七十七条).
    /// </summary>
    public async Task ConfirmAsync(Guid id, ConfirmInput input, CancellationToken ct)
    {
        var t = await LoadAsync(id, input.Version, ct);
        if (t.Status == PerformanceStatus.Performed)
        {
            throw Refuse.Conflict("已确认履行。");
        }
        if (t.Status != PerformanceStatus.Reported || t.PerformedOn is null)
        {
            throw Refuse.Conflict("被申请人尚未报告履行情况，不能确认履行（行政复议法第七十七条：被申请人应当履行行政复议决定），请先由被申请人报告履行情况并提交履行材料。", Law);
        }
        var checks = new FieldChecks();
        checks.When(input.ConfirmedOn is null, "confirmedOn", "请填写确认日期。");
        DateRules.Check(checks, "confirmedOn", "确认日期", input.ConfirmedOn, deadlines.Today);
        checks.When(input.ConfirmedOn is { } c && c < t.PerformedOn, "confirmedOn", $"确认日期不能早于履行日期（{t.PerformedOn:yyyy-MM-dd}）。");
        checks.ThrowIfAny("未确认，请按提示修改。");
        (t.ConfirmedOn, t.Status) = (input.ConfirmedOn, PerformanceStatus.Performed);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The office sends a report back (not carried out as decided); the task is open again with its deadline.</summary>
    public async Task ReturnAsync(Guid id, ReturnInput input, CancellationToken ct)
    {
        var t = await LoadAsync(id, input.Version, ct);
        if (t.Status != PerformanceStatus.Reported)
        {
            throw Refuse.Conflict("只有待确认的履行报告可以退回。");
        }
        var checks = new FieldChecks();
        var reason = TextRules.Required(checks, "reason", "退回理由", input.Reason, 1000);
        checks.ThrowIfAny("未退回，请按提示修改。");
        (t.Status, t.PerformedOn, t.PerformanceNote, t.ReturnReason) = (PerformanceStatus.Pending, null, null, reason);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// 行政复议法第七十七条: a respondent that does not perform (or delays without a reason) is ordered to perform by a deadline;
    /// 约谈 or 通报 go in the note. Refused before the deadline has passed and once performance is reported.
    /// </summary>
    public async Task OrderAsync(Guid id, OrderInput input, CancellationToken ct)
    {
        var t = await LoadAsync(id, input.Version, ct);
        var today = deadlines.Today;
        if (t.Status is PerformanceStatus.Reported or PerformanceStatus.Performed)
        {
            throw Refuse.Conflict("被申请人已报告履行，无需责令履行。");
        }
        if (t.Status == PerformanceStatus.Unassigned)
        {
            throw Refuse.Conflict("请先指定被申请人单位，再责令其限期履行。");
        }
        if ((t.OrderedDueOn ?? t.DueOn) >= today)
        {
            throw Refuse.Conflict($"履行期限（{(t.OrderedDueOn ?? t.DueOn):yyyy-MM-dd}）尚未届满，不能责令限期履行：行政复议法第七十七条适用于被申请人不履行或者无正当理由拖延履行。", Law);
        }
        var checks = new FieldChecks();
        checks.When(input.OrderedOn is null, "orderedOn", "请填写责令日期。");
        DateRules.Check(checks, "orderedOn", "责令日期", input.OrderedOn, today);
        checks.When(input.OrderedOn is { } o && o <= (t.OrderedDueOn ?? t.DueOn), "orderedOn", "责令日期须在履行期限届满之后。");
        checks.When(input.OrderedDueOn is null, "orderedDueOn", "请填写责令履行的期限。");
        DateRules.Check(checks, "orderedDueOn", "责令履行期限", input.OrderedDueOn);
        checks.When(input.OrderedDueOn is { } d && input.OrderedOn is { } on && d <= on, "orderedDueOn", "责令履行期限须晚于责令日期。");
        var note = TextRules.Required(checks, "note", "责令履行内容（约谈、通报批评等）", input.Note, 1000);
        checks.ThrowIfAny("未责令履行，请按提示修改。");
        (t.OrderedOn, t.OrderedDueOn, t.OrderNote) = (input.OrderedOn, input.OrderedDueOn, note);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The office issues a 行政复议意见书 (第七十六条: the agency reports its correction within 60 days, a settings row) or a
    /// 建议书 (no statutory period; the same settings row is used as the reply date); one per task.
    /// </summary>
    public async Task IssueOpinionAsync(Guid id, OpinionInput input, CancellationToken ct)
    {
        var t = await LoadAsync(id, input.Version, ct);
        if (t.OpinionIssuedOn is not null)
        {
            throw Refuse.Conflict("本案已制发意见书或建议书。");
        }
        if (t.Status == PerformanceStatus.Unassigned)
        {
            throw Refuse.Conflict("请先指定被申请人单位，再向其制发意见书或建议书。");
        }
        var checks = new FieldChecks();
        checks.When(input.Kind is null, "kind", "请选择文书类别（意见书或建议书）。");
        var number = TextRules.Required(checks, "number", "文号", input.Number, 64);
        var content = TextRules.Required(checks, "content", "主要内容", input.Content, 4000);
        checks.When(input.IssuedOn is null, "issuedOn", "请填写制发日期。");
        DateRules.Check(checks, "issuedOn", "制发日期", input.IssuedOn, deadlines.Today);
        checks.When(input.IssuedOn is { } i && i < t.DecidedOn, "issuedOn", $"制发日期不能早于复议决定日期（{t.DecidedOn:yyyy-MM-dd}）。");
        checks.ThrowIfAny("未制发，请按提示修改。");
        var rules = await settings.GetAsync(ct);
        var due = (await deadlines.AddCalendarDaysAsync(input.IssuedOn!.Value, rules.OpinionReplyDays, ct)).Date;
        (t.OpinionKind, t.OpinionNumber, t.OpinionContent, t.OpinionIssuedOn, t.OpinionDueOn) = (input.Kind, number, content, input.IssuedOn, due);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The agency reports its correction on the 意见书 / 建议书; refused when none was issued.</summary>
    public async Task ReplyOpinionAsync(Guid id, OpinionReplyInput input, CancellationToken ct)
    {
        var t = await LoadAsync(id, input.Version, ct);
        if (t.OpinionIssuedOn is null)
        {
            throw Refuse.Conflict("本案未制发行政复议意见书或建议书，无需回复（行政复议法第七十六条）。", "行政复议法第七十六条");
        }
        if (t.OpinionRepliedOn is not null)
        {
            throw Refuse.Conflict("已回复意见书或建议书。");
        }
        var checks = new FieldChecks();
        checks.When(input.RepliedOn is null, "repliedOn", "请填写回复日期。");
        DateRules.Check(checks, "repliedOn", "回复日期", input.RepliedOn, deadlines.Today);
        checks.When(input.RepliedOn is { } r && r < t.OpinionIssuedOn, "repliedOn", $"回复日期不能早于制发日期（{t.OpinionIssuedOn:yyyy-MM-dd}）。");
        var reply = TextRules.Required(checks, "reply", "纠正或整改情况", input.Reply, 4000);
        checks.ThrowIfAny("回复未保存，请按提示修改。");
        (t.OpinionRepliedOn, t.OpinionReply) = (input.RepliedOn, reply);
        await db.SaveChangesAsync(ct);
    }

    public async Task AddMaterialAsync(Guid id, string kind, Stream content, string fileName, CancellationToken ct)
    {
        var t = await db.PerformanceTasks.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw Refuse.NotFound("履行任务不存在或不在您的数据范围内。");
        // The office files the decision and its 意见书 / 建议书; the agency its evidence and correction report.
        var needed = kind is "decision" or "opinion" ? OversightPermissions.Supervise : OversightPermissions.PerformanceHandle;
        if (!current.Has(needed))
        {
            throw Refuse.Forbidden(needed == OversightPermissions.Supervise ? "复议决定书和意见书、建议书由复议机构上传。" : "履行材料和整改情况报告由被申请人上传。");
        }
        await Materials.AddAsync(attachments, id, t.OrgUnitId, kind, content, fileName, ct);
    }

    public async Task<(AttachmentDto Meta, Stream Content)?> OpenMaterialAsync(Guid id, Guid attachmentId, CancellationToken ct) =>
        await db.PerformanceTasks.AnyAsync(x => x.Id == id, ct) ? await Materials.OpenAsync(attachments, id, attachmentId, ct) : null;

    private async Task<PerformanceTask> LoadAsync(Guid id, long? version, CancellationToken ct)
    {
        var t = await db.PerformanceTasks.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw Refuse.NotFound("履行任务不存在或不在您的数据范围内。");
        Refuse.UnlessVersion(version, t.Version, "履行任务");
        return t;
    }
}
