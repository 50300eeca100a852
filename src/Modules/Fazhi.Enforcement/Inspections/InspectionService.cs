using Fazhi.Enforcement.Data;
using Fazhi.Platform.Features.Identifiers;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Enforcement.Inspections;

internal sealed record PlanInput(string? CreditCode, string? EnterpriseName, Guid? MatterId, string? Subject, DateOnly? PlannedDate,
    string? Inspectors, string? Basis, InspectionTrigger Trigger, Guid? JoinVisitId = null);

internal sealed record ResultInput(long Version, InspectionResult? Result, string? Notes, string? CaseReference, DateOnly? CompletedOn);

/// <summary>An inspection visit already registered for an enterprise: its date, the bodies taking part and what they inspect.</summary>
internal sealed record VisitSummary(Guid VisitId, DateOnly PlannedDate, IReadOnlyList<string> Bodies, IReadOnlyList<string> Subjects, bool Counted);

internal sealed record PlanView(Guid Id, Guid OrgUnitId, string Body, string CreditCode, string EnterpriseName, Guid? MatterId, string Subject, DateOnly PlannedDate,
    string Inspectors, string Basis, InspectionTrigger Trigger, InspectionStatus Status, InspectionResult? Result, string? ResultNotes, string? CaseReference,
    DateOnly? CompletedOn, bool CountsAgainstCap, Guid VisitId, bool IsLead, IReadOnlyList<string> JointWith, long Version);

internal sealed record MergeSuggestion(string CreditCode, string EnterpriseName, string Month, IReadOnlyList<PlanView> Plans);

internal sealed record CapRuleInput(long Version, int MaxVisits, CapPeriod Period, bool ExemptComplaints, bool ExemptKeySupervision);

/// <summary>
/// The enterprise already has the maximum number of counted visits in the period: the rule in <see cref="Message"/> and the
/// visits that fill the cap, so the caller can offer to join one of them. A result, not a refusal: the answer carries data.
/// </summary>
internal sealed record CapReached(string Message, IReadOnlyList<VisitSummary> Visits);

/// <summary>A registration: the plan, or the cap that stopped it.</summary>
internal sealed record Registration(InspectionPlan? Plan, CapReached? Cap);

/// <summary>
/// Enterprise inspections (涉企行政检查, "无事不扰"): plans registered in advance, the cap per enterprise per period, joint inspections
/// and results. Plans are scoped to the inspecting body; the cap counts across all bodies.
/// </summary>
internal sealed class InspectionService(EnforcementDb db, IOrgDirectory orgs, ICurrentUser current, TimeProvider clock, ICreditCodeCheck creditCodes)
{
    public DateOnly Today => clock.ChinaToday();

    public async Task<InspectionCapRule> CapRuleAsync(CancellationToken ct) =>
        await db.InspectionCapRules.AsNoTracking().FirstOrDefaultAsync(r => r.Code == InspectionCapRule.DefaultCode, ct) ?? new InspectionCapRule();

    /// <param name="code">The credit code checked through <see cref="ICreditCodeCheck"/> (a reviewed override may pass a failed check character).</param>
    public static Dictionary<string, string[]> Validate(PlanInput input, IdentifierCheck code)
    {
        var errors = new Dictionary<string, string[]>();
        if (!code.IsValid)
        {
            errors["creditCode"] = [code.Message];
        }
        if (string.IsNullOrWhiteSpace(input.EnterpriseName))
        {
            errors["enterpriseName"] = ["请填写企业名称。"];
        }
        if (string.IsNullOrWhiteSpace(input.Subject))
        {
            errors["subject"] = ["请填写检查事项。"];
        }
        if (input.PlannedDate is null)
        {
            errors["plannedDate"] = ["请填写计划检查日期。"];
        }
        // 行政处罚法 第四十二条：执法人员不得少于两人。
        if (SplitNames(input.Inspectors).Count < 2)
        {
            errors["inspectors"] = ["执法人员不得少于两人（《行政处罚法》第四十二条），请填写至少两名执法人员，以顿号或逗号分隔。"];
        }
        if (string.IsNullOrWhiteSpace(input.Basis))
        {
            errors["basis"] = ["请填写检查事由与依据（涉企检查须事先明确依据）。"];
        }
        return errors;
    }

