using Fazhi.Assessment.Contracts;
using Fazhi.Platform.Kit;

namespace Fazhi.Assessment.Computed;

/// <summary>Collects every registered <see cref="IComputedIndicatorProvider"/> (from any module) and evaluates them for a unit and period.</summary>
internal sealed class ComputedIndicators(IEnumerable<IComputedIndicatorProvider> providers, IOrgDirectory orgs)
{
    public IReadOnlyList<IComputedIndicatorProvider> Providers { get; } = providers.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();

    public IComputedIndicatorProvider? Find(string? key) => key is null ? null : Providers.FirstOrDefault(p => p.Key == key);

    /// <summary>The live value for <paramref name="orgUnitId"/> and its subtree over the period; null when the provider is not registered.</summary>
    public async Task<ComputedIndicatorValue?> ComputeAsync(string? key, DateOnly from, DateOnly to, Guid orgUnitId, CancellationToken ct)
    {
        if (Find(key) is not { } provider)
        {
            return null;
        }
        var scope = await orgs.ActiveSubtreeIdsAsync(orgUnitId, ct);
        return await provider.ComputeAsync(new ComputedIndicatorQuery(from, to, orgUnitId, scope), ct);
    }
}
