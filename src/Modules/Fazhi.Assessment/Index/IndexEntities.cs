using System.Text.Json.Serialization;
using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Assessment.Index;

/// <summary>Where an index component's value (0..100) comes from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ComponentSource>))]
internal enum ComponentSource
{
    /// <summary>A registered computed-indicator provider (value 0..1 x 100), for the unit's subtree over the year.</summary>
    Computed,

    /// <summary>Reviewed (accepted or approved) and scored tasks of a campaign in the unit's subtree: Σ score x weight ÷ Σ max x weight x 100.</summary>
    Campaign,

    /// <summary>A public satisfaction survey: the mean rating of the component's dimension in the district, (mean - 1) / 4 x 100.</summary>
    Survey,
}

/// <summary>
/// A year's rule-of-law index (法治指数): dimension weights and components. City-wide office data, not scoped.
/// </summary>
internal sealed class RuleOfLawIndex : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public int Year { get; set; }

    public string Name { get; set; } = "";

    public DateTime? ComputedAtUtc { get; set; }

    public string ComputedBy { get; set; } = "";

    public long Version { get; set; }
}

/// <summary>A dimension's weight in the index (e.g. 法治感受 20).</summary>
internal sealed class IndexDimensionWeight
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid IndexId { get; set; }

    public string Dimension { get; set; } = "";

    public int Seq { get; set; }

    public decimal Weight { get; set; }
}

/// <summary>A component of a dimension, weighted within the dimension.</summary>
internal sealed class IndexComponent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid IndexId { get; set; }

    public string Dimension { get; set; } = "";

    public string Title { get; set; } = "";

    public decimal Weight { get; set; } = 1m;

    public ComponentSource Source { get; set; }

    /// <summary>Computed: the provider key; Campaign: the campaign id; Survey: the survey id.</summary>
    public string SourceKey { get; set; } = "";
}

/// <summary>
/// A computed score of one area (a district or the city) for one index: the total, and as JSON the dimensions and the
/// components behind them, frozen at computation time so that the trend and the explanation stay as published.
/// </summary>
internal sealed class IndexResult
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid IndexId { get; set; }

    public int Year { get; set; }

    public Guid OrgUnitId { get; set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public decimal? Total { get; set; }

    public string DetailJson { get; set; } = "";
}

internal sealed class RuleOfLawIndexConfiguration : IEntityTypeConfiguration<RuleOfLawIndex>
{
    public void Configure(EntityTypeBuilder<RuleOfLawIndex> b)
    {
        b.ToTable("assessment_indexes");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.Year).IsUnique();
        b.Property(x => x.Name).HasMaxLength(256);
        b.Property(x => x.ComputedBy).HasMaxLength(128);
    }
}

internal sealed class IndexDimensionWeightConfiguration : IEntityTypeConfiguration<IndexDimensionWeight>
{
    public void Configure(EntityTypeBuilder<IndexDimensionWeight> b)
    {
        b.ToTable("assessment_index_dimensions");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.IndexId, x.Dimension }).IsUnique();
        b.Property(x => x.Dimension).HasMaxLength(16);
        b.Property(x => x.Weight).HasPrecision(9, 4);
        b.HasOne<RuleOfLawIndex>().WithMany().HasForeignKey(x => x.IndexId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IndexComponentConfiguration : IEntityTypeConfiguration<IndexComponent>
{
    public void Configure(EntityTypeBuilder<IndexComponent> b)
    {
        b.ToTable("assessment_index_components");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.IndexId);
        b.Property(x => x.Dimension).HasMaxLength(16);
        b.Property(x => x.Title).HasMaxLength(256);
        b.Property(x => x.Weight).HasPrecision(9, 4);
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.SourceKey).HasMaxLength(128);
        b.HasOne<RuleOfLawIndex>().WithMany().HasForeignKey(x => x.IndexId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IndexResultConfiguration : IEntityTypeConfiguration<IndexResult>
{
    public void Configure(EntityTypeBuilder<IndexResult> b)
    {
        b.ToTable("assessment_index_results");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.IndexId, x.OrgUnitId }).IsUnique();
        b.HasIndex(x => x.Year);
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(256);
        b.Property(x => x.Total).HasPrecision(9, 2);
        b.HasOne<RuleOfLawIndex>().WithMany().HasForeignKey(x => x.IndexId).OnDelete(DeleteBehavior.Cascade);
    }
}
