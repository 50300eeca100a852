using Fazhi.Disputes.Domain;
using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Disputes.Routing;

internal enum RuleSetStatus
{
    /// <summary>草稿: editable, testable, not used at intake.</summary>
    Draft = 1,

    /// <summary>已发布: immutable; the highest published number is in force.</summary>
    Published = 2,
}

/// <summary>A numbered set of routing rules (引导分流规则). Published sets are never edited: a change is a new draft, tested, published.</summary>
internal sealed class RoutingRuleSet : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>1, 2, ... in order of creation.</summary>
    public int Number { get; set; }

    public RuleSetStatus Status { get; set; } = RuleSetStatus.Draft;

    public string? Note { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public string? PublishedBy { get; set; }

    public List<RoutingRule> Rules { get; set; } = [];

    public long Version { get; set; }
}

/// <summary>
/// One rule: when every condition that is set holds, recommend <see cref="CaseTypeCode"/> handled by <see cref="HandlingUnitCode"/>.
/// Rules are tried by <see cref="Priority"/> (lowest first); the first match wins and its <see cref="Reason"/> is shown to staff.
/// </summary>
internal sealed class RoutingRule : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid RuleSetId { get; set; }

    public int Priority { get; set; }

    public required string Name { get; set; }

    /// <summary>Dispute category (纠纷类别), or null for any.</summary>
    public string? Category { get; set; }

    /// <summary>Amount at least this (inclusive), or null.</summary>
    public decimal? MinAmount { get; set; }

    /// <summary>Amount at most this (inclusive), or null. A rule with an amount bound never matches a case without an amount.</summary>
    public decimal? MaxAmount { get; set; }

    /// <summary>The applicant's kind, or null for any.</summary>
    public PartyKind? ApplicantKind { get; set; }

    /// <summary>Org code of the place (matches the unit and every unit below it, e.g. 370402 matches 370402001), or null.</summary>
    public string? PlaceCode { get; set; }

    public required string CaseTypeCode { get; set; }

    /// <summary>Org code of the recommended handling unit.</summary>
    public required string HandlingUnitCode { get; set; }

    public required string Reason { get; set; }

    public long Version { get; set; }
}

/// <summary>The routing recommendation recorded at intake and the staff decision on it (confirm, or override with a reason).</summary>
internal sealed class RoutingDecision : IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CaseId { get; set; }

    public Guid OrgUnitId { get; set; }

    public int? RuleSetNumber { get; set; }

    public string? RuleName { get; set; }

    public string? RecommendedCaseType { get; set; }

    public string? RecommendedUnitCode { get; set; }

    public required string Reason { get; set; }

    public RoutingDecisionStatus Status { get; set; } = RoutingDecisionStatus.Pending;

    public string? ChosenCaseType { get; set; }

    public string? ChosenUnitCode { get; set; }

    public string? OverrideReason { get; set; }

    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public long Version { get; set; }
}

internal enum RoutingDecisionStatus
{
    /// <summary>待确认</summary>
    Pending = 1,

    /// <summary>已确认</summary>
    Confirmed = 2,

    /// <summary>已改派</summary>
    Overridden = 3,
}

