using Fazhi.Oversight.Data;
using Fazhi.Oversight.Settings;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Oversight.Proposals;

internal sealed record ProposalInput(ProposalKind? Kind, int? Year, string? Number, string? Title, string? Proposer, string? Content, Guid? LeadUnitId,
    IReadOnlyList<Guid>? CoUnitIds, DateOnly? AssignedOn);

internal sealed record TransferRequestInput(long? Version, DateOnly? RequestedOn, string? Reason);

internal sealed record TransferDecisionInput(long? Version, bool? Grant, Guid? NewLeadUnitId, DateOnly? DecidedOn, string? Note);

internal sealed record ContactInput(long? Version, DateOnly? ContactedOn, string? Method, string? Note);

internal sealed record ExtensionInput(long? Version, DateOnly? NewDueOn, string? Reason);

/// <param name="WithoutCoOpinions">Why the lead unit replies while a co-unit has not given its opinion (山东省代表建议办理条例 第二十一条).</param>
internal sealed record ProposalReplyInput(long? Version, DateOnly? RepliedOn, string? Reply, bool? Public, string? WithoutCoOpinions = null);

/// <param name="Version">The version of the co-unit's opinion row (<see cref="CoOpinionView.Version"/>).</param>
/// <param name="CoUnitId">The co-unit giving the opinion; may be left out when the caller's scope holds exactly one of the item's co-units.</param>
internal sealed record CoOpinionInput(long? Version, Guid? CoUnitId, DateOnly? GivenOn, string? Opinion);

/// <summary>A co-unit's opinion on an item as the lead unit (every co-unit) or the co-unit (its own) sees it.</summary>
/// <param name="DueOn">The day the opinion is due (山东省代表建议办理条例 第二十一条, the settings' CoOpinionDays after assignment; ADR 0058).</param>
/// <param name="Overdue">Not given, past its due date, and the lead unit has not replied yet.</param>
/// <param name="Round">1: before the first reply; 2: before the second reply, asked when 不满意 reopened the item (ADR 0066).</param>
internal sealed record CoOpinionView(Guid Id, Guid CoUnitId, string CoUnit, DateOnly? GivenOn, string? Opinion, string? GivenBy, long Version, DateOnly? DueOn = null,
    bool Overdue = false, int Round = ProposalCoOpinion.FirstRound);

/// <summary>An item the caller's unit co-handles (协办), for the co-unit's list.</summary>
internal sealed record CoHandledRow(Guid Id, ProposalKind Kind, int Year, string Number, string Title, string LeadUnit, DateOnly AssignedOn, DateOnly DueOn,
    ProposalStatus Status, string CoUnit, DateOnly? GivenOn, DateOnly? CoDueOn = null, bool CoOverdue = false, int Round = ProposalCoOpinion.FirstRound);

internal sealed record EvaluationInput(long? Version, ProposalEvaluation? Evaluation, DateOnly? EvaluatedOn, string? Note);

internal sealed record ProposalView(Guid Id, ProposalKind Kind, int Year, string Number, string Title, string Proposer, string Content, Guid LeadUnitId, string LeadUnit,
    IReadOnlyList<string> CoUnits, DateOnly AssignedOn, DateOnly TransferDueOn, DateOnly DueOn, DateOnly LatestDueOn, ProposalStatus Status, bool Overdue,
    DateOnly? TransferRequestedOn, string? TransferReason, string? TransferDecision, DateOnly? ExtendedOn, string? ExtensionReason, DateOnly? ContactedOn,
    string? ContactMethod, string? ContactNote, DateOnly? RepliedOn, bool RepliedLate, string? Reply, bool ReplyPublic, ProposalEvaluation? FirstEvaluation,
    ProposalEvaluation? Evaluation, DateOnly? EvaluatedOn, string? EvaluationNote, DateOnly? ReopenedOn, DateOnly? ReReplyDueOn, DateOnly? SecondRepliedOn,
    string? SecondReply, DateOnly? ClosedOn, long Version, IReadOnlyList<CoOpinionView> CoOpinions, string? CoOpinionsWaiver, bool CoHandling,
    string? ReReplyCoOpinionsWaiver = null);

internal sealed record ProposalRow(Guid Id, ProposalKind Kind, int Year, string Number, string Title, string Proposer, Guid LeadUnitId, string LeadUnit,
    DateOnly AssignedOn, DateOnly DueOn, ProposalStatus Status, bool Overdue, DateOnly? RepliedOn, ProposalEvaluation? Evaluation);

internal sealed record PublicProposal(Guid Id, ProposalKind Kind, int Year, string Number, string Title, string Proposer, string LeadUnit, DateOnly RepliedOn,
    string Reply, DateOnly? SecondRepliedOn, string? SecondReply);

internal sealed class ProposalListQuery : DatedListQuery
{
    /// <summary>open | overdue | transfer | replied | reopened | closed; anything else lists all.</summary>
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "view")]
    public string? View { get; set; }

    /// <summary>DeputySuggestion | CppccProposal; anything else lists both.</summary>
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "kind")]
    public string? Kind { get; set; }
}

