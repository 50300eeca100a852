using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Kit;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Assessment.Campaigns;

/// <summary>The task list's query string: the kit's list query (keyword, from/to over the due date) and the campaign and status filters.</summary>
internal sealed class TaskListQuery : DatedListQuery
{
    [FromQuery(Name = "campaign")]
    public Guid? Campaign { get; set; }

    [FromQuery(Name = "status")]
    public SubmissionStatus? Status { get; set; }
}

/// <summary>
/// The caller's assessment tasks as a list page (ADR 0049, ADR 0052): the rows <see cref="CampaignQueries.TaskListAsync"/>
/// reads (the units' own tasks in scope and those they help with; a unit has a few hundred at most) filtered in memory by
/// keyword (indicator code or title, campaign, lead unit), status and due date, sorted and cut into pages; the same rows go
/// to the .xlsx export and the print view.
/// </summary>
internal static class TaskList
{
    public static readonly ListShape<TaskRow> Shape = new ListShape<TaskRow> { DefaultPageSize = 20 }
        .Search((q, k) => q.Where(t => t.IndicatorCode.Contains(k, StringComparison.OrdinalIgnoreCase) || t.IndicatorTitle.Contains(k, StringComparison.Ordinal)
            || t.Campaign.Contains(k, StringComparison.Ordinal) || t.LeadUnit.Contains(k, StringComparison.Ordinal)))
        .Dated(t => t.DueDate)
        .SortBy("due", t => t.DueDate)
        .SortBy("indicator", t => t.IndicatorCode)
        .SortBy("campaign", t => t.Campaign)
        .SortBy("status", t => t.Status)
        .ThenBy(t => t.TaskId);

    /// <summary>The rows of <paramref name="status"/> (all when null) as the request filters and sorts them.</summary>
    public static List<TaskRow> Filter(IEnumerable<TaskRow> rows, SubmissionStatus? status, ListRequest request) =>
        Shape.Apply(rows.Where(t => status is null || t.Status == status).AsQueryable(), request).ToList();

    public static Paged<TaskRow> Page(IEnumerable<TaskRow> rows, SubmissionStatus? status, ListRequest request) =>
        Filter(rows, status, request).ToPaged(request.Page);

    /// <summary>Every filtered task, for the .xlsx export and the print view.</summary>
    public static ListTable Table(IEnumerable<TaskRow> rows, SubmissionStatus? status, ListRequest request, string? campaignName)
    {
        var list = Filter(rows, status, request);
        ListOutput.CheckSize(list.Count);
        XlsxColumn[] columns =
        [
            new("考评活动", 24), new("指标编号", 12), new("指标", 40), new("角色", 8), new("牵头单位", 24), new("完成时限", 12), new("逾期", 6),
            new("状态", 10), new("退回理由", 30), new("应报佐证材料", 40),
        ];
        return new ListTable("考评任务",
            ListOutput.Describe(request, "完成时限", ("考评活动", campaignName), ("状态", status is { } s ? Labels.Status(s) : null)), columns,
            list.Select(t => (IReadOnlyList<object?>)
            [
                t.Campaign, t.IndicatorCode, t.IndicatorTitle, t.Role, t.LeadUnit, t.DueDate, t.Overdue, Labels.Status(t.Status),
                t.Status == SubmissionStatus.Returned ? t.ReturnReason : "", t.EvidenceRequirements,
            ]).ToList());
    }
}
