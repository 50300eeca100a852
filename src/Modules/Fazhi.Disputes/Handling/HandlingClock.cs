using Fazhi.Disputes.Data;
using Fazhi.Disputes.Domain;
using Fazhi.Platform.Features.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Disputes.Handling;

/// <summary>
/// Keeps a case's clock: the stages started on acceptance beside the main one (行政复议法 第四十八条 copy to the respondent),
/// and <see cref="DisputeCase.DueOn"/>, the earliest due date of the running stages, stored so worklists are index queries.
/// </summary>
internal sealed class HandlingClock(DisputesDb db, IDeadlineService deadlines)
{
    public DateOnly Today => deadlines.Today;

    public async Task<DeadlineCalculator> CalculatorAsync(CancellationToken ct) => new(await deadlines.GetCalendarAsync(ct));

    public async Task<Dictionary<string, ProfileRule>> RulesAsync(Guid profileId, CancellationToken ct) =>
        await db.Set<ProfileRule>().AsNoTracking().Where(r => r.ProfileId == profileId).ToDictionaryAsync(r => r.Key, ct);

    /// <summary>Called after intake, acceptance (also deemed), rejection and every handling action, before saving.</summary>
    public async Task AfterChangeAsync(DisputeCase c, bool accepted, CancellationToken ct)
    {
        if (accepted)
        {
            await OnAcceptedAsync(c, LatestEnd(c) ?? Today, ct);
        }
        Refresh(c, await CalculatorAsync(ct), Today);
    }

    /// <summary>行政复议法 第四十八条 (第五十四条 in the simplified procedure): the copy to the respondent is due from acceptance.</summary>
    private async Task OnAcceptedAsync(DisputeCase c, DateOnly acceptedOn, CancellationToken ct)
    {
        var rules = await RulesAsync(c.ProfileId, ct);
        var key = c.Simplified ? RuleKeys.SimplifiedCopy : RuleKeys.RespondentCopy;
        if (rules.TryGetValue(key, out var rule) && !StagesOf(c).Any(s => s.StageCode == RespondentCopyStage))
        {
            db.Stages.Add(StageFromRule(c, RespondentCopyStage, "送达被申请人", rule, acceptedOn));
        }
    }

    public const string RespondentCopyStage = "respondent-copy";
    public const string RespondentAnswerStage = "respondent-answer";
    public const string CorrectionStage = "correction";
    public const string ConfirmationStage = "confirmation";

    public static CaseStage StageFromRule(DisputeCase c, string code, string name, ProfileRule rule, DateOnly start) => new()
    {
        CaseId = c.Id,
        OrgUnitId = c.OrgUnitId,
        StageCode = code,
        StageName = name,
        StartedOn = start,
        Days = rule.Value,
        DayKind = rule.DayKind ?? DayKind.Calendar,
        Article = rule.Article,
    };

    public static CaseStage StageFrom(ProfileStage stage, DisputeCase c, DateOnly start) => new()
    {
        CaseId = c.Id,
        OrgUnitId = c.OrgUnitId,
        StageCode = stage.Code,
        StageName = stage.Name,
        StartedOn = start,
        Days = stage.Days,
        DayKind = stage.DayKind,
        Article = stage.Article,
    };

    /// <summary>The case's stages, including ones added to the context but not yet fixed up into the collection.</summary>
    public IEnumerable<CaseStage> StagesOf(DisputeCase c) => c.Stages
        .Concat(db.ChangeTracker.Entries<CaseStage>().Where(e => e.State == EntityState.Added && e.Entity.CaseId == c.Id).Select(e => e.Entity))
        .Distinct();

    private DateOnly? LatestEnd(DisputeCase c) => StagesOf(c).Where(s => s.EndedOn != null).Max(s => s.EndedOn);

    /// <summary>Ends every open stage (and its open pauses) on <paramref name="on"/>.</summary>
    public static void EndOpenStages(DisputeCase c, string outcome, DateOnly on)
    {
        foreach (var s in c.Stages.Where(s => s.EndedOn == null))
        {
            s.EndedOn = on;
            s.Outcome = outcome;
            foreach (var p in s.Pauses.Where(p => p.ResumedOn == null))
            {
                p.ResumedOn = on < p.PausedFrom ? p.PausedFrom : on;
            }
        }
    }

