using Fazhi.Enforcement.Discretion;

namespace Fazhi.Enforcement.BenchmarkAdmin;

/// <summary>The issue-a-new-version form: one row per tier, included when ticked.</summary>
internal sealed class VersionForm
{
    public string? Violation { get; set; }

    public string? ViolationBasis { get; set; }

    public string? PenaltyBasis { get; set; }

    public string? IssuingAuthority { get; set; }

    public DateOnly? EffectiveFrom { get; set; }

    public List<TierRow> Tiers { get; set; } = [];

    /// <summary>A form prefilled from the latest version (or empty rows), one row per tier in statutory order.</summary>
    public static VersionForm From(DiscretionBenchmark? latest, DateOnly effectiveFrom) => new()
    {
        Violation = latest?.Violation,
        ViolationBasis = latest?.ViolationBasis,
        PenaltyBasis = latest?.PenaltyBasis,
        IssuingAuthority = latest?.IssuingAuthority,
        EffectiveFrom = effectiveFrom,
        Tiers = Enum.GetValues<DiscretionTier>().Select(t => latest?.Tiers.FirstOrDefault(x => x.Tier == t) is { } x
            ? new TierRow { Include = true, Tier = t, Conditions = x.Conditions, RangeKind = x.RangeKind, Min = x.Min, Max = x.Max, RangeText = x.RangeText, OnNoLightList = x.OnNoLightList }
            : new TierRow { Tier = t, RangeKind = RangeKind.NonMonetary }).ToList(),
    };

    public BenchmarkInput ToInput() => new(Violation ?? "", ViolationBasis ?? "", PenaltyBasis ?? "", IssuingAuthority ?? "", EffectiveFrom ?? default,
        Tiers.Where(t => t.Include).Select(t => new TierInput(t.Tier, t.Conditions ?? "", t.RangeKind, t.Min, t.Max, t.RangeText ?? "", t.OnNoLightList)).ToList());
}

internal sealed class TierRow
{
    public bool Include { get; set; }

    public DiscretionTier Tier { get; set; }

    public string? Conditions { get; set; }

    public RangeKind RangeKind { get; set; }

    public decimal? Min { get; set; }

    public decimal? Max { get; set; }

    public string? RangeText { get; set; }

    public bool OnNoLightList { get; set; }
}

/// <summary>The new rules-profile version form.</summary>
internal sealed class ProfileForm
{
    public int? ExpectedNumber { get; set; }

    public DateOnly? EffectiveFrom { get; set; }

    public int NoPenaltyBelowAge { get; set; }

    public int MinorBelowAge { get; set; }

    public int LimitationYears { get; set; }

    public int ExtendedLimitationYears { get; set; }

    public bool OrderToCorrectBeforeLeniency { get; set; }

    public string? Note { get; set; }
}
