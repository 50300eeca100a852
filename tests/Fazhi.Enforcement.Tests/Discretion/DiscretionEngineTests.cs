using Fazhi.Enforcement.Discretion;

namespace Fazhi.Enforcement.Tests.Discretion;

/// <summary>The discretion engine against 行政处罚法 (2021) Arts. 30-33, 36 and Shandong's order-to-correct rule.</summary>
public sealed class DiscretionEngineTests
{
    private static readonly DateOnly Decision = new(2026, 6, 1);
    private static readonly PenaltyRulesProfile Profile = PenaltyRulesProfile.Statutory();

    /// <summary>明码标价 sample: a list row (不予处罚), lighter, ordinary and heavier tiers.</summary>
    private static DiscretionBenchmark Benchmark(bool withListRow = true)
    {
        var b = new DiscretionBenchmark { Number = 2, Violation = "不按照规定明码标价", PenaltyBasis = "价格法第四十二条", EffectiveFrom = new(2021, 7, 15) };
        var tiers = new List<BenchmarkTier>();
        if (withListRow)
        {
            tiers.Add(new() { Seq = 1, Tier = DiscretionTier.NoPenalty, Conditions = "初次违法，未造成危害后果并及时改正", RangeKind = RangeKind.NonMonetary, RangeText = "不予行政处罚", OnNoLightList = true });
        }
        tiers.Add(new() { Seq = 2, Tier = DiscretionTier.Mitigated, Conditions = "法定减轻情节", RangeKind = RangeKind.FixedAmount, Min = 0, Max = 500, RangeText = "处 500 元以下罚款" });
        tiers.Add(new() { Seq = 3, Tier = DiscretionTier.Lighter, Conditions = "法定从轻情节", RangeKind = RangeKind.FixedAmount, Min = 500, Max = 1000, RangeText = "处 500 元以上 1000 元以下罚款" });
        tiers.Add(new() { Seq = 4, Tier = DiscretionTier.Ordinary, Conditions = "无从轻从重情节", RangeKind = RangeKind.FixedAmount, Min = 1000, Max = 3500, RangeText = "处 1000 元以上 3500 元以下罚款" });
        tiers.Add(new() { Seq = 5, Tier = DiscretionTier.Heavier, Conditions = "拒不改正", RangeKind = RangeKind.FixedAmount, Min = 3500, Max = 5000, RangeText = "处 3500 元以上 5000 元以下罚款" });
        b.Tiers = tiers;
        return b;
    }

    private static DiscretionFacts Facts => new() { ActDate = Decision.AddMonths(-2), DecisionDate = Decision, OrderToCorrectRecorded = true };

    private static DiscretionResult Run(DiscretionFacts facts, DiscretionBenchmark? b = null) => DiscretionEngine.Evaluate(b ?? Benchmark(), facts, Profile);

    [Fact]
    public void Art30_a_13_year_old_is_not_penalised()
    {
        var r = Run(Facts with { PartyAge = 13 });
        Assert.Equal(DiscretionTier.NoPenalty, r.Tier);
        Assert.True(r.Mandatory);
        Assert.Contains(r.Rules, x => x.Article == "行政处罚法第三十条" && x.Code == "age.under");
    }

    [Fact]
    public void Art30_a_14_year_old_is_no_longer_under_the_no_penalty_age_but_gets_lighter_or_mitigated()
    {
        var r = Run(Facts with { PartyAge = 14 });
        Assert.Equal(DiscretionTier.Lighter, r.Tier);
        Assert.Equal([DiscretionTier.Lighter, DiscretionTier.Mitigated], r.PermittedTiers);
    }

