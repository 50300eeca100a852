using Fazhi.Lists.Data;
using Fazhi.Lists.Powers;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Lists.Plans;

internal sealed record PlanInput(string? Title, PlanKind Kind, Guid? OrgUnitId, string? ApprovalDocument, DateOnly? ApprovedOn, string? PlanVersion, string? EventKinds,
    string? LegalBasis, int ReviewCycleMonths = 36, int DrillIntervalMonths = 36, bool IsPublic = false, string? PublicSummary = null);

internal sealed record ReviewedInput(DateOnly? ReviewedOn);

internal sealed record DrillInput(DrillKind Kind, DateOnly? PlannedOn, DateOnly? HeldOn = null, string? Scenario = null, string? Participants = null, string? Evaluation = null);

internal sealed record HeldInput(DateOnly? HeldOn, string? Participants, string? Evaluation);

internal sealed record ProblemInput(string? Description, DateOnly? RectifyBy);

internal sealed record RectifyInput(string? Measures, DateOnly? RectifiedOn);

/// <summary>One plan's drill coverage on a day: its last drill held, by when the next is due, and whether it is covered.</summary>
internal sealed record PlanCoverage(Guid PlanId, string Title, PlanKind Kind, string OwnerName, int IntervalMonths, DateOnly? LastHeldOn, DateOnly DueBy, bool Covered);

internal sealed record PlanDetail(EmergencyPlan Plan, IReadOnlyList<Drill> Drills, IReadOnlyList<DrillProblem> Problems);

/// <summary>
/// Emergency plans and drills (应急预案与演练): the plan register of each unit, reviews due (a plan past its review date is
/// flagged), drills planned and held with their evaluation, problems with rectification deadlines, and coverage: every
/// special and department plan drilled within its interval (演练覆盖率 = plans drilled within their cycle ÷ plans,
/// domain.md §5), gaps listed. Public: the overall plan and the public parts of special plans.
/// </summary>
internal sealed class PlanService(ListsDb db, ICurrentUser user, IDeadlineService clock, IOrgDirectory orgs, ISystemWork systemWork)
{
    public DateOnly Today => clock.Today;

    public Task<List<EmergencyPlan>> ListAsync(CancellationToken ct) =>
        db.Plans.AsNoTracking().OrderBy(p => p.Kind).ThenBy(p => p.OwnerName).ThenBy(p => p.Title).ToListAsync(ct);

    public async Task<PlanDetail> GetAsync(Guid id, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw Refuse.NotFound("预案不存在或不在您的数据范围内。");
        var drills = await db.Drills.AsNoTracking().Where(d => d.PlanId == id).OrderByDescending(d => d.HeldOn ?? d.PlannedOn).ToListAsync(ct);
        var ids = drills.Select(d => d.Id).ToList();
        var problems = await db.DrillProblems.AsNoTracking().Where(p => ids.Contains(p.DrillId)).OrderBy(p => p.RectifyBy).ToListAsync(ct);
        return new PlanDetail(plan, drills, problems);
    }

    public async Task<EmergencyPlan> CreateAsync(PlanInput input, CancellationToken ct)
    {
        var checks = new FieldChecks();
        var title = TextRules.Required(checks, "title", "预案名称", input.Title, 200);
        var document = TextRules.Required(checks, "approvalDocument", "印发文件文号", input.ApprovalDocument, 64);
        if (document.Length > 0)
        {
            var check = DocumentNumber.Validate(document);
            if (check.IsValid)
            {
                document = check.Normalized!;
            }
            else
            {
                checks.Add("approvalDocument", check.Message ?? "文号格式不正确。");
            }
        }
        checks.When(input.ApprovedOn is null, "approvedOn", "请填写印发日期。");
        DateRules.Check(checks, "approvedOn", "印发日期", input.ApprovedOn, Today);
        var version = TextRules.Optional(checks, "planVersion", "版本", input.PlanVersion, 64) ?? "";
        var events = TextRules.Required(checks, "eventKinds", "适用的突发事件类别", input.EventKinds, 1000);
        var basis = TextRules.Required(checks, "legalBasis", "编制依据", input.LegalBasis, 2000);
        var summary = TextRules.Optional(checks, "publicSummary", "公开内容", input.PublicSummary, 8000) ?? "";
        checks.When(input.ReviewCycleMonths is < 1 or > 120, "reviewCycleMonths", "评估修订周期应为 1–120 个月。");
        checks.When(input.DrillIntervalMonths is < 1 or > 120, "drillIntervalMonths", "演练周期应为 1–120 个月。");
        checks.When(input.IsPublic && summary.Length == 0 && input.Kind != PlanKind.Overall, "publicSummary", "公开的预案须填写公开内容。");
        var unit = input.OrgUnitId is { } id && id != Guid.Empty ? await orgs.FindAsync(id, ct) : null;
        if (unit is null)
        {
            checks.Add("orgUnitId", "请选择编制单位。");
        }
        else if (!user.Scope.Allows(unit.Id))
        {
            checks.Add("orgUnitId", $"只能登记本单位的预案（{unit.Name}不在您的数据范围内）。");
        }
        checks.ThrowIfAny("预案未登记。");
        var plan = new EmergencyPlan
        {
            OrgUnitId = unit!.Id, OwnerName = unit.Name, Title = title, Kind = input.Kind, Level = PowerService.LevelOf(unit), ApprovalDocument = document, ApprovedOn = input.ApprovedOn!.Value,
            PlanVersion = version, EventKinds = events, LegalBasis = basis, ReviewCycleMonths = input.ReviewCycleMonths, DrillIntervalMonths = input.DrillIntervalMonths,
            IsPublic = input.IsPublic || input.Kind == PlanKind.Overall, PublicSummary = summary,
        };
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        return plan;
    }

