using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Platform.Features.Identifiers;

public enum CreditCodeOverrideStatus
{
    /// <summary>Requested by a clerk with a reason, waiting for a reviewer.</summary>
    Pending,

    /// <summary>A reviewer (not the requester) confirmed it: the code passes wherever a record is validated.</summary>
    Confirmed,

    /// <summary>A reviewer refused it: the code stays refused.</summary>
    Rejected,
}

/// <summary>
/// A reviewed override of a 统一社会信用代码 that fails only its check character (codes issued early in the reform): a clerk
/// requests it with a reason, a holder of <c>platform.identifiers.review</c> other than the requester confirms or rejects it.
/// Only a confirmed override lets the code pass (<see cref="Kit.ICreditCodeCheck"/>). Audited like every entity.
/// </summary>
internal sealed class CreditCodeOverride : IVersioned
{
    public const int MaxReasonLength = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The normalised code (18 characters, upper case).</summary>
    public required string Code { get; set; }

    /// <summary>What the clerk compared the code with, e.g. 已核对营业执照原件.</summary>
    public required string Reason { get; set; }

    public CreditCodeOverrideStatus Status { get; set; } = CreditCodeOverrideStatus.Pending;

    public Guid? RequestedById { get; set; }

    public required string RequestedByName { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    /// <summary>Who confirmed or rejected it.</summary>
    public Guid? ReviewedById { get; set; }

    public string? ReviewedByName { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    /// <summary>The reviewer's note (required when rejecting).</summary>
    public string? ReviewNote { get; set; }

    public long Version { get; set; }
}

internal sealed class CreditCodeOverrideConfiguration : IEntityTypeConfiguration<CreditCodeOverride>
{
    public void Configure(EntityTypeBuilder<CreditCodeOverride> b)
    {
        b.ToTable("platform_credit_code_overrides");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.Code, x.Status });
        b.Property(x => x.Code).HasMaxLength(18);
        b.Property(x => x.Reason).HasMaxLength(CreditCodeOverride.MaxReasonLength);
        b.Property(x => x.ReviewNote).HasMaxLength(CreditCodeOverride.MaxReasonLength);
        b.Property(x => x.RequestedByName).HasMaxLength(128);
        b.Property(x => x.ReviewedByName).HasMaxLength(128);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
    }
}