internal sealed class RoutingRuleSetConfiguration : IEntityTypeConfiguration<RoutingRuleSet>
{
    public void Configure(EntityTypeBuilder<RoutingRuleSet> b)
    {
        b.ToTable("disputes_routing_rule_sets");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.Number).IsUnique();
        b.Property(x => x.Note).HasMaxLength(500);
        b.Property(x => x.PublishedBy).HasMaxLength(128);
        b.HasMany(x => x.Rules).WithOne().HasForeignKey(r => r.RuleSetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoutingRuleConfiguration : IEntityTypeConfiguration<RoutingRule>
{
    public void Configure(EntityTypeBuilder<RoutingRule> b)
    {
        b.ToTable("disputes_routing_rules");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(128);
        b.Property(x => x.Category).HasMaxLength(64);
        b.Property(x => x.MinAmount).HasPrecision(18, 2);
        b.Property(x => x.MaxAmount).HasPrecision(18, 2);
        b.Property(x => x.PlaceCode).HasMaxLength(64);
        b.Property(x => x.CaseTypeCode).HasMaxLength(64);
        b.Property(x => x.HandlingUnitCode).HasMaxLength(64);
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.HasIndex(x => new { x.RuleSetId, x.Priority });
    }
}

internal sealed class RoutingDecisionConfiguration : IEntityTypeConfiguration<RoutingDecision>
{
    public void Configure(EntityTypeBuilder<RoutingDecision> b)
    {
        b.ToTable("disputes_routing_decisions");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.CaseId).IsUnique();
        b.Property(x => x.RuleName).HasMaxLength(128);
        b.Property(x => x.RecommendedCaseType).HasMaxLength(64);
        b.Property(x => x.RecommendedUnitCode).HasMaxLength(64);
        b.Property(x => x.ChosenCaseType).HasMaxLength(64);
        b.Property(x => x.ChosenUnitCode).HasMaxLength(64);
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.Property(x => x.OverrideReason).HasMaxLength(1000);
        b.Property(x => x.DecidedBy).HasMaxLength(128);
    }
}

/// <summary>What a rule looks at: a case at intake, or a sample typed by an administrator.</summary>
internal sealed record RoutingInput(string? Category, decimal? Amount, PartyKind? ApplicantKind, string? PlaceCode);

/// <summary>The outcome: the matched rule (or none) and why.</summary>
internal sealed record RoutingRecommendation(RoutingRule? Rule, string Reason)
{
    public string? CaseTypeCode => Rule?.CaseTypeCode;

    public string? HandlingUnitCode => Rule?.HandlingUnitCode;
}

/// <summary>The pure matcher: first rule by priority whose set conditions all hold.</summary>
internal static class RoutingEngine
{
    public static RoutingRecommendation Recommend(IEnumerable<RoutingRule> rules, RoutingInput input)
    {
        foreach (var rule in rules.OrderBy(r => r.Priority).ThenBy(r => r.Id))
        {
            if (Matches(rule, input))
            {
                return new RoutingRecommendation(rule, $"规则“{rule.Name}”（优先级 {rule.Priority}）：{Conditions(rule)}。{rule.Reason}");
            }
        }
        return new RoutingRecommendation(null, "没有匹配的分流规则，请人工分流。");
    }

    public static bool Matches(RoutingRule rule, RoutingInput input) =>
        (rule.Category is null || rule.Category == input.Category)
        && (rule.MinAmount is null || (input.Amount is { } a1 && a1 >= rule.MinAmount))
        && (rule.MaxAmount is null || (input.Amount is { } a2 && a2 <= rule.MaxAmount))
        && (rule.ApplicantKind is null || rule.ApplicantKind == input.ApplicantKind)
        && (rule.PlaceCode is null || (input.PlaceCode is { } p && p.StartsWith(rule.PlaceCode, StringComparison.Ordinal)));

    /// <summary>The rule's conditions in words, e.g. 类别为劳动争议、金额 ≤ 3000 元.</summary>
    public static string Conditions(RoutingRule rule)
    {
        var parts = new List<string>();
        if (rule.Category is not null)
        {
            parts.Add($"类别为{rule.Category}");
        }
        if (rule.MinAmount is not null)
        {
            parts.Add($"金额 ≥ {rule.MinAmount:0.##} 元");
        }
        if (rule.MaxAmount is not null)
        {
            parts.Add($"金额 ≤ {rule.MaxAmount:0.##} 元");
        }
        if (rule.ApplicantKind is not null)
        {
            parts.Add(rule.ApplicantKind == PartyKind.Person ? "申请人为自然人" : "申请人为单位");
        }
        if (rule.PlaceCode is not null)
        {
            parts.Add($"发生地在 {rule.PlaceCode} 范围内");
        }
        return parts.Count == 0 ? "任何纠纷" : string.Join("、", parts);
    }
}
