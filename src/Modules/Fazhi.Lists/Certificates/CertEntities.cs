using System.Text.Json.Serialization;
using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Lists.Certificates;

[JsonConverter(typeof(JsonStringEnumConverter<CertVersionStatus>))]
internal enum CertVersionStatus
{
    /// <summary>Collecting proposals; the one open draft.</summary>
    Draft,

    /// <summary>Reviewed and published: immutable.</summary>
    Published,
}

/// <summary>
/// One version of the certification-item list (证明事项清单). Exactly one draft at a time collects proposals; publishing
/// gives it the next number and an effective date, after which neither it nor its items change (ADR 0025).
/// </summary>
internal sealed class CertListVersion : IVersioned, INoticeNumbered
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>1, 2, 3 …: the draft already carries the number it will be published under.</summary>
    public int Number { get; set; }

    public CertVersionStatus Status { get; set; }

    /// <summary>The day the published version takes effect (the list "as it stood on a date" is the last version effective by then).</summary>
    public DateOnly? EffectiveOn { get; set; }

    /// <summary>公告说明: what this version changed and why.</summary>
    public string Note { get; set; } = "";

    public string PublishedBy { get; set; } = "";

    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>文号 of the version's public notice, taken on its first download (ADR 0044).</summary>
    public string? NoticeNumber { get; set; }

    public long Version { get; set; }
}

/// <summary>A published list version whose public notice carries a 文号 (ADR 0044).</summary>
internal interface INoticeNumbered
{
    DateTimeOffset? PublishedAt { get; }

    string? NoticeNumber { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<CertItemStatus>))]
internal enum CertItemStatus
{
    /// <summary>在用: may be demanded as the list says.</summary>
    InForce,

    /// <summary>已取消: may no longer be demanded.</summary>
    Cancelled,
}

/// <summary>The content of one certification item, shared by a list revision and a proposal to change it.</summary>
internal abstract class CertItemContent
{
    /// <summary>证明名称.</summary>
    public string Name { get; set; } = "";

    /// <summary>The administrative matter (办理事项) the certificate serves.</summary>
    public string Matter { get; set; } = "";

    /// <summary>索要单位: the unit that may demand the certificate (an org unit, so that it proposes changes and answers reports).</summary>
    public Guid RequestingUnitId { get; set; }

    public string RequestingUnitName { get; set; } = "";

    /// <summary>开具单位: who issues the certificate (often outside the government tree: a hospital, a 村委会).</summary>
    public string IssuingUnit { get; set; } = "";

    /// <summary>设定依据: citations of laws, regulations or State Council decisions, resolved through the library.</summary>
    public string LegalBasis { get; set; } = "";

    /// <summary>Whether 告知承诺制 applies: the applicant may give a written commitment instead of the certificate.</summary>
    public bool NotifyCommit { get; set; }

    /// <summary>承诺内容.</summary>
    public string CommitmentText { get; set; } = "";

    /// <summary>核查方式: how and when the commitment is verified.</summary>
    public string VerificationMethod { get; set; } = "";

    /// <summary>虚假承诺的后果 (山东省优化营商环境条例 第二十九条: correction by a deadline, then revocation, credit record).</summary>
    public string FalseCommitmentConsequence { get; set; } = "";

    /// <summary>办事指南.</summary>
    public string ServiceGuide { get; set; } = "";

    public CertItemStatus Status { get; set; }

    public DateOnly? CancelledOn { get; set; }

    public string CancelReason { get; set; } = "";

    public void CopyContentFrom(CertItemContent o)
    {
        (Name, Matter, RequestingUnitId, RequestingUnitName, IssuingUnit, LegalBasis) = (o.Name, o.Matter, o.RequestingUnitId, o.RequestingUnitName, o.IssuingUnit, o.LegalBasis);
        (NotifyCommit, CommitmentText, VerificationMethod, FalseCommitmentConsequence, ServiceGuide) = (o.NotifyCommit, o.CommitmentText, o.VerificationMethod, o.FalseCommitmentConsequence, o.ServiceGuide);
        (Status, CancelledOn, CancelReason) = (o.Status, o.CancelledOn, o.CancelReason);
    }
}

