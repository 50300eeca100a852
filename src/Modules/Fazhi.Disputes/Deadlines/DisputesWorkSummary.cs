using Fazhi.Platform.Security;
using Fazhi.Platform.Web;

namespace Fazhi.Disputes.Deadlines;

/// <summary>
/// The dispute centre's lines on the home page, from the same worklists as the case worklist page (same scope, same counts,
/// capped as there): applications waiting for the acceptance review, the user's own open cases, those due within the
/// "due soon" window, and the overdue ones.
/// </summary>
internal sealed class DisputesWorkSummary(Worklists worklists, ICurrentUser current) : IWorkSummary
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
        return items;
    }
}
