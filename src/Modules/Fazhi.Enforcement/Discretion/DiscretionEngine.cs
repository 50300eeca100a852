using System.Text.Json.Serialization;

namespace Fazhi.Enforcement.Discretion;

/// <summary>Harm caused by the act (危害后果).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HarmLevel>))]
internal enum HarmLevel
{
    None,
    Minor,
    Ordinary,
    Serious,
}

/// <summary>行政处罚法 第三十一条: the party's capacity when the party is a person with a mental or intellectual disability.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MentalCapacity>))]
internal enum MentalCapacity
{
    Full,

    /// <summary>尚未完全丧失辨认或者控制自己行为能力.</summary>
    Limited,

    /// <summary>不能辨认或者不能控制自己行为.</summary>
    None,
}

/// <summary>The facts an officer enters. Dates are calendar days.</summary>
internal sealed record DiscretionFacts
{
    /// <summary>Null for an organisation (age does not apply).</summary>
    public int? PartyAge { get; init; }

    public MentalCapacity MentalCapacity { get; init; } = MentalCapacity.Full;

    public bool FirstViolation { get; init; }

    /// <summary>违法行为轻微.</summary>
    public bool MinorViolation { get; init; }

    public HarmLevel Harm { get; init; } = HarmLevel.Ordinary;

    /// <summary>及时改正.</summary>
    public bool CorrectedInTime { get; init; }

    /// <summary>主动消除或者减轻违法行为危害后果 (第三十二条第一项).</summary>
    public bool EliminatedHarm { get; init; }

    /// <summary>受他人胁迫或者诱骗实施违法行为 (第三十二条第二项).</summary>
    public bool Coerced { get; init; }

    /// <summary>主动供述行政机关尚未掌握的违法行为 (第三十二条第三项).</summary>
    public bool Confessed { get; init; }

    /// <summary>配合行政机关查处违法行为有立功表现 (第三十二条第四项).</summary>
    public bool Meritorious { get; init; }

    /// <summary>法律、法规、规章规定其他应当从轻或者减轻行政处罚的 (第三十二条第五项).</summary>
    public bool OtherStatutoryMitigation { get; init; }

    /// <summary>当事人有证据足以证明没有主观过错 (第三十三条第二款).</summary>
    public bool NoFault { get; init; }

    /// <summary>法律、行政法规另有规定 (fault is presumed by the special law): the no-fault rule does not apply.</summary>
    public bool LawRequiresPenaltyWithoutFault { get; init; }

    /// <summary>Aggravating circumstances the benchmark names (e.g. 造成严重后果、拒不改正、多次违法).</summary>
    public bool Aggravating { get; init; }

    /// <summary>The officer confirms the 适用条件 of the matter's no/light-penalty list item are met.</summary>
    public bool MeetsListConditions { get; init; }

    public decimal? IllegalGains { get; init; }

    public DateOnly ActDate { get; init; }

    public bool Continuing { get; init; }

    /// <summary>End of a continuing act; null while it continues.</summary>
    public DateOnly? ActEndDate { get; init; }

    /// <summary>When the act was discovered (发现); defaults to the decision date.</summary>
    public DateOnly? DiscoveredOn { get; init; }

    public DateOnly DecisionDate { get; init; }

    /// <summary>涉及公民生命健康安全、金融安全且有危害后果.</summary>
    public bool HarmToLifeHealthOrFinance { get; init; }

    /// <summary>责令改正 recorded in the case file.</summary>
    public bool OrderToCorrectRecorded { get; init; }

    /// <summary>The penalty the officer proposes, in yuan (optional).</summary>
    public decimal? ProposedAmount { get; init; }

    /// <summary>The tier the officer proposes (optional).</summary>
    public DiscretionTier? ProposedTier { get; init; }

    /// <summary>The officer's written reason for departing from the benchmark or the list.</summary>
    public string? WrittenReason { get; init; }
}

/// <summary>A rule the engine applied, with its article.</summary>
internal sealed record AppliedRule(string Code, string Article, string Finding);

/// <summary>A lawful range: min/max in yuan (already multiplied out for gains multiples), and the published text.</summary>
internal sealed record LawfulRange(RangeKind Kind, decimal? Min, decimal? Max, string Text);

/// <summary>The engine's answer.</summary>
internal sealed record DiscretionResult(
    bool TimeBarred,
    DiscretionTier? Tier,
    IReadOnlyList<DiscretionTier> PermittedTiers,
    bool Mandatory,
    LawfulRange? Range,
    bool OnNoLightList,
    IReadOnlyList<AppliedRule> Rules,
    IReadOnlyList<string> BlockingRequirements,
    IReadOnlyList<string> SupervisionFlags,
    bool RequiresWrittenReason)
{
    public bool CanDecide => BlockingRequirements.Count == 0;
}

