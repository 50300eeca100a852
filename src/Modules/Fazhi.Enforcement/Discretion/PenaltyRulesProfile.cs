using Fazhi.Platform.Data;

namespace Fazhi.Enforcement.Discretion;

/// <summary>
/// The statutory numbers the discretion engine reads, kept as data so that an administrator can change them when the law or
/// the provincial rules change, without a release. Versioned: a change adds the next version with its effective date and never
/// edits an earlier one, so an act is always judged by the numbers in force when it was committed (行政处罚法 第三十七条).
/// </summary>
internal sealed class PenaltyRulesProfile : IVersioned
{
    public const string DefaultCode = "default";

    /// <summary>The articles the numbers come from, shown as links to the regulation library beside each version.</summary>
    public const string Basis = "行政处罚法第三十条；行政处罚法第三十六条；行政处罚法第三十七条";

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string Code { get; set; } = DefaultCode;

    /// <summary>1, 2, 3 ... in order of issue.</summary>
    public int Number { get; set; } = 1;

    /// <summary>First day in force; the first version from the revised law's commencement (2021-07-15).</summary>
    public DateOnly EffectiveFrom { get; set; } = new(2021, 7, 15);

    /// <summary>Why the numbers changed (the rule that changed them).</summary>
    public string? Note { get; set; }

    /// <summary>行政处罚法 第三十条: 不满十四周岁的未成年人有违法行为的，不予行政处罚.</summary>
    public int NoPenaltyBelowAge { get; set; } = 14;

    /// <summary>行政处罚法 第三十条: 已满十四周岁不满十八周岁的未成年人有违法行为的，应当从轻或者减轻行政处罚.</summary>
    public int MinorBelowAge { get; set; } = 18;

    /// <summary>行政处罚法 第三十六条第一款: 违法行为在二年内未被发现的，不再给予行政处罚.</summary>
    public int LimitationYears { get; set; } = 2;

    /// <summary>行政处罚法 第三十六条第一款: 涉及公民生命健康安全、金融安全且有危害后果的，上述期限延长至五年.</summary>
    public int ExtendedLimitationYears { get; set; } = 5;

    /// <summary>山东省: 作出不予处罚、减轻处罚决定前应当责令当事人改正并记录在案.</summary>
    public bool OrderToCorrectBeforeLeniency { get; set; } = true;

    public long Version { get; set; }

    public static PenaltyRulesProfile Statutory() => new();
}
