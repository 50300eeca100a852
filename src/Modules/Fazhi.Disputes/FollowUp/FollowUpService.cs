using System.Security.Cryptography;
using System.Text;
using Fazhi.Disputes.Cases;
using Fazhi.Disputes.Data;
using Fazhi.Disputes.Domain;
using Fazhi.Disputes.FrontDesk;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Notifications;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Disputes.FollowUp;

internal sealed record FollowUpView(Guid Id, Guid CaseId, string CaseNumber, string CaseTypeName, DateOnly ClosedOn, string? ResultKind, DateOnly DueOn, bool Overdue, bool Done,
    string? Method, string? Rating, string? Comment, DateOnly? RatedOn, string? RecordedBy, bool LinkIssued, long Version);

internal sealed record ReviewView(Guid Id, Guid CaseId, string CaseNumber, DateOnly OpenedOn, string Complaint, bool Done, string? Conclusion, string? ClosedBy, long Version);

internal sealed record RatingRequest(string? Rating, string? Comment, long? Version = null);

internal sealed record ReviewCloseRequest(string? Conclusion, long? Version = null);

/// <summary>A rating link just issued: the link (shown once) and the masked mobiles it was texted to.</summary>
internal sealed record IssuedLink(string Url, IReadOnlyList<string> SentTo);

/// <summary>What the party sees behind the public link: the case number and type, never personal data.</summary>
internal sealed record PublicRatingView(string CaseNumber, string CaseTypeName, DateOnly ClosedOn, bool AlreadyRated);