/// <summary>
/// The discretion engine (裁量引擎): pure, no I/O. Applies, in order, the limitation period (第三十六条), the grounds
/// for no penalty (第三十条、第三十一条、第三十三条), the no/light-penalty list, the mandatory lighter/mitigated grounds
/// (第三十条、第三十一条、第三十二条), then the benchmark's own tiers; and checks Shandong's order-to-correct rule and the
/// officer's proposal against the lawful range and the list.
/// </summary>
internal static class DiscretionEngine
{
    private static readonly DiscretionTier[] LighterOrMitigated = [DiscretionTier.Lighter, DiscretionTier.Mitigated];

    public static DiscretionResult Evaluate(DiscretionBenchmark benchmark, DiscretionFacts facts, PenaltyRulesProfile profile)
    {
        var rules = new List<AppliedRule>();
        var blocking = new List<string>();
        var flags = new List<string>();

        // 行政处罚法 第三十六条: 违法行为在二年内未被发现的，不再给予行政处罚；涉及公民生命健康安全、金融安全且有危害后果的，
        // 上述期限延长至五年。前款规定的期限，从违法行为发生之日起计算；违法行为有连续或者继续状态的，从行为终了之日起计算。
        var discovered = facts.DiscoveredOn ?? facts.DecisionDate;
        if (!facts.Continuing || facts.ActEndDate is not null)
        {
            var start = facts.Continuing ? facts.ActEndDate!.Value : facts.ActDate;
            var years = facts.HarmToLifeHealthOrFinance ? profile.ExtendedLimitationYears : profile.LimitationYears;
            var lastDay = start.AddYears(years);
            var from = facts.Continuing ? "行为终了之日" : "违法行为发生之日";
            if (discovered > lastDay)
            {
                rules.Add(new("limitation", "行政处罚法第三十六条",
                    $"自{from}（{start:yyyy-MM-dd}）起 {years} 年内未被发现（{discovered:yyyy-MM-dd} 发现，期限至 {lastDay:yyyy-MM-dd}），不再给予行政处罚。"));
                return new(true, null, [], true, null, false, rules, blocking, flags, false);
            }
            rules.Add(new("limitation", "行政处罚法第三十六条",
                $"追责期限 {years} 年，自{from}（{start:yyyy-MM-dd}）起算，至 {lastDay:yyyy-MM-dd}；{discovered:yyyy-MM-dd} 发现，未超过期限。"));
        }
        else
        {
            rules.Add(new("limitation", "行政处罚法第三十六条", "违法行为仍处于连续或者继续状态，追责期限尚未起算。"));
        }

        DiscretionTier? tier = null;
        var mandatory = false;
        IReadOnlyList<DiscretionTier> permitted = [];

        // 行政处罚法 第三十条: 不满十四周岁的未成年人有违法行为的，不予行政处罚，责令监护人加以管教.
        if (facts.PartyAge is { } age && age < profile.NoPenaltyBelowAge)
        {
            rules.Add(new("age.under", "行政处罚法第三十条", $"当事人 {age} 周岁，不满 {profile.NoPenaltyBelowAge} 周岁，不予行政处罚，责令监护人加以管教。"));
            (tier, mandatory) = (DiscretionTier.NoPenalty, true);
        }

        // 行政处罚法 第三十一条: 精神病人、智力残疾人在不能辨认或者不能控制自己行为时有违法行为的，不予行政处罚.
        if (tier is null && facts.MentalCapacity == MentalCapacity.None)
        {
            rules.Add(new("mental.none", "行政处罚法第三十一条", "当事人在不能辨认或者不能控制自己行为时实施违法行为，不予行政处罚，责令监护人严加看管和治疗。"));
            (tier, mandatory) = (DiscretionTier.NoPenalty, true);
        }

        // 行政处罚法 第三十三条第一款: 违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚.
        if (tier is null && facts.MinorViolation && facts.CorrectedInTime && facts.Harm == HarmLevel.None)
        {
            rules.Add(new("minor.corrected", "行政处罚法第三十三条第一款", "违法行为轻微并及时改正，没有造成危害后果，不予行政处罚。"));
            (tier, mandatory) = (DiscretionTier.NoPenalty, true);
        }

        // 行政处罚法 第三十三条第二款: 当事人有证据足以证明没有主观过错的，不予行政处罚。法律、行政法规另有规定的，从其规定.
        if (facts.NoFault)
        {
            if (facts.LawRequiresPenaltyWithoutFault)
            {
                rules.Add(new("nofault.excluded", "行政处罚法第三十三条第二款", "当事人无主观过错，但法律、行政法规另有规定，从其规定，不据此不予处罚。"));
            }
            else if (tier is null)
            {
                rules.Add(new("nofault", "行政处罚法第三十三条第二款", "当事人有证据足以证明没有主观过错，不予行政处罚。"));
                (tier, mandatory) = (DiscretionTier.NoPenalty, true);
            }
        }

        var listRow = benchmark.Tiers.Where(t => t.OnNoLightList).OrderBy(t => t.Tier).FirstOrDefault();

        // 行政处罚法 第三十三条第一款: 初次违法且危害后果轻微并及时改正的，可以不予行政处罚.
        var mayWaive = tier is null && facts.FirstViolation && facts.Harm == HarmLevel.Minor && facts.CorrectedInTime;
        if (mayWaive)
        {
            rules.Add(new("first.minor", "行政处罚法第三十三条第一款", "初次违法且危害后果轻微并及时改正，可以不予行政处罚。"));
            tier = DiscretionTier.Exempted;
            permitted = [DiscretionTier.Exempted, DiscretionTier.Lighter, DiscretionTier.Ordinary];
        }

        // 不罚轻罚清单: the matter's list item applies when its conditions are met.
        var fromList = false;
        if (listRow is not null && (tier is null || tier == DiscretionTier.Exempted) && facts.MeetsListConditions)
        {
            rules.Add(new("list", "不罚轻罚清单", $"本事项列入清单（{TierName(listRow.Tier)}）：{listRow.Conditions}"));
            tier = listRow.Tier;
            mandatory = listRow.Tier == DiscretionTier.NoPenalty;
            permitted = [listRow.Tier];
            fromList = true;
        }

        if (tier is null)
        {
            var grounds = new List<AppliedRule>();
            if (facts.PartyAge is { } a && a < profile.MinorBelowAge)
            {
                grounds.Add(new("age.minor", "行政处罚法第三十条", $"当事人 {a} 周岁，已满 {profile.NoPenaltyBelowAge} 周岁不满 {profile.MinorBelowAge} 周岁，应当从轻或者减轻行政处罚。"));
            }
            if (facts.MentalCapacity == MentalCapacity.Limited)
            {
                grounds.Add(new("mental.limited", "行政处罚法第三十一条", "当事人尚未完全丧失辨认或者控制自己行为能力，可以从轻或者减轻行政处罚。"));
            }
            // 行政处罚法 第三十二条: 当事人有下列情形之一，应当从轻或者减轻行政处罚.
            if (facts.EliminatedHarm)
            {
                grounds.Add(new("art32.1", "行政处罚法第三十二条第一项", "主动消除或者减轻违法行为危害后果，应当从轻或者减轻行政处罚。"));
            }
            if (facts.Coerced)
            {
                grounds.Add(new("art32.2", "行政处罚法第三十二条第二项", "受他人胁迫或者诱骗实施违法行为，应当从轻或者减轻行政处罚。"));
            }
            if (facts.Confessed)
            {
                grounds.Add(new("art32.3", "行政处罚法第三十二条第三项", "主动供述行政机关尚未掌握的违法行为，应当从轻或者减轻行政处罚。"));
            }
            if (facts.Meritorious)
            {
                grounds.Add(new("art32.4", "行政处罚法第三十二条第四项", "配合行政机关查处违法行为有立功表现，应当从轻或者减轻行政处罚。"));
            }
            if (facts.OtherStatutoryMitigation)
            {
                grounds.Add(new("art32.5", "行政处罚法第三十二条第五项", "法律、法规、规章规定的其他应当从轻或者减轻行政处罚的情形。"));
            }
            if (grounds.Count > 0)
            {
                rules.AddRange(grounds);
                tier = DiscretionTier.Lighter;
                permitted = LighterOrMitigated;
                mandatory = grounds.Any(g => g.Code != "mental.limited");
            }
        }

        if (tier is null)
        {
            if (facts.Aggravating || facts.Harm == HarmLevel.Serious)
            {
                rules.Add(new("benchmark.heavier", "裁量基准", "存在从重情节（严重危害后果或基准所列从重情形），适用从重阶次。"));
                tier = DiscretionTier.Heavier;
            }
            else
            {
                rules.Add(new("benchmark.ordinary", "裁量基准", "无法定从轻、减轻或从重情节，适用一般阶次。"));
                tier = DiscretionTier.Ordinary;
            }
            permitted = [tier.Value];
        }
        else if (permitted.Count == 0)
        {
            permitted = [tier.Value];
        }

        var row = benchmark.Tiers.Where(t => t.Tier == tier).OrderBy(t => t.Seq).FirstOrDefault();
        var range = row is null ? null : RangeOf(row, facts.IllegalGains);
        if (row is null && tier is not (DiscretionTier.NoPenalty or DiscretionTier.Exempted))
        {
            rules.Add(new("benchmark.missing", "裁量基准", $"本事项基准未设“{TierName(tier.Value)}”阶次，请依处罚依据确定幅度。"));
        }
        if (row is not null)
        {
            rules.Add(new("benchmark.tier", $"裁量基准（第 {benchmark.Number} 版）", $"{TierName(row.Tier)}：{row.Conditions}；幅度：{row.RangeText}"));
        }
        if (range is { Kind: RangeKind.GainsMultiple, Min: null } && facts.IllegalGains is null)
        {
            blocking.Add("本阶次按违法所得倍数确定罚款，请填写违法所得金额。");
        }

        // 山东省: 作出不予处罚、减轻处罚决定前，应当责令当事人改正并记录在案.
        var lenient = tier is DiscretionTier.NoPenalty or DiscretionTier.Exempted || facts.ProposedTier == DiscretionTier.Mitigated;
        if (profile.OrderToCorrectBeforeLeniency && lenient && !facts.OrderToCorrectRecorded)
        {
            blocking.Add("作出不予处罚或减轻处罚决定前，须先责令当事人改正并记录在案（山东省规定；行政处罚法第二十八条）。");
        }

        // A waiver outside the list, or a proposal outside the lawful range, needs a written reason and goes to supervision.
        var needsReason = false;
        var proposedWaiver = facts.ProposedTier is DiscretionTier.NoPenalty or DiscretionTier.Exempted
            || (facts.ProposedTier is null && tier == DiscretionTier.Exempted);
        if (proposedWaiver && !fromList && !(mandatory && tier == DiscretionTier.NoPenalty))
        {
            needsReason = true;
            flags.Add("拟不予处罚的事项不在不罚轻罚清单内，须书面说明理由，纳入执法监督。");
        }
        if (facts.ProposedTier is { } proposed && !proposedWaiver && !permitted.Contains(proposed))
        {
            needsReason = true;
            flags.Add($"拟适用“{TierName(proposed)}”阶次，与引擎认定的“{string.Join("/", permitted.Select(TierName))}”不符，须书面说明理由，纳入执法监督。");
        }
        if (facts.ProposedAmount is { } amount && range is { Kind: not RangeKind.NonMonetary })
        {
            var below = range.Min is { } min && amount < min && tier != DiscretionTier.Mitigated && facts.ProposedTier != DiscretionTier.Mitigated;
            var above = range.Max is { } max && amount > max;
            if (below || above)
            {
                needsReason = true;
                flags.Add($"拟罚款 {amount:0.##} 元超出裁量幅度（{range.Text}），须书面说明理由，纳入执法监督。");
            }
        }
        if (needsReason && string.IsNullOrWhiteSpace(facts.WrittenReason))
        {
            blocking.Add("偏离裁量基准或清单，须填写书面理由。");
        }

        return new(false, tier, permitted, mandatory, range, fromList, rules, blocking, flags, needsReason);
    }

