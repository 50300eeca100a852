using System.Text.Json.Serialization;
using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Lists.Powers;

/// <summary>The level a power is exercised at (市级 / 县级 / 乡镇（街道）).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PowerLevel>))]
internal enum PowerLevel
{
    City,
    County,
    Town,
}

/// <summary>The kinds of administrative power in the lists (权力类别).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PowerKind>))]
internal enum PowerKind
{
    License,
    Penalty,
    Coercion,
    Levy,
    Benefit,
    Inspection,
    Confirmation,
    Reward,
    Adjudication,
    Other,
}

[JsonConverter(typeof(JsonStringEnumConverter<PowerItemStatus>))]
internal enum PowerItemStatus
{
    InForce,
    Cancelled,
}

/// <summary>One version of the power and responsibility list (权责清单); as the certification list, one open draft at a time.</summary>
internal sealed class PowerListVersion : IVersioned, Certificates.INoticeNumbered
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public int Number { get; set; }

    public Certificates.CertVersionStatus Status { get; set; }

    public DateOnly? EffectiveOn { get; set; }

    public string Note { get; set; } = "";

    public string PublishedBy { get; set; } = "";

    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>文号 of the version's public notice, taken on its first download (ADR 0044).</summary>
    public string? NoticeNumber { get; set; }

    public long Version { get; set; }
}

/// <summary>The content of a power item, shared by its revisions and the proposals to change it.</summary>
internal abstract class PowerItemContent
{
    /// <summary>事项编码 of the matter across levels (基本目录编码): the same matter at city, county and town carries the same code, so the 市县同权 view lines them up.</summary>
    public string MatterCode { get; set; } = "";

    /// <summary>事项名称.</summary>
    public string Name { get; set; } = "";

    public PowerKind Kind { get; set; }

    public PowerLevel Level { get; set; }

    /// <summary>实施主体 (the responsible unit).</summary>
    public Guid UnitId { get; set; }

    public string UnitName { get; set; } = "";

    /// <summary>子项, one a line.</summary>
    public string SubItems { get; set; } = "";

    /// <summary>设定依据 / 实施依据, resolved through the library.</summary>
    public string LegalBasis { get; set; } = "";

    /// <summary>责任事项.</summary>
    public string Responsibilities { get; set; } = "";

    /// <summary>追责情形.</summary>
    public string Accountability { get; set; } = "";

    public PowerItemStatus Status { get; set; }

    public string CancelReason { get; set; } = "";

    public void CopyContentFrom(PowerItemContent o)
    {
        (MatterCode, Name, Kind, Level, UnitId, UnitName, SubItems) = (o.MatterCode, o.Name, o.Kind, o.Level, o.UnitId, o.UnitName, o.SubItems);
        (LegalBasis, Responsibilities, Accountability, Status, CancelReason) = (o.LegalBasis, o.Responsibilities, o.Accountability, o.Status, o.CancelReason);
    }
}

/// <summary>A power item in versions <see cref="FromVersion"/> up to (not including) <see cref="ToVersion"/>; never updated. Public data.</summary>
internal sealed class PowerItemRevision : PowerItemContent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string ItemCode { get; set; } = "";

    public int FromVersion { get; set; }

    public int? ToVersion { get; set; }

    public bool IsDemo { get; set; }
}

/// <summary>A unit's proposal to add, change or cancel one of its power items, reviewed by the list owner. Scoped to the unit.</summary>
internal sealed class PowerChange : PowerItemContent, IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid DraftVersionId { get; set; }

    public Guid OrgUnitId { get; set; }

    public Certificates.CertChangeKind ChangeKind { get; set; }

    public string ItemCode { get; set; } = "";

    public string Reason { get; set; } = "";

    public string ProposedBy { get; set; } = "";

    public DateOnly ProposedOn { get; set; }

    public Certificates.CertChangeStatus ReviewStatus { get; set; }

    public string ReviewNote { get; set; } = "";

    public string ReviewedBy { get; set; } = "";

    public DateOnly? ReviewedOn { get; set; }

    public bool IsDemo { get; set; }

    public long Version { get; set; }
}

