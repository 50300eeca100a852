using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Disputes.Domain;

/// <summary>
/// One version of a case type (行政复议, 人民调解, ...): its stages and time limits, each with the statutory article behind it.
/// A profile version is never rewritten once a case uses it; a change is a new version with a later <see cref="EffectiveFrom"/>.
/// </summary>
internal sealed class CaseTypeProfile : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Case type code, e.g. <c>AdministrativeReconsideration</c>.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>Profile version number (1, 2, ...) within the case type.</summary>
    public int ProfileVersion { get; set; } = 1;

    /// <summary>First day cases opened are handled under this version.</summary>
    public DateOnly EffectiveFrom { get; set; }

    /// <summary>Where the numbers come from (law, regulation or local rule).</summary>
    public required string SourceNote { get; set; }

    public int SortOrder { get; set; }

    public List<ProfileStage> Stages { get; set; } = [];

    public long Version { get; set; }
}

/// <summary>A stage of a case type with its time limit: <see cref="Days"/> of <see cref="DayKind"/>, per <see cref="Article"/>.</summary>
internal sealed class ProfileStage : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ProfileId { get; set; }

    public int Order { get; set; }

    /// <summary>Stage code, e.g. <c>acceptance</c>, <c>decision</c>.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public int Days { get; set; }

    public DayKind DayKind { get; set; }

    /// <summary>The statutory article (or local rule) text behind <see cref="Days"/>.</summary>
    public required string Article { get; set; }

    /// <summary>A side stage (e.g. 补正) entered only on an event, not part of the main path.</summary>
    public bool Optional { get; set; }

    /// <summary>How many extensions are allowed (0 = none).</summary>
    public int MaxExtensions { get; set; }

    /// <summary>The longest extension, in days of <see cref="DayKind"/>.</summary>
    public int ExtensionDays { get; set; }

    public long Version { get; set; }
}

internal sealed class CaseTypeProfileConfiguration : IEntityTypeConfiguration<CaseTypeProfile>
{
    public void Configure(EntityTypeBuilder<CaseTypeProfile> b)
    {
        b.ToTable("disputes_profiles");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(64);
        b.Property(x => x.Name).HasMaxLength(64);
        b.Property(x => x.SourceNote).HasMaxLength(1000);
        b.HasIndex(x => new { x.Code, x.ProfileVersion }).IsUnique();
        b.HasMany(x => x.Stages).WithOne().HasForeignKey(s => s.ProfileId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProfileStageConfiguration : IEntityTypeConfiguration<ProfileStage>
{
    public void Configure(EntityTypeBuilder<ProfileStage> b)
    {
        b.ToTable("disputes_profile_stages");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(64);
        b.Property(x => x.Name).HasMaxLength(64);
        b.Property(x => x.Article).HasMaxLength(2000);
        b.HasIndex(x => new { x.ProfileId, x.Order }).IsUnique();
    }
}
