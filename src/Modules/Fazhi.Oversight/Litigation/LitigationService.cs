using Fazhi.Oversight.Data;
using Fazhi.Oversight.Settings;
using Fazhi.Platform.Features.Attachments;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Oversight.Litigation;

internal sealed record LawsuitInput(Guid? DefendantId, string? Court, string? CaseNumber, string? Plaintiff, string? ActSued, ActKind? ActKind,
    string? Cause, LawsuitLevel? Level, DateOnly? FiledOn, DateOnly? ComplaintReceivedOn, string? RelatedRecord);

internal sealed record AnswerInput(long? Version, DateOnly? AnsweredOn);

internal sealed record ScheduleInput(long? Version, DateOnly? HearingOn);

internal sealed record HearingInput(long? Version, DateOnly? HeldOn, Appearance? Appearance, string? AppearedName, string? AppearedTitle, string? Reason);

internal sealed record ResultInput(long? Version, ResultKind? Result, DateOnly? DecidedOn, DateOnly? ServedOn, string? Notes);

internal sealed record HearingView(Guid Id, DateOnly HeldOn, Appearance Appearance, string AppearedName, string AppearedTitle, string? Reason);

internal sealed record LawsuitView(
    Guid Id, Guid DefendantId, string Defendant, string Court, string CaseNumber, string Plaintiff, string ActSued, ActKind ActKind, string Cause,
    LawsuitLevel Level, LawsuitStatus Status, DateOnly FiledOn, DateOnly ComplaintReceivedOn, int AnswerDays, DateOnly AnswerDueOn, DateOnly? AnsweredOn,
    bool AnswerLate, bool AnswerOverdue, DateOnly? NextHearingOn, DateOnly? FirstHearingOn, bool HeadAppeared, ResultKind? Result, DateOnly? DecidedOn,
    DateOnly? ServedOn, int? AppealDays, DateOnly? AppealDueOn, bool Lost, string? ResultNotes, string? RelatedRecord, long Version,
    IReadOnlyList<HearingView> Hearings, IReadOnlyList<MaterialView> Materials, IReadOnlyList<AppealedDisclosure>? AppealedDisclosures = null);

/// <summary>A disclosure request whose reply the lawsuit is brought against (《政府信息公开条例》第五十一条, ADR 0066).</summary>
internal sealed record AppealedDisclosure(Guid Id, string Number, string ApplicantName);

internal sealed record LawsuitRow(Guid Id, string CaseNumber, string Court, string Plaintiff, Guid DefendantId, string Defendant, ActKind ActKind,
    LawsuitLevel Level, LawsuitStatus Status, DateOnly FiledOn, DateOnly AnswerDueOn, DateOnly? AnsweredOn, DateOnly? NextHearingOn,
    ResultKind? Result, bool Lost, DateOnly? AppealDueOn);

/// <summary>The lawsuit list's query: the kit's query bar plus a view (待答辩, 逾期未答辩, 上诉期内, 败诉) and a status.</summary>
internal sealed class LawsuitListQuery : DatedListQuery
{
    /// <summary>answer-due | answer-overdue | appeal-open | lost; anything else lists all.</summary>
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "view")]
    public string? View { get; set; }
}