    private static List<string> SplitNames(string? names) =>
        (names ?? "").Split(['、', ',', '，', ';', '；', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>
    /// Registers a plan for the caller's body. Refused (with the cap and the visits that fill it) when the enterprise already has the
    /// maximum number of counted visits in the period; joining an existing visit (<see cref="PlanInput.JoinVisitId"/>) never adds one.
    /// </summary>
    public async Task<Registration> RegisterAsync(PlanInput input, CancellationToken ct)
    {
        var errors = Validate(input, await creditCodes.CheckAsync(input.CreditCode, ct));
        if (errors.Count > 0)
        {
            throw Refuse.Fields(errors, "检查计划信息不完整或有误。");
        }
        var body = current.OrgUnitId ?? throw Refuse.Field("orgUnit", "您的账号未归属执法部门，不能登记检查计划。");
        if (input.MatterId is { } matterId && !await db.Matters.AnyAsync(m => m.Id == matterId, ct))
        {
            throw Refuse.Field("matterId", "所选执法事项不存在。");
        }
        var code = UnifiedSocialCreditCode.Validate(input.CreditCode).Normalized;
        var rule = await CapRuleAsync(ct);
        var plan = new InspectionPlan
        {
            OrgUnitId = body,
            CreditCode = code,
            EnterpriseName = input.EnterpriseName!.Trim(),
            MatterId = input.MatterId,
            Subject = input.Subject!.Trim(),
            PlannedDate = input.PlannedDate!.Value,
            Inspectors = string.Join("、", SplitNames(input.Inspectors)),
            Basis = input.Basis!.Trim(),
            Trigger = input.Trigger,
            CountsAgainstCap = !rule.Exempts(input.Trigger),
        };
        if (input.JoinVisitId is { } visitId)
        {
            // System read: a body joining another body's visit reads that visit's enterprise, date and status (not its findings).
            var lead = await db.InspectionPlans.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(p => p.Id == visitId && p.VisitId == visitId, ct);
            if (lead is null || lead.CreditCode != code)
            {
                throw Refuse.Field("joinVisitId", "要并入的检查不存在，或不是对同一企业的检查。");
            }
            if (lead.Status != InspectionStatus.Planned)
            {
                throw Refuse.Field("joinVisitId", "要并入的检查已结束，不能再并入。");
            }
            plan.VisitId = lead.Id;
            plan.PlannedDate = lead.PlannedDate;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (input.JoinVisitId is null && plan.CountsAgainstCap)
        {
            // Two bodies registering for the same enterprise at once must not both pass the cap: the count and the insert
            // are one decision per enterprise.
            await db.LockForDecisionAsync($"enforcement.inspection-cap:{code}", ct);
            var (from, to) = rule.PeriodOf(plan.PlannedDate);
            var visits = await VisitsAsync(code, from, to, ct);
            var counted = visits.Where(v => v.Counted).ToList();
            if (counted.Count >= rule.MaxVisits)
            {
                var list = string.Join("；", counted.Select(v => $"{v.PlannedDate:yyyy-MM-dd} {string.Join("、", v.Bodies)}（{string.Join("、", v.Subjects)}）"));
                var message = $"超过检查频次上限：{rule.Describe()}。该企业在 {from:yyyy-MM-dd} 至 {to:yyyy-MM-dd} 已登记 {counted.Count} 次：{list}。"
                    + "可与其中一次合并为联合检查（并入后不另计次数），或待下一周期再检查。";
                return new Registration(null, new CapReached(message, counted));
            }
        }
        db.InspectionPlans.Add(plan);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new Registration(plan, null);
    }

    /// <summary>
    /// The enterprise's visits in a period across all bodies. System read (IgnoreQueryFilters): the cap is on the enterprise,
    /// whichever body inspects, so a body must see that others have inspected it; only dates, body names and subjects are used.
    /// </summary>
    public async Task<List<VisitSummary>> VisitsAsync(string creditCode, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var plans = await db.InspectionPlans.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.CreditCode == creditCode && p.PlannedDate >= from && p.PlannedDate <= to)
            .ToListAsync(ct);
        var names = await NamesAsync(plans.Select(p => p.OrgUnitId), ct);
        return plans.GroupBy(p => p.VisitId)
            .Select(g => new VisitSummary(g.Key, g.First(p => p.Id == g.Key || g.All(x => x.Id != g.Key)).PlannedDate,
                g.OrderByDescending(p => p.Id == g.Key).Select(p => names.GetValueOrDefault(p.OrgUnitId, "")).Distinct().ToList(),
                g.Select(p => p.Subject).Distinct().ToList(), g.Any(p => p.CountsAgainstCap)))
            .OrderBy(v => v.PlannedDate).ToList();
    }

    private Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IEnumerable<Guid> units, CancellationToken ct) => orgs.NamesAsync(units, ct);

    /// <summary>Plans in the caller's scope, newest planned date first.</summary>
    public async Task<(List<PlanView> Rows, int Total)> ListAsync(string? q, InspectionStatus? status, int page, int pageSize, CancellationToken ct)
    {
        var query = db.InspectionPlans.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(p => p.Status == s);
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            var upper = term.ToUpperInvariant();
            query = query.Where(p => p.CreditCode == upper || p.EnterpriseName.Contains(term) || p.Subject.Contains(term));
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(p => p.PlannedDate).ThenByDescending(p => p.Id)
            .Skip((Math.Max(page, 1) - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return (await ViewsAsync(rows, ct), total);
    }

    /// <summary>One enterprise's inspections in the caller's scope (the city supervisor's scope covers every body).</summary>
    public async Task<List<PlanView>> ByEnterpriseAsync(string creditCode, CancellationToken ct)
    {
        var code = UnifiedSocialCreditCode.Validate(creditCode).Normalized;
        var rows = await db.InspectionPlans.AsNoTracking().Where(p => p.CreditCode == code)
            .OrderByDescending(p => p.PlannedDate).ThenBy(p => p.VisitId).ToListAsync(ct);
        return await ViewsAsync(rows, ct);
    }

    public async Task<PlanView?> GetAsync(Guid id, CancellationToken ct)
    {
        var plan = await db.InspectionPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        return plan is null ? null : (await ViewsAsync([plan], ct))[0];
    }

    private async Task<List<PlanView>> ViewsAsync(List<InspectionPlan> plans, CancellationToken ct)
    {
        var visitIds = plans.Select(p => p.VisitId).Distinct().ToList();
        // System read: the bodies of one joint visit see who else takes part (body and subject only).
        var partners = await db.InspectionPlans.IgnoreQueryFilters().AsNoTracking().Where(p => visitIds.Contains(p.VisitId))
            .Select(p => new { p.Id, p.VisitId, p.OrgUnitId }).ToListAsync(ct);
        var names = await NamesAsync(plans.Select(p => p.OrgUnitId).Concat(partners.Select(p => p.OrgUnitId)), ct);
        return plans.Select(p => new PlanView(p.Id, p.OrgUnitId, names.GetValueOrDefault(p.OrgUnitId, ""), p.CreditCode, p.EnterpriseName, p.MatterId, p.Subject,
            p.PlannedDate, p.Inspectors, p.Basis, p.Trigger, p.Status, p.Result, p.ResultNotes, p.CaseReference, p.CompletedOn, p.CountsAgainstCap,
            p.VisitId, p.VisitId == p.Id,
            partners.Where(x => x.VisitId == p.VisitId && x.Id != p.Id).OrderByDescending(x => x.Id == p.VisitId)
                .Select(x => names.GetValueOrDefault(x.OrgUnitId, "") + (x.Id == p.VisitId ? "（牵头）" : "")).ToList(),
            p.Version)).ToList();
    }

    /// <summary>
    /// Open plans in the caller's scope that target the same enterprise in the same month but are separate visits:
    /// candidates for one joint inspection (能合尽合).
    /// </summary>
    public async Task<List<MergeSuggestion>> MergeSuggestionsAsync(CancellationToken ct)
    {
        var today = Today;
        var open = await db.InspectionPlans.AsNoTracking()
            .Where(p => p.Status == InspectionStatus.Planned && p.PlannedDate >= today.AddMonths(-1))
            .ToListAsync(ct);
        var groups = open.GroupBy(p => (p.CreditCode, Month: $"{p.PlannedDate:yyyy-MM}"))
            .Where(g => g.Select(p => p.VisitId).Distinct().Count() > 1)
            .OrderBy(g => g.Key.Month).ThenBy(g => g.Key.CreditCode, StringComparer.Ordinal)
            .ToList();
        var result = new List<MergeSuggestion>();
        foreach (var g in groups)
        {
            var views = await ViewsAsync(g.OrderBy(p => p.PlannedDate).ThenBy(p => p.Id).ToList(), ct);
            result.Add(new MergeSuggestion(g.Key.CreditCode, g.First().EnterpriseName, g.Key.Month, views));
        }
        return result;
    }

    /// <summary>
    /// Merges plans (and the visits they already belong to) into one joint inspection led by <paramref name="leadPlanId"/>'s body,
    /// on the lead's date. All must be open, for the same enterprise, in the same cap period, and in the caller's scope
    /// (a plan outside it is not found; the city supervisor's scope covers all bodies).
    /// </summary>
    public async Task<Guid> MergeAsync(Guid leadPlanId, IReadOnlyCollection<Guid> planIds, CancellationToken ct)
    {
        var ids = planIds.Append(leadPlanId).Distinct().ToList();
        var chosen = await db.InspectionPlans.Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        if (chosen.Count != ids.Count)
        {
            throw Refuse.Field("planIds", "有检查计划不存在或不在您的数据范围内。");
        }
        if (ids.Count < 2)
        {
            throw Refuse.Field("planIds", "联合检查至少需要两个检查计划。");
        }
        var lead = chosen.Single(p => p.Id == leadPlanId);
        var visitIds = chosen.Select(p => p.VisitId).Distinct().ToList();
        var all = await db.InspectionPlans.Where(p => visitIds.Contains(p.VisitId)).ToListAsync(ct);
        // A member of a visit outside the caller's scope: the caller cannot move it (the supervisor can).
        var hidden = await db.InspectionPlans.IgnoreQueryFilters().CountAsync(p => visitIds.Contains(p.VisitId), ct);
        if (hidden != all.Count)
        {
            throw Refuse.Field("planIds", "所选检查已与您数据范围外的部门联合，请由市级执法监督机构合并。");
        }
        if (all.Any(p => p.CreditCode != lead.CreditCode))
        {
            throw Refuse.Field("planIds", "只能合并对同一企业（同一统一社会信用代码）的检查计划。");
        }
        if (all.Any(p => p.Status != InspectionStatus.Planned))
        {
            throw Refuse.Field("planIds", "已结束的检查不能合并。");
        }
        var rule = await CapRuleAsync(ct);
        var period = rule.PeriodOf(lead.PlannedDate);
        if (all.Any(p => rule.PeriodOf(p.PlannedDate) != period))
        {
            throw Refuse.Field("planIds", $"只能合并同一{InspectionCapRule.PeriodName(rule.Period)}内的检查计划（{period.From:yyyy-MM-dd} 至 {period.To:yyyy-MM-dd}）。");
        }
        var newVisit = lead.VisitId == lead.Id ? lead.Id : lead.VisitId;
        var leadDate = all.First(p => p.Id == newVisit).PlannedDate;
        foreach (var p in all)
        {
            p.VisitId = newVisit;
            p.PlannedDate = leadDate;
        }
        await db.WriteAuditEventAsync("enforcement.inspection.merged", nameof(InspectionPlan), newVisit.ToString(),
            new { lead = newVisit, plans = all.Select(p => p.Id).ToList(), date = leadDate }, ct);
        await db.SaveChangesAsync(ct);
        return newVisit;
    }

    /// <summary>Records the body's result on its own plan and closes it.</summary>
    public async Task<bool> RecordResultAsync(Guid id, ResultInput input, CancellationToken ct)
    {
        var plan = await db.InspectionPlans.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
        {
            return false;
        }
        if (plan.Status != InspectionStatus.Planned)
        {
            throw Refuse.Field("result", "该检查已记录结果并结束。");
        }
        var errors = new Dictionary<string, string[]>();
        if (input.Result is null)
        {
            errors["result"] = ["请选择检查结果。"];
        }
        if (input.Result is InspectionResult.ProblemsFound && string.IsNullOrWhiteSpace(input.Notes))
        {
            errors["notes"] = ["发现问题的，请写明问题及责令整改要求。"];
        }
        if (input.Result is InspectionResult.ReferredToCase && string.IsNullOrWhiteSpace(input.CaseReference))
        {
            errors["caseReference"] = ["移送立案的，请填写案件编号。"];
        }
        var completed = input.CompletedOn ?? Today;
        if (completed > Today)
        {
            errors["completedOn"] = ["检查完成日期不能晚于今天。"];
        }
        if (errors.Count > 0)
        {
            throw Refuse.Fields(errors, "检查结果不完整。");
        }
        db.Entry(plan).Property(p => p.Version).OriginalValue = input.Version;
        plan.Result = input.Result;
        plan.ResultNotes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
        plan.CaseReference = input.Result == InspectionResult.ReferredToCase ? input.CaseReference!.Trim() : null;
        plan.CompletedOn = completed;
        plan.Status = InspectionStatus.Closed;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Changes the cap (applies to plans registered from now on; plans already registered keep their count).</summary>
    public async Task<InspectionCapRule> UpdateCapAsync(CapRuleInput input, CancellationToken ct)
    {
        if (input.MaxVisits is < 1 or > 100)
        {
            throw Refuse.Field("maxVisits", "检查次数上限须在 1 至 100 之间。");
        }
        var rule = await db.InspectionCapRules.FirstOrDefaultAsync(r => r.Code == InspectionCapRule.DefaultCode, ct);
        if (rule is null)
        {
            rule = new InspectionCapRule();
            db.InspectionCapRules.Add(rule);
        }
        else
        {
            db.Entry(rule).Property(r => r.Version).OriginalValue = input.Version;
        }
        rule.MaxVisits = input.MaxVisits;
        rule.Period = input.Period;
        rule.ExemptComplaints = input.ExemptComplaints;
        rule.ExemptKeySupervision = input.ExemptKeySupervision;
        await db.SaveChangesAsync(ct);
        return rule;
    }

    public static string ResultName(InspectionResult r) => r switch
    {
        InspectionResult.NoProblem => "未发现问题",
        InspectionResult.ProblemsFound => "发现问题，责令整改",
        _ => "移送立案",
    };

    public static string TriggerName(InspectionTrigger t) => t switch
    {
        InspectionTrigger.Routine => "日常检查",
        InspectionTrigger.Complaint => "投诉举报",
        _ => "重点监管",
    };
}
