using Fazhi.Learning.Data;
using Fazhi.Learning.Exams;
using Fazhi.Learning.Questions;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Learning.Marking;

/// <summary>
/// One short answer waiting for a marker. Anonymous by design: no name, unit, post or person id, only the answer's
/// opaque key (attempt and position), the question, its reference answer and the points it is worth.
/// </summary>
internal sealed record MarkItem(Guid AttemptId, int Position, Guid ExamId, string ExamTitle, Guid QuestionId, string Stem, string ReferenceAnswer, string Explanation, decimal MaxPoints,
    string Answer);

/// <summary>The queue: how many answers wait in each exam, and the first of them (oldest submission first).</summary>
internal sealed record MarkQueue(IReadOnlyList<MarkQueueExam> Exams, IReadOnlyList<MarkItem> Items);

internal sealed record MarkQueueExam(Guid ExamId, string Title, int Pending);

internal sealed record MarkInput(decimal? Points, string? Comment);

/// <summary>What a mark did: the attempt's score, how many answers still wait, and the result when it became final.</summary>
internal sealed record MarkResult(Guid AttemptId, int Position, decimal Points, decimal Score, int PendingMarks, bool? Passed, bool Final);

/// <summary>
/// The marking queue for short answers (阅卷, ADR 0033). A marker sees answers without the taker's name and scores each
/// within the question's points, in steps of half a point, with a comment. The answer is marked once: under the attempt's
/// decision lock a second marker's mark of the same answer is refused (409), so two markers can work the same queue.
/// The attempt is final, and its pass or fail known, only when its last short answer is marked; a pass then gets its
/// certificate number. Each mark is audited (the answer rows themselves are not, ADR 0028).
/// </summary>
internal sealed class MarkingService(LearningDb db, ICurrentUser user, TimeProvider time)
{
    public const int PageSize = 50;

    public async Task<MarkQueue> QueueAsync(Guid? examId, CancellationToken ct)
    {
        var waiting = db.AttemptItems.AsNoTracking()
            .Where(i => i.Kind == QuestionKind.Short && i.Points == null && i.Answer != null && i.Answer != "")
            .Join(db.Attempts.AsNoTracking().Where(a => a.Status == AttemptStatus.Submitted), i => i.AttemptId, a => a.Id,
                (i, a) => new { i.AttemptId, i.Position, i.QuestionId, i.MaxPoints, i.Answer, a.ExamId, a.SubmittedAt });
        var counts = await waiting.GroupBy(w => w.ExamId).Select(g => new { ExamId = g.Key, Pending = g.Count() }).ToListAsync(ct);
        var examIds = counts.Select(c => c.ExamId).ToList();
        var titles = await db.Exams.AsNoTracking().Where(e => examIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Title, ct);
        var exams = counts.Select(c => new MarkQueueExam(c.ExamId, titles.GetValueOrDefault(c.ExamId, ""), c.Pending)).OrderBy(e => e.Title).ToList();
        var chosen = examId ?? exams.FirstOrDefault()?.ExamId;
        if (chosen is null)
        {
            return new MarkQueue(exams, []);
        }
        // Ordered by question, then by the answer's opaque key (not by submission time or name, which would hint at the taker).
        var rows = (await waiting.Where(w => w.ExamId == chosen).ToListAsync(ct))
            .OrderBy(w => w.QuestionId).ThenBy(w => w.AttemptId).ThenBy(w => w.Position).Take(PageSize).ToList();
        var questionIds = rows.Select(r => r.QuestionId).Distinct().ToList();
        var questions = await db.Questions.AsNoTracking().Where(q => questionIds.Contains(q.Id)).ToDictionaryAsync(q => q.Id, ct);
        var items = rows.Select(r => new MarkItem(r.AttemptId, r.Position, r.ExamId, titles.GetValueOrDefault(r.ExamId, ""), r.QuestionId, questions[r.QuestionId].Stem,
            questions[r.QuestionId].Answer, questions[r.QuestionId].Explanation, r.MaxPoints, r.Answer!)).ToList();
        return new MarkQueue(exams, items);
    }

    public async Task<MarkResult> MarkAsync(Guid attemptId, int position, MarkInput input, CancellationToken ct)
    {
        var checks = new FieldChecks();
        checks.When(input.Points is null, "points", "请填写得分。");
        var comment = TextRules.Optional(checks, "comment", "评语", input.Comment, 500) ?? "";
        checks.ThrowIfAny("未评分。");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.LockForDecisionAsync("learning-attempt:" + attemptId, ct);
        var attempt = await db.Attempts.FirstOrDefaultAsync(a => a.Id == attemptId, ct) ?? throw Refuse.NotFound("答卷不存在。");
        var item = await db.AttemptItems.FirstOrDefaultAsync(i => i.AttemptId == attemptId && i.Position == position, ct)
                   ?? throw Refuse.Field("position", $"答卷中没有第 {position} 题。");
        if (item.Kind != QuestionKind.Short)
        {
            throw Refuse.Field("position", "客观题在交卷时已自动评分，只有简答题由阅卷人评分。");
        }
        if (attempt.Status != AttemptStatus.Submitted)
        {
            throw Refuse.Conflict("答卷尚未交卷，不能阅卷。");
        }
        if (item.Points is not null)
        {
            throw Refuse.Conflict("这道题已经评过分（可能另一位阅卷人刚刚评分）。");
        }
        var points = input.Points!.Value;
        if (points < 0 || points > item.MaxPoints || points * 2 != decimal.Truncate(points * 2))
        {
            throw Refuse.Field("points", $"得分应在 0–{item.MaxPoints:0.##} 分之间，最小单位 0.5 分。");
        }
        var exam = await db.Exams.AsNoTracking().FirstAsync(e => e.Id == attempt.ExamId, ct);
        var now = time.GetUtcNow();
        item.Points = points;
        item.Comment = comment;
        item.MarkedBy = user.UserId;
        item.MarkedAtMs = now.ToUnixTimeMilliseconds();
        attempt.Score = (attempt.Score ?? 0) + points;
        attempt.PendingMarks = Math.Max(0, attempt.PendingMarks - 1);
        if (attempt.PendingMarks == 0)
        {
            attempt.Passed = attempt.Score >= exam.PassMark;
            Grades.Certificates.Finalise(attempt, now);
        }
        await db.SaveChangesAsync(ct);
        await db.WriteAuditEventAsync("learning.answer.marked", nameof(Attempt), attempt.Id.ToString(), new { position, points, comment }, ct);
        await tx.CommitAsync(ct);
        return new MarkResult(attempt.Id, position, points, attempt.Score ?? 0, attempt.PendingMarks, attempt.Passed, attempt.PendingMarks == 0);
    }
}
