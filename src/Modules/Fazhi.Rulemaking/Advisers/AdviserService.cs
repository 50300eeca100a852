using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Fazhi.Rulemaking.Data;
using Fazhi.Rulemaking.Normative;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Rulemaking.Advisers;

internal sealed record AdviserInput(string? Name, AdviserKind? Kind, string? Organisation, string? Specialty, string? UserName);

internal sealed record EngagementInput(Guid? OrgUnitId, DateOnly? From, DateOnly? To, string? ContractNo);

internal sealed record OpinionRequestInput(Guid? OrgUnitId, Guid? AdviserId, OpinionSubject? Subject, Guid? SubjectId, string? SubjectTitle, string? Question, DateOnly? DueOn);

internal sealed record OpinionInput(string? Opinion, long? Version);

internal sealed record AdviserView(LegalAdviser Adviser, IReadOnlyList<AdviserEngagement> Engagements);

/// <summary>One subject a picker offers: what the form posts (the title, then <c>#</c> and the id) and what the list shows.</summary>
internal sealed record SubjectPick(string Value, string Label);

/// <summary>One opinion request as a subject's page shows it (public: the panel is a component's parameter).</summary>
public sealed record OpinionLine(string Number, string AdviserName, string UnitName, DateOnly DueOn, string State, bool Answered, string Question, string? Opinion);

/// <summary>Requests counted per adviser or per unit: sent, answered, answered by the deadline, open past it.</summary>
internal sealed record OpinionCount(string Name, int Requests, int Answered, int OnTime, int Overdue);

