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
        OpinionSubject.Contract => "合同",
        _ => "案件",
    };

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
        checks.When(input.Subject is not { } s || !Enum.IsDefined(s), "subject", "请选择征询事项：重大行政决策、行政规范性文件、合同或案件。");
        var question = TextRules.Required(checks, "question", "征询的问题", input.Question, 4000);
        checks.When(input.DueOn is null, "dueOn", "请填写出具意见的期限。");
        DateRules.Check(checks, "dueOn", "出具意见期限", input.DueOn);
        checks.When(input.DueOn < Today, "dueOn", "出具意见期限不能早于今天。");
        var title = TextRules.Optional(checks, "subjectTitle", "事项名称", input.SubjectTitle, 200) ?? "";
        checks.ThrowIfAny("意见征询未发出。");
        Guid? subjectId = null;
        if (input.SubjectId is { } sid && sid != Guid.Empty && input.Subject is OpinionSubject.Decision or OpinionSubject.NormativeDocument)
        {
            var found = input.Subject == OpinionSubject.Decision
                ? await db.Decisions.AsNoTracking().Where(d => d.Id == sid).Select(d => d.Title).FirstOrDefaultAsync(ct)
                : await db.Drafts.AsNoTracking().Where(d => d.Id == sid).Select(d => d.Title).FirstOrDefaultAsync(ct);
            if (found is null)
            {
                throw Refuse.Field("subjectId", $"没有这项{SubjectName(input.Subject!.Value)}，或不在您的数据范围内。");
            }
            (subjectId, title) = (sid, found);
        }
        if (title.Length == 0)
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

    /// <summary>The opinions asked on a major decision (shown at its 合法性审查 step).</summary>
    public Task<List<OpinionRequest>> ForDecisionAsync(Guid decisionId, CancellationToken ct) =>
        db.OpinionRequests.AsNoTracking().Where(r => r.Subject == OpinionSubject.Decision && r.SubjectId == decisionId).OrderBy(r => r.RequestedOn).ToListAsync(ct);

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
