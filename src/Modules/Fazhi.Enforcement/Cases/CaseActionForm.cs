using Fazhi.Enforcement.Discretion;

namespace Fazhi.Enforcement.Cases;

/// <summary>The fields of the case page's action forms (each form uses the ones it needs).</summary>
internal sealed class CaseActionForm
{
    public DateOnly? OnDate { get; set; }

    public DateOnly? SecondDate { get; set; }

    public string? Summary { get; set; }

    public string? Text { get; set; }

    public string? Text2 { get; set; }

    public int? Days { get; set; }

    public string? Recording { get; set; }

    // Propose: the facts the discretion engine needs.
    public DateOnly? ActDate { get; set; }

    public int? PartyAge { get; set; }

    public HarmLevel Harm { get; set; } = HarmLevel.Ordinary;

    public bool FirstViolation { get; set; }

    public bool MinorViolation { get; set; }

    public bool CorrectedInTime { get; set; }

    public bool EliminatedHarm { get; set; }

    public bool Coerced { get; set; }

    public bool Confessed { get; set; }

    public bool Aggravating { get; set; }

    public bool MeetsListConditions { get; set; }

    public decimal? IllegalGains { get; set; }

    public DiscretionTier? ProposedTier { get; set; }

    public decimal? FineAmount { get; set; }

    public string? PenaltyText { get; set; }

    public string? WrittenReason { get; set; }

    public bool IsMajor { get; set; }

    public bool IsSerious { get; set; }

    public bool OfferHearing { get; set; }

    public ReviewOpinion Opinion { get; set; } = ReviewOpinion.Pass;

    public ProposeInput ToPropose() => new(
        new DiscretionFacts
        {
            ActDate = ActDate ?? default,
            PartyAge = PartyAge,
            Harm = Harm,
            FirstViolation = FirstViolation,
            MinorViolation = MinorViolation,
            CorrectedInTime = CorrectedInTime,
            EliminatedHarm = EliminatedHarm,
            Coerced = Coerced,
            Confessed = Confessed,
            Aggravating = Aggravating,
            MeetsListConditions = MeetsListConditions,
            IllegalGains = IllegalGains,
        },
        ProposedTier, FineAmount, PenaltyText, WrittenReason, IsMajor, IsSerious, OfferHearing);
}
