namespace Fazhi.Enforcement.Discretion;

/// <summary>The discretion page's form; turned into <see cref="DiscretionFacts"/> for the engine.</summary>
internal sealed class DiscretionForm
{
    public Guid MatterId { get; set; }

    public bool IsOrganisation { get; set; }

    public int? PartyAge { get; set; }

    public MentalCapacity MentalCapacity { get; set; }

    public bool FirstViolation { get; set; }

    public bool MinorViolation { get; set; }

    public HarmLevel Harm { get; set; } = HarmLevel.Ordinary;

    public bool CorrectedInTime { get; set; }

    public bool EliminatedHarm { get; set; }

    public bool Coerced { get; set; }

    public bool Confessed { get; set; }

    public bool Meritorious { get; set; }

    public bool OtherStatutoryMitigation { get; set; }

    public bool NoFault { get; set; }

    public bool LawRequiresPenaltyWithoutFault { get; set; }

    public bool Aggravating { get; set; }

    public bool MeetsListConditions { get; set; }

    public decimal? IllegalGains { get; set; }

    public DateOnly? ActDate { get; set; }

    public bool Continuing { get; set; }

    public DateOnly? ActEndDate { get; set; }

    public DateOnly? DiscoveredOn { get; set; }

    public DateOnly? DecisionDate { get; set; }

    public bool HarmToLifeHealthOrFinance { get; set; }

    public bool OrderToCorrectRecorded { get; set; }

    public decimal? ProposedAmount { get; set; }

    public DiscretionTier? ProposedTier { get; set; }

    public string? WrittenReason { get; set; }

    /// <summary>Field errors, keyed by property name (Chinese messages).</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (MatterId == Guid.Empty)
        {
            errors[nameof(MatterId)] = ["请选择执法事项。"];
        }
        if (ActDate is null)
        {
            errors[nameof(ActDate)] = ["请填写违法行为发生日期。"];
        }
        if (DecisionDate is null)
        {
            errors[nameof(DecisionDate)] = ["请填写拟决定日期。"];
        }
        if (!IsOrganisation && PartyAge is null)
        {
            errors[nameof(PartyAge)] = ["当事人为自然人时请填写年龄；单位请勾选“当事人为单位”。"];
        }
        if (PartyAge is < 0 or > 150)
        {
            errors[nameof(PartyAge)] = ["年龄无效。"];
        }
        if (ActEndDate is { } end && ActDate is { } start && end < start)
        {
            errors[nameof(ActEndDate)] = ["行为终了日期不能早于发生日期。"];
        }
        return errors;
    }

    public DiscretionFacts ToFacts() => new()
    {
        PartyAge = IsOrganisation ? null : PartyAge,
        MentalCapacity = MentalCapacity,
        FirstViolation = FirstViolation,
        MinorViolation = MinorViolation,
        Harm = Harm,
        CorrectedInTime = CorrectedInTime,
        EliminatedHarm = EliminatedHarm,
        Coerced = Coerced,
        Confessed = Confessed,
        Meritorious = Meritorious,
        OtherStatutoryMitigation = OtherStatutoryMitigation,
        NoFault = NoFault,
        LawRequiresPenaltyWithoutFault = LawRequiresPenaltyWithoutFault,
        Aggravating = Aggravating,
        MeetsListConditions = MeetsListConditions,
        IllegalGains = IllegalGains,
        ActDate = ActDate ?? default,
        Continuing = Continuing,
        ActEndDate = ActEndDate,
        DiscoveredOn = DiscoveredOn,
        DecisionDate = DecisionDate ?? default,
        HarmToLifeHealthOrFinance = HarmToLifeHealthOrFinance,
        OrderToCorrectRecorded = OrderToCorrectRecorded,
        ProposedAmount = ProposedAmount,
        ProposedTier = ProposedTier,
        WrittenReason = WrittenReason,
    };
}
