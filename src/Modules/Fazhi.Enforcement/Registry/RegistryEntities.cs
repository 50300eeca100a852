using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Enforcement.Registry;

/// <summary>
/// An org unit with enforcement powers (执法主体). Public information (三项制度: 执法主体 公示), so not data-scoped;
/// one row per org unit, maintained by holders of <c>enforcement.registry.manage</c>.
/// </summary>
internal sealed class EnforcementBody : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrgUnitId { get; set; }

    public string OrgCode { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>职权依据 / 执法权限 as published.</summary>
    public string Powers { get; set; } = "";

    public bool Active { get; set; } = true;

    public long Version { get; set; }
}

/// <summary>
/// An enforcement officer (执法人员) of a body with the certificate (行政执法证件). 行政处罚法 第四十二条: 执法人员应当具有
/// 行政执法资格; an officer whose certificate is missing or expired cannot be put on a case. Scoped to the body's unit.
/// </summary>
internal sealed class EnforcementOfficer : IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrgUnitId { get; set; }

    public Guid BodyId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>执法证号; empty when the officer has none.</summary>
    public string CertificateNumber { get; set; } = "";

    public DateOnly? CertificateIssuedOn { get; set; }

    public DateOnly? CertificateExpiresOn { get; set; }

    /// <summary>执法区域和类别: matter codes or kinds the certificate covers (comma separated); empty = all of the body's matters.</summary>
    public string Scope { get; set; } = "";

    public bool Active { get; set; } = true;

    public long Version { get; set; }

    /// <summary>Why the officer may not act on <paramref name="day"/>; null when the certificate is valid.</summary>
    public string? IneligibleReason(DateOnly day)
    {
        if (!Active)
        {
            return $"执法人员 {Name} 已停用，不能办理案件。";
        }
        if (string.IsNullOrWhiteSpace(CertificateNumber) || CertificateExpiresOn is null)
        {
            return $"执法人员 {Name} 未取得行政执法证件，不能办理案件（行政处罚法第四十二条）。";
        }
        if (CertificateIssuedOn is { } issued && day < issued)
        {
            return $"执法人员 {Name} 的执法证件（{CertificateNumber}）{issued:yyyy-MM-dd} 起生效，尚未生效（行政处罚法第四十二条）。";
        }
        if (day > CertificateExpiresOn)
        {
            return $"执法人员 {Name} 的执法证件（{CertificateNumber}）已于 {CertificateExpiresOn:yyyy-MM-dd} 过期，不能办理案件（行政处罚法第四十二条）。";
        }
        return null;
    }

    /// <summary>True when the certificate's scope covers the matter (by code or kind); an empty scope covers all.</summary>
    public bool Covers(string matterCode, string matterKind)
    {
        if (string.IsNullOrWhiteSpace(Scope))
        {
            return true;
        }
        var items = Scope.Split([',', '，', ';', '；', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return items.Any(i => string.Equals(i, matterCode, StringComparison.OrdinalIgnoreCase) || string.Equals(i, matterKind, StringComparison.OrdinalIgnoreCase));
    }
}

internal sealed class EnforcementBodyConfiguration : IEntityTypeConfiguration<EnforcementBody>
{
    public void Configure(EntityTypeBuilder<EnforcementBody> b)
    {
        b.ToTable("enforcement_bodies");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.OrgUnitId).IsUnique();
        b.Property(x => x.OrgCode).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(128);
        b.Property(x => x.Powers).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class EnforcementOfficerConfiguration : IEntityTypeConfiguration<EnforcementOfficer>
{
    public void Configure(EntityTypeBuilder<EnforcementOfficer> b)
    {
        b.ToTable("enforcement_officers");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.OrgUnitId);
        b.HasIndex(x => x.CertificateExpiresOn);
        b.HasIndex(x => x.CertificateNumber);
        b.HasOne<EnforcementBody>().WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Name).HasMaxLength(64);
        b.Property(x => x.CertificateNumber).HasMaxLength(64);
        b.Property(x => x.Scope).HasMaxLength(1000);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