/// <summary>
/// Government legal advisers (政府法律顾问, ADR 0036): the register (public lawyers, external lawyers, firms, experts), each
/// engaged by units for a contract period; a unit's request for a written opinion on a decision, a normative document, a
/// contract or a case, with its deadline, sent only to an adviser engaged by the unit (or a unit above it) on the day; the
/// adviser's opinion recorded. An adviser's account sees only the requests sent to it (read and written as system work,
/// filtered by the account, so the adviser's own org unit plays no part).
/// </summary>
internal sealed class AdviserService(RulemakingDb db, ICurrentUser user, IDeadlineService clock, IOrgDirectory orgs, IUserDirectory users, ISystemWork systemWork,
    INumberSequence numbers)
{
    public static readonly NumberSequenceDefinition RequestNumbers = new("rulemaking.legal-opinion", "法律意见书征询编号", "FLYJ-{year}-{seq:0000}");

    public DateOnly Today => clock.Today;

    public bool IsOffice => user.Has(RulemakingPermissions.AdvisersManage);

    public bool IsAdviser => user.Has(RulemakingPermissions.Adviser);

    public static string KindName(AdviserKind k) => k switch
    {
        AdviserKind.PublicLawyer => "公职律师",
        AdviserKind.ExternalLawyer => "外聘律师",
        AdviserKind.LawFirm => "律师事务所",
        _ => "专家学者",
    };

    public static string SubjectName(OpinionSubject s) => s switch
    {
        OpinionSubject.Decision => "重大行政决策",
        OpinionSubject.NormativeDocument => "行政规范性文件",
        OpinionSubject.LegislationProject => "立法项目",
        OpinionSubject.Contract => "合同",
        _ => "案件",
    };

    /// <summary>Whether the subject is a record of the module (chosen from the picker and linked) rather than a typed title (合同、案件).</summary>
    public static bool IsRecord(OpinionSubject s) => s is OpinionSubject.Decision or OpinionSubject.NormativeDocument or OpinionSubject.LegislationProject;

    /// <summary>The page of the linked subject, or null for a typed one.</summary>
    public static string? SubjectUrl(OpinionSubject s, Guid? id) => id is not { } x ? null : s switch
    {
        OpinionSubject.Decision => $"/rulemaking/decisions/{x}",
        OpinionSubject.NormativeDocument => $"/rulemaking/documents/{x}",
        OpinionSubject.LegislationProject => $"/rulemaking/legislation/{x}",
        _ => null,
    };

    /// <summary>The id in what the subject picker posted (<c>title #id</c>), or a bare id; null when there is none.</summary>
    public static Guid? PickedId(string? posted)
    {
        var text = posted?.Trim() ?? "";
        var hash = text.LastIndexOf('#');
        return Guid.TryParse(hash >= 0 ? text[(hash + 1)..] : text, out var id) && id != Guid.Empty ? id : null;
    }

    public static string StateName(OpinionRequest r, DateOnly today) =>
        r.AnsweredOn is { } on ? (on <= r.DueOn ? "已出具意见" : "逾期出具") : r.DueOn < today ? "逾期未出具" : "待出具意见";

    // ---- the register -----------------------------------------------------------------------------------------------

    /// <summary>The register with each adviser's engagements the user may see (the office: all in scope).</summary>
    public async Task<List<AdviserView>> AdvisersAsync(CancellationToken ct)
    {
        var advisers = await db.LegalAdvisers.AsNoTracking().OrderBy(a => a.Kind).ThenBy(a => a.Name).Take(1000).ToListAsync(ct);
        var engagements = await db.AdviserEngagements.AsNoTracking().OrderByDescending(e => e.To).Take(5000).ToListAsync(ct);
        return advisers.Select(a => new AdviserView(a, engagements.Where(e => e.AdviserId == a.Id).ToList())).ToList();
    }

    public async Task<LegalAdviser> CreateAdviserAsync(AdviserInput input, CancellationToken ct)
    {
        var checks = new FieldChecks();
        var name = TextRules.Required(checks, "name", "姓名或名称", input.Name, 100);
        checks.When(input.Kind is not { } k || !Enum.IsDefined(k), "kind", "请选择公职律师、外聘律师、律师事务所或专家学者。");
        var organisation = TextRules.Optional(checks, "organisation", "所在单位", input.Organisation, 200) ?? "";
        var specialty = TextRules.Optional(checks, "specialty", "专业领域", input.Specialty, 200) ?? "";
        var userName = TextRules.Optional(checks, "userName", "账号", input.UserName, 100);
        var account = userName is null ? null : await users.FindByUserNameAsync(userName, ct);
        checks.When(userName is not null && account is null, "userName", "没有这个账号。");
        checks.ThrowIfAny("法律顾问未登记。");
        if (account is not null && await db.LegalAdvisers.AnyAsync(a => a.UserId == account.Id, ct))
        {
            throw Refuse.Field("userName", "该账号已登记为另一名法律顾问。");
        }
        var adviser = new LegalAdviser { Name = name, Kind = input.Kind!.Value, Organisation = organisation, Specialty = specialty, UserId = account?.Id, UserName = account?.UserName ?? "" };
        db.LegalAdvisers.Add(adviser);
        await db.SaveChangesAsync(ct);
        return adviser;
    }

    /// <summary>聘任: a unit engages the adviser for a contract period (periods of one unit do not overlap).</summary>
    public async Task<AdviserEngagement> EngageAsync(Guid adviserId, EngagementInput input, CancellationToken ct)
    {
        var adviser = await db.LegalAdvisers.AsNoTracking().FirstOrDefaultAsync(a => a.Id == adviserId, ct) ?? throw Refuse.NotFound("法律顾问不存在。");
        var checks = new FieldChecks();
        var unit = input.OrgUnitId is { } id && id != Guid.Empty ? await orgs.FindAsync(id, ct) : null;
        checks.When(unit is null, "orgUnitId", "请选择聘任单位。");
        checks.When(unit is not null && !user.Scope.Allows(unit.Id), "orgUnitId", "聘任单位不在您的数据范围内。");
        checks.When(input.From is null, "from", "请填写聘期起始日期。");
        checks.When(input.To is null, "to", "请填写聘期届满日期。");
        DateRules.CheckRange(checks, "from", input.From, "to", input.To);
        var contract = TextRules.Optional(checks, "contractNo", "聘任合同编号", input.ContractNo, 100) ?? "";
        checks.ThrowIfAny("聘任未登记。");
        if (await db.AdviserEngagements.AnyAsync(e => e.AdviserId == adviserId && e.OrgUnitId == unit!.Id && e.From <= input.To && e.To >= input.From, ct))
        {
            throw Refuse.Conflict($"{adviser.Name}在该聘期内已受聘于{unit!.Name}。");
        }
        var engagement = new AdviserEngagement { AdviserId = adviserId, OrgUnitId = unit!.Id, UnitName = unit.Name, From = input.From!.Value, To = input.To!.Value, ContractNo = contract };
        db.AdviserEngagements.Add(engagement);
        await db.SaveChangesAsync(ct);
        return engagement;
    }

    /// <summary>Advisers engaged on <paramref name="day"/> by the unit or a unit above it (a city's advisers serve its departments).</summary>
    public async Task<List<LegalAdviser>> EngagedForAsync(Guid unitId, DateOnly day, CancellationToken ct)
    {
        var units = (await orgs.AncestorsAsync(unitId, ct)).Select(u => u.Id).Append(unitId).ToList();
        await using var system = systemWork.Db<RulemakingDb>("法律顾问聘任查询");
        var ids = await system.AdviserEngagements.AsNoTracking().Where(e => units.Contains(e.OrgUnitId) && e.From <= day && e.To >= day).Select(e => e.AdviserId).Distinct().ToListAsync(ct);
        return await system.LegalAdvisers.AsNoTracking().Where(a => ids.Contains(a.Id)).OrderBy(a => a.Name).ToListAsync(ct);
    }

    // ---- requests ---------------------------------------------------------------------------------------------------

    public async Task<OpinionRequest> RequestAsync(OpinionRequestInput input, CancellationToken ct)
    {
        var checks = new FieldChecks();
        var unit = input.OrgUnitId is { } uid && uid != Guid.Empty ? await orgs.FindAsync(uid, ct) : null;
        checks.When(unit is null, "orgUnitId", "请选择征询单位。");
        checks.When(unit is not null && !user.Scope.Allows(unit.Id), "orgUnitId", "征询单位不在您的数据范围内。");
        checks.When(input.Subject is not { } s || !Enum.IsDefined(s), "subject", "请选择征询事项：重大行政决策、行政规范性文件、立法项目、合同或案件。");
        var question = TextRules.Required(checks, "question", "征询的问题", input.Question, 4000);
        checks.When(input.DueOn is null, "dueOn", "请填写出具意见的期限。");
        DateRules.Check(checks, "dueOn", "出具意见期限", input.DueOn);
        checks.When(input.DueOn < Today, "dueOn", "出具意见期限不能早于今天。");
        var title = TextRules.Optional(checks, "subjectTitle", "事项名称", input.SubjectTitle, 200) ?? "";
        checks.ThrowIfAny("意见征询未发出。");
        // A decision, a normative document or a legislation project is chosen from the picker and linked: it must exist in the
        // caller's data scope (the context's filter), else refused naming subjectId. A contract or a case is typed (ADR 0069).
        Guid? subjectId = null;
        var subject = input.Subject!.Value;
        if (IsRecord(subject))
        {
            if (input.SubjectId is not { } sid || sid == Guid.Empty)
            {
                throw Refuse.Field("subjectId", $"请从列表中选择要征询的{SubjectName(subject)}（可按名称或编号搜索）。");
            }
            var found = await SubjectTitleAsync(subject, sid, ct)
                ?? throw Refuse.Field("subjectId", $"没有这项{SubjectName(subject)}，或不在您的数据范围内，请从列表中选择。");
            (subjectId, title) = (sid, found);
        }
        else if (title.Length == 0)
        {
            throw Refuse.Field("subjectTitle", "请填写事项名称（合同、案件名称）。");
        }
        var adviser = input.AdviserId is { } aid && aid != Guid.Empty ? await db.LegalAdvisers.AsNoTracking().FirstOrDefaultAsync(a => a.Id == aid, ct) : null;
        if (adviser is null)
        {
            throw Refuse.Field("adviserId", "请选择法律顾问。");
        }
        if (!(await EngagedForAsync(unit!.Id, Today, ct)).Any(a => a.Id == adviser.Id))
        {
            throw Refuse.Field("adviserId", $"{adviser.Name}今天不在{unit.Name}（或其上级）的聘期内，不能向其征询意见。", "adviser-engaged");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var request = new OpinionRequest
        {
            Number = (await numbers.NextAsync(db, RequestNumbers.Key, new NumberScope(Today.Year), ct)).Number,
            OrgUnitId = unit.Id, UnitName = unit.Name, AdviserId = adviser.Id, AdviserName = adviser.Name, AdviserUserId = adviser.UserId, Subject = input.Subject!.Value,
            SubjectId = subjectId, SubjectTitle = title, Question = question, RequestedOn = Today, DueOn = input.DueOn!.Value, RequestedBy = user.UserName ?? "",
        };
        db.OpinionRequests.Add(request);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return request;
    }

    /// <summary>The requests the user may see: an adviser's own (sent to the account), or those of the units in scope.</summary>
    public async Task<List<OpinionRequest>> RequestsAsync(CancellationToken ct)
    {
        if (!IsOffice && !user.Has(RulemakingPermissions.AdvisersRequest))
        {
            return await MineAsync(ct);
        }
        return await db.OpinionRequests.AsNoTracking().OrderByDescending(r => r.RequestedOn).ThenByDescending(r => r.Number).Take(1000).ToListAsync(ct);
    }

    /// <summary>The requests sent to the signed-in adviser's account, and no others.</summary>
    public async Task<List<OpinionRequest>> MineAsync(CancellationToken ct)
    {
        if (user.UserId is not { } me || !IsAdviser)
        {
            return [];
        }
        await using var system = systemWork.Db<RulemakingDb>("法律顾问本人的意见征询");
        return await system.OpinionRequests.AsNoTracking().Where(r => r.AdviserUserId == me).OrderByDescending(r => r.RequestedOn).ThenByDescending(r => r.Number).Take(1000).ToListAsync(ct);
    }

    public async Task<OpinionRequest> GetAsync(Guid id, CancellationToken ct)
    {
        if (IsOffice || user.Has(RulemakingPermissions.AdvisersRequest))
        {
            if (await db.OpinionRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is { } visible)
            {
                return visible;
            }
        }
        return (await MineAsync(ct)).FirstOrDefault(r => r.Id == id) ?? throw Refuse.NotFound("意见征询不存在或不是发给您的。");
    }

    /// <summary>The adviser records the written opinion on a request sent to them (once).</summary>
    public async Task<OpinionRequest> AnswerAsync(Guid id, OpinionInput input, CancellationToken ct)
    {
        if (user.UserId is not { } me || !IsAdviser)
        {
            throw Refuse.Forbidden("只有受征询的法律顾问可以出具意见。");
        }
        await using var system = systemWork.Db<RulemakingDb>("法律顾问出具意见");
        var request = await system.OpinionRequests.FirstOrDefaultAsync(r => r.Id == id && r.AdviserUserId == me, ct) ?? throw Refuse.NotFound("意见征询不存在或不是发给您的。");
        Refuse.UnlessVersion(input.Version, request.Version, "意见征询");
        if (request.AnsweredOn is not null)
        {
            throw Refuse.Conflict($"已于 {request.AnsweredOn:yyyy-MM-dd} 出具意见，不能再次出具。");
        }
        var checks = new FieldChecks();
        var opinion = TextRules.Required(checks, "opinion", "法律意见", input.Opinion, 20_000);
        checks.ThrowIfAny("意见未出具。");
        (request.Opinion, request.AnsweredOn, request.AnsweredBy) = (opinion, Today, user.UserName ?? "");
        await system.SaveChangesAsync(ct);
        return request;
    }

    /// <summary>
    /// The opinions asked on one decision, normative document or legislation project, in scope (shown on its page as 法律顾问意见;
    /// a decision's at its 合法性审查 step).
    /// </summary>
    public Task<List<OpinionRequest>> ForSubjectAsync(OpinionSubject subject, Guid id, CancellationToken ct) =>
        db.OpinionRequests.AsNoTracking().Where(r => r.Subject == subject && r.SubjectId == id).OrderBy(r => r.RequestedOn).ThenBy(r => r.Number).ToListAsync(ct);

    /// <summary>What the picker posts for the subject (title #id), or null when it is not in the caller's scope.</summary>
    public async Task<string?> PickValueAsync(OpinionSubject subject, Guid id, CancellationToken ct) =>
        await SubjectTitleAsync(subject, id, ct) is { } title ? $"{title} #{id:N}" : null;

    /// <summary>The opinions on a subject as its page's panel shows them.</summary>
    public async Task<List<OpinionLine>> LinesAsync(OpinionSubject subject, Guid id, CancellationToken ct) =>
        (await ForSubjectAsync(subject, id, ct)).Select(r => new OpinionLine(r.Number, r.AdviserName, r.UnitName, r.DueOn, StateName(r, Today), r.AnsweredOn is not null, r.Question, r.Opinion))
            .ToList();

    /// <summary>The title of the subject with the id, in the caller's data scope; null when there is none.</summary>
    private Task<string?> SubjectTitleAsync(OpinionSubject subject, Guid id, CancellationToken ct) => subject switch
    {
        OpinionSubject.Decision => db.Decisions.AsNoTracking().Where(d => d.Id == id).Select(d => d.Title).FirstOrDefaultAsync(ct),
        OpinionSubject.NormativeDocument => db.Drafts.AsNoTracking().Where(d => d.Id == id).Select(d => d.Title).FirstOrDefaultAsync(ct),
        OpinionSubject.LegislationProject => db.LegislationProjects.AsNoTracking().Where(p => p.Id == id).Select(p => p.Title).FirstOrDefaultAsync(ct),
        _ => Task.FromResult<string?>(null),
    };

    /// <summary>
    /// The subject picker's search (ADR 0069, the kit's search-picker pattern of ADR 0054): decisions, normative documents and
    /// legislation projects in the caller's data scope whose title (or registration or publication number) contains
    /// <paramref name="q"/>, newest first, at most <paramref name="limit"/> of each kind asked for.
    /// </summary>
    public async Task<List<SubjectPick>> SearchSubjectsAsync(string? q, OpinionSubject? kind, int? limit, CancellationToken ct)
    {
        var text = TextRules.Clean(q) ?? "";
        text = text.Length > 100 ? text[..100] : text;
        var take = Math.Clamp(limit ?? 20, 1, 50);
        var picks = new List<SubjectPick>();
        static string Value(string title, Guid id) => $"{title} #{id:N}";
        if (kind is null or OpinionSubject.Decision)
        {
            var rows = await db.Decisions.AsNoTracking().Where(d => text.Length == 0 || d.Title.Contains(text)).OrderByDescending(d => d.Id).Take(take)
                .Select(d => new { d.Id, d.Title, d.UnitName }).ToListAsync(ct);
            picks.AddRange(rows.Select(d => new SubjectPick(Value(d.Title, d.Id), $"{SubjectName(OpinionSubject.Decision)} · {d.Title} · {d.UnitName}")));
        }
        if (kind is null or OpinionSubject.NormativeDocument)
        {
            var rows = await db.Drafts.AsNoTracking().Where(d => text.Length == 0 || d.Title.Contains(text) || (d.RegistrationNo != null && d.RegistrationNo.Contains(text)))
                .OrderByDescending(d => d.Id).Take(take).Select(d => new { d.Id, d.Title, d.DraftingUnitName, d.RegistrationNo }).ToListAsync(ct);
            picks.AddRange(rows.Select(d => new SubjectPick(Value(d.Title, d.Id),
                $"{SubjectName(OpinionSubject.NormativeDocument)} · {d.Title} · {d.DraftingUnitName}{(d.RegistrationNo is { } no ? " · " + no : "")}")));
        }
        if (kind is null or OpinionSubject.LegislationProject)
        {
            var rows = await db.LegislationProjects.AsNoTracking().Where(p => text.Length == 0 || p.Title.Contains(text) || p.DocumentNo.Contains(text))
                .OrderByDescending(p => p.Id).Take(take).Select(p => new { p.Id, p.Title, p.UnitName, p.DocumentNo }).ToListAsync(ct);
            picks.AddRange(rows.Select(p => new SubjectPick(Value(p.Title, p.Id),
                $"{SubjectName(OpinionSubject.LegislationProject)} · {p.Title} · {p.UnitName}{(p.DocumentNo.Length > 0 ? " · " + p.DocumentNo : "")}")));
        }
        return picks;
    }

    /// <summary>Counts per adviser and per unit over the requests in scope.</summary>
    public async Task<(List<OpinionCount> ByAdviser, List<OpinionCount> ByUnit)> CountsAsync(CancellationToken ct)
    {
        var all = await db.OpinionRequests.AsNoTracking().Select(r => new { r.AdviserName, r.UnitName, r.DueOn, r.AnsweredOn }).Take(20_000).ToListAsync(ct);
        var today = Today;
        List<OpinionCount> Count<T>(Func<T, string> key, IEnumerable<T> rows, Func<T, DateOnly> due, Func<T, DateOnly?> answered) =>
            rows.GroupBy(key).Select(g => new OpinionCount(g.Key, g.Count(), g.Count(x => answered(x) is not null), g.Count(x => answered(x) <= due(x)),
                g.Count(x => answered(x) is null && due(x) < today))).OrderByDescending(c => c.Requests).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
        return (Count(x => x.AdviserName, all, x => x.DueOn, x => x.AnsweredOn), Count(x => x.UnitName, all, x => x.DueOn, x => x.AnsweredOn));
    }
}