    [Fact]
    public void Art30_a_16_year_old_gets_lighter_or_mitigated_with_the_lighter_range()
    {
        var r = Run(Facts with { PartyAge = 16 });
        Assert.Equal(DiscretionTier.Lighter, r.Tier);
        Assert.Contains(DiscretionTier.Mitigated, r.PermittedTiers);
        Assert.True(r.Mandatory);
        Assert.Equal(500, r.Range!.Min);
        Assert.Equal(1000, r.Range.Max);
        Assert.Contains(r.Rules, x => x.Code == "age.minor" && x.Article == "行政处罚法第三十条");
    }

    [Fact]
    public void Art30_an_18_year_old_is_an_adult()
    {
        var r = Run(Facts with { PartyAge = 18 });
        Assert.Equal(DiscretionTier.Ordinary, r.Tier);
        Assert.DoesNotContain(r.Rules, x => x.Article == "行政处罚法第三十条");
    }

    [Fact]
    public void Art31_a_party_unable_to_recognise_their_conduct_is_not_penalised()
    {
        var r = Run(Facts with { MentalCapacity = MentalCapacity.None });
        Assert.Equal(DiscretionTier.NoPenalty, r.Tier);
        Assert.Contains(r.Rules, x => x.Article == "行政处罚法第三十一条");
    }

    [Fact]
    public void Art31_limited_capacity_may_be_lighter_or_mitigated_but_is_not_mandatory()
    {
        var r = Run(Facts with { MentalCapacity = MentalCapacity.Limited });
        Assert.Equal(DiscretionTier.Lighter, r.Tier);
        Assert.False(r.Mandatory);
    }

    [Theory]
    [InlineData("art32.1")]
    [InlineData("art32.2")]
    [InlineData("art32.3")]
    [InlineData("art32.4")]
    [InlineData("art32.5")]
    public void Art32_each_of_the_five_situations_requires_lighter_or_mitigated(string code)
    {
        var facts = code switch
        {
            "art32.1" => Facts with { EliminatedHarm = true },
            "art32.2" => Facts with { Coerced = true },
            "art32.3" => Facts with { Confessed = true },
            "art32.4" => Facts with { Meritorious = true },
            _ => Facts with { OtherStatutoryMitigation = true },
        };
        var r = Run(facts);
        Assert.Equal(DiscretionTier.Lighter, r.Tier);
        Assert.True(r.Mandatory);
        Assert.Equal([DiscretionTier.Lighter, DiscretionTier.Mitigated], r.PermittedTiers);
        Assert.Contains(r.Rules, x => x.Code == code && x.Article.StartsWith("行政处罚法第三十二条", StringComparison.Ordinal));
    }

    [Fact]
    public void Art33_minor_violation_corrected_in_time_without_harm_is_not_penalised()
    {
        var r = Run(Facts with { MinorViolation = true, CorrectedInTime = true, Harm = HarmLevel.None });
        Assert.Equal(DiscretionTier.NoPenalty, r.Tier);
        Assert.True(r.Mandatory);
        Assert.True(r.CanDecide);
        Assert.Contains(r.Rules, x => x.Code == "minor.corrected" && x.Article == "行政处罚法第三十三条第一款");
    }

    [Fact]
    public void Art33_minor_violation_not_corrected_is_penalised()
    {
        var r = Run(Facts with { MinorViolation = true, CorrectedInTime = false, Harm = HarmLevel.None });
        Assert.Equal(DiscretionTier.Ordinary, r.Tier);
    }

    [Fact]
    public void Art33_first_violation_with_minor_harm_corrected_in_time_may_be_waived()
    {
        var r = Run(Facts with { FirstViolation = true, Harm = HarmLevel.Minor, CorrectedInTime = true }, Benchmark(withListRow: false));
        Assert.Equal(DiscretionTier.Exempted, r.Tier);
        Assert.False(r.Mandatory);
        Assert.Contains(DiscretionTier.Ordinary, r.PermittedTiers);
        Assert.Contains(r.Rules, x => x.Code == "first.minor" && x.Article == "行政处罚法第三十三条第一款");
    }

