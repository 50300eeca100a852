using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Platform.Kit;

/// <summary>
/// One counter of a named sequence: per key (<c>module.name</c>), scope (an org unit's id, or empty) and year. Written only
/// by the one-statement upsert in <see cref="NumberSequence"/>, on the caller's context and in the caller's transaction.
/// A technical table: the number lands in the audited record that uses it.
/// </summary>
[NotAudited]
internal sealed class NumberSequenceCounter
{
    public string Key { get; set; } = "";

    /// <summary>The org unit's id (<c>Guid.ToString("D")</c>), or empty for a sequence without units.</summary>
    public string Scope { get; set; } = "";

    public int Year { get; set; }

    /// <summary>The last value taken.</summary>
    public long Value { get; set; }
}

/// <summary>An administrator's pattern for a sequence, for every unit (empty scope) or for one unit, with the unit's abbreviation.</summary>
internal sealed class NumberPatternSetting : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string Key { get; set; } = "";

    /// <summary>Empty for the pattern every unit uses; else the org unit's id (<c>Guid.ToString("D")</c>).</summary>
    public string Scope { get; set; } = "";

    public Guid? OrgUnitId { get; set; }

    /// <summary>The pattern; empty on a unit's row that only sets the abbreviation.</summary>
    public string Pattern { get; set; } = "";

    /// <summary>The unit's abbreviation (机关代字) for <c>{prefix}</c>.</summary>
    public string? Prefix { get; set; }

    public long Version { get; set; }
}

internal sealed class NumberSequenceCounterConfiguration : IEntityTypeConfiguration<NumberSequenceCounter>
{
    public void Configure(EntityTypeBuilder<NumberSequenceCounter> b)
    {
        b.ToTable(NumberSequence.CounterTable);
        b.HasKey(x => new { x.Key, x.Scope, x.Year });
        b.Property(x => x.Key).HasMaxLength(64);
        b.Property(x => x.Scope).HasMaxLength(64);
    }
}

internal sealed class NumberPatternSettingConfiguration : IEntityTypeConfiguration<NumberPatternSetting>
{
    public void Configure(EntityTypeBuilder<NumberPatternSetting> b)
    {
        b.ToTable(NumberSequence.PatternTable);
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.Key, x.Scope }).IsUnique();
        b.Property(x => x.Key).HasMaxLength(64);
        b.Property(x => x.Scope).HasMaxLength(64);
        b.Property(x => x.Pattern).HasMaxLength(NumberPattern.MaxLength);
        b.Property(x => x.Prefix).HasMaxLength(32);
    }
}