/// <summary>
/// Deputies' suggestions and CPPCC proposals (建议提案办理, ADR 0032): the liaison office registers and assigns each item to a
/// lead unit and co-units; the lead unit may ask within the stamped days to be relieved (山东条例 第十条、第十二条), records its
/// contact with the deputy (member) and only then replies (代表法 第五十一条), within three months of assignment, extendable
/// once with a reason to at most six (代表法 第五十一条; 山东条例 第十九条); the liaison office enters the deputy's evaluation,
/// and 不满意 reopens the item for a second reply within a month (山东条例 第二十四条). CPPCC proposals follow the same flow.
/// </summary>
internal sealed class ProposalService(OversightDb db, ISystemWork systemWork, SettingsService settings, IDeadlineService deadlines, IOrgDirectory orgs,
    ICurrentUser current, IReminders reminders, TimeProvider clock)
{
    public const string Law = "《代表法》第五十一条";
    public const string ProvincialRules = "山东省代表建议办理条例";

    /// <summary>The co-units' opinions to the lead unit (山东省代表建议办理条例 第二十一条).</summary>
    public const string CoHandlingRule = ProvincialRules + "第二十一条";

    public static readonly ListShape<Proposal> Shape = new ListShape<Proposal>()
        .Search((q, k) => q.Where(p => p.Number.Contains(k) || p.Title.Contains(k) || p.Proposer.Contains(k)))
        .Dated(p => p.AssignedOn)
        .SortBy("assignedOn", p => p.AssignedOn, SortDirection.Desc, isDefault: true)
        .SortBy("dueOn", p => p.DueOn)
        .SortBy("number", p => p.Number)
        .ThenBy(p => p.Id);

    public DateOnly Today => deadlines.Today;

    public static string KindName(ProposalKind kind) => kind == ProposalKind.DeputySuggestion ? "人大代表建议" : "政协提案";

    public static string StatusName(ProposalStatus status) => status switch
    {
        ProposalStatus.Assigned => "办理中",
        ProposalStatus.TransferRequested => "申请调整承办单位",
        ProposalStatus.Replied => "已答复待评价",
        ProposalStatus.Reopened => "不满意重新办理",
        _ => "已办结",
    };

    public static string EvaluationName(ProposalEvaluation evaluation) => evaluation switch
    {
        ProposalEvaluation.Satisfied => "满意",
        ProposalEvaluation.BasicallySatisfied => "基本满意",
        _ => "不满意",
    };

    /// <summary>Open (not replied) and past its due date: the first reply's, or the second reply's once reopened.</summary>
    public static bool IsOverdue(Proposal p, DateOnly today) =>
        ((p.Status is ProposalStatus.Assigned or ProposalStatus.TransferRequested) && p.DueOn < today)
        || (p.Status == ProposalStatus.Reopened && p.ReReplyDueOn < today);

    public IQueryable<Proposal> Filtered(ProposalListQuery query)
    {
        var today = deadlines.Today;
        var q = db.Proposals.AsNoTracking();
        if (Enum.TryParse<ProposalKind>(query.Kind, out var kind) && Enum.IsDefined(kind))
        {
            q = q.Where(p => p.Kind == kind);
        }
        return query.View switch
        {
            "open" => q.Where(p => p.Status == ProposalStatus.Assigned || p.Status == ProposalStatus.TransferRequested || p.Status == ProposalStatus.Reopened),
            "overdue" => q.Where(p => ((p.Status == ProposalStatus.Assigned || p.Status == ProposalStatus.TransferRequested) && p.DueOn < today)
                || (p.Status == ProposalStatus.Reopened && p.ReReplyDueOn < today)),
            "transfer" => q.Where(p => p.Status == ProposalStatus.TransferRequested),
            "replied" => q.Where(p => p.Status == ProposalStatus.Replied),
            "reopened" => q.Where(p => p.Status == ProposalStatus.Reopened),
            "closed" => q.Where(p => p.Status == ProposalStatus.Closed),
            _ => q,
        };
    }

    public async Task<Paged<ProposalRow>> ListAsync(ProposalListQuery query, ListRequest request, CancellationToken ct)
    {
        var page = await Shape.PageAsync(Filtered(query), request, ct);
        return new Paged<ProposalRow>(await RowsAsync(page.Items, ct), page.Total, page.Page, page.PageSize);
    }

    public async Task<List<ProposalRow>> ExportRowsAsync(ProposalListQuery query, ListRequest request, CancellationToken ct) =>
        await RowsAsync(await ExactlyAsync(Shape.Apply(Filtered(query), request), ct), ct);

    /// <summary>Exactly the filtered rows for the export and print view (the kit's list output); over its limit refused with the count.</summary>
    private static async Task<List<T>> ExactlyAsync<T>(IQueryable<T> filtered, CancellationToken ct)
    {
        ListOutput.CheckSize(await filtered.CountAsync(ct));
        return await filtered.ToListAsync(ct);
    }

    private async Task<List<ProposalRow>> RowsAsync(IReadOnlyList<Proposal> items, CancellationToken ct)
    {
        var today = deadlines.Today;
        var names = await orgs.NamesAsync(items.Select(p => p.OrgUnitId).Distinct(), ct);
        return items.Select(p => new ProposalRow(p.Id, p.Kind, p.Year, p.Number, p.Title, p.Proposer, p.OrgUnitId, names.GetValueOrDefault(p.OrgUnitId, ""),
            p.AssignedOn, p.DueOn, p.Status, IsOverdue(p, today), p.RepliedOn, p.Evaluation)).ToList();
    }

    /// <summary>
    /// The item as the caller may see it: the lead unit (and the units above it) see it with every co-unit's opinion; a co-unit,
    /// which does not see the lead unit's record, sees it through its own opinion row (read as system work) with only its own
    /// opinion (<see cref="ProposalView.CoHandling"/>); anyone else gets null.
    /// </summary>
    public async Task<ProposalView?> GetAsync(Guid id, CancellationToken ct)
    {
        var p = await db.Proposals.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        List<ProposalCoOpinion> opinions;
        var coHandling = p is null;
        if (p is null)
        {
            // The scope filter leaves the co-unit only its own rows: they are its right to read the item.
            opinions = await db.ProposalCoOpinions.AsNoTracking().Where(o => o.ProposalId == id).OrderBy(o => o.Round).ThenBy(o => o.Id).ToListAsync(ct);
            if (opinions.Count == 0)
            {
                return null;
            }
            await using var system = systemWork.Db<OversightDb>("协办单位查阅建议提案");
            p = await system.Proposals.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (p is null)
            {
                return null;
            }
        }
        else
        {
            // The co-units' rows are records of the co-units, outside the lead unit's scope: read as system work for the lead.
            await using var system = systemWork.Db<OversightDb>("主办单位查阅协办意见");
            opinions = await system.ProposalCoOpinions.AsNoTracking().Where(o => o.ProposalId == id).OrderBy(o => o.Round).ThenBy(o => o.Id).ToListAsync(ct);
        }
        var names = await orgs.NamesAsync(p.CoUnitIds.Append(p.OrgUnitId).Concat(opinions.Select(o => o.OrgUnitId)).Distinct(), ct);
        return new ProposalView(p.Id, p.Kind, p.Year, p.Number, p.Title, p.Proposer, p.Content, p.OrgUnitId, names.GetValueOrDefault(p.OrgUnitId, ""),
            p.CoUnitIds.Select(u => names.GetValueOrDefault(u, "")).ToList(), p.AssignedOn, p.TransferDueOn, p.DueOn, p.LatestDueOn, p.Status,
            IsOverdue(p, deadlines.Today), p.TransferRequestedOn, p.TransferReason, p.TransferDecision, p.ExtendedOn, p.ExtensionReason, p.ContactedOn, p.ContactMethod,
            p.ContactNote, p.RepliedOn, p.RepliedOn > p.DueOn, p.Reply, p.ReplyPublic, p.FirstEvaluation, p.Evaluation, p.EvaluatedOn, p.EvaluationNote,
            p.ReopenedOn, p.ReReplyDueOn, p.SecondRepliedOn, p.SecondReply, p.ClosedOn, p.Version,
            opinions.Select(o => new CoOpinionView(o.Id, o.OrgUnitId, names.GetValueOrDefault(o.OrgUnitId, ""), o.GivenOn, o.Opinion, o.GivenBy, o.Version,
                o.DueOn, IsCoOpinionOverdue(o, p.Status, deadlines.Today), o.Round)).ToList(),
            p.CoOpinionsWaiver, coHandling, p.ReReplyCoOpinionsWaiver);
    }

    /// <summary>
    /// The items a unit in the caller's scope co-handles (its opinion rows, which the scope filter limits), those awaiting its
    /// opinion first, then the newest; at most 200.
    /// </summary>
    public async Task<IReadOnlyList<CoHandledRow>> CoHandledAsync(CancellationToken ct)
    {
        var rows = await db.ProposalCoOpinions.AsNoTracking().OrderBy(o => o.GivenOn != null).ThenByDescending(o => o.Round).ThenByDescending(o => o.Id).Take(200).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }
        var ids = rows.Select(o => o.ProposalId).Distinct().ToList();
        var today = deadlines.Today;
        await using var system = systemWork.Db<OversightDb>("协办单位查阅建议提案");
        var items = await system.Proposals.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var names = await orgs.NamesAsync(items.Values.Select(p => p.OrgUnitId).Concat(rows.Select(o => o.OrgUnitId)).Distinct(), ct);
        return rows.Where(o => items.ContainsKey(o.ProposalId)).Select(o =>
        {
            var p = items[o.ProposalId];
            return new CoHandledRow(p.Id, p.Kind, p.Year, p.Number, p.Title, names.GetValueOrDefault(p.OrgUnitId, ""), p.AssignedOn, p.DueOn, p.Status,
                names.GetValueOrDefault(o.OrgUnitId, ""), o.GivenOn, o.DueOn, IsCoOpinionOverdue(o, p.Status, today), o.Round);
        }).ToList();
    }

    /// <summary>
    /// A co-unit gives its opinion to the lead unit (协办意见, 山东省代表建议办理条例 第二十一条), once, before the lead unit replies.
    /// Only a unit in the caller's scope that co-handles the item can (its row is the only one the caller sees). Once 不满意
    /// has reopened the item, the opinion given is the second round's (before the second reply, ADR 0066).
    /// </summary>
    public async Task CoOpinionAsync(Guid id, CoOpinionInput input, CancellationToken ct)
    {
        var all = await db.ProposalCoOpinions.Where(o => o.ProposalId == id).ToListAsync(ct);
        if (all.Count == 0)
        {
            throw Refuse.NotFound("建议提案不存在，或您的单位不是其协办单位。");
        }
        await using var system = systemWork.Db<OversightDb>("协办单位查阅建议提案");
        var p = await system.Proposals.AsNoTracking().FirstAsync(x => x.Id == id, ct);
        if (!AwaitsReply(p.Status))
        {
            throw Refuse.Conflict($"主办单位已答复，协办意见应在主办单位答复前提出（{CoHandlingRule}）。", CoHandlingRule);
        }
        var round = ProposalCoOpinion.RoundOf(p.Status);
        var mine = all.Where(o => o.Round == round).ToList();
        if (mine.Count == 0)
        {
            throw Refuse.Conflict($"该建议提案重新办理时未请贵单位再次协办（{CoHandlingRule}）。", CoHandlingRule);
        }
        var row = input.CoUnitId is { } unit ? mine.FirstOrDefault(o => o.OrgUnitId == unit) : mine.Count == 1 ? mine[0] : null;
        if (row is null)
        {
            throw Refuse.Field("coUnitId", input.CoUnitId is null ? "您的数据范围内有多个协办单位，请选择以哪个协办单位提出意见。" : "所选单位不是该建议提案的协办单位。");
        }
        Refuse.UnlessVersion(input.Version, row.Version, "协办意见");
        if (row.GivenOn is not null)
        {
            throw Refuse.Conflict($"已于 {row.GivenOn:yyyy-MM-dd} 提出{(round == ProposalCoOpinion.SecondRound ? "重新办理的" : "")}协办意见，不能重复提出。");
        }
        var checks = new FieldChecks();
        checks.When(input.GivenOn is null, "givenOn", "请填写提出意见的日期。");
        DateRules.Check(checks, "givenOn", "提出意见的日期", input.GivenOn, deadlines.Today);
        checks.When(input.GivenOn is { } g && g < p.AssignedOn, "givenOn", $"提出意见的日期不能早于交办日期（{p.AssignedOn:yyyy-MM-dd}）。");
        checks.When(round == ProposalCoOpinion.SecondRound && input.GivenOn is { } g2 && g2 < p.ReopenedOn, "givenOn",
            $"重新办理的协办意见，提出日期不能早于评价不满意的日期（{p.ReopenedOn:yyyy-MM-dd}）。");
        var opinion = TextRules.Required(checks, "opinion", "协办意见", input.Opinion, 2000);
        checks.ThrowIfAny("协办意见未保存，请按提示修改。");
        (row.GivenOn, row.Opinion, row.GivenBy) = (input.GivenOn, opinion, current.UserName);
        await db.SaveChangesAsync(ct);
        await reminders.SendAsync([new Reminder("oversight.proposal-co-opinion", $"{p.Id}:{row.OrgUnitId}:{round}", $"协办单位已提出意见：{p.Number}",
            $"{KindName(p.Kind)}《{p.Title}》的协办单位已提出{(round == ProposalCoOpinion.SecondRound ? "重新办理的" : "")}协办意见，请综合后{(round == ProposalCoOpinion.SecondRound ? "重新" : "")}答复（{CoHandlingRule}）。", $"/oversight/proposals/{p.Id}", [], p.OrgUnitId,
            OversightPermissions.ProposalsHandle)], ct);
    }

    /// <summary>The units the caller may assign to (active, in scope), in tree order.</summary>
    public async Task<IReadOnlyList<OrgUnitInfo>> UnitChoicesAsync(CancellationToken ct) =>
        (await orgs.ActiveUnitsAsync(ct)).Where(u => current.Scope.Allows(u.Id)).OrderBy(u => u.Path, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Registers an item and assigns it (交办) to a lead unit in the liaison office's scope, with co-units. The reply is due
    /// the stamped months after assignment (代表法 第五十一条: three months), a last day on a rest day moving to the next working day.
    /// </summary>
    public async Task<Proposal> RegisterAsync(ProposalInput input, CancellationToken ct)
    {
        var today = deadlines.Today;
        var checks = new FieldChecks();
        checks.When(input.Kind is null || !Enum.IsDefined(input.Kind.Value), "kind", "请选择类别（人大代表建议或政协提案）。");
        checks.When(input.Year is not (>= 2000 and <= 2100), "year", "请填写届次年度（2000 至 2100）。");
        var number = TextRules.Required(checks, "number", "建议提案编号", input.Number, 32);
        var title = TextRules.Required(checks, "title", "标题", input.Title, 200);
        var proposer = TextRules.Required(checks, "proposer", "领衔代表或提案委员", input.Proposer, 100);
        var content = TextRules.Required(checks, "content", "内容", input.Content, 4000);
        await CheckUnitAsync(checks, "leadUnitId", "主办单位", input.LeadUnitId, ct);
        var coUnits = (input.CoUnitIds ?? []).Where(u => u != Guid.Empty).Distinct().ToList();
        checks.When(coUnits.Count > 20, "coUnitIds", "协办单位最多 20 个。");
        foreach (var u in coUnits.Take(20))
        {
            if (u == input.LeadUnitId)
            {
                checks.Add("coUnitIds", "主办单位不能同时是协办单位。");
            }
            else if (await orgs.FindAsync(u, ct) is not { IsActive: true } || !current.Scope.Allows(u))
            {
                checks.Add("coUnitIds", "协办单位不存在或不在您的数据范围内。");
            }
        }
        checks.When(input.AssignedOn is null, "assignedOn", "请填写交办日期。");
        DateRules.Check(checks, "assignedOn", "交办日期", input.AssignedOn, today);
        checks.ThrowIfAny("建议提案未交办，请按提示修改。");
        if (await db.Proposals.AnyAsync(p => p.Year == input.Year && p.Kind == input.Kind && p.Number == number, ct))
        {
            throw Refuse.Field("number", $"{input.Year} 年已登记编号为 {number} 的{KindName(input.Kind!.Value)}。");
        }
        var p = new Proposal
        {
            Kind = input.Kind!.Value, Year = input.Year!.Value, Number = number, Title = title, Proposer = proposer, Content = content,
            OrgUnitId = input.LeadUnitId!.Value, CoUnitIds = coUnits, Status = ProposalStatus.Assigned, RegisteredAt = clock.GetUtcNow(),
        };
        await AssignAsync(p, input.AssignedOn!.Value, ct);
        db.Proposals.Add(p);
        var coDue = await CoOpinionDueAsync(deadlines, p.AssignedOn, (await settings.GetAsync(ct)).CoOpinionDays, ct);
        db.ProposalCoOpinions.AddRange(coUnits.Select(u => new ProposalCoOpinion { ProposalId = p.Id, OrgUnitId = u, DueOn = coDue }));
        await db.SaveChangesAsync(ct);
        await NotifyAssignedAsync(p, ct);
        return p;
    }

    /// <summary>The lead unit asks to be relieved (not its responsibility), within the stamped days of assignment (山东条例 第十条、第十二条).</summary>
    public async Task RequestTransferAsync(Guid id, TransferRequestInput input, CancellationToken ct)
    {
        var p = await LoadAsync(id, input.Version, ct);
        if (p.Status != ProposalStatus.Assigned || p.ContactedOn is not null)
        {
            throw Refuse.Conflict("只有尚未联系代表（委员）、正在办理的建议提案可以申请调整承办单位。");
        }
        var checks = new FieldChecks();
        checks.When(input.RequestedOn is null, "requestedOn", "请填写申请日期。");
        DateRules.Check(checks, "requestedOn", "申请日期", input.RequestedOn, deadlines.Today);
        checks.When(input.RequestedOn is { } r && r < p.AssignedOn, "requestedOn", $"申请日期不能早于交办日期（{p.AssignedOn:yyyy-MM-dd}）。");
        var reason = TextRules.Required(checks, "reason", "申请调整的理由", input.Reason, 1000);
        checks.ThrowIfAny("申请未提交，请按提示修改。");
        if (input.RequestedOn > p.TransferDueOn)
        {
            throw Refuse.Field("requestedOn",
                $"交办之日起 {(p.TransferDueOn.DayNumber - p.AssignedOn.DayNumber)} 日内（至 {p.TransferDueOn:yyyy-MM-dd}）方可申请调整承办单位，逾期应当办理（{ProvincialRules}第十条、第十二条）。",
                ProvincialRules + "第十二条");
        }
        (p.Status, p.TransferRequestedOn, p.TransferReason, p.TransferDecision) = (ProposalStatus.TransferRequested, input.RequestedOn, reason, null);
        await db.SaveChangesAsync(ct);
        var above = await orgs.AncestorsAsync(p.OrgUnitId, ct);
        await reminders.SendAsync(above.Select(a => new Reminder("oversight.proposal-transfer", $"{p.Id}:{p.TransferRequestedOn:yyyyMMdd}:{a.Id}",
            $"建议提案申请调整承办单位：{p.Number}", $"{KindName(p.Kind)}《{p.Title}》的主办单位申请调整：{reason}", $"/oversight/proposals/{p.Id}", [], a.Id,
            OversightPermissions.ProposalsAssign)), ct);
    }

    /// <summary>The liaison office grants a transfer (assigning the item afresh to another lead unit) or refuses it (the unit handles it).</summary>
    public async Task DecideTransferAsync(Guid id, TransferDecisionInput input, CancellationToken ct)
    {
        var p = await LoadAsync(id, input.Version, ct);
        if (p.Status != ProposalStatus.TransferRequested)
        {
            throw Refuse.Conflict("该建议提案没有待决定的调整申请。");
        }
        var checks = new FieldChecks();
        checks.When(input.Grant is null, "grant", "请选择同意或不同意调整。");
        checks.When(input.DecidedOn is null, "decidedOn", "请填写决定日期。");
        DateRules.Check(checks, "decidedOn", "决定日期", input.DecidedOn, deadlines.Today);
        checks.When(input.DecidedOn is { } d && d < p.TransferRequestedOn, "decidedOn", $"决定日期不能早于申请日期（{p.TransferRequestedOn:yyyy-MM-dd}）。");
        var note = TextRules.Optional(checks, "note", "说明", input.Note, 1000);
        if (input.Grant == true)
        {
            await CheckUnitAsync(checks, "newLeadUnitId", "新的主办单位", input.NewLeadUnitId, ct);
            checks.When(input.NewLeadUnitId == p.OrgUnitId, "newLeadUnitId", "新的主办单位须不同于原主办单位。");
        }
        checks.ThrowIfAny("未决定，请按提示修改。");
        if (input.Grant == true)
        {
            var from = (await orgs.FindAsync(p.OrgUnitId, ct))?.Name ?? "";
            p.OrgUnitId = input.NewLeadUnitId!.Value;
            p.CoUnitIds = p.CoUnitIds.Where(u => u != p.OrgUnitId).ToList();
            // The new lead unit no longer co-handles the item: its opinion row goes (the audit keeps it).
            db.ProposalCoOpinions.RemoveRange(await db.ProposalCoOpinions.Where(o => o.ProposalId == p.Id && o.OrgUnitId == p.OrgUnitId).ToListAsync(ct));
            p.TransferDecision = $"{input.DecidedOn:yyyy-MM-dd} 同意调整，由{from}改交{(await orgs.FindAsync(p.OrgUnitId, ct))?.Name}办理" + (note is null ? "" : "：" + note);
            await AssignAsync(p, input.DecidedOn!.Value, ct);
        }
        else
        {
            p.TransferDecision = $"{input.DecidedOn:yyyy-MM-dd} 不同意调整，由原主办单位办理" + (note is null ? "" : "：" + note);
        }
        p.Status = ProposalStatus.Assigned;
        await db.SaveChangesAsync(ct);
        if (input.Grant == true)
        {
            await NotifyAssignedAsync(p, ct);
        }
    }

    /// <summary>Records the contact with the deputy (member) that must precede a reply (代表法 第五十一条; 山东条例 第十九条至第二十四条).</summary>
    public async Task ContactAsync(Guid id, ContactInput input, CancellationToken ct)
    {
        var p = await LoadAsync(id, input.Version, ct);
        if (p.Status is not (ProposalStatus.Assigned or ProposalStatus.Reopened))
        {
            throw Refuse.Conflict(p.Status == ProposalStatus.TransferRequested ? "调整承办单位的申请尚待决定，暂不能办理。" : "该建议提案当前不在办理中。");
        }
        var checks = new FieldChecks();
        checks.When(input.ContactedOn is null, "contactedOn", "请填写联系日期。");
        DateRules.Check(checks, "contactedOn", "联系日期", input.ContactedOn, deadlines.Today);
        checks.When(input.ContactedOn is { } c && c < p.AssignedOn, "contactedOn", $"联系日期不能早于交办日期（{p.AssignedOn:yyyy-MM-dd}）。");
        checks.When(input.ContactedOn is { } c2 && p.ReopenedOn is { } reopened && c2 < reopened, "contactedOn", $"重新办理的，联系日期不能早于评价不满意的日期（{p.ReopenedOn:yyyy-MM-dd}）。");
        var method = TextRules.Required(checks, "method", "联系方式", input.Method, 50);
        var note = TextRules.Required(checks, "note", "沟通情况", input.Note, 2000);
        checks.ThrowIfAny("联系情况未保存，请按提示修改。");
        (p.ContactedOn, p.ContactMethod, p.ContactNote) = (input.ContactedOn, method, note);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Extends the reply period of a complex item once, before it ends, with a reason, to at most the stamped maximum after
    /// assignment (代表法 第五十一条: 六个月; 山东条例 第十九条).
    /// </summary>
    public async Task ExtendAsync(Guid id, ExtensionInput input, CancellationToken ct)
    {
        var p = await LoadAsync(id, input.Version, ct);
        if (p.Status != ProposalStatus.Assigned)
        {
            throw Refuse.Conflict("只有办理中、尚未答复的建议提案可以延期。");
        }
        if (p.ExtendedOn is not null)
        {
            throw Refuse.Conflict($"答复期限已延长过一次，不能再次延长（{Law}：最长不超过六个月）。", Law);
        }
        var today = deadlines.Today;
        if (today > p.DueOn)
        {
            throw Refuse.Conflict($"答复期限已于 {p.DueOn:yyyy-MM-dd} 届满，不能再延期，应尽快答复（{Law}）。", Law);
        }
        var checks = new FieldChecks();
        checks.When(input.NewDueOn is null, "newDueOn", "请填写延长后的答复期限。");
        DateRules.Check(checks, "newDueOn", "延长后的答复期限", input.NewDueOn);
        checks.When(input.NewDueOn is { } n && n <= p.DueOn, "newDueOn", $"延长后的答复期限须晚于原期限（{p.DueOn:yyyy-MM-dd}）。");
        checks.When(input.NewDueOn is { } m && m > p.LatestDueOn, "newDueOn",
            $"答复期限最长为交办之日起 {p.MaxMonths} 个月（至 {p.LatestDueOn:yyyy-MM-dd}，{Law}、{ProvincialRules}第十九条）。");
        var reason = TextRules.Required(checks, "reason", "延期理由", input.Reason, 1000);
        checks.ThrowIfAny("未延期，请按提示修改。");
        (p.DueOn, p.ExtendedOn, p.ExtensionReason) = (input.NewDueOn!.Value, today, reason);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Records the reply (the first, or the second after 不满意). Refused while no contact with the deputy (member) is recorded
    /// for this round (代表法 第五十一条; 山东条例 第十九条至第二十四条). A late reply is recorded and marked late.
    /// </summary>
    public async Task ReplyAsync(Guid id, ProposalReplyInput input, CancellationToken ct)
    {
        var p = await LoadAsync(id, input.Version, ct);
        var second = p.Status == ProposalStatus.Reopened;
        if (p.Status is not (ProposalStatus.Assigned or ProposalStatus.Reopened))
        {
            throw Refuse.Conflict(p.Status == ProposalStatus.TransferRequested ? "调整承办单位的申请尚待决定，暂不能答复。" : "该建议提案已答复，不能重复答复。");
        }
        if (p.ContactedOn is null || (second && p.ContactedOn < p.ReopenedOn))
        {
            throw Refuse.Conflict(
                $"答复前须与{(p.Kind == ProposalKind.DeputySuggestion ? "代表" : "委员")}联系沟通、听取意见并记录联系情况（{Law}；{ProvincialRules}第十九条至第二十四条）{(second ? "；重新办理的须在评价不满意后再次联系" : "")}。",
                Law);
        }
        var checks = new FieldChecks();
        var waiver = TextRules.Optional(checks, "withoutCoOpinions", "未待协办意见即答复的理由", input.WithoutCoOpinions, 1000);
        checks.ThrowIfAny("答复未保存，请按提示修改。");
        await using (var system = systemWork.Db<OversightDb>("主办单位查阅协办意见"))
        {
            // Only the round the lead unit is replying in counts: the first round's rows before the first reply, the second's
            // (asked when 不满意 reopened the item, ADR 0066) before the second.
            var round = second ? ProposalCoOpinion.SecondRound : ProposalCoOpinion.FirstRound;
            var pending = await system.ProposalCoOpinions.AsNoTracking().Where(o => o.ProposalId == id && o.Round == round && o.GivenOn == null)
                .Select(o => o.OrgUnitId).ToListAsync(ct);
            if (pending.Count > 0 && waiver is null)
            {
                var waiting = await orgs.NamesAsync(pending, ct);
                throw Refuse.Field("withoutCoOpinions",
                    $"协办单位（{string.Join("、", pending.Select(u => waiting.GetValueOrDefault(u, "")))}）尚未提出{(second ? "重新办理的" : "")}协办意见；主办单位应当在综合协办单位意见后答复（{CoHandlingRule}），确需先行答复的，请填写未待协办意见即答复的理由。",
                    CoHandlingRule);
            }
            if (pending.Count == 0)
            {
                waiver = null;
            }
        }
        checks.When(input.RepliedOn is null, "repliedOn", "请填写答复日期。");
        DateRules.Check(checks, "repliedOn", "答复日期", input.RepliedOn, deadlines.Today);
        checks.When(input.RepliedOn is { } r && r < p.ContactedOn, "repliedOn", $"答复日期不能早于联系代表（委员）的日期（{p.ContactedOn:yyyy-MM-dd}）。");
        var reply = TextRules.Required(checks, "reply", "答复内容", input.Reply, 4000);
        checks.ThrowIfAny("答复未保存，请按提示修改。");
        if (second)
        {
            (p.SecondRepliedOn, p.SecondReply) = (input.RepliedOn, reply);
        }
        else
        {
            (p.RepliedOn, p.Reply) = (input.RepliedOn, reply);
        }
        p.ReplyPublic = input.Public == true;
        if (second)
        {
            p.ReReplyCoOpinionsWaiver = waiver;
        }
        else
        {
            p.CoOpinionsWaiver = waiver;
        }
        p.Status = ProposalStatus.Replied;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The liaison office enters the deputy's (member's) evaluation. 满意 and 基本满意 close the item; 不满意 after the first
    /// reply reopens it for a second reply within the stamped month(s) (山东条例 第二十四条); after the second reply it closes.
    /// </summary>
    public async Task EvaluateAsync(Guid id, EvaluationInput input, CancellationToken ct)
    {
        var p = await LoadAsync(id, input.Version, ct);
        if (p.Status != ProposalStatus.Replied)
        {
            throw Refuse.Conflict("只有已答复、待评价的建议提案可以录入评价。");
        }
        var checks = new FieldChecks();
        checks.When(input.Evaluation is null || !Enum.IsDefined(input.Evaluation.Value), "evaluation", "请选择评价（满意、基本满意或不满意）。");
        checks.When(input.EvaluatedOn is null, "evaluatedOn", "请填写评价日期。");
        DateRules.Check(checks, "evaluatedOn", "评价日期", input.EvaluatedOn, deadlines.Today);
        var replied = p.SecondRepliedOn ?? p.RepliedOn;
        checks.When(input.EvaluatedOn is { } e && e < replied, "evaluatedOn", $"评价日期不能早于答复日期（{replied:yyyy-MM-dd}）。");
        var note = TextRules.Optional(checks, "note", "评价意见", input.Note, 1000);
        checks.When(input.Evaluation == ProposalEvaluation.Dissatisfied && note is null, "note", "评价不满意的，请填写代表（委员）的具体意见。");
        checks.ThrowIfAny("评价未保存，请按提示修改。");
        var evaluation = input.Evaluation!.Value;
        var first = p.SecondRepliedOn is null;
        if (first)
        {
            p.FirstEvaluation = evaluation;
        }
        (p.Evaluation, p.EvaluatedOn, p.EvaluationNote) = (evaluation, input.EvaluatedOn, note);
        if (evaluation == ProposalEvaluation.Dissatisfied && first)
        {
            var rules = await settings.GetAsync(ct);
            p.ReopenedOn = input.EvaluatedOn;
            p.ReReplyDueOn = await MonthsAfterAsync(input.EvaluatedOn!.Value, rules.ProposalReReplyMonths, ct);
            p.Status = ProposalStatus.Reopened;
            // The co-units are asked again before the second reply (山东省代表建议办理条例 第二十一条 for the reply the lead unit
            // makes again under 第二十四条, ADR 0066): one row each of round 2, due like the first round's.
            var coDue = await SecondRoundDueAsync(deadlines, p.ReopenedOn!.Value, rules.CoOpinionDays, p.ReReplyDueOn.Value, ct);
            db.ProposalCoOpinions.AddRange(p.CoUnitIds.Distinct().Select(u => new ProposalCoOpinion
            {
                ProposalId = p.Id, OrgUnitId = u, Round = ProposalCoOpinion.SecondRound, DueOn = coDue,
            }));
        }
        else
        {
            (p.Status, p.ClosedOn) = (ProposalStatus.Closed, input.EvaluatedOn);
        }
        await db.SaveChangesAsync(ct);
        if (p.Status == ProposalStatus.Reopened)
        {
            await reminders.SendAsync([new Reminder("oversight.proposal-reopened", p.Id.ToString(), $"建议提案评价不满意，请重新办理：{p.Number}",
                $"{KindName(p.Kind)}《{p.Title}》评价为不满意，请再次联系{(p.Kind == ProposalKind.DeputySuggestion ? "代表" : "委员")}并于 {p.ReReplyDueOn:yyyy-MM-dd} 前重新答复（{ProvincialRules}第二十四条）。",
                $"/oversight/proposals/{p.Id}", [], p.OrgUnitId, OversightPermissions.ProposalsHandle),
                .. p.CoUnitIds.Distinct().Select(u => new Reminder("oversight.proposal-co-reopened", $"{p.Id}:{u}", $"建议提案重新办理，请再次提出协办意见：{p.Number}",
                    $"{KindName(p.Kind)}《{p.Title}》评价为不满意，由主办单位重新办理；请贵单位在主办单位重新答复前再次提出协办意见（{CoHandlingRule}）。",
                    $"/oversight/proposals/{p.Id}", [], u, OversightPermissions.ProposalsHandle))], ct);
        }
    }

    /// <summary>Replies the deputies (members) agreed to publish, newest first, for the public page (read as system work).</summary>
    public async Task<IReadOnlyList<PublicProposal>> PublicRepliesAsync(int year, string? keyword, CancellationToken ct)
    {
        await using var system = systemWork.Db<OversightDb>("建议提案公开答复");
        var q = system.Proposals.AsNoTracking().Where(p => p.Year == year && p.ReplyPublic && p.RepliedOn != null);
        if (TextRules.Clean(keyword) is { Length: > 0 and <= 50 } k)
        {
            q = q.Where(p => p.Title.Contains(k) || p.Number.Contains(k) || p.Proposer.Contains(k));
        }
        var items = await q.OrderByDescending(p => p.RepliedOn).ThenBy(p => p.Id).Take(200).ToListAsync(ct);
        var names = await orgs.NamesAsync(items.Select(p => p.OrgUnitId).Distinct(), ct);
        return items.Select(p => new PublicProposal(p.Id, p.Kind, p.Year, p.Number, p.Title, p.Proposer, names.GetValueOrDefault(p.OrgUnitId, ""), p.RepliedOn!.Value,
            p.Reply ?? "", p.SecondRepliedOn, p.SecondReply)).ToList();
    }

    private async Task AssignAsync(Proposal p, DateOnly assignedOn, CancellationToken ct)
    {
        var rules = await settings.GetAsync(ct);
        p.AssignedOn = assignedOn;
        p.ReplyMonths = rules.ProposalReplyMonths;
        p.MaxMonths = Math.Max(rules.ProposalMaxMonths, rules.ProposalReplyMonths);
        p.TransferDueOn = (await deadlines.AddCalendarDaysAsync(assignedOn, rules.ProposalTransferDays, ct)).Date;
        p.DueOn = await MonthsAfterAsync(assignedOn, p.ReplyMonths, ct);
        p.LatestDueOn = await MonthsAfterAsync(assignedOn, p.MaxMonths, ct);
        (p.ExtendedOn, p.ExtensionReason, p.TransferRequestedOn, p.TransferReason) = (null, null, null, null);
    }

    /// <summary>
    /// The day a co-unit's opinion is due: the stamped days after assignment (山东省代表建议办理条例 第二十一条 has the opinion
    /// before the lead unit's reply and sets no number; the default is the settings' local 30 days, ADR 0058), a last day on a
    /// rest day moving to the next working day.
    /// </summary>
    public static async Task<DateOnly> CoOpinionDueAsync(IDeadlineService deadlines, DateOnly assignedOn, int days, CancellationToken ct) =>
        (await deadlines.AddCalendarDaysAsync(assignedOn, days, ct)).Date;

    /// <summary>
    /// The day a co-unit's second-round opinion is due (ADR 0066): the same settings' days, counted from the day 不满意 reopened
    /// the item, and never later than the second reply's own due date (the opinion precedes the reply, 第二十一条).
    /// </summary>
    public static async Task<DateOnly> SecondRoundDueAsync(IDeadlineService deadlines, DateOnly reopenedOn, int days, DateOnly reReplyDueOn, CancellationToken ct)
    {
        var due = await CoOpinionDueAsync(deadlines, reopenedOn, days, ct);
        return due < reReplyDueOn ? due : reReplyDueOn;
    }

    /// <summary>
    /// A co-unit's opinion is overdue when it is not given, its due date has passed, the lead unit still has to reply, and the
    /// row belongs to the round of that reply (a first-round row left pending is no longer awaited once 不满意 opened the second).
    /// </summary>
    public static bool IsCoOpinionOverdue(ProposalCoOpinion o, ProposalStatus status, DateOnly today) =>
        o.GivenOn is null && o.DueOn is { } due && due < today && AwaitsReply(status) && o.Round == ProposalCoOpinion.RoundOf(status);

    /// <summary>The states in which the lead unit has still to reply, so a co-unit's opinion is still wanted.</summary>
    public static bool AwaitsReply(ProposalStatus status) => status is ProposalStatus.Assigned or ProposalStatus.TransferRequested or ProposalStatus.Reopened;

    /// <summary>Months after a day, to the same date; a last day on a rest day moves to the next working day.</summary>
    private async Task<DateOnly> MonthsAfterAsync(DateOnly from, int months, CancellationToken ct) =>
        (await deadlines.AddCalendarDaysAsync(from.AddMonths(months).AddDays(-1), 1, ct)).Date;

    private async Task CheckUnitAsync(FieldChecks checks, string field, string label, Guid? unitId, CancellationToken ct)
    {
        if (unitId is not { } id || id == Guid.Empty)
        {
            checks.Add(field, $"请选择{label}。");
        }
        else if (await orgs.FindAsync(id, ct) is not { IsActive: true } || !current.Scope.Allows(id))
        {
            checks.Add(field, $"{label}不存在或不在您的数据范围内。");
        }
    }

    private Task NotifyAssignedAsync(Proposal p, CancellationToken ct) =>
        reminders.SendAsync([new Reminder("oversight.proposal-assigned", $"{p.Id}:{p.OrgUnitId}", $"交办{KindName(p.Kind)}：{p.Number}",
            $"《{p.Title}》（{p.Proposer}）已交贵单位主办，请联系{(p.Kind == ProposalKind.DeputySuggestion ? "代表" : "委员")}并于 {p.DueOn:yyyy-MM-dd} 前答复（{Law}）；非本单位职责的，请于 {p.TransferDueOn:yyyy-MM-dd} 前申请调整（{ProvincialRules}第十条、第十二条）。",
            $"/oversight/proposals/{p.Id}", [], p.OrgUnitId, OversightPermissions.ProposalsHandle),
            .. p.CoUnitIds.Select(u => new Reminder("oversight.proposal-co-assigned", $"{p.Id}:{u}", $"协办{KindName(p.Kind)}：{p.Number}",
                $"《{p.Title}》（{p.Proposer}）由贵单位协办，请在主办单位答复前向其提出协办意见（{CoHandlingRule}）。", $"/oversight/proposals/{p.Id}", [], u,
                OversightPermissions.ProposalsHandle))], ct);

    private async Task<Proposal> LoadAsync(Guid id, long? version, CancellationToken ct)
    {
        var p = await db.Proposals.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw Refuse.NotFound("建议提案不存在或不在您的数据范围内。");
        Refuse.UnlessVersion(version, p.Version, "建议提案");
        return p;
    }
}
