namespace Fazhi.Enforcement.Contracts;

/// <summary>
/// The enforcement matters (执法事项) of the bodies' power lists, for other modules that line them up with their own lists
/// (the lists module's power list: ADR 0039). Public information, not data-scoped.
/// </summary>
public interface IEnforcementMatters
{
    /// <summary>Every matter, by code.</summary>
    Task<IReadOnlyList<EnforcementMatterInfo>> ListAsync(CancellationToken ct);
}

/// <summary>
/// One matter: its code (事项编码), name, kind (<c>Penalty</c>, <c>Inspection</c>, <c>Coercion</c>, <c>Licence</c>,
/// <c>Other</c>), the body that exercises it, and how many discretion benchmarks (裁量基准) are in force on <paramref name="On"/>.
/// </summary>
public sealed record EnforcementMatterInfo(string Code, string Name, string Kind, string IssuingOrgCode, string IssuingBody, int BenchmarksInForce, DateOnly On);
