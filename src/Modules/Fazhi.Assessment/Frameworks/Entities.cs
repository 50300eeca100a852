using System.Text.Json.Serialization;
using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Assessment.Frameworks;

/// <summary>How an indicator is scored.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ScoringMethod>))]
internal enum ScoringMethod
{
    /// <summary>赋分: the reviewer awards 0..max points.</summary>
    Points,

    /// <summary>扣分: max points less itemised deductions, each with a reason, not below 0.</summary>
    Deduction,

    /// <summary>达标/不达标: max points or nothing.</summary>
    PassFail,

    /// <summary>计算: a registered computed-indicator provider supplies the value; score = max x value.</summary>
    Computed,
}

/// <summary>An indicator framework (指标体系), e.g. the national rule-of-law government demonstration indicators. City-wide reference data, not scoped.</summary>
internal sealed class IndicatorFramework : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>A sample (示例) shipped with the product, not an official framework.</summary>
    public bool IsSample { get; set; }

    public long Version { get; set; }
}

/// <summary>
/// One version of a framework: a tree of indicators. A version is frozen once a campaign pins it; a revision creates
/// the next version (imported or copied), whose indicators record their predecessor (old -> new mapping).
/// </summary>
internal sealed class FrameworkVersion : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid FrameworkId { get; set; }

    /// <summary>1, 2, 3 ... per framework.</summary>
    public int Number { get; set; }

    public string Label { get; set; } = "";

    public string Note { get; set; } = "";

    public Guid? BasedOnId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public bool IsSample { get; set; }

    public long Version { get; set; }
}

/// <summary>
/// An indicator of a framework version: levels 1..3 from the framework, level 4 and below are local refinements (本地细化)
/// made in the product, always under their parent. The code is unique within a version and identifies the same
/// indicator across versions (diffs match by code).
/// </summary>
internal sealed class Indicator : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid FrameworkVersionId { get; set; }

    public Guid? ParentId { get; set; }

    public int Level { get; set; }

    /// <summary>Order among siblings (1-based).</summary>
    public int Seq { get; set; }

    public string Code { get; set; } = "";

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>评分标准.</summary>
    public string ScoringCriteria { get; set; } = "";

    public ScoringMethod Method { get; set; }

    /// <summary>分值.</summary>
    public decimal MaxScore { get; set; }

    /// <summary>Multiplier of the score in a unit's total (1 by default).</summary>
    public decimal Weight { get; set; } = 1m;

    /// <summary>佐证材料: what evidence is expected.</summary>
    public string EvidenceRequirements { get; set; } = "";

    /// <summary>Where the indicator comes from (e.g. 国家指标 2021 第 12 项; 本地细化).</summary>
    public string SourceReference { get; set; } = "";

    /// <summary>For <see cref="ScoringMethod.Computed"/>: the provider key.</summary>
    public string? ProviderKey { get; set; }

    /// <summary>牵头单位 / 配合单位 / 完成时限 as written in the framework file (names or codes; resolved per campaign).</summary>
    public string LeadUnitText { get; set; } = "";

    public string CoUnitsText { get; set; } = "";

    public string DueText { get; set; } = "";

    /// <summary>Added by local refinement in the product (not from the imported framework).</summary>
    public bool IsLocalRefinement { get; set; }

    /// <summary>The same indicator in the version this one was derived from (old -> new mapping); null when new.</summary>
    public Guid? PredecessorId { get; set; }

    public long Version { get; set; }
}

internal sealed class IndicatorFrameworkConfiguration : IEntityTypeConfiguration<IndicatorFramework>
{
    public void Configure(EntityTypeBuilder<IndicatorFramework> b)
    {
        b.ToTable("assessment_frameworks");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Code).HasMaxLength(64);
        b.Property(x => x.Name).HasMaxLength(256);
        b.Property(x => x.Description).HasMaxLength(4000);
    }
}

internal sealed class FrameworkVersionConfiguration : IEntityTypeConfiguration<FrameworkVersion>
{
    public void Configure(EntityTypeBuilder<FrameworkVersion> b)
    {
        b.ToTable("assessment_framework_versions");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.FrameworkId, x.Number }).IsUnique();
        b.Property(x => x.Label).HasMaxLength(256);
        b.Property(x => x.Note).HasMaxLength(4000);
        b.HasOne<IndicatorFramework>().WithMany().HasForeignKey(x => x.FrameworkId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> b)
    {
        b.ToTable("assessment_indicators");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.FrameworkVersionId, x.Code }).IsUnique();
        b.HasIndex(x => x.ParentId);
        b.Property(x => x.Code).HasMaxLength(64);
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.Description).HasMaxLength(4000);
        b.Property(x => x.ScoringCriteria).HasMaxLength(4000);
        b.Property(x => x.Method).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.MaxScore).HasPrecision(9, 2);
        b.Property(x => x.Weight).HasPrecision(9, 4);
        b.Property(x => x.EvidenceRequirements).HasMaxLength(4000);
        b.Property(x => x.SourceReference).HasMaxLength(500);
        b.Property(x => x.ProviderKey).HasMaxLength(128);
        b.Property(x => x.LeadUnitText).HasMaxLength(500);
        b.Property(x => x.CoUnitsText).HasMaxLength(1000);
        b.Property(x => x.DueText).HasMaxLength(100);
        b.HasOne<FrameworkVersion>().WithMany().HasForeignKey(x => x.FrameworkVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}