    [Fact]
    public void Art33_a_waiver_outside_the_list_needs_a_written_reason_and_is_flagged()
    {
        var r = Run(Facts with { FirstViolation = true, Harm = HarmLevel.Minor, CorrectedInTime = true }, Benchmark(withListRow: false));
        Assert.True(r.RequiresWrittenReason);
        Assert.Contains(r.SupervisionFlags, f => f.Contains("不在不罚轻罚清单内", StringComparison.Ordinal));
        Assert.False(r.CanDecide);

        var withReason = Run(Facts with { FirstViolation = true, Harm = HarmLevel.Minor, CorrectedInTime = true, WrittenReason = "当事人系残疾人个体户，已全部整改" }, Benchmark(withListRow: false));
        Assert.True(withReason.CanDecide);
        Assert.NotEmpty(withReason.SupervisionFlags);
    }

    [Fact]
    public void List_item_applies_when_its_conditions_are_met_and_needs_no_reason()
    {
        var r = Run(Facts with { FirstViolation = true, Harm = HarmLevel.Minor, CorrectedInTime = true, MeetsListConditions = true });
        Assert.Equal(DiscretionTier.NoPenalty, r.Tier);
        Assert.True(r.OnNoLightList);
        Assert.False(r.RequiresWrittenReason);
        Assert.True(r.CanDecide);
        Assert.Contains(r.Rules, x => x.Article == "不罚轻罚清单");
    }

    [Fact]
    public void Art33_no_fault_is_not_penalised_unless_a_law_says_otherwise()
    {
        Assert.Equal(DiscretionTier.NoPenalty, Run(Facts with { NoFault = true }).Tier);
        var excluded = Run(Facts with { NoFault = true, LawRequiresPenaltyWithoutFault = true });
        Assert.Equal(DiscretionTier.Ordinary, excluded.Tier);
        Assert.Contains(excluded.Rules, x => x.Code == "nofault.excluded");
    }

    [Fact]
    public void Art36_a_continuing_act_ended_three_years_ago_without_life_or_health_harm_is_time_barred()
    {
        var r = Run(Facts with { ActDate = Decision.AddYears(-5), Continuing = true, ActEndDate = Decision.AddYears(-3) });
        Assert.True(r.TimeBarred);
        Assert.Null(r.Tier);
        Assert.Contains(r.Rules, x => x.Article == "行政处罚法第三十六条" && x.Finding.Contains("行为终了之日", StringComparison.Ordinal));
    }

    [Fact]
    public void Art36_four_years_with_harm_to_health_is_within_the_five_year_period()
    {
        var r = Run(Facts with { ActDate = Decision.AddYears(-4), HarmToLifeHealthOrFinance = true });
        Assert.False(r.TimeBarred);
        Assert.Equal(DiscretionTier.Ordinary, r.Tier);
    }

    [Fact]
    public void Art36_boundary_discovered_on_the_last_day_of_two_years_is_not_barred_the_next_day_is()
    {
        var act = new DateOnly(2024, 3, 10);
        Assert.False(Run(Facts with { ActDate = act, DiscoveredOn = new(2026, 3, 10) }).TimeBarred);
        Assert.True(Run(Facts with { ActDate = act, DiscoveredOn = new(2026, 3, 11) }).TimeBarred);
    }

    [Fact]
    public void Art36_a_continuing_act_counts_from_its_end_not_its_start()
    {
        var r = Run(Facts with { ActDate = Decision.AddYears(-6), Continuing = true, ActEndDate = Decision.AddYears(-1) });
        Assert.False(r.TimeBarred);
        var ongoing = Run(Facts with { ActDate = Decision.AddYears(-6), Continuing = true });
        Assert.False(ongoing.TimeBarred);
    }