    /// <summary>The range of a tier in yuan; a gains multiple is multiplied out when the gains are known.</summary>
    public static LawfulRange RangeOf(BenchmarkTier row, decimal? gains) => row.RangeKind switch
    {
        RangeKind.GainsMultiple when gains is { } g => new(RangeKind.GainsMultiple, row.Min * g, row.Max * g, $"{row.RangeText}（违法所得 {g:0.##} 元，即 {row.Min * g:0.##} 元至 {row.Max * g:0.##} 元）"),
        RangeKind.GainsMultiple => new(RangeKind.GainsMultiple, null, null, row.RangeText),
        _ => new(row.RangeKind, row.Min, row.Max, row.RangeText),
    };

    public static string TierName(DiscretionTier tier) => tier switch
    {
        DiscretionTier.NoPenalty => "不予处罚",
        DiscretionTier.Exempted => "免予处罚",
        DiscretionTier.Mitigated => "减轻处罚",
        DiscretionTier.Lighter => "从轻处罚",
        DiscretionTier.Ordinary => "一般处罚",
        DiscretionTier.Heavier => "从重处罚",
        _ => tier.ToString(),
    };

    public static DiscretionTier? ParseTier(string text) => text.Trim() switch
    {
        "不予处罚" or "不予行政处罚" => DiscretionTier.NoPenalty,
        "免予处罚" or "可以不予处罚" or "免予行政处罚" => DiscretionTier.Exempted,
        "减轻" or "减轻处罚" => DiscretionTier.Mitigated,
        "从轻" or "从轻处罚" => DiscretionTier.Lighter,
        "一般" or "一般处罚" => DiscretionTier.Ordinary,
        "从重" or "从重处罚" => DiscretionTier.Heavier,
        _ => null,
    };
}
