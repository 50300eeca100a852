using Fazhi.Oversight.Litigation;
using Fazhi.Oversight.Suggestions;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;

namespace Fazhi.Oversight;

/// <summary>The records behind any of the module's figures, by metric key (the drill-down page and API).</summary>
/// <remarks>Each figure needs its own reading permission; the records are cut by the data scope as everywhere.</remarks>
internal sealed class RateRecordsSource(LitigationStatistics litigation, SuggestionStatistics suggestions, Proposals.ProposalStatistics proposals, Disclosure.DisclosureStatistics disclosures,
    Performance.PerformanceStatistics performance, ICurrentUser current)
{
    public Task<RateRecords> RecordsAsync(string? metric, int year, string? group, int page, int pageSize, CancellationToken ct)
    {
        if (metric is not null && metric.StartsWith("suggestion-", StringComparison.Ordinal))
        {
            return current.Has(OversightPermissions.SuggestionsRead)
                ? suggestions.RecordsAsync(metric, year, group, page, pageSize, ct)
                : throw Refuse.Forbidden("您没有查看司法建议、检察建议统计的权限。");
        }
        if (metric is not null && metric.StartsWith("proposal-", StringComparison.Ordinal))
        {
            return current.Has(OversightPermissions.ProposalsRead)
                ? proposals.RecordsAsync(metric, year, group, page, pageSize, ct)
                : throw Refuse.Forbidden("您没有查看建议提案统计的权限。");
        }
        if (metric is not null && metric.StartsWith("performance-", StringComparison.Ordinal))
        {
            return current.Has(OversightPermissions.PerformanceRead)
                ? performance.RecordsAsync(metric, year, group, page, pageSize, ct)
                : throw Refuse.Forbidden("您没有查看行政复议决定履行统计的权限。");
        }
        if (metric is not null && metric.StartsWith("disclosure-", StringComparison.Ordinal))
        {
            return current.Has(OversightPermissions.DisclosureRead)
                ? disclosures.RecordsAsync(metric, year, group, page, pageSize, ct)
                : throw Refuse.Forbidden("您没有查看政府信息公开申请统计的权限。");
        }
        return current.Has(OversightPermissions.LitigationRead)
            ? litigation.RecordsAsync(metric, year, group, page, pageSize, ct)
            : throw Refuse.Forbidden("您没有查看行政应诉统计的权限。");
    }
}