/// <summary>
/// Litigation response (行政应诉): registering a lawsuit against an agency in the caller's scope, the answer and its
/// statutory period (行政诉讼法 第六十七条), hearings and who appeared (第三条), the result and the appeal window (第八十五条),
/// and the materials. Every change is audited by the platform; a stale version is refused with 409.
/// </summary>
internal sealed class LitigationService(OversightDb db, SettingsService settings, IDeadlineService deadlines, IOrgDirectory orgs,
    ICurrentUser current, IAttachmentStore attachments, TimeProvider clock)
{
    /// <summary>A lawsuit's materials by kind.</summary>
    public static readonly MaterialSet Materials = new("oversight.lawsuit",
        [("complaint", "起诉状副本"), ("evidence", "证据及依据"), ("answer", "答辩状"), ("judgment", "裁判文书"), ("other", "其他材料")],
        "/api/oversight/lawsuits", "/oversight/lawsuits");

    public static readonly ListShape<Lawsuit> Shape = new ListShape<Lawsuit>()
        .Search((q, k) =>
        {
            var number = LitigationRules.NormaliseCaseNumber(k);
            return q.Where(l => l.CaseNumber.Contains(number) || l.Plaintiff.Contains(k) || l.ActSued.Contains(k) || l.Court.Contains(k) || l.Cause.Contains(k));
        })
        .Dated(l => l.FiledOn)
        .SortBy("filedOn", l => l.FiledOn, SortDirection.Desc, isDefault: true)
        .SortBy("answerDueOn", l => l.AnswerDueOn)
        .SortBy("caseNumber", l => l.CaseNumber)
        .SortBy("decidedOn", l => l.DecidedOn, SortDirection.Desc)
        .ThenBy(l => l.Id);

    public DateOnly Today => deadlines.Today;

    /// <summary>Lawsuits in the caller's scope narrowed to one view.</summary>
    public IQueryable<Lawsuit> Filtered(string? view)
    {
        var today = deadlines.Today;
        var q = db.Lawsuits.AsNoTracking();
        return view switch
        {
            "answer-due" => q.Where(l => l.Status == LawsuitStatus.Registered && l.AnswerDueOn >= today),
            "answer-overdue" => q.Where(l => l.Status == LawsuitStatus.Registered && l.AnswerDueOn < today),
            "appeal-open" => q.Where(l => l.Status == LawsuitStatus.Decided && l.AppealDueOn != null && l.AppealDueOn >= today),
            "lost" => q.Where(l => l.Lost),
            _ => q,
        };
    }

    public async Task<Paged<LawsuitRow>> ListAsync(LawsuitListQuery query, ListRequest request, CancellationToken ct)
    {
        var page = await Shape.PageAsync(Filtered(query.View), request, ct);
        var rows = await RowsAsync(page.Items, ct);
        return new Paged<LawsuitRow>(rows, page.Total, page.Page, page.PageSize);
    }

    /// <summary>Every row of the filtered list in its order (the export: exactly the rows the list shows, all pages).</summary>
    public async Task<List<LawsuitRow>> ExportRowsAsync(LawsuitListQuery query, ListRequest request, CancellationToken ct)
    {
        var all = await ExactlyAsync(Shape.Apply(Filtered(query.View), request), ct);
        return await RowsAsync(all, ct);
    }

    /// <summary>Exactly the filtered rows for the export and print view (the kit's list output); over its limit refused with the count.</summary>
    private static async Task<List<T>> ExactlyAsync<T>(IQueryable<T> filtered, CancellationToken ct)
    {
        ListOutput.CheckSize(await filtered.CountAsync(ct));
        return await filtered.ToListAsync(ct);
    }

    private async Task<List<LawsuitRow>> RowsAsync(IReadOnlyList<Lawsuit> items, CancellationToken ct)
    {
        var names = await orgs.NamesAsync(items.Select(l => l.OrgUnitId).Distinct(), ct);
        return items.Select(l => new LawsuitRow(l.Id, l.CaseNumber, l.Court, l.Plaintiff, l.OrgUnitId, names.GetValueOrDefault(l.OrgUnitId, ""), l.ActKind,
            l.Level, l.Status, l.FiledOn, l.AnswerDueOn, l.AnsweredOn, l.NextHearingOn, l.Result, l.Lost, l.AppealDueOn)).ToList();
    }

    /// <summary>The units the caller may name as defendant: active units in their scope, in tree order.</summary>
    public async Task<IReadOnlyList<OrgUnitInfo>> DefendantChoicesAsync(CancellationToken ct) =>
        (await orgs.ActiveUnitsAsync(ct)).Where(u => current.Scope.Allows(u.Id)).OrderBy(u => u.Path, StringComparer.Ordinal).ToList();

    public async Task<LawsuitView?> GetAsync(Guid id, CancellationToken ct)
    {
        var l = await db.Lawsuits.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (l is null)
        {
            return null;
        }
        var hearings = await db.Hearings.AsNoTracking().Where(h => h.LawsuitId == id).OrderBy(h => h.HeldOn).ThenBy(h => h.Id)
            .Select(h => new HearingView(h.Id, h.HeldOn, h.Appearance, h.AppearedName, h.AppearedTitle, h.Reason)).ToListAsync(ct);
        var materials = await Materials.ListAsync(attachments, id, ct);
        var defendant = (await orgs.FindAsync(l.OrgUnitId, ct))?.Name ?? "";
        var today = deadlines.Today;
        return new LawsuitView(l.Id, l.OrgUnitId, defendant, l.Court, l.CaseNumber, l.Plaintiff, l.ActSued, l.ActKind, l.Cause, l.Level, l.Status, l.FiledOn,
            l.ComplaintReceivedOn, l.AnswerDays, l.AnswerDueOn, l.AnsweredOn, l.AnsweredOn > l.AnswerDueOn,
            l.Status == LawsuitStatus.Registered && l.AnswerDueOn < today, l.NextHearingOn, l.FirstHearingOn, l.HeadAppeared, l.Result, l.DecidedOn,
            l.ServedOn, l.AppealDays, l.AppealDueOn, l.Lost, l.ResultNotes, l.RelatedRecord, l.Version, hearings, materials,
            await db.DisclosureRequests.AsNoTracking().Where(r => r.AppealLawsuitId == id).OrderBy(r => r.Number).Take(50)
                .Select(r => new AppealedDisclosure(r.Id, r.Number, r.ApplicantName)).ToListAsync(ct));
    }

    /// <summary>
    /// Registers a lawsuit against a unit in the caller's scope. The answer period (《行政诉讼法》第六十七条, the settings'
    /// days, 15 by law) runs from the day after the complaint copy was received; a last day on a rest day moves to the next
    /// working day (行诉解释 第四十八条).
    /// </summary>
    public async Task<Lawsuit> RegisterAsync(LawsuitInput input, CancellationToken ct)
    {
        var today = deadlines.Today;
        var checks = new FieldChecks();
        if (input.DefendantId is not { } defendantId || defendantId == Guid.Empty)
        {
            checks.Add("defendantId", "请选择被告行政机关。");
        }
        else if (await orgs.FindAsync(defendantId, ct) is not { IsActive: true } || !current.Scope.Allows(defendantId))
        {
            checks.Add("defendantId", "被告行政机关不存在或不在您的数据范围内：只能登记本机关及下级机关的应诉案件。");
        }
        var court = TextRules.Required(checks, "court", "受理法院", input.Court, 100);
        var number = LitigationRules.NormaliseCaseNumber(TextRules.Required(checks, "caseNumber", "法院案号", input.CaseNumber, 64));
        var plaintiff = TextRules.Required(checks, "plaintiff", "原告", input.Plaintiff, 200);
        var act = TextRules.Required(checks, "actSued", "被诉行政行为", input.ActSued, 500);
        var cause = TextRules.Required(checks, "cause", "案由", input.Cause, 200);
        var related = TextRules.Optional(checks, "relatedRecord", "关联记录", input.RelatedRecord, 200);
        if (related is not null && !(related.StartsWith("/enforcement/", StringComparison.Ordinal) || related.StartsWith("/disputes/", StringComparison.Ordinal)))
        {
            checks.Add("relatedRecord", "关联记录须为本平台的执法案件或纠纷案件地址（以 /enforcement/ 或 /disputes/ 开头）。");
        }
        checks.When(input.ActKind is null, "actKind", "请选择被诉行政行为类别。");
        checks.When(input.Level is null, "level", "请选择审级。");
        checks.When(input.FiledOn is null, "filedOn", "请填写法院立案日期。");
        checks.When(input.ComplaintReceivedOn is null, "complaintReceivedOn", "请填写收到起诉状副本的日期（答辩期限自次日起算）。");
        DateRules.Check(checks, "filedOn", "法院立案日期", input.FiledOn, today);
        DateRules.Check(checks, "complaintReceivedOn", "收到起诉状副本日期", input.ComplaintReceivedOn, today);
        checks.When(input.FiledOn is { } f && input.ComplaintReceivedOn is { } r && r < f, "complaintReceivedOn",
            "收到起诉状副本的日期不能早于法院立案日期（《行政诉讼法》第六十七条：法院立案后发送起诉状副本）。");
        checks.ThrowIfAny("应诉案件未登记，请按提示修改。");
        if (await db.Lawsuits.AnyAsync(l => l.CaseNumber == number && l.OrgUnitId == input.DefendantId, ct))
        {
            throw Refuse.Field("caseNumber", $"该机关已登记案号为 {number} 的应诉案件。");
        }
        var rules = await settings.GetAsync(ct);
        var due = await deadlines.AddCalendarDaysAsync(input.ComplaintReceivedOn!.Value, rules.AnswerDays, ct);
        var lawsuit = new Lawsuit
        {
            OrgUnitId = input.DefendantId!.Value, Court = court, CaseNumber = number, Plaintiff = plaintiff, ActSued = act, ActKind = input.ActKind!.Value,
            Cause = cause, Level = input.Level!.Value, FiledOn = input.FiledOn!.Value, ComplaintReceivedOn = input.ComplaintReceivedOn.Value,
            AnswerDays = rules.AnswerDays, AnswerDueOn = due.Date, Status = LawsuitStatus.Registered, RelatedRecord = related, RegisteredAt = clock.GetUtcNow(),
        };
        db.Lawsuits.Add(lawsuit);
        await db.SaveChangesAsync(ct);
        return lawsuit;
    }

    /// <summary>
    /// Records the answer and evidence. A late answer is recorded and marked: evidence submitted after the period counts as
    /// none (《行政诉讼法》第三十四条第二款), which the office must see.
    /// </summary>
    public async Task AnswerAsync(Guid id, AnswerInput input, CancellationToken ct)
    {
        var l = await LoadAsync(id, input.Version, ct);
        if (l.Status != LawsuitStatus.Registered)
        {
            throw Refuse.Conflict("该案件已提交答辩，不能重复记录。");
        }
        var checks = new FieldChecks();
        checks.When(input.AnsweredOn is null, "answeredOn", "请填写提交答辩状及证据的日期。");
        DateRules.Check(checks, "answeredOn", "答辩日期", input.AnsweredOn, deadlines.Today);
        checks.When(input.AnsweredOn is { } a && a < l.ComplaintReceivedOn, "answeredOn", $"答辩日期不能早于收到起诉状副本的日期（{l.ComplaintReceivedOn:yyyy-MM-dd}）。");
        checks.ThrowIfAny("答辩未记录，请按提示修改。");
        l.AnsweredOn = input.AnsweredOn;
        l.Status = LawsuitStatus.Answered;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Records the hearing date the court set, so the head is told in time (出庭规定 第五条).</summary>
    public async Task ScheduleAsync(Guid id, ScheduleInput input, CancellationToken ct)
    {
        var l = await LoadAsync(id, input.Version, ct);
        if (l.Status == LawsuitStatus.Decided)
        {
            throw Refuse.Conflict("该案件已结案，不能再安排开庭。");
        }
        var checks = new FieldChecks();
        checks.When(input.HearingOn is null, "hearingOn", "请填写开庭日期。");
        DateRules.Check(checks, "hearingOn", "开庭日期", input.HearingOn);
        checks.When(input.HearingOn is { } h && h < l.FiledOn, "hearingOn", $"开庭日期不能早于法院立案日期（{l.FiledOn:yyyy-MM-dd}）。");
        checks.ThrowIfAny("开庭日期未保存，请按提示修改。");
        l.NextHearingOn = input.HearingOn;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Records a hearing that took place and who appeared for the agency (《行政诉讼法》第三条第三款). Refused before the
    /// court registered the suit (a hearing cannot precede 立案) and after the case was decided; a reason is required
    /// whenever the head (正职负责人) did not appear (出庭规定 第八条、第九条).
    /// </summary>
    public async Task RecordHearingAsync(Guid id, HearingInput input, CancellationToken ct)
    {
        var l = await LoadAsync(id, input.Version, ct);
        if (l.Status == LawsuitStatus.Decided)
        {
            throw Refuse.Conflict("该案件已结案，不能再记录庭审。");
        }
        var checks = new FieldChecks();
        checks.When(input.HeldOn is null, "heldOn", "请填写开庭日期。");
        DateRules.Check(checks, "heldOn", "开庭日期", input.HeldOn, deadlines.Today);
        checks.When(input.HeldOn is { } held && held < l.FiledOn, "heldOn",
            $"开庭日期 {input.HeldOn:yyyy-MM-dd} 早于法院立案日期 {l.FiledOn:yyyy-MM-dd}：案件立案登记之前不能记录庭审（《行政诉讼法》第五十一条、第六十七条）。");
        checks.When(input.Appearance is null, "appearance", "请选择出庭应诉人员类别（《行政诉讼法》第三条第三款）。");
        var name = TextRules.Required(checks, "appearedName", "出庭人员姓名", input.AppearedName, 50);
        var title = TextRules.Required(checks, "appearedTitle", "出庭人员职务", input.AppearedTitle, 100);
        var reason = TextRules.Optional(checks, "reason", "负责人未出庭的理由", input.Reason, 1000);
        checks.When(input.Appearance is { } a && a != Appearance.Head && reason is null, "reason",
            "正职负责人未出庭的，须写明理由（最高人民法院关于行政机关负责人出庭应诉若干问题的规定 第八条、第九条）。");
        checks.ThrowIfAny("庭审未记录，请按提示修改。");
        db.Hearings.Add(new LawsuitHearing
        {
            LawsuitId = l.Id, OrgUnitId = l.OrgUnitId, HeldOn = input.HeldOn!.Value, Appearance = input.Appearance!.Value, AppearedName = name,
            AppearedTitle = title, Reason = input.Appearance == Appearance.Head ? null : reason, RecordedAt = clock.GetUtcNow(),
        });
        if (l.FirstHearingOn is null || input.HeldOn < l.FirstHearingOn)
        {
            l.FirstHearingOn = input.HeldOn;
        }
        l.HeadAppeared |= LitigationRules.IsResponsible(input.Appearance!.Value);
        if (l.NextHearingOn is { } next && next <= input.HeldOn)
        {
            l.NextHearingOn = null;
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Records how the instance ended. For a first-instance judgment or ruling the appeal window is stamped from the day
    /// after service (《行政诉讼法》第八十五条: the settings' 15 / 10 days), a last day on a rest day moving to the next working day.
    /// </summary>
    public async Task DecideAsync(Guid id, ResultInput input, CancellationToken ct)
    {
        var l = await LoadAsync(id, input.Version, ct);
        if (l.Status == LawsuitStatus.Decided)
        {
            throw Refuse.Conflict("该案件已记录裁判结果。");
        }
        var today = deadlines.Today;
        var checks = new FieldChecks();
        checks.When(input.Result is null, "result", "请选择裁判结果。");
        checks.When(input.DecidedOn is null, "decidedOn", "请填写裁判日期。");
        DateRules.Check(checks, "decidedOn", "裁判日期", input.DecidedOn, today);
        DateRules.Check(checks, "servedOn", "送达日期", input.ServedOn, today);
        checks.When(input.DecidedOn is { } d && d < l.FiledOn, "decidedOn", $"裁判日期不能早于法院立案日期（{l.FiledOn:yyyy-MM-dd}）。");
        checks.When(input.DecidedOn is { } d2 && input.ServedOn is { } s && s < d2, "servedOn", "送达日期不能早于裁判日期。");
        var rules = await settings.GetAsync(ct);
        var appealDays = input.Result is { } kind ? LitigationRules.AppealDays(l.Level, kind, rules.JudgmentAppealDays, rules.RulingAppealDays) : null;
        checks.When(appealDays is not null && input.ServedOn is null, "servedOn", "一审判决、裁定须填写送达日期：上诉期限自送达之日起计算（《行政诉讼法》第八十五条）。");
        var notes = TextRules.Optional(checks, "notes", "结果说明", input.Notes, 2000);
        checks.ThrowIfAny("裁判结果未记录，请按提示修改。");
        l.Result = input.Result;
        l.DecidedOn = input.DecidedOn;
        l.ServedOn = input.ServedOn;
        l.ResultNotes = notes;
        l.Lost = LitigationRules.IsLoss(input.Result!.Value);
        l.AppealDays = appealDays;
        l.AppealDueOn = appealDays is { } days ? (await deadlines.AddCalendarDaysAsync(input.ServedOn!.Value, days, ct)).Date : null;
        l.NextHearingOn = null;
        l.Status = LawsuitStatus.Decided;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds a material of one kind; refused (with the platform's reason) for a disallowed or empty file.</summary>
    public async Task AddMaterialAsync(Guid id, string kind, Stream content, string fileName, CancellationToken ct)
    {
        var l = await db.Lawsuits.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw Refuse.NotFound("应诉案件不存在或不在您的数据范围内。");
        await Materials.AddAsync(attachments, id, l.OrgUnitId, kind, content, fileName, ct);
    }

    /// <summary>A material of this lawsuit, for whoever may read the lawsuit (the store checks the scope again).</summary>
    public async Task<(AttachmentDto Meta, Stream Content)?> OpenMaterialAsync(Guid id, Guid attachmentId, CancellationToken ct) =>
        await db.Lawsuits.AnyAsync(x => x.Id == id, ct) ? await Materials.OpenAsync(attachments, id, attachmentId, ct) : null;

    private async Task<Lawsuit> LoadAsync(Guid id, long? version, CancellationToken ct)
    {
        var l = await db.Lawsuits.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw Refuse.NotFound("应诉案件不存在或不在您的数据范围内。");
        Refuse.UnlessVersion(version, l.Version, "案件");
        return l;
    }
}
