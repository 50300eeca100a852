using Fazhi.Enforcement.Cases;
using Fazhi.Enforcement.Data;
using Fazhi.Enforcement.Registry;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Enforcement.CaseFileReview;

internal sealed record RubricItemInput(string? Category, string? Title, decimal Points, string? DeductionRule);

internal sealed record RubricVersionInput(string? Name, string? Basis, string? ChangeNote, List<RubricItemInput>? Items);

internal sealed record CreatePlanInput(string? Name, int Year, DateOnly? PeriodFrom, DateOnly? PeriodTo, Guid? RubricId, int? SampleSize, int? SamplePercent,
    List<Guid>? BodyUnitIds, string? Seed);

internal sealed record DeductionInput(Guid ItemId, decimal Points, string? Reason);

internal sealed record ScoreInput(List<DeductionInput>? Deductions, string? Comment);

internal sealed record RectificationInput(Guid BodyUnitId, string? Requirement, DateOnly? DueOn);

internal sealed record AnswerInput(string? Response);

internal sealed record RectificationReviewInput(bool Accept, string? Note);

internal sealed record DrawCheck(Guid BodyUnitId, string BodyName, bool Matches, IReadOnlyList<Guid> Stored, IReadOnlyList<Guid> Redrawn);

internal sealed record PlanResults(ReviewPlan Plan, IReadOnlyList<BodyResult> Bodies, IReadOnlyList<LostItem> MostLost, decimal FullMarks);

/// <summary>
/// Case-file review (案卷评查). The justice bureau's supervisors (<c>enforcement.casereview.manage</c>) plan, draw and score
/// across the bodies of their jurisdiction (the subtree of their unit's parent: 370400-SFJ supervises the city's bodies);
/// a body (<c>enforcement.casereview.respond</c>) sees its own results once a plan is finished and answers its
/// rectification tasks. Plans span several units, so access is checked here explicitly (ADR 0015).
/// </summary>
internal sealed class CaseReviewService(EnforcementDb db, IOrgDirectory orgs, ICurrentUser user, IDeadlineService deadlines, TimeProvider clock)
{
    public const string DefaultRubricCode = "ZZ-XZCF";

    private bool Manager => user.Has(CaseReviewFeature.Manage);

    private bool Responder => user.Has(CaseReviewFeature.Respond);

    private bool InScope(Guid unit) => user.Scope.Allows(unit);

    private string Actor => user.UserName ?? "system";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    // ---- rubrics ----

    public Task<List<ReviewRubric>> RubricsAsync(CancellationToken ct) =>
        db.Set<ReviewRubric>().AsNoTracking().OrderBy(r => r.Code).ThenByDescending(r => r.VersionNo).ToListAsync(ct);

    public Task<List<RubricItem>> ItemsAsync(Guid rubricId, CancellationToken ct) =>
        db.Set<RubricItem>().AsNoTracking().Where(i => i.RubricId == rubricId).OrderBy(i => i.Seq).ToListAsync(ct);