/// <summary>
/// The legal-change flag: a cited article of an item in force was amended, removed or its law repealed since the item's
/// version took effect (山东省行政执法监督条例 第十九条: 行政权力事项动态管理). Kept until the item gets a new revision.
/// </summary>
internal sealed class PowerLegalFlag
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid RevisionId { get; set; }

    public string ItemCode { get; set; } = "";

    public string Citation { get; set; } = "";

    public string State { get; set; } = "";

    public string StateLabel { get; set; } = "";

    public string? Url { get; set; }

    public string? CurrentUrl { get; set; }

    public DateOnly FlaggedOn { get; set; }
}

/// <summary>A power delegated to a town (双十镇 赋权), with the document that delegated it.</summary>
internal sealed class TownDelegation : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The delegated item (a county- or city-level power).</summary>
    public string ItemCode { get; set; } = "";

    public string ItemName { get; set; } = "";

    public Guid TownUnitId { get; set; }

    public string TownName { get; set; } = "";

    /// <summary>赋权文件 文号.</summary>
    public string DocumentNumber { get; set; } = "";

    public string DocumentTitle { get; set; } = "";

    public DateOnly DelegatedOn { get; set; }

    public DateOnly? RevokedOn { get; set; }

    public bool IsDemo { get; set; }

    public long Version { get; set; }
}

internal static class PowerContentMapping
{
    public static void MapContent<T>(this EntityTypeBuilder<T> b)
        where T : PowerItemContent
    {
        b.Property(x => x.MatterCode).HasMaxLength(40);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Level).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.UnitName).HasMaxLength(200);
        b.Property(x => x.SubItems).HasMaxLength(4000);
        b.Property(x => x.LegalBasis).HasMaxLength(2000);
        b.Property(x => x.Responsibilities).HasMaxLength(4000);
        b.Property(x => x.Accountability).HasMaxLength(4000);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.CancelReason).HasMaxLength(1000);
    }
}

internal sealed class PowerConfigurations :
    IEntityTypeConfiguration<PowerListVersion>, IEntityTypeConfiguration<PowerItemRevision>, IEntityTypeConfiguration<PowerChange>,
    IEntityTypeConfiguration<PowerLegalFlag>, IEntityTypeConfiguration<TownDelegation>
{
    public void Configure(EntityTypeBuilder<PowerListVersion> b)
    {
        b.ToTable("lists_power_versions");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.Number).IsUnique();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.PublishedBy).HasMaxLength(128);
        b.Property(x => x.NoticeNumber).HasMaxLength(64);
        b.Property(x => x.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<PowerItemRevision> b)
    {
        b.ToTable("lists_power_items");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.ItemCode, x.FromVersion }).IsUnique();
        b.HasIndex(x => new { x.FromVersion, x.ToVersion });
        b.HasIndex(x => x.MatterCode);
        b.Property(x => x.ItemCode).HasMaxLength(40);
        b.MapContent();
    }

    public void Configure(EntityTypeBuilder<PowerChange> b)
    {
        b.ToTable("lists_power_changes");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.DraftVersionId, x.ReviewStatus });
        b.HasIndex(x => x.OrgUnitId);
        b.Property(x => x.ChangeKind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.ReviewStatus).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.ItemCode).HasMaxLength(40);
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.Property(x => x.ProposedBy).HasMaxLength(128);
        b.Property(x => x.ReviewNote).HasMaxLength(2000);
        b.Property(x => x.ReviewedBy).HasMaxLength(128);
        b.MapContent();
        b.Property(x => x.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<PowerLegalFlag> b)
    {
        b.ToTable("lists_power_flags");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.RevisionId, x.Citation }).IsUnique();
        b.HasIndex(x => x.ItemCode);
        b.Property(x => x.ItemCode).HasMaxLength(40);
        b.Property(x => x.Citation).HasMaxLength(200);
        b.Property(x => x.State).HasMaxLength(32);
        b.Property(x => x.StateLabel).HasMaxLength(64);
        b.Property(x => x.Url).HasMaxLength(400);
        b.Property(x => x.CurrentUrl).HasMaxLength(400);
    }

    public void Configure(EntityTypeBuilder<TownDelegation> b)
    {
        b.ToTable("lists_power_delegations");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.ItemCode, x.TownUnitId });
        b.Property(x => x.ItemCode).HasMaxLength(40);
        b.Property(x => x.ItemName).HasMaxLength(200);
        b.Property(x => x.TownName).HasMaxLength(200);
        b.Property(x => x.DocumentNumber).HasMaxLength(64);
        b.Property(x => x.DocumentTitle).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