/// <summary>
/// 回访 and 满意度: a follow-up task per closed case (created by <see cref="CaseClosedAsync"/>, which the closing code calls,
/// and by the nightly sweep for closed cases without one); the party rates through a public link with an unguessable token,
/// or staff record a call; 不满意 opens a review task for the unit's supervisors and notifies them.
/// </summary>
internal sealed class FollowUpService(DisputesDb db, ICurrentUser current, IDeadlineService deadlines, INotifier notifier, ISystemWork systemWork,
    Handling.HandOvers handOvers)
{
    public const string NotificationKind = "disputes.followup.review";

    /// <summary>The hook for the case-handling code: call it when a case is closed (idempotent; a second call changes nothing).</summary>
    public async Task<Guid> CaseClosedAsync(Guid caseId, string? resultKind, DateOnly? closedOn, CancellationToken ct)
    {
        var existing = await db.Set<FollowUpTask>().Where(f => f.CaseId == caseId).Select(f => (Guid?)f.Id).FirstOrDefaultAsync(ct);
        if (existing is { } id)
        {
            return id;
        }
        var c = await db.Cases.AsNoTracking().FirstAsync(x => x.Id == caseId, ct);
        var settings = await db.FrontDeskSettingsAsync(ct);
        var task = NewTask(c, resultKind, closedOn ?? deadlines.Today, settings.FollowUpDays);
        db.Set<FollowUpTask>().Add(task);
        await db.SaveChangesAsync(ct);
        return task.Id;
    }

    /// <summary>After the closing transaction has committed (the inbox is another context): a referring system is told the result.</summary>
    public async Task AfterClosedAsync(Guid caseId, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct);
        var task = await db.Set<FollowUpTask>().AsNoTracking().FirstOrDefaultAsync(f => f.CaseId == caseId, ct);
        if (c is not null && task is not null)
        {
            await Referrals.ReferralResults.NotifyAsync(notifier, c, task, ct);
        }
    }

    /// <summary>The sweep (job): closed cases found without a follow-up task get one, closed on the day their last stage ended.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var settings = await db.FrontDeskSettingsAsync(ct);
        var missing = await db.Cases.AsNoTracking()
            .Where(c => c.Status == CaseStatus.Closed && !db.Set<FollowUpTask>().Any(f => f.CaseId == c.Id))
            .Select(c => new { Case = c, LastEnded = c.Stages.Max(s => s.EndedOn) })
            .Take(500).ToListAsync(ct);
        var created = missing.Select(m => (m.Case, Task: NewTask(m.Case, m.Case.ResultName, m.LastEnded ?? deadlines.Today, settings.FollowUpDays))).ToList();
        db.Set<FollowUpTask>().AddRange(created.Select(x => x.Task));
        await db.SaveChangesAsync(ct);
        foreach (var (c, task) in created)
        {
            await Referrals.ReferralResults.NotifyAsync(notifier, c, task, ct);
        }
        return missing.Count;
    }

    public async Task<IReadOnlyList<FollowUpView>> ListAsync(bool done, CancellationToken ct)
    {
        var rows = await Mine(done).OrderBy(f => f.DueOn).ThenBy(f => f.Id).Take(200).ToListAsync(ct);
        return rows.Select(ToView).ToList();
    }

    /// <summary>Open follow-ups in the caller's scope (the home page's count), capped like the worklists' totals.</summary>
    public async Task<(int Total, bool Capped)> OpenCountAsync(CancellationToken ct)
    {
        var counted = await Mine(done: false).Take(Deadlines.Worklists.CountCap + 1).CountAsync(ct);
        return (Math.Min(counted, Deadlines.Worklists.CountCap), counted > Deadlines.Worklists.CountCap);
    }

    /// <summary>Open review tasks in the caller's scope (the home page's count).</summary>
    public Task<int> OpenReviewCountAsync(CancellationToken ct) => db.Set<ReviewTask>().AsNoTracking().CountAsync(r => !r.Done, ct);

    /// <summary>
    /// Follow-ups in scope. The scope filter reaches SQL as "(@unrestricted OR OrgUnitId IN (...))", on which the planner
    /// cannot seek; repeated as a plain term, the unit index serves a county or a town.
    /// </summary>
    private IQueryable<FollowUpTask> Mine(bool done)
    {
        var query = db.Set<FollowUpTask>().AsNoTracking().Where(f => f.Done == done);
        var scope = current.Scope.Unrestricted ? null : current.Scope.UnitIds;
        return scope is null ? query : query.Where(f => scope.Contains(f.OrgUnitId));
    }

    public async Task<FollowUpView?> GetAsync(Guid taskId, CancellationToken ct) =>
        await db.Set<FollowUpTask>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == taskId, ct) is { } f ? ToView(f) : null;

    public async Task<FollowUpView?> ForCaseAsync(Guid caseId, CancellationToken ct) =>
        await db.Set<FollowUpTask>().AsNoTracking().FirstOrDefaultAsync(f => f.CaseId == caseId, ct) is { } f ? ToView(f) : null;

    /// <summary>
    /// Issues (or re-issues) the public rating link: a fresh 256-bit token whose hash alone is kept; an earlier link stops
    /// working. The link goes to the applicant (and agent) by SMS through the platform's gateway, recorded in the handling
    /// record (issue 13: it used to be copied and texted by hand), and is shown once to staff for a party without a mobile.
    /// </summary>
    public async Task<IssuedLink?> IssueLinkAsync(Guid taskId, string baseUrl, CancellationToken ct)
    {
        var task = await db.Set<FollowUpTask>().FirstOrDefaultAsync(f => f.Id == taskId, ct);
        if (task is null)
        {
            return null;
        }
        if (task.Done)
        {
            throw Refuse.Field("rating", "该回访已完成，不再发放评价链接。");
        }
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        task.TokenHash = Hash(token);
        await db.SaveChangesAsync(ct);
        var url = $"{baseUrl.TrimEnd('/')}/rate/{token}";
        var sentTo = await handOvers.ToPartiesAsync(task.CaseId, "rating",
            $"您的纠纷案件（案号 {task.CaseNumber}）已办结，请对办理情况作出评价：{url}", ct,
            recorded: $"您的纠纷案件（案号 {task.CaseNumber}）已办结，请对办理情况作出评价：（评价链接，只发给当事人）");
        return new IssuedLink(url, sentTo);
    }

    /// <summary>Staff record a follow-up call (电话回访).</summary>
    public async Task<bool> RecordCallAsync(Guid taskId, RatingRequest request, CancellationToken ct)
    {
        var task = await db.Set<FollowUpTask>().FirstOrDefaultAsync(f => f.Id == taskId, ct);
        if (task is null)
        {
            return false;
        }
        if (request.Version is { } v && v != task.Version)
        {
            throw new DbUpdateConcurrencyException("该回访已被他人修改，请刷新后再操作。");
        }
        await RateAsync(db, task, request, FollowUpMethod.Call, current.UserName, ct);
        return true;
    }

    public async Task<PublicRatingView?> PublicViewAsync(string? token, CancellationToken ct)
    {
        await using var systemDb = systemWork.Db<DisputesDb>("回访评价链接");
        var task = await FindByTokenAsync(systemDb, token, ct);
        return task is null ? null : new PublicRatingView(task.CaseNumber, Labels.CaseTypeName(task.CaseTypeCode), task.ClosedOn, task.Done);
    }

    /// <summary>The party's own rating through the public link (no account). The link works once.</summary>
    public async Task<bool> RateByTokenAsync(string? token, RatingRequest request, CancellationToken ct)
    {
        // The party has no account and so no scope: explicit system work, answered only for a matching token.
        await using var systemDb = systemWork.Db<DisputesDb>("回访评价");
        var task = await FindByTokenAsync(systemDb, token, ct);
        if (task is null)
        {
            return false;
        }
        await RateAsync(systemDb, task, request, FollowUpMethod.PublicLink, "当事人", ct);
        return true;
    }

    public async Task<IReadOnlyList<ReviewView>> ReviewsAsync(bool done, CancellationToken ct)
    {
        var rows = await db.Set<ReviewTask>().AsNoTracking().Where(r => r.Done == done).OrderBy(r => r.OpenedOn).ThenBy(r => r.Id).Take(200).ToListAsync(ct);
        return rows.Select(r => new ReviewView(r.Id, r.CaseId, r.CaseNumber, r.OpenedOn, r.Complaint, r.Done, r.Conclusion, r.ClosedBy, r.Version)).ToList();
    }

    public async Task<bool> CloseReviewAsync(Guid id, ReviewCloseRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Conclusion) || request.Conclusion.Trim().Length < 4)
        {
            throw Refuse.Field("conclusion", "请写明复核结论（至少 4 个字）。");
        }
        var review = await db.Set<ReviewTask>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (review is null)
        {
            return false;
        }
        if (request.Version is { } v && v != review.Version)
        {
            throw new DbUpdateConcurrencyException("该复核任务已被他人修改，请刷新后再操作。");
        }
        if (review.Done)
        {
            throw Refuse.Field("conclusion", "该复核任务已办结。");
        }
        review.Done = true;
        review.Conclusion = request.Conclusion.Trim();
        review.ClosedBy = current.UserName;
        await db.SaveChangesAsync(ct);
        return true;
    }

    public static string RatingName(Satisfaction s) => s switch
    {
        Satisfaction.Satisfied => "满意",
        Satisfaction.Basic => "基本满意",
        Satisfaction.Unsatisfied => "不满意",
        _ => s.ToString(),
    };

    private async Task RateAsync(DisputesDb target, FollowUpTask task, RatingRequest request, FollowUpMethod method, string? by, CancellationToken ct)
    {
        if (task.Done)
        {
            throw Refuse.Field("rating", "该案件已完成回访评价，不能重复评价。");
        }
        if (!Enum.TryParse<Satisfaction>(request.Rating, ignoreCase: true, out var rating) || !Enum.IsDefined(rating))
        {
            throw Refuse.Field("rating", "请选择评价：满意、基本满意或不满意。");
        }
        var comment = request.Comment?.Trim();
        if (comment is { Length: > 1000 })
        {
            throw Refuse.Field("comment", "意见不能超过 1000 字。");
        }
        if (rating == Satisfaction.Unsatisfied && string.IsNullOrWhiteSpace(comment) && method == FollowUpMethod.Call)
        {
            throw Refuse.Field("comment", "当事人不满意的，请记录其意见，以便复核。");
        }
        var today = deadlines.Today;
        await using var tx = await target.Database.BeginTransactionAsync(ct);
        task.Done = true;
        task.Method = method;
        task.Rating = rating;
        task.Comment = string.IsNullOrEmpty(comment) ? null : comment;
        task.RatedOn = today;
        task.RecordedBy = by;
        task.TokenHash = null;
        ReviewTask? review = null;
        if (rating == Satisfaction.Unsatisfied)
        {
            review = new ReviewTask
            {
                CaseId = task.CaseId, FollowUpId = task.Id, OrgUnitId = task.OrgUnitId, CaseNumber = task.CaseNumber, OpenedOn = today,
                Complaint = task.Comment ?? "当事人表示不满意（未留意见）",
            };
            target.Set<ReviewTask>().Add(review);
        }
        await target.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (review is not null)
        {
            var supervisors = await notifier.UsersWithPermissionAtAsync(task.OrgUnitId, DisputesPermissions.FollowUpReview, ct);
            await notifier.NotifyAsync(supervisors, new NotificationMessage(NotificationKind, $"回访不满意：{task.CaseNumber}",
                $"案件 {task.CaseNumber} 的当事人回访评价为“不满意”，已生成复核任务。意见：{review.Complaint}", "/disputes/follow-ups/reviews", review.Id.ToString()), ct);
        }
    }

    private static async Task<FollowUpTask?> FindByTokenAsync(DisputesDb target, string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }
        var hash = Hash(token.Trim());
        return await target.Set<FollowUpTask>().IgnoreQueryFilters().FirstOrDefaultAsync(f => f.TokenHash == hash, ct);
    }

    private FollowUpTask NewTask(DisputeCase c, string? resultKind, DateOnly closedOn, int followUpDays) => new()
    {
        CaseId = c.Id,
        OrgUnitId = c.OrgUnitId,
        CaseNumber = c.CaseNumber,
        CaseTypeCode = c.CaseTypeCode,
        ReceivedOn = c.ReceivedOn,
        ClosedOn = closedOn,
        DurationDays = Math.Max(0, closedOn.DayNumber - c.ReceivedOn.DayNumber),
        ResultKind = string.IsNullOrWhiteSpace(resultKind) ? null : resultKind.Trim(),
        DueOn = closedOn.AddDays(followUpDays),
    };

    private FollowUpView ToView(FollowUpTask f) => new(f.Id, f.CaseId, f.CaseNumber, Labels.CaseTypeName(f.CaseTypeCode), f.ClosedOn, f.ResultKind, f.DueOn,
        !f.Done && f.DueOn < deadlines.Today, f.Done, f.Method is null ? null : f.Method == FollowUpMethod.Call ? "电话回访" : "链接自评",
        f.Rating is { } r ? RatingName(r) : null, f.Comment, f.RatedOn, f.RecordedBy, f.TokenHash is not null, f.Version);

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
