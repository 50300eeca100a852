using Fazhi.Learning.Data;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Learning.Exams;

internal sealed record ExtendInput(int Minutes, string? Reason, long? Version);

internal sealed record ReleaseSessionInput(string? Reason, long? Version);

/// <summary>One taker's state in the proctor's view.</summary>
internal sealed record ProctorRow(Guid AttemptId, Guid PersonId, string PersonName, string UnitName, int Number, string State, int Answered, int Questions, int SwitchCount,
    long RemainingSeconds, int ExtraMinutes, string ExtraReason, decimal? Score, long Version);

internal sealed record ProctorView(Guid ExamId, string Title, int Assigned, int Started, int Submitted, int Answering, int Dropped, int SwitchedAway, IReadOnlyList<ProctorRow> Rows);

/// <summary>
/// The proctor's view of an exam (监考): who has started, is answering, has dropped (no answer saved for
/// <see cref="DroppedAfterMinutes"/> minutes while the time runs), switched away, or submitted; extending one taker's time
/// with a reason, and releasing an attempt's session so the taker can go on from another device. Both are audited.
/// </summary>
internal sealed class ProctorService(LearningDb db, TimeProvider time, IOrgDirectory orgs)
{
    public const int DroppedAfterMinutes = 5;

    public async Task<ProctorView> ViewAsync(Guid examId, CancellationToken ct)
    {
        var exam = await db.Exams.AsNoTracking().FirstOrDefaultAsync(e => e.Id == examId, ct) ?? throw Refuse.NotFound("考试不存在。");
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var attempts = await db.Attempts.AsNoTracking().Where(a => a.ExamId == examId).ToListAsync(ct);
        var ids = attempts.Select(a => a.Id).ToList();
        var progress = await db.AttemptItems.AsNoTracking().Where(i => ids.Contains(i.AttemptId))
            .GroupBy(i => i.AttemptId)
            .Select(g => new { Id = g.Key, Questions = g.Count(), Answered = g.Count(i => i.AnsweredAtMs != null), Last = g.Max(i => i.AnsweredAtMs) })
            .ToDictionaryAsync(x => x.Id, ct);
        var people = attempts.Select(a => a.PersonId).Distinct().ToList();
        var units = await db.People.AsNoTracking().Where(p => people.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.UnitName, ct);
        var rows = attempts.OrderBy(a => a.PersonName).ThenBy(a => a.Number).Select(a =>
        {
            var p = progress.GetValueOrDefault(a.Id);
            var lastActive = Math.Max(p?.Last ?? 0, a.StartedAt.ToUnixTimeMilliseconds());
            var state = a.Status == AttemptStatus.Submitted ? (a.TimedOut ? "时间到自动交卷" : "已交卷")
                : a.DeadlineMs <= now ? "时间已到待交卷"
                : now - lastActive > DroppedAfterMinutes * 60_000L ? "已掉线" : "作答中";
            return new ProctorRow(a.Id, a.PersonId, a.PersonName, units.GetValueOrDefault(a.PersonId, ""), a.Number, state, p?.Answered ?? 0, p?.Questions ?? 0, a.SwitchCount,
                a.Status == AttemptStatus.Submitted ? 0 : Math.Max(0, (a.DeadlineMs - now) / 1000), a.ExtraMinutes, a.ExtraReason, a.Score, a.Version);
        }).ToList();
        var assigned = await CountAssignedAsync(exam, ct);
        return new ProctorView(exam.Id, exam.Title, assigned, rows.Select(r => r.PersonId).Distinct().Count(), rows.Count(r => r.State is "已交卷" or "时间到自动交卷"),
            rows.Count(r => r.State == "作答中"), rows.Count(r => r.State == "已掉线"), rows.Count(r => r.SwitchCount > 0), rows);
    }

    /// <summary>Gives one taker more time, with the reason (a technical fault, a disability accommodation ...).</summary>
    public async Task<Attempt> ExtendAsync(Guid attemptId, ExtendInput input, CancellationToken ct)
    {
        var checks = new FieldChecks();
        checks.When(input.Minutes is < 1 or > 120, "minutes", "延长时间应为 1–120 分钟。");
        var reason = TextRules.Required(checks, "reason", "延长原因", input.Reason, 500);
        checks.ThrowIfAny("未延长。");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.LockForDecisionAsync("learning-attempt:" + attemptId, ct);
        var attempt = await db.Attempts.FirstOrDefaultAsync(a => a.Id == attemptId, ct) ?? throw Refuse.NotFound("答卷不存在。");
        Refuse.UnlessVersion(input.Version, attempt.Version, "答卷");
        if (attempt.Status == AttemptStatus.Submitted || attempt.DeadlineMs <= time.GetUtcNow().ToUnixTimeMilliseconds())
        {
            throw Refuse.Conflict("答卷已交或时间已到，不能延长。");
        }
        attempt.DeadlineMs += input.Minutes * 60_000L;
        attempt.ExtraMinutes += input.Minutes;
        attempt.ExtraReason = attempt.ExtraReason.Length == 0 ? reason : attempt.ExtraReason + "；" + reason;
        if (attempt.ExtraReason.Length > 500)
        {
            attempt.ExtraReason = attempt.ExtraReason[^500..];
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return attempt;
    }

    /// <summary>Releases an attempt's session: the taker's next start, from any browser, takes the attempt over.</summary>
    public async Task<Attempt> ReleaseSessionAsync(Guid attemptId, ReleaseSessionInput input, CancellationToken ct)
    {
        var checks = new FieldChecks();
        var reason = TextRules.Required(checks, "reason", "原因", input.Reason, 500);
        checks.ThrowIfAny("未解除。");
        var attempt = await db.Attempts.FirstOrDefaultAsync(a => a.Id == attemptId, ct) ?? throw Refuse.NotFound("答卷不存在。");
        Refuse.UnlessVersion(input.Version, attempt.Version, "答卷");
        if (attempt.Status == AttemptStatus.Submitted)
        {
            throw Refuse.Conflict("答卷已交。");
        }
        attempt.Session = "";
        await db.SaveChangesAsync(ct);
        await db.WriteAuditEventAsync("learning.session.released", nameof(Attempt), attempt.Id.ToString(), new { reason }, ct);
        return attempt;
    }

    private async Task<int> CountAssignedAsync(Exam exam, CancellationToken ct)
    {
        var named = exam.AssignPeople.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();
        var units = exam.AssignUnits.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();
        var posts = exam.AssignPosts.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        var all = await db.People.AsNoTracking().Where(p => p.IsActive).Select(p => new { p.Id, p.OrgUnitId, p.Post }).ToListAsync(ct);
        var within = new HashSet<Guid>();
        foreach (var unit in units)
        {
            within.UnionWith(await orgs.SubtreeIdsAsync(unit, ct));
        }
        var byGroup = units.Count > 0 || posts.Count > 0;
        return all.Count(p => named.Contains(p.Id)
            || (byGroup && (units.Count == 0 || within.Contains(p.OrgUnitId)) && (posts.Count == 0 || posts.Contains(p.Post))));
    }
}