    /// <summary>
    /// Records on an ended stage the due date in force when it ended and whether it ended by then (the on-time rate of the
    /// statistics). A stage that ended with its clock stopped has no due date and counts as on time. Stamped once.
    /// </summary>
    public static void StampEnded(CaseStage s, DeadlineCalculator calculator)
    {
        if (s.EndedOn is not { } ended || s.OnTime is not null)
        {
            return;
        }
        var due = calculator.Compute(s.ToSpec(), ended).DueDate;
        s.DueOn = due;
        s.OnTime = due is not { } d || ended <= d;
    }

    /// <summary>The safety net (nightly job): ended stages still without their on-time flag (ended by a path that did not stamp it, or before it existed).</summary>
    public async Task<int> StampMissingAsync(CancellationToken ct, int batch = 2000)
    {
        var calculator = await CalculatorAsync(ct);
        var stages = await db.Stages.Include(s => s.Pauses).Include(s => s.Extensions)
            .Where(s => s.EndedOn != null && s.OnTime == null).OrderBy(s => s.Id).Take(batch).ToListAsync(ct);
        foreach (var s in stages)
        {
            StampEnded(s, calculator);
        }
        await db.SaveChangesAsync(ct);
        return stages.Count;
    }

    /// <summary>The earliest due date of the open stages whose clock runs; paused stages have no due date yet. Stamps the stages that ended.</summary>
    public void Refresh(DisputeCase c, DeadlineCalculator calculator, DateOnly today)
    {
        foreach (var s in StagesOf(c).Where(s => s.EndedOn != null))
        {
            StampEnded(s, calculator);
        }
        DateOnly? min = null;
        foreach (var s in StagesOf(c).Where(s => s.EndedOn == null))
        {
            var due = calculator.Compute(s.ToSpec(), today).DueDate;
            if (due is { } d && (min is null || d < min))
            {
                min = d;
            }
        }
        c.DueOn = min;
    }
}

/// <summary>Handling columns and the worklist indexes of <see cref="DisputeCase"/> (beside the intake configuration).</summary>
internal sealed class DisputeCaseHandlingConfiguration : IEntityTypeConfiguration<DisputeCase>
{
    /// <summary>Open cases (待受理, 办理中): <see cref="CaseStatus.Pending"/> = 1, <see cref="CaseStatus.InProgress"/> = 2; the same SQL on both engines (double-quoted identifier).</summary>
    public const string OpenFilter = "\"Status\" IN (1, 2)";

    public void Configure(EntityTypeBuilder<DisputeCase> b)
    {
        b.Property(x => x.AssigneeName).HasMaxLength(128);
        b.Property(x => x.IntakeFlag).HasMaxLength(1000);
        b.Property(x => x.ResultCode).HasMaxLength(64);
        b.Property(x => x.ResultName).HasMaxLength(64);
        // Lapses (pending or closed cases past a due date) by status.
        b.HasIndex(x => new { x.Status, x.DueOn });
        // Worklists over open cases only (a fifth of all at scale), in due-date order: per unit (overdue, due soon, county views)
        // and per handler ("mine"). The filter is the query's own status condition, so both engines can use the partial index.
        b.HasIndex(x => new { x.OrgUnitId, x.DueOn, x.Id }, "IX_disputes_cases_open_unit_due").HasFilter(OpenFilter);
        // "mine": the handler's open cases per unit in scope, in due order; Status last so that counting needs no table row.
        b.HasIndex(x => new { x.AssigneeUserId, x.OrgUnitId, x.DueOn, x.Id, x.Status }, "IX_disputes_cases_open_assignee_unit_due").HasFilter(OpenFilter);
        b.HasIndex(x => new { x.DueOn, x.Id }, "IX_disputes_cases_open_due").HasFilter(OpenFilter);
        // Applications awaiting the acceptance review (待受理: the home page's count, the worklist's status filter), per unit
        // newest first: a few days' intake, so a small index; without it a county's count read every open case of the city.
        b.HasIndex(x => new { x.OrgUnitId, x.Id }, "IX_disputes_cases_pending_unit").HasFilter(PendingFilter);
    }

    /// <summary><see cref="CaseStatus.Pending"/> = 1.</summary>
    public const string PendingFilter = "\"Status\" = 1";
}
