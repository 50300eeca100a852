using Fazhi.Assessment.Data;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Security;
using Fazhi.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Assessment.Campaigns;

/// <summary>
/// The assessment's lines on the home page, in active campaigns only: an assessed unit's tasks still to submit (returned
/// ones included) and those past their due date; a reviewer's submissions waiting for their unit's review.
/// </summary>
internal sealed class AssessmentWorkSummary(AssessmentDb db, ICurrentUser current, IDeadlineService deadlines) : IWorkSummary
{
    private const string Group = "法治督察考评";

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(CancellationToken ct)
    {
        var items = new List<WorkItem>();
        var active = db.Tasks.AsNoTracking().Where(t => db.Campaigns.Any(c => c.Id == t.CampaignId && c.Status == CampaignStatus.Active));
        if (current.Has(AssessmentPermissions.Submit))
        {
            var today = deadlines.Today;
            var open = active.Where(t => t.Status == SubmissionStatus.NotStarted || t.Status == SubmissionStatus.Draft || t.Status == SubmissionStatus.Returned);
            items.Add(new WorkItem(Group, "待提交的考评任务", await open.CountAsync(ct), "/assessment/tasks"));
            items.Add(new WorkItem(Group, "逾期未提交的考评任务", await open.CountAsync(t => t.DueDate < today, ct), "/assessment/tasks", Urgent: true));
        }
        if (current.Has(AssessmentPermissions.Review) && current.OrgUnitId is { } unit)
        {
            var waiting = await active.CountAsync(t => t.Status == SubmissionStatus.Submitted && t.AwaitingUnitId == unit, ct);
            items.Add(new WorkItem(Group, "待审核的考评任务", waiting, "/assessment/tasks"));
        }
        return items;
    }
}