    public static Dictionary<string, string[]> Validate(RubricVersionInput input)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors["name"] = ["请填写评查标准名称。"];
        }
        var items = input.Items ?? [];
        if (items.Count == 0)
        {
            errors["items"] = ["评查标准至少需要一个评查项目。"];
        }
        for (var i = 0; i < items.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(items[i].Title))
            {
                errors[$"items[{i}].title"] = [$"第 {i + 1} 项：请填写评查项目。"];
            }
            if (items[i].Points is <= 0 or > 100)
            {
                errors[$"items[{i}].points"] = [$"第 {i + 1} 项：分值应大于 0 且不超过 100。"];
            }
        }
        return errors;
    }

    /// <summary>Adds the next version of a rubric (or its first); the previous version is kept and marked superseded.</summary>
    public async Task<ReviewRubric> SaveRubricVersionAsync(string code, RubricVersionInput input, CancellationToken ct)
    {
        RequireManager();
        if (Validate(input) is { Count: > 0 } errors)
        {
            var first = errors.First();
            throw Refuse.Field(first.Key, first.Value[0]);
        }
        code = string.IsNullOrWhiteSpace(code) ? DefaultRubricCode : code.Trim();
        var previous = await db.Set<ReviewRubric>().Where(r => r.Code == code && r.SupersededAtUtc == null).FirstOrDefaultAsync(ct);
        var lastNo = await db.Set<ReviewRubric>().Where(r => r.Code == code).MaxAsync(r => (int?)r.VersionNo, ct) ?? 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (previous is not null)
        {
            previous.SupersededAtUtc = Now;
        }
        var rubric = new ReviewRubric
        {
            Code = code, VersionNo = lastNo + 1, Name = input.Name!.Trim(), Basis = input.Basis?.Trim() ?? "", ChangeNote = input.ChangeNote?.Trim() ?? "",
            CreatedAtUtc = Now, CreatedBy = Actor,
        };
        db.Set<ReviewRubric>().Add(rubric);
        var seq = 0;
        foreach (var i in input.Items!)
        {
            db.Set<RubricItem>().Add(new RubricItem
            {
                RubricId = rubric.Id, Seq = ++seq, Category = i.Category?.Trim() ?? "", Title = i.Title!.Trim(), Points = i.Points, DeductionRule = i.DeductionRule?.Trim() ?? "",
            });
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return rubric;
    }

    /// <summary>Parses the page's rubric text: one item a line, <c>类别|评查项目|分值|扣分规则</c>.</summary>
    public static (List<RubricItemInput> Items, string? Error) ParseItems(string? text)
    {
        var items = new List<RubricItemInput>();
        var lines = (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var n = 0; n < lines.Length; n++)
        {
            var parts = lines[n].Split('|', StringSplitOptions.TrimEntries);
            if (parts.Length < 3 || !decimal.TryParse(parts[2], System.Globalization.CultureInfo.InvariantCulture, out var points))
            {
                return (items, $"第 {n + 1} 行格式应为：类别|评查项目|分值|扣分规则。");
            }
            items.Add(new RubricItemInput(parts[0], parts[1], points, parts.Length > 3 ? string.Join("|", parts[3..]) : ""));
        }
        return (items, null);
    }

    // ---- plans ----

    /// <summary>The enforcement bodies a supervisor may review: those in the subtree of the parent of the supervisor's unit.</summary>
    public async Task<List<EnforcementBody>> JurisdictionAsync(CancellationToken ct)
    {
        var bodies = await db.Bodies.AsNoTracking().Where(b => b.Active).OrderBy(b => b.OrgCode).ToListAsync(ct);
        if (user.Scope.Unrestricted)
        {
            return bodies;
        }
        var home = user.OrgUnitId is { } h ? await orgs.FindAsync(h, ct) : null;
        if (home is null)
        {
            return [];
        }
        var top = home.ParentId is { } p ? await orgs.FindAsync(p, ct) ?? home : home;
        // Deactivated units count too: the registry's own Active flag decides which bodies are listed.
        var units = (await orgs.SubtreeIdsAsync(top.Id, ct)).ToHashSet();
        return bodies.Where(b => units.Contains(b.OrgUnitId)).ToList();
    }

    public async Task<List<ReviewPlan>> PlansAsync(CancellationToken ct)
    {
        var all = user.Scope.Unrestricted;
        var units = user.Scope.UnitIds;
        var manager = Manager;
        var responder = Responder;
        return await db.Set<ReviewPlan>().AsNoTracking()
            .Where(p => (manager && (all || units.Contains(p.OwnerUnitId)))
                || (responder && p.Status == ReviewPlanStatus.Finished && db.Set<ReviewPlanBody>().Any(b => b.PlanId == p.Id && (all || units.Contains(b.BodyUnitId)))))
            .OrderByDescending(p => p.Id).Take(200).ToListAsync(ct);
    }

    public async Task<ReviewPlan> CreatePlanAsync(CreatePlanInput input, CancellationToken ct)
    {
        RequireManager();
        var owner = user.OrgUnitId ?? throw Refuse.Field("owner", "系统账户不能制定评查计划。");
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            throw Refuse.Field("name", "请填写评查计划名称。");
        }
        if (input.Year is < 2000 or > 2100)
        {
            throw Refuse.Field("year", "请填写评查年度。");
        }
        if (input.PeriodFrom is not { } from || input.PeriodTo is not { } to || from > to)
        {
            throw Refuse.Field("periodFrom", "请填写结案日期范围（起日不晚于止日）。");
        }
        if ((input.SampleSize is null) == (input.SamplePercent is null))
        {
            throw Refuse.Field("sampleSize", "请填写每个执法主体的抽查件数或抽查比例（二者选一）。");
        }
        if (input.SampleSize is < 1 or > 500 || input.SamplePercent is < 1 or > 100)
        {
            throw Refuse.Field("sampleSize", "抽查件数应为 1–500 件，抽查比例应为 1%–100%。");
        }
        var chosen = (input.BodyUnitIds ?? []).Distinct().ToList();
        if (chosen.Count == 0)
        {
            throw Refuse.Field("bodyUnitIds", "请选择被评查的执法主体。");
        }
        var jurisdiction = (await JurisdictionAsync(ct)).ToDictionary(b => b.OrgUnitId);
        if (chosen.Any(id => !jurisdiction.ContainsKey(id)))
        {
            throw Refuse.Field("bodyUnitIds", "所选单位不是本机关监督范围内的执法主体（行政执法监督由司法行政部门对本级政府部门及下级实施）。");
        }
        var rubric = input.RubricId is { } rid
            ? await db.Set<ReviewRubric>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == rid, ct)
            : await db.Set<ReviewRubric>().AsNoTracking().Where(r => r.SupersededAtUtc == null).OrderBy(r => r.Code == DefaultRubricCode ? 0 : 1).FirstOrDefaultAsync(ct);
        if (rubric is null)
        {
            throw Refuse.Field("rubricId", "请选择评查标准。");
        }
        var seed = string.IsNullOrWhiteSpace(input.Seed) ? ReviewMath.NewSeed() : input.Seed.Trim();
        if (seed.Length > 64)
        {
            throw Refuse.Field("seed", "随机种子不超过 64 个字符。");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var plan = new ReviewPlan
        {
            OwnerUnitId = owner, Name = input.Name.Trim(), Year = input.Year, PeriodFrom = from, PeriodTo = to, RubricId = rubric.Id,
            SampleSize = input.SampleSize, SamplePercent = input.SamplePercent, Seed = seed, Status = ReviewPlanStatus.Draft, CreatedAtUtc = Now, CreatedBy = Actor,
        };
        db.Set<ReviewPlan>().Add(plan);
        foreach (var id in chosen)
        {
            db.Set<ReviewPlanBody>().Add(new ReviewPlanBody { PlanId = plan.Id, BodyUnitId = id, BodyName = jurisdiction[id].Name });
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return plan;
    }

    /// <summary>The plan if the caller manages it, or (finished plans only) takes part in it as a body.</summary>
    public async Task<ReviewPlan> PlanAsync(Guid id, CancellationToken ct)
    {
        var plan = await db.Set<ReviewPlan>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw Refuse.NotFound("评查记录不存在或不在您的数据范围内。");
        if (CanManage(plan))
        {
            return plan;
        }
        if (Responder && plan.Status == ReviewPlanStatus.Finished && (await VisibleBodyIdsAsync(plan, ct)).Count > 0)
        {
            return plan;
        }
        throw Refuse.NotFound("评查记录不存在或不在您的数据范围内。");
    }

    public bool CanManage(ReviewPlan plan) => Manager && InScope(plan.OwnerUnitId);

    private async Task<HashSet<Guid>> VisibleBodyIdsAsync(ReviewPlan plan, CancellationToken ct)
    {
        var bodies = await db.Set<ReviewPlanBody>().AsNoTracking().Where(b => b.PlanId == plan.Id).Select(b => b.BodyUnitId).ToListAsync(ct);
        return CanManage(plan) ? bodies.ToHashSet() : bodies.Where(InScope).ToHashSet();
    }

    public async Task<List<ReviewPlanBody>> PlanBodiesAsync(ReviewPlan plan, CancellationToken ct)
    {
        var visible = await VisibleBodyIdsAsync(plan, ct);
        return (await db.Set<ReviewPlanBody>().AsNoTracking().Where(b => b.PlanId == plan.Id).OrderBy(b => b.BodyName).ToListAsync(ct))
            .Where(b => visible.Contains(b.BodyUnitId)).ToList();
    }

    public async Task<List<ReviewSample>> SamplesAsync(ReviewPlan plan, CancellationToken ct)
    {
        var visible = await VisibleBodyIdsAsync(plan, ct);
        return (await db.Set<ReviewSample>().AsNoTracking().Where(s => s.PlanId == plan.Id).OrderBy(s => s.BodyUnitId).ThenBy(s => s.DrawOrder).ToListAsync(ct))
            .Where(s => visible.Contains(s.BodyUnitId)).ToList();
    }

    private async Task<ReviewPlan> ManagedPlanAsync(Guid id, CancellationToken ct)
    {
        var plan = await db.Set<ReviewPlan>().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw Refuse.NotFound("评查记录不存在或不在您的数据范围内。");
        return CanManage(plan) ? plan : throw Refuse.NotFound("评查记录不存在或不在您的数据范围内。");
    }

    /// <summary>The closed cases of a body in the plan's period (the population of the draw).</summary>
    private async Task<List<(Guid Id, string Number)>> PopulationAsync(ReviewPlan plan, Guid bodyUnitId, CancellationToken ct)
    {
        // Explicit supervision work: the justice bureau reviews the case files of the bodies in its jurisdiction
        // (checked when the plan was created), which lie outside its own data scope.
        var rows = await db.Cases.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.OrgUnitId == bodyUnitId && c.Stage == CaseStage.Closed && c.ClosedOn >= plan.PeriodFrom && c.ClosedOn <= plan.PeriodTo)
            .Select(c => new { c.Id, c.Number }).ToListAsync(ct);
        return rows.Select(r => (r.Id, r.Number)).ToList();
    }

    /// <summary>Draws each body's sample from its closed cases with the plan's seed and stores the drawn case ids.</summary>
    public async Task<ReviewPlan> DrawAsync(Guid id, CancellationToken ct)
    {
        var plan = await ManagedPlanAsync(id, ct);
        if (plan.Status != ReviewPlanStatus.Draft)
        {
            throw Refuse.Conflict("本计划已抽取案卷，不能重复抽取（抽取结果及随机种子已记录，可复核）。");
        }
        var bodies = await db.Set<ReviewPlanBody>().Where(b => b.PlanId == plan.Id).ToListAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var drawn = new List<object>();
        foreach (var body in bodies)
        {
            var population = await PopulationAsync(plan, body.BodyUnitId, ct);
            var count = ReviewMath.SampleCount(population.Count, plan.SampleSize, plan.SamplePercent);
            var ids = ReviewMath.Draw(plan.Seed, body.BodyUnitId, population.Select(p => p.Id), count);
            var numbers = population.ToDictionary(p => p.Id, p => p.Number);
            body.ClosedCases = population.Count;
            body.Sampled = ids.Count;
            for (var i = 0; i < ids.Count; i++)
            {
                db.Set<ReviewSample>().Add(new ReviewSample
                {
                    PlanId = plan.Id, OwnerUnitId = plan.OwnerUnitId, BodyUnitId = body.BodyUnitId, CaseId = ids[i], CaseNumber = numbers[ids[i]], DrawOrder = i + 1,
                });
            }
            drawn.Add(new { body = body.BodyUnitId, population = population.Count, cases = ids });
        }
        plan.Status = ReviewPlanStatus.Drawn;
        plan.DrawnAtUtc = Now;
        await db.SaveChangesAsync(ct);
        await db.WriteAuditEventAsync("enforcement.casereview.draw", nameof(ReviewPlan), plan.Id.ToString(), new { plan.Seed, drawn }, ct);
        await tx.CommitAsync(ct);
        return plan;
    }

    /// <summary>Redoes the draw from the stored seed and today's population and compares it with the stored sample.</summary>
    public async Task<List<DrawCheck>> VerifyDrawAsync(Guid id, CancellationToken ct)
    {
        var plan = await ManagedPlanAsync(id, ct);
        var bodies = await db.Set<ReviewPlanBody>().AsNoTracking().Where(b => b.PlanId == plan.Id).OrderBy(b => b.BodyName).ToListAsync(ct);
        var samples = await db.Set<ReviewSample>().AsNoTracking().Where(s => s.PlanId == plan.Id).ToListAsync(ct);
        var checks = new List<DrawCheck>();
        foreach (var body in bodies)
        {
            var population = await PopulationAsync(plan, body.BodyUnitId, ct);
            var redrawn = ReviewMath.Draw(plan.Seed, body.BodyUnitId, population.Select(p => p.Id), ReviewMath.SampleCount(population.Count, plan.SampleSize, plan.SamplePercent));
            var stored = samples.Where(s => s.BodyUnitId == body.BodyUnitId).OrderBy(s => s.DrawOrder).Select(s => s.CaseId).ToList();
            checks.Add(new DrawCheck(body.BodyUnitId, body.BodyName, stored.SequenceEqual(redrawn), stored, redrawn));
        }
        return checks;
    }

    public async Task<(ReviewPlan Plan, ReviewSample Sample, List<RubricItem> Items, List<ReviewDeduction> Deductions)> SampleAsync(Guid sampleId, CancellationToken ct)
    {
        var sample = await db.Set<ReviewSample>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == sampleId, ct) ?? throw Refuse.NotFound("评查记录不存在或不在您的数据范围内。");
        var plan = await PlanAsync(sample.PlanId, ct);
        if (!CanManage(plan) && !InScope(sample.BodyUnitId))
        {
            throw Refuse.NotFound("评查记录不存在或不在您的数据范围内。");
        }
        var items = await ItemsAsync(plan.RubricId, ct);
        var deductions = await db.Set<ReviewDeduction>().AsNoTracking().Where(d => d.SampleId == sample.Id).ToListAsync(ct);
        return (plan, sample, items, deductions);
    }

    /// <summary>Scores a sampled case: deductions per rubric item (each at most the item's points, with a reason); replaces earlier scoring.</summary>
    public async Task<ReviewSample> ScoreAsync(Guid sampleId, ScoreInput input, CancellationToken ct)
    {
        var sample = await db.Set<ReviewSample>().FirstOrDefaultAsync(s => s.Id == sampleId, ct) ?? throw Refuse.NotFound("评查记录不存在或不在您的数据范围内。");
        var plan = await ManagedPlanAsync(sample.PlanId, ct);
        if (plan.Status != ReviewPlanStatus.Drawn)
        {
            throw Refuse.Conflict("评查结果已发布，不能再修改评分。");
        }
        var items = await ItemsAsync(plan.RubricId, ct);
        var byId = items.ToDictionary(i => i.Id);
        var given = (input.Deductions ?? []).Where(d => d.Points != 0 || !string.IsNullOrWhiteSpace(d.Reason)).ToList();
        foreach (var d in given)
        {
            if (!byId.TryGetValue(d.ItemId, out var item))
            {
                throw Refuse.Field("deductions", "扣分项不属于本计划的评查标准。");
            }
            if (d.Points < 0 || d.Points > item.Points)
            {
                throw Refuse.Field($"item-{item.Seq}", $"“{item.Title}”扣分应在 0 至 {item.Points:0.##} 分之间（该项分值）。");
            }
            if (d.Points > 0 && string.IsNullOrWhiteSpace(d.Reason))
            {
                throw Refuse.Field($"item-{item.Seq}", $"“{item.Title}”扣分须写明理由（扣分规则：{item.DeductionRule}）。");
            }
        }
        if (given.GroupBy(d => d.ItemId).Any(g => g.Count() > 1))
        {
            throw Refuse.Field("deductions", "同一评查项目只能填写一次扣分。");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var old = await db.Set<ReviewDeduction>().Where(d => d.SampleId == sample.Id).ToListAsync(ct);
        db.Set<ReviewDeduction>().RemoveRange(old);
        var fresh = given.Where(d => d.Points > 0)
            .Select(d => new ReviewDeduction { SampleId = sample.Id, PlanId = plan.Id, ItemId = d.ItemId, Points = d.Points, Reason = d.Reason!.Trim() }).ToList();
        db.Set<ReviewDeduction>().AddRange(fresh);
        sample.Score = ReviewMath.Score(items, fresh);
        sample.Reviewer = Actor;
        sample.ScoredAtUtc = Now;
        sample.Comment = input.Comment?.Trim() ?? "";
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return sample;
    }

    /// <summary>Publishes the results to the bodies; every sampled case must be scored.</summary>
    public async Task<ReviewPlan> FinishAsync(Guid id, CancellationToken ct)
    {
        var plan = await ManagedPlanAsync(id, ct);
        if (plan.Status != ReviewPlanStatus.Drawn)
        {
            throw Refuse.Conflict("只有已抽取案卷、正在评查的计划才能发布结果。");
        }
        var unscored = await db.Set<ReviewSample>().CountAsync(s => s.PlanId == plan.Id && s.Score == null, ct);
        if (unscored > 0)
        {
            throw Refuse.Conflict($"尚有 {unscored} 件案卷未评分，全部评分后方可发布结果。");
        }
        plan.Status = ReviewPlanStatus.Finished;
        plan.FinishedAtUtc = Now;
        await db.SaveChangesAsync(ct);
        return plan;
    }

    /// <summary>Results: per body average and rank, and the items most often lost (a body sees only its own row and items).</summary>
    public async Task<PlanResults> ResultsAsync(Guid id, CancellationToken ct)
    {
        var plan = await PlanAsync(id, ct);
        var bodies = await PlanBodiesAsync(plan, ct);
        var items = await ItemsAsync(plan.RubricId, ct);
        var allSamples = await db.Set<ReviewSample>().AsNoTracking().Where(s => s.PlanId == plan.Id).ToListAsync(ct);
        var allBodies = await db.Set<ReviewPlanBody>().AsNoTracking().Where(b => b.PlanId == plan.Id).ToListAsync(ct);
        // The rank is computed over all bodies of the plan (a body learns its place, not the others' scores).
        var ranking = ReviewMath.Rank(allBodies.Select(b => (b.BodyUnitId, b.BodyName)), allSamples);
        var visible = bodies.Select(b => b.BodyUnitId).ToHashSet();
        var visibleSamples = allSamples.Where(s => visible.Contains(s.BodyUnitId)).Select(s => s.Id).ToHashSet();
        var deductions = (await db.Set<ReviewDeduction>().AsNoTracking().Where(d => d.PlanId == plan.Id).ToListAsync(ct))
            .Where(d => visibleSamples.Contains(d.SampleId)).ToList();
        return new PlanResults(plan, ranking.Where(r => visible.Contains(r.BodyUnitId)).ToList(), ReviewMath.MostLost(items, deductions), items.Sum(i => i.Points));
    }

    // ---- rectification ----

    public async Task<List<Rectification>> RectificationsAsync(Guid? planId, CancellationToken ct)
    {
        var all = user.Scope.Unrestricted;
        var units = user.Scope.UnitIds;
        var manager = Manager;
        var responder = Responder;
        var q = db.Set<Rectification>().AsNoTracking()
            .Where(r => (manager && (all || units.Contains(r.OwnerUnitId))) || (responder && (all || units.Contains(r.BodyUnitId))));
        if (planId is { } p)
        {
            q = q.Where(r => r.PlanId == p);
        }
        return await q.OrderByDescending(r => r.Id).Take(500).ToListAsync(ct);
    }

    public async Task<Rectification> CreateRectificationAsync(Guid planId, RectificationInput input, CancellationToken ct)
    {
        var plan = await ManagedPlanAsync(planId, ct);
        if (plan.Status != ReviewPlanStatus.Finished)
        {
            throw Refuse.Conflict("评查结果发布后方可下达整改任务。");
        }
        var body = await db.Set<ReviewPlanBody>().AsNoTracking().FirstOrDefaultAsync(b => b.PlanId == plan.Id && b.BodyUnitId == input.BodyUnitId, ct)
            ?? throw Refuse.Field("bodyUnitId", "该执法主体不在本次评查范围内。");
        if (string.IsNullOrWhiteSpace(input.Requirement))
        {
            throw Refuse.Field("requirement", "请填写整改要求。");
        }
        if (input.DueOn is not { } due || due < deadlines.Today)
        {
            throw Refuse.Field("dueOn", "请填写不早于今天的整改期限。");
        }
        var r = new Rectification
        {
            PlanId = plan.Id, OwnerUnitId = plan.OwnerUnitId, BodyUnitId = body.BodyUnitId, BodyName = body.BodyName, Requirement = input.Requirement.Trim(), DueOn = due,
            Status = RectificationStatus.Open,
        };
        db.Set<Rectification>().Add(r);
        await db.SaveChangesAsync(ct);
        return r;
    }

    /// <summary>The body answers its rectification task (整改情况报告).</summary>
    public async Task<Rectification> AnswerAsync(Guid id, AnswerInput input, CancellationToken ct)
    {
        var r = await db.Set<Rectification>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw Refuse.NotFound("评查记录不存在或不在您的数据范围内。");
        if (!Responder || !InScope(r.BodyUnitId))
        {
            throw Refuse.NotFound("评查记录不存在或不在您的数据范围内。");
        }
        if (r.Status != RectificationStatus.Open)
        {
            throw Refuse.Conflict(r.Status == RectificationStatus.Closed ? "整改任务已销号。" : "整改情况已报送，等待监督机关审核。");
        }
        if (string.IsNullOrWhiteSpace(input.Response))
        {
            throw Refuse.Field("response", "请填写整改情况。");
        }
        r.Response = input.Response.Trim();
        r.AnsweredOn = deadlines.Today;
        r.AnsweredBy = Actor;
        r.Status = RectificationStatus.Answered;
        await db.SaveChangesAsync(ct);
        return r;
    }

    /// <summary>The supervisor accepts the answer (销号) or returns it for further work.</summary>
    public async Task<Rectification> ReviewRectificationAsync(Guid id, RectificationReviewInput input, CancellationToken ct)
    {
        var r = await db.Set<Rectification>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw Refuse.NotFound("评查记录不存在或不在您的数据范围内。");
        if (!Manager || !InScope(r.OwnerUnitId))
        {
            throw Refuse.NotFound("评查记录不存在或不在您的数据范围内。");
        }
        if (r.Status != RectificationStatus.Answered)
        {
            throw Refuse.Conflict("执法主体报送整改情况后方可审核。");
        }
        if (!input.Accept && string.IsNullOrWhiteSpace(input.Note))
        {
            throw Refuse.Field("note", "退回整改须写明理由。");
        }
        r.SupervisorNote = input.Note?.Trim() ?? "";
        if (input.Accept)
        {
            r.Status = RectificationStatus.Closed;
            r.ClosedOn = deadlines.Today;
        }
        else
        {
            r.Status = RectificationStatus.Open;
        }
        await db.SaveChangesAsync(ct);
        return r;
    }

    public bool IsOverdue(Rectification r) => r.Status != RectificationStatus.Closed && r.DueOn < deadlines.Today;

    private void RequireManager()
    {
        if (!Manager)
        {
            throw Refuse.NotFound("评查记录不存在或不在您的数据范围内。");
        }
    }

    public static string StatusName(ReviewPlanStatus s) => s switch
    {
        ReviewPlanStatus.Draft => "待抽取",
        ReviewPlanStatus.Drawn => "评查中",
        ReviewPlanStatus.Finished => "结果已发布",
        _ => s.ToString(),
    };

    public static string StatusName(RectificationStatus s) => s switch
    {
        RectificationStatus.Open => "待整改",
        RectificationStatus.Answered => "已报送待审核",
        RectificationStatus.Closed => "已销号",
        _ => s.ToString(),
    };
}