    /// <summary>Records the plan's evaluation (评估): the next review falls due one cycle later.</summary>
    public async Task<EmergencyPlan> MarkReviewedAsync(Guid id, ReviewedInput input, CancellationToken ct)
    {
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw Refuse.NotFound("预案不存在或不在您的数据范围内。");
        var checks = new FieldChecks();
        checks.When(input.ReviewedOn is null, "reviewedOn", "请填写评估日期。");
        DateRules.Check(checks, "reviewedOn", "评估日期", input.ReviewedOn, Today);
        checks.When(input.ReviewedOn < plan.ApprovedOn, "reviewedOn", "评估日期不能早于印发日期。");
        checks.ThrowIfAny("评估未登记。");
        plan.LastReviewedOn = input.ReviewedOn;
        await db.SaveChangesAsync(ct);
        return plan;
    }

    public async Task<Drill> AddDrillAsync(Guid planId, DrillInput input, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, ct) ?? throw Refuse.NotFound("预案不存在或不在您的数据范围内。");
        var checks = new FieldChecks();
        checks.When(input.PlannedOn is null, "plannedOn", "请填写计划日期。");
        DateRules.Check(checks, "plannedOn", "计划日期", input.PlannedOn);
        var scenario = TextRules.Required(checks, "scenario", "演练情景", input.Scenario, 2000);
        var participants = TextRules.Optional(checks, "participants", "参演单位和人员", input.Participants, 2000) ?? "";
        var evaluation = TextRules.Optional(checks, "evaluation", "演练评估", input.Evaluation, 4000) ?? "";
        if (input.HeldOn is not null)
        {
            DateRules.Check(checks, "heldOn", "实施日期", input.HeldOn, Today);
            checks.When(participants.Length == 0, "participants", "已实施的演练须填写参演单位和人员。");
            checks.When(evaluation.Length == 0, "evaluation", "已实施的演练须填写评估。");
        }
        checks.ThrowIfAny("演练未登记。");
        var drill = new Drill
        {
            PlanId = plan.Id, OrgUnitId = plan.OrgUnitId, Kind = input.Kind, PlannedOn = input.PlannedOn!.Value, HeldOn = input.HeldOn, Scenario = scenario, Participants = participants,
            Evaluation = evaluation,
        };
        db.Drills.Add(drill);
        await db.SaveChangesAsync(ct);
        return drill;
    }

    public async Task<Drill> RecordHeldAsync(Guid drillId, HeldInput input, CancellationToken ct)
    {
        var drill = await db.Drills.FirstOrDefaultAsync(d => d.Id == drillId, ct) ?? throw Refuse.NotFound("演练不存在或不在您的数据范围内。");
        if (drill.HeldOn is not null)
        {
            throw Refuse.Conflict("该演练已登记实施情况。");
        }
        var checks = new FieldChecks();
        checks.When(input.HeldOn is null, "heldOn", "请填写实施日期。");
        DateRules.Check(checks, "heldOn", "实施日期", input.HeldOn, Today);
        var participants = TextRules.Required(checks, "participants", "参演单位和人员", input.Participants, 2000);
        var evaluation = TextRules.Required(checks, "evaluation", "演练评估", input.Evaluation, 4000);
        checks.ThrowIfAny("实施情况未登记。");
        (drill.HeldOn, drill.Participants, drill.Evaluation) = (input.HeldOn, participants, evaluation);
        await db.SaveChangesAsync(ct);
        return drill;
    }

    public async Task<DrillProblem> AddProblemAsync(Guid drillId, ProblemInput input, CancellationToken ct)
    {
        var drill = await db.Drills.AsNoTracking().FirstOrDefaultAsync(d => d.Id == drillId, ct) ?? throw Refuse.NotFound("演练不存在或不在您的数据范围内。");
        if (drill.HeldOn is null)
        {
            throw Refuse.Conflict("演练尚未实施，不能登记发现的问题。");
        }
        var checks = new FieldChecks();
        var description = TextRules.Required(checks, "description", "发现的问题", input.Description, 2000);
        checks.When(input.RectifyBy is null, "rectifyBy", "请填写整改期限。");
        DateRules.Check(checks, "rectifyBy", "整改期限", input.RectifyBy);
        checks.When(input.RectifyBy < drill.HeldOn, "rectifyBy", "整改期限不能早于演练日期。");
        checks.ThrowIfAny("问题未登记。");
        var problem = new DrillProblem { DrillId = drill.Id, OrgUnitId = drill.OrgUnitId, Description = description, RectifyBy = input.RectifyBy!.Value };
        db.DrillProblems.Add(problem);
        await db.SaveChangesAsync(ct);
        return problem;
    }

    public async Task<DrillProblem> RectifyAsync(Guid problemId, RectifyInput input, CancellationToken ct)
    {
        var problem = await db.DrillProblems.FirstOrDefaultAsync(p => p.Id == problemId, ct) ?? throw Refuse.NotFound("问题不存在或不在您的数据范围内。");
        if (problem.RectifiedOn is not null)
        {
            throw Refuse.Conflict("该问题已整改。");
        }
        var checks = new FieldChecks();
        var measures = TextRules.Required(checks, "measures", "整改措施", input.Measures, 2000);
        checks.When(input.RectifiedOn is null, "rectifiedOn", "请填写整改完成日期。");
        DateRules.Check(checks, "rectifiedOn", "整改完成日期", input.RectifiedOn, Today);
        checks.ThrowIfAny("整改未登记。");
        (problem.Measures, problem.RectifiedOn) = (measures, input.RectifiedOn);
        await db.SaveChangesAsync(ct);
        return problem;
    }

    /// <summary>
    /// Drill coverage on <paramref name="on"/>: every special and department plan in scope approved by then, its last drill
    /// held by then, and whether that lies within the plan's interval (a plan approved within its interval and not yet
    /// drilled is still within its first cycle).
    /// </summary>
    public async Task<List<PlanCoverage>> CoverageAsync(DateOnly on, CancellationToken ct)
    {
        var plans = await db.Plans.AsNoTracking().Where(p => (p.Kind == PlanKind.Special || p.Kind == PlanKind.Department) && p.ApprovedOn <= on).ToListAsync(ct);
        var held = await db.Drills.AsNoTracking().Where(d => d.HeldOn != null && d.HeldOn <= on).Select(d => new { d.PlanId, Held = d.HeldOn!.Value }).ToListAsync(ct);
        return Coverage(plans, held.GroupBy(d => d.PlanId).ToDictionary(g => g.Key, g => g.Max(x => x.Held)), on);
    }

    internal static List<PlanCoverage> Coverage(IEnumerable<EmergencyPlan> plans, IReadOnlyDictionary<Guid, DateOnly> lastHeld, DateOnly on) => plans.Select(p =>
    {
        var last = lastHeld.TryGetValue(p.Id, out var h) ? h : (DateOnly?)null;
        var due = (last ?? p.ApprovedOn).AddMonths(p.DrillIntervalMonths);
        return new PlanCoverage(p.Id, p.Title, p.Kind, p.OwnerName, p.DrillIntervalMonths, last, due, due >= on);
    }).OrderBy(c => c.Covered).ThenBy(c => c.DueBy).ToList();

    /// <summary>The public plans: the overall plan and the special plans' public parts (no account).</summary>
    public async Task<List<EmergencyPlan>> PublicAsync(CancellationToken ct)
    {
        await using var system = systemWork.Db<ListsDb>("应急预案公开");
        return await system.Plans.AsNoTracking().Where(p => p.IsPublic).OrderBy(p => p.Kind).ThenBy(p => p.Title).ToListAsync(ct);
    }

    public static string KindName(PlanKind k) => k switch
    {
        PlanKind.Overall => "总体应急预案",
        PlanKind.Special => "专项应急预案",
        PlanKind.Department => "部门应急预案",
        _ => "单位和企业应急预案",
    };

    public static string DrillKindName(DrillKind k) => k switch
    {
        DrillKind.Tabletop => "桌面推演",
        DrillKind.Functional => "功能演练",
        _ => "综合演练",
    };
}
