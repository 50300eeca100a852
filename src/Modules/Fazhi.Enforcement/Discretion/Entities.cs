using System.Text.Json.Serialization;
using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Enforcement.Discretion;

/// <summary>Kinds of enforcement matter on a body's power list (权责清单).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MatterKind>))]
internal enum MatterKind
{
    Penalty,
    Inspection,
    Coercion,
    Licence,
    Other,
}

/// <summary>
/// The discretion tiers of a benchmark (裁量阶次). NoPenalty = 不予处罚 (mandatory, 应当),
/// Exempted = 免予处罚 / 可以不予处罚 (discretionary waiver), Mitigated = 减轻 (below the statutory minimum),
/// Lighter = 从轻 (lower part of the range), Ordinary = 一般, Heavier = 从重.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<DiscretionTier>))]
internal enum DiscretionTier
{
    NoPenalty,
    Exempted,
    Mitigated,
    Lighter,
    Ordinary,
    Heavier,
}

/// <summary>How a tier's range is expressed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RangeKind>))]
internal enum RangeKind
{
    /// <summary>Fixed amounts in yuan (罚款 X 元以上 Y 元以下).</summary>
    FixedAmount,

    /// <summary>Multiples of the illegal gains (违法所得 X 倍以上 Y 倍以下).</summary>
    GainsMultiple,

    /// <summary>Non-monetary (警告、通报批评、不予处罚 ...): described in text only.</summary>
    NonMonetary,
}

/// <summary>
/// An enforcement matter (执法事项) of a body's power list. Public information (行政处罚法 第三十四条 and the
/// 三项制度 publicity rule), so it is not data-scoped; only holders of <c>enforcement.benchmarks.manage</c> change it.
/// </summary>
internal sealed class EnforcementMatter : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public MatterKind Kind { get; set; }

    public string LegalBasis { get; set; } = "";

    /// <summary>The body that exercises the matter (实施主体), by org unit code and name (the platform exposes no org lookup to modules yet).</summary>
    public string IssuingOrgCode { get; set; } = "";

    public string IssuingBody { get; set; } = "";

    public long Version { get; set; }
}

/// <summary>
/// One version of a matter's discretion benchmark (裁量基准). A version is never edited after it is issued:
/// an adjustment creates the next version and closes the previous one, so past decisions keep the version they cited.
/// </summary>
internal sealed class DiscretionBenchmark : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid MatterId { get; set; }

    /// <summary>1, 2, 3 ... per matter.</summary>
    public int Number { get; set; }

    public string Violation { get; set; } = "";

    /// <summary>违法依据: the provision the act breaks.</summary>
    public string ViolationBasis { get; set; } = "";

    /// <summary>处罚依据: the provision that sets the penalty.</summary>
    public string PenaltyBasis { get; set; } = "";

    public string IssuingAuthority { get; set; } = "";

    public DateOnly EffectiveFrom { get; set; }

    /// <summary>Last day in force; null while current.</summary>
    public DateOnly? EffectiveTo { get; set; }

    /// <summary>A sample row (示例), not an officially issued benchmark.</summary>
    public bool IsSample { get; set; }

    public List<BenchmarkTier> Tiers { get; set; } = [];

    public long Version { get; set; }

    public bool InForceOn(DateOnly day) => EffectiveFrom <= day && (EffectiveTo is null || day <= EffectiveTo);
}

/// <summary>One tier of a benchmark: its conditions and range; may be an item of the no/light-penalty list (不罚轻罚清单).</summary>
internal sealed class BenchmarkTier
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid BenchmarkId { get; set; }

    public int Seq { get; set; }

    public DiscretionTier Tier { get; set; }

    /// <summary>适用条件 as published.</summary>
    public string Conditions { get; set; } = "";

    public RangeKind RangeKind { get; set; }

    /// <summary>Yuan (FixedAmount) or a multiple (GainsMultiple); null for NonMonetary.</summary>
    public decimal? Min { get; set; }

    public decimal? Max { get; set; }

    /// <summary>裁量幅度 as published (e.g. 处 5000 元以上 2 万元以下罚款).</summary>
    public string RangeText { get; set; } = "";

    /// <summary>The row is an item of the no/light-penalty list.</summary>
    public bool OnNoLightList { get; set; }
}

internal sealed class EnforcementMatterConfiguration : IEntityTypeConfiguration<EnforcementMatter>
{
    public void Configure(EntityTypeBuilder<EnforcementMatter> b)
    {
        b.ToTable("enforcement_matters");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Code).HasMaxLength(64);
        b.Property(x => x.Name).HasMaxLength(256);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.LegalBasis).HasMaxLength(2000);
        b.Property(x => x.IssuingOrgCode).HasMaxLength(32);
        b.Property(x => x.IssuingBody).HasMaxLength(128);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class DiscretionBenchmarkConfiguration : IEntityTypeConfiguration<DiscretionBenchmark>
{
    public void Configure(EntityTypeBuilder<DiscretionBenchmark> b)
    {
        b.ToTable("enforcement_benchmarks");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.MatterId, x.Number }).IsUnique();
        b.HasOne<EnforcementMatter>().WithMany().HasForeignKey(x => x.MatterId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Violation).HasMaxLength(1000);
        b.Property(x => x.ViolationBasis).HasMaxLength(2000);
        b.Property(x => x.PenaltyBasis).HasMaxLength(2000);
        b.Property(x => x.IssuingAuthority).HasMaxLength(128);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasMany(x => x.Tiers).WithOne().HasForeignKey(x => x.BenchmarkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BenchmarkTierConfiguration : IEntityTypeConfiguration<BenchmarkTier>
{
    public void Configure(EntityTypeBuilder<BenchmarkTier> b)
    {
        b.ToTable("enforcement_benchmark_tiers");
        b.HasKey(x => x.Id);
        b.Property(x => x.Tier).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.RangeKind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Conditions).HasMaxLength(2000);
        b.Property(x => x.RangeText).HasMaxLength(1000);
        b.Property(x => x.Min).HasPrecision(18, 2);
        b.Property(x => x.Max).HasPrecision(18, 2);
    }
}

internal sealed class PenaltyRulesProfileConfiguration : IEntityTypeConfiguration<PenaltyRulesProfile>
{
    public void Configure(EntityTypeBuilder<PenaltyRulesProfile> b)
    {
        b.ToTable("enforcement_rules_profiles");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(32);
        b.HasIndex(x => new { x.Code, x.Number }).IsUnique();
        b.Property(x => x.Note).HasMaxLength(1000);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
