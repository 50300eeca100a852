using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Platform.Features.Attachments;

/// <summary>
/// A file attached to a record. It belongs to the record's org unit, so the data scope hides it from other units
/// (a download by id from another district is 404). The bytes live once on disk under their SM3 hash.
/// </summary>
public sealed class Attachment : IOrgScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrgUnitId { get; set; }

    /// <summary>The owning record's type, e.g. <c>DisputeCase</c>.</summary>
    public string OwnerType { get; set; } = "";

    public string OwnerId { get; set; } = "";

    /// <summary>The uploader's file name, checked (no path, no control characters).</summary>
    public string FileName { get; set; } = "";

    /// <summary>The media type detected from the bytes, not the one the client declared.</summary>
    public string ContentType { get; set; } = "";

    public long Size { get; set; }

    /// <summary>SM3 of the content, lower-case hex.</summary>
    public string Sm3 { get; set; } = "";

    /// <summary>Path under the storage root: ab/cd/&lt;hash&gt;.</summary>
    public string StorageKey { get; set; } = "";

    public Guid? UploadedById { get; set; }

    public string UploadedBy { get; set; } = "";

    public DateTimeOffset UploadedAt { get; set; }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> b)
    {
        b.ToTable("platform_attachments");
        b.HasKey(x => x.Id);
        b.Property(x => x.OwnerType).HasMaxLength(64);
        b.Property(x => x.OwnerId).HasMaxLength(64);
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.ContentType).HasMaxLength(128);
        b.Property(x => x.Sm3).HasMaxLength(64);
        b.Property(x => x.StorageKey).HasMaxLength(80);
        b.Property(x => x.UploadedBy).HasMaxLength(128);
        b.HasIndex(x => new { x.OwnerType, x.OwnerId });
        b.HasIndex(x => x.Sm3);
    }
}