/// <summary>
/// An item as it stands in the versions <see cref="FromVersion"/> up to (not including) <see cref="ToVersion"/>. A published
/// change closes the old revision and opens a new one, so every version's list is the revisions open at its number, and a
/// revision's content never changes. Public data: not scoped (the list is published to everyone).
/// </summary>
internal sealed class CertItemRevision : CertItemContent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The item's code, stable across versions (e.g. ZM2026-0001).</summary>
    public string ItemCode { get; set; } = "";

    public int FromVersion { get; set; }

    public int? ToVersion { get; set; }

    public bool IsDemo { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<CertChangeKind>))]
internal enum CertChangeKind
{
    /// <summary>新增.</summary>
    Add,

    /// <summary>变更.</summary>
    Change,

    /// <summary>取消.</summary>
    Cancel,
}

[JsonConverter(typeof(JsonStringEnumConverter<CertChangeStatus>))]
internal enum CertChangeStatus
{
    Pending,
    Accepted,
    Rejected,
}

/// <summary>
/// A proposal to add, change or cancel an item, made into the open draft by the requesting unit (or the list owner, or an
/// import) and reviewed by the list owner. Scoped to the requesting unit: a unit sees and proposes only its own items.
/// </summary>
internal sealed class CertChange : CertItemContent, IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid DraftVersionId { get; set; }

    /// <summary>The requesting unit (the scope): <see cref="CertItemContent.RequestingUnitId"/>.</summary>
    public Guid OrgUnitId { get; set; }

    public CertChangeKind Kind { get; set; }

    /// <summary>The item changed or cancelled; for an addition, the code it will carry (given on import, or numbered now).</summary>
    public string ItemCode { get; set; } = "";

    /// <summary>Why the unit proposes it.</summary>
    public string Reason { get; set; } = "";

    public string ProposedBy { get; set; } = "";

    public DateOnly ProposedOn { get; set; }

    public CertChangeStatus ReviewStatus { get; set; }

    public string ReviewNote { get; set; } = "";

    public string ReviewedBy { get; set; } = "";

    public DateOnly? ReviewedOn { get; set; }

    public bool IsDemo { get; set; }

    public long Version { get; set; }
}

internal static class CertContentMapping
{
    public static void MapContent<T>(this EntityTypeBuilder<T> b)
        where T : CertItemContent
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Matter).HasMaxLength(400);
        b.Property(x => x.RequestingUnitName).HasMaxLength(200);
        b.Property(x => x.IssuingUnit).HasMaxLength(200);
        b.Property(x => x.LegalBasis).HasMaxLength(2000);
        b.Property(x => x.CommitmentText).HasMaxLength(4000);
        b.Property(x => x.VerificationMethod).HasMaxLength(2000);
        b.Property(x => x.FalseCommitmentConsequence).HasMaxLength(2000);
        b.Property(x => x.ServiceGuide).HasMaxLength(4000);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.CancelReason).HasMaxLength(1000);
    }
}

internal sealed class CertListVersionConfiguration : IEntityTypeConfiguration<CertListVersion>
{
    public void Configure(EntityTypeBuilder<CertListVersion> b)
    {
        b.ToTable("lists_cert_versions");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.Number).IsUnique();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.PublishedBy).HasMaxLength(128);
        b.Property(x => x.NoticeNumber).HasMaxLength(64);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class CertItemRevisionConfiguration : IEntityTypeConfiguration<CertItemRevision>
{
    public void Configure(EntityTypeBuilder<CertItemRevision> b)
    {
        b.ToTable("lists_cert_items");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.ItemCode, x.FromVersion }).IsUnique();
        b.HasIndex(x => new { x.FromVersion, x.ToVersion });
        b.Property(x => x.ItemCode).HasMaxLength(40);
        b.MapContent();
    }
}

internal sealed class CertChangeConfiguration : IEntityTypeConfiguration<CertChange>
{
    public void Configure(EntityTypeBuilder<CertChange> b)
    {
        b.ToTable("lists_cert_changes");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.DraftVersionId, x.ReviewStatus });
        b.HasIndex(x => x.OrgUnitId);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.ItemCode).HasMaxLength(40);
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.Property(x => x.ProposedBy).HasMaxLength(128);
        b.Property(x => x.ReviewNote).HasMaxLength(2000);
        b.Property(x => x.ReviewedBy).HasMaxLength(128);
        b.MapContent();
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
