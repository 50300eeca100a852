using Fazhi.Platform.Security;
using Fazhi.Platform.Web;

namespace Fazhi.Disputes.Deadlines;

/// <summary>
/// The dispute centre's lines on the home page, from the same worklists as the case worklist page (same scope, same counts,
/// capped as there): applications waiting for the acceptance review, the user's own open cases, those due within the
/// "due soon" window, and the overdue ones; then follow-ups to make and unsatisfied answers to review.
/// </summary>
internal sealed class DisputesWorkSummary(Worklists worklists, FollowUp.FollowUpService followUp, ICurrentUser current) : IWorkSummary
{
    private const string Group = "纠纷化解";

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(CancellationToken ct)
    {
        if (!current.Has(DisputesPermissions.CasesRead))
        {
            return [];
        }
        var items = new List<WorkItem>();
        async Task AddAsync(string title, string view, string? status, string href, bool urgent = false)
        {
            var (total, capped) = await worklists.CountAsync(view, status, ct);
            items.Add(new WorkItem(Group, title, total, href, urgent, capped));
        }
        if (current.Has(DisputesPermissions.CasesHandle))
        {
            await AddAsync("待受理的申请", "all", "Pending", "/disputes?view=all&status=Pending");
            await AddAsync("我承办的在办案件", "mine", null, "/disputes?view=mine");
        }
        await AddAsync("即将到期的案件", "due", null, "/disputes?view=due");
        await AddAsync("已超期的案件", "overdue", null, "/disputes?view=overdue", urgent: true);
        // 回访 after closing, and 复核 of unsatisfied answers.
        var (followUps, capped) = await followUp.OpenCountAsync(ct);
        items.Add(new WorkItem(Group, "待回访的案件", followUps, "/disputes/follow-ups", Capped: capped));
        if (current.Has(DisputesPermissions.FollowUpReview))
        {
            items.Add(new WorkItem(Group, "待复核的回访", await followUp.OpenReviewCountAsync(ct), "/disputes/follow-ups/reviews", Urgent: true));
        }
        return items;
    }
}
