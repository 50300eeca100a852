using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Platform.Features.Audit;

/// <summary>
/// Where the chain starts after a purge: the last purged entry's sequence and hash. Verification starts from the
/// newest checkpoint instead of the genesis hash, so a purged chain stays verifiable. The purge itself is recorded
/// in the chain as an <c>audit.purged</c> event carrying the same sequence and hash.
/// </summary>
[NotAudited]
public sealed class AuditCheckpoint
{
    /// <summary>The last purged sequence; the next entry kept is Sequence + 1.</summary>
    public long Sequence { get; set; }

    /// <summary>Hash of the last purged entry: the PreviousHash the first kept entry must carry.</summary>
    public string Hash { get; set; } = "";

    /// <summary>The purge request's cut-off (entries older than this were removed).</summary>
    public DateTimeOffset Before { get; set; }

    public DateTimeOffset PurgedAt { get; set; }

    public string PurgedBy { get; set; } = "";
}

internal sealed class AuditCheckpointConfiguration : IEntityTypeConfiguration<AuditCheckpoint>
{
    public void Configure(EntityTypeBuilder<AuditCheckpoint> b)
    {
        b.ToTable("platform_audit_checkpoints");
        b.HasKey(x => x.Sequence);
        b.Property(x => x.Sequence).ValueGeneratedNever();
        b.Property(x => x.Hash).HasMaxLength(64);
        b.Property(x => x.PurgedBy).HasMaxLength(128);
    }
}
