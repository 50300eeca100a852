using Fazhi.Enforcement.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Lists.Powers;

/// <summary>A 行政处罚 / 行政检查 power item in force and the enforcement matter with the same code (null when none).</summary>
internal sealed record EnforcementLinkRow(string ItemCode, string MatterCode, string Name, PowerKind Kind, PowerLevel Level, string UnitName, EnforcementMatterInfo? Matter);

/// <summary>
/// The power list against the enforcement module's matters (ADR 0039): linked pairs, power items with no matter, and
/// matters with no power item. Items of kind 行政处罚 or 行政检查 in the list in force today are linked to the enforcement
/// matter (of kind Penalty or Inspection) whose 事项编码 equals the item's 基本目录编码 — the shared catalogue code.
/// </summary>
internal sealed record EnforcementGapReport(int? Version, IReadOnlyList<EnforcementLinkRow> Linked, IReadOnlyList<EnforcementLinkRow> ItemsWithoutMatter,
    IReadOnlyList<EnforcementMatterInfo> MattersWithoutItem);

internal sealed class EnforcementLinks(PowerService powers, IEnforcementMatters matters)
{
    private static readonly string[] MatterKinds = ["Penalty", "Inspection"];

    public async Task<EnforcementGapReport> ReportAsync(string? keyword, CancellationToken ct)
    {
        var version = await powers.VersionOnAsync(powers.Today, ct);
        var all = (await matters.ListAsync(ct)).Where(m => MatterKinds.Contains(m.Kind)).ToList();
        if (version is null)
        {
            return new EnforcementGapReport(null, [], [], Filter(all, keyword));
        }
        var items = await powers.ItemsIn(version.Number).Where(r => r.Status == PowerItemStatus.InForce && (r.Kind == PowerKind.Penalty || r.Kind == PowerKind.Inspection))
            .Select(r => new { r.ItemCode, r.MatterCode, r.Name, r.Kind, r.Level, r.UnitName }).ToListAsync(ct);
        var byCode = all.GroupBy(m => m.Code).ToDictionary(g => g.Key, g => g.First());
        var rows = items.Select(i => new EnforcementLinkRow(i.ItemCode, i.MatterCode, i.Name, i.Kind, i.Level, i.UnitName, byCode.GetValueOrDefault(i.MatterCode)))
            .Where(r => Matches(keyword, r.ItemCode, r.MatterCode, r.Name, r.UnitName)).OrderBy(r => r.MatterCode, StringComparer.Ordinal).ThenBy(r => r.ItemCode, StringComparer.Ordinal).ToList();
        var linkedCodes = items.Select(i => i.MatterCode).ToHashSet();
        return new EnforcementGapReport(version.Number, rows.Where(r => r.Matter is not null).ToList(), rows.Where(r => r.Matter is null).ToList(),
            Filter(all.Where(m => !linkedCodes.Contains(m.Code)), keyword));
    }

    private static List<EnforcementMatterInfo> Filter(IEnumerable<EnforcementMatterInfo> list, string? keyword) =>
        list.Where(m => Matches(keyword, m.Code, m.Name, m.IssuingBody)).OrderBy(m => m.Code, StringComparer.Ordinal).ToList();

    private static bool Matches(string? keyword, params string[] fields) =>
        string.IsNullOrWhiteSpace(keyword) || fields.Any(f => f.Contains(keyword.Trim(), StringComparison.OrdinalIgnoreCase));
}
