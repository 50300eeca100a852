using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Platform.Features.Notifications;

/// <summary>
/// One message in a user's in-app inbox (reminders, escalations, supervision notices). It belongs to its recipient,
/// not to an org unit: every query filters by the signed-in user.
/// </summary>
internal sealed class Notification : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid RecipientUserId { get; set; }

    /// <summary>Machine kind, e.g. "disputes.deadline.reminder"; lets a sender avoid repeating itself.</summary>
    public string Kind { get; set; } = "";

    public string Title { get; set; } = "";

    public string Body { get; set; } = "";

    /// <summary>A relative link inside Fazhi to the record concerned.</summary>
    public string? Link { get; set; }

    /// <summary>What the notice is about (e.g. a case id); with <see cref="Kind"/> it de-duplicates repeats.</summary>
    public string? Subject { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }

    public long Version { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("platform_notifications");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasMaxLength(80);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Body).HasMaxLength(2000);
        b.Property(x => x.Link).HasMaxLength(400);
        b.Property(x => x.Subject).HasMaxLength(100);
        b.HasIndex(x => new { x.RecipientUserId, x.ReadAt, x.CreatedAt });
        b.HasIndex(x => new { x.Kind, x.Subject });
    }
}