    [Fact]
    public void Art36_the_years_come_from_the_rules_profile()
    {
        var profile = new PenaltyRulesProfile { LimitationYears = 3 };
        var r = DiscretionEngine.Evaluate(Benchmark(), Facts with { ActDate = Decision.AddYears(-2).AddDays(-10) }, profile);
        Assert.False(r.TimeBarred);
    }

    [Fact]
    public void Shandong_missing_order_to_correct_blocks_a_no_penalty_result()
    {
        var r = Run(Facts with { MinorViolation = true, CorrectedInTime = true, Harm = HarmLevel.None, OrderToCorrectRecorded = false });
        Assert.Equal(DiscretionTier.NoPenalty, r.Tier);
        Assert.False(r.CanDecide);
        Assert.Contains(r.BlockingRequirements, b => b.Contains("责令当事人改正", StringComparison.Ordinal));
    }

    [Fact]
    public void Shandong_missing_order_to_correct_blocks_a_proposed_mitigated_penalty()
    {
        var r = Run(Facts with { Confessed = true, ProposedTier = DiscretionTier.Mitigated, ProposedAmount = 300, OrderToCorrectRecorded = false });
        Assert.Contains(r.BlockingRequirements, b => b.Contains("责令当事人改正", StringComparison.Ordinal));
        Assert.Empty(r.SupervisionFlags);
    }

    [Fact]
    public void An_amount_outside_the_range_is_flagged_and_needs_a_written_reason()
    {
        var r = Run(Facts with { ProposedAmount = 6000 });
        Assert.Equal(DiscretionTier.Ordinary, r.Tier);
        Assert.True(r.RequiresWrittenReason);
        Assert.Contains(r.SupervisionFlags, f => f.Contains("超出裁量幅度", StringComparison.Ordinal));
        Assert.False(r.CanDecide);
    }

    [Fact]
    public void An_amount_inside_the_range_is_not_flagged()
    {
        var r = Run(Facts with { ProposedAmount = 2000 });
        Assert.False(r.RequiresWrittenReason);
        Assert.Empty(r.SupervisionFlags);
        Assert.True(r.CanDecide);
    }

    [Fact]
    public void Serious_harm_or_aggravating_circumstances_select_the_heavier_tier()
    {
        Assert.Equal(DiscretionTier.Heavier, Run(Facts with { Aggravating = true }).Tier);
        Assert.Equal(DiscretionTier.Heavier, Run(Facts with { Harm = HarmLevel.Serious }).Tier);
    }

    [Fact]
    public void A_range_in_multiples_of_illegal_gains_is_multiplied_out()
    {
        var b = new DiscretionBenchmark { Number = 1, Tiers = [new() { Tier = DiscretionTier.Ordinary, RangeKind = RangeKind.GainsMultiple, Min = 1, Max = 3, RangeText = "违法所得 1 倍以上 3 倍以下" }] };
        var r = Run(Facts with { IllegalGains = 2000, ProposedAmount = 7000 }, b);
        Assert.Equal(2000, r.Range!.Min);
        Assert.Equal(6000, r.Range.Max);
        Assert.True(r.RequiresWrittenReason);
        var missing = Run(Facts, b);
        Assert.Contains(missing.BlockingRequirements, x => x.Contains("违法所得", StringComparison.Ordinal));
    }

    [Fact]
    public void Published_ranges_are_read_from_the_list_text()
    {
        Assert.Equal((RangeKind.FixedAmount, 5000m, 20000m), BenchmarkTransfer.ParseRange("处 5000 元以上 2 万元以下罚款"));
        Assert.Equal((RangeKind.GainsMultiple, 1m, 5m), BenchmarkTransfer.ParseRange("没收违法所得，并处违法所得 1 倍以上 5 倍以下罚款"));
        Assert.Equal((RangeKind.FixedAmount, 0m, 1000m), BenchmarkTransfer.ParseRange("处 1000 元以下罚款"));
        Assert.Equal(RangeKind.NonMonetary, BenchmarkTransfer.ParseRange("警告").Item1);
    }
}
