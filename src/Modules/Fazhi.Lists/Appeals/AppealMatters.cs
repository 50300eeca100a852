using Fazhi.Lists.Powers;
using Fazhi.Platform.Kit;

namespace Fazhi.Lists.Appeals;

/// <summary>
/// The matter an appeal concerns, searched in the power list in force today (ADR 0054): a province's list has thousands of
/// items, so the intake forms offer a search picker, not a select of every item. The search is the published version's
/// in-memory one (<see cref="PowerService.PageAsync"/>, ADR 0044): a substring of the name, unit or codes, in force only.
/// </summary>
internal sealed class AppealMatters(PowerService powers)
{
    /// <summary>At most this many answers per search (the picker shows a short list; a longer keyword narrows it).</summary>
    public const int MaxResults = 50;

    public const int DefaultResults = 20;

    public async Task<List<AppealMatterOption>> SearchAsync(string? q, int? limit, CancellationToken ct)
    {
        var keyword = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        if (keyword is { Length: > 100 })
        {
            throw Refuse.Field("q", "搜索词不能超过 100 个字。");
        }
        var request = new ListRequest(keyword, null, null, "name", SortDirection.Asc, new PageRequest(1, Math.Clamp(limit ?? DefaultResults, 1, MaxResults)));
        var (_, page) = await powers.PageAsync(request, null, new PowerListFilter(), ct);
        return page.Items.Select(r => new AppealMatterOption(r.ItemCode, r.Name, r.UnitName)).ToList();
    }
}
