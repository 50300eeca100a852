using System.Text.Json.Serialization;
using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Lists.Verifications;

/// <summary>How a commitment was verified (核查方式).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VerificationMethod>))]
internal enum VerificationMethod
{
    /// <summary>数据共享核查.</summary>
    DataSharing,

    /// <summary>部门协查.</summary>
    InterDepartment,

    /// <summary>现场核查.</summary>
    OnSite,

    /// <summary>其他方式.</summary>
    Other,
}

/// <summary>What the verification found.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VerificationResult>))]
internal enum VerificationResult
{
    /// <summary>承诺属实.</summary>
    Confirmed,

    /// <summary>虚假承诺: feeds the credit-record list.</summary>
    FalseCommitment,

    /// <summary>无法核实.</summary>
    Unverifiable,
}

/// <summary>
/// A verification (核查) of a commitment made in place of a certificate under notify-and-commit (告知承诺制), recorded by the
/// unit that accepted the commitment; scoped to that unit (ADR 0039). A false commitment names the applicant and the
/// measures taken, and is listed for the credit records. Recorded once; a wrong record is corrected by a new one with a note.
/// </summary>
internal sealed class CertVerification : IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The verifying unit (核查单位).</summary>
    public Guid OrgUnitId { get; set; }

    public string UnitName { get; set; } = "";

    public string ItemCode { get; set; } = "";

    public string ItemName { get; set; } = "";

    public string Matter { get; set; } = "";

    /// <summary>办件编号 of the service case the commitment was made in.</summary>
    public string CaseReference { get; set; } = "";

    /// <summary>申请人 (a person's or an enterprise's name).</summary>
    public string ApplicantName { get; set; } = "";

    /// <summary>统一社会信用代码 of an enterprise applicant; empty for a person.</summary>
    public string CreditCode { get; set; } = "";

    public VerificationMethod Method { get; set; }

    public DateOnly VerifiedOn { get; set; }

    public VerificationResult Result { get; set; }

    /// <summary>核查情况.</summary>
    public string Finding { get; set; } = "";

    /// <summary>处理措施 for a false commitment (撤销, 责令改正, 记入信用记录 ...).</summary>
    public string Measures { get; set; } = "";

    public string RecordedBy { get; set; } = "";

    public DateOnly RecordedOn { get; set; }

    public bool IsDemo { get; set; }

    public long Version { get; set; }
}

internal sealed class CertVerificationConfiguration : IEntityTypeConfiguration<CertVerification>
{
    public void Configure(EntityTypeBuilder<CertVerification> b)
    {
        b.ToTable("lists_cert_verifications");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.OrgUnitId, x.VerifiedOn });
        b.HasIndex(x => new { x.ItemCode, x.Result });
        b.HasIndex(x => new { x.Result, x.VerifiedOn });
        b.Property(x => x.UnitName).HasMaxLength(200);
        b.Property(x => x.ItemCode).HasMaxLength(40);
        b.Property(x => x.ItemName).HasMaxLength(200);
        b.Property(x => x.Matter).HasMaxLength(400);
        b.Property(x => x.CaseReference).HasMaxLength(64);
        b.Property(x => x.ApplicantName).HasMaxLength(200);
        b.Property(x => x.CreditCode).HasMaxLength(18);
        b.Property(x => x.Method).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Result).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Finding).HasMaxLength(2000);
        b.Property(x => x.Measures).HasMaxLength(2000);
        b.Property(x => x.RecordedBy).HasMaxLength(128);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
