using Fazhi.Assessment.Contracts;
using Fazhi.Platform.Kit;

namespace Fazhi.Assessment.Computed;

/// <summary>
/// 单位账号开通率: the share of active org units in the scope that have at least one active staff account in Fazhi
/// (a precondition of every online indicator: a unit without an account cannot submit). Counts per unit, no personal data.
/// </summary>
internal sealed class ActiveAccountsProvider(IOrgDirectory orgs, IUserDirectory users) : IComputedIndicatorProvider
{
    public const string ProviderKey = "platform.units-with-accounts";

    public string Key => ProviderKey;

    public string Title => "单位账号开通率";

    public string Description => "范围内有至少一个有效账号的在用单位数 ÷ 范围内在用单位数。";

    public async Task<ComputedIndicatorValue> ComputeAsync(ComputedIndicatorQuery query, CancellationToken ct)
    {
        var ids = query.ScopeUnitIds.ToList();
        var units = (await orgs.FindManyAsync(ids, ct)).Values.Where(u => u.IsActive).OrderBy(u => u.Path, StringComparer.Ordinal).ToList();
        // System read, restricted to the requested scope: how many active accounts each unit has (counts only).
        var withAccounts = await users.ActiveAccountCountsAsync(ids, ct);
        var records = units.Select(u => new ComputedIndicatorRecord(
            $"{u.Name}（{u.Code}）：{withAccounts.GetValueOrDefault(u.Id)} 个有效账号", withAccounts.ContainsKey(u.Id), $"/admin/org-units/{u.Id}")).ToList();
        return ComputedIndicatorValue.Ratio(records.Count(r => r.Counted), units.Count, records);
    }
}
