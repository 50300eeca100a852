using System.Text.Json.Serialization;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.PersonalData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Enforcement.CreditRepair;

/// <summary>
/// The numbers of credit repair (信用修复), kept as data an administrator can change. Basis: 国家发展改革委
/// 《失信行为纠正后的信用信息修复管理办法（试行）》（2023 年第 58 号令）第三章 终止公示行政处罚信息：涉及一般失信行为的
/// 行政处罚信息最短公示期三个月、最长一年；涉及严重失信行为的最短公示期一年、最长三年；公示期自行政处罚决定之日起计算；
/// 最短公示期届满后，已完全履行行政处罚决定规定的义务、纠正违法行为的，可以申请提前终止公示。
/// </summary>
internal sealed class CreditRepairRules : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>最短公示期 (months) for penalty information on ordinary (一般) dishonest conduct.</summary>
    public int OrdinaryMinMonths { get; set; } = 3;

    /// <summary>最短公示期 (months) for penalty information on serious (严重) dishonest conduct.</summary>
    public int SeriousMinMonths { get; set; } = 12;

    /// <summary>The basis cited in refusals.</summary>
    public string Basis { get; set; } = "《失信行为纠正后的信用信息修复管理办法（试行）》（国家发展改革委令 2023 年第 58 号）第三章";

    public string UpdatedBy { get; set; } = "";

    public long Version { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<CreditRepairStatus>))]
internal enum CreditRepairStatus
{
    Pending,
    Approved,
    Refused,
}

[JsonConverter(typeof(JsonStringEnumConverter<CreditRepairChannel>))]
internal enum CreditRepairChannel
{
    /// <summary>Submitted on the public page without an account.</summary>
    Public,

    /// <summary>Entered by the body's staff (e.g. from a paper application).</summary>
    Staff,
}

/// <summary>An application for credit repair of one published penalty decision. Scoped to the deciding body, which reviews it.</summary>
internal sealed class CreditRepairApplication : IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrgUnitId { get; set; }

    public Guid CaseId { get; set; }

    public Guid PublishedDecisionId { get; set; }

    public string DecisionNumber { get; set; } = "";

    /// <summary>统一社会信用代码 of the enterprise (validated; public information).</summary>
    public string CreditCode { get; set; } = "";

    public string EnterpriseName { get; set; } = "";

    public string ApplicantName { get; set; } = "";

    /// <summary>Contact telephone: SM4-encrypted, masked.</summary>
    public SensitiveText? ContactPhone { get; set; }

    /// <summary>纠正失信行为的情况说明.</summary>
    public string Statement { get; set; } = "";

    public CreditRepairChannel Channel { get; set; }

    public DateOnly SubmittedOn { get; set; }

    /// <summary>The eligibility checks as they stood at submission.</summary>
    public string Checks { get; set; } = "";

    public CreditRepairStatus Status { get; set; }

    public string DecisionReason { get; set; } = "";

    public string DecidedBy { get; set; } = "";

    public DateOnly? DecidedOn { get; set; }

    public long Version { get; set; }
}

internal sealed class CreditRepairRulesConfiguration : IEntityTypeConfiguration<CreditRepairRules>
{
    public void Configure(EntityTypeBuilder<CreditRepairRules> b)
    {
        b.ToTable("enforcement_credit_repair_rules");
        b.HasKey(x => x.Id);
        b.Property(x => x.Basis).HasMaxLength(1000);
        b.Property(x => x.UpdatedBy).HasMaxLength(128);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class CreditRepairApplicationConfiguration : IEntityTypeConfiguration<CreditRepairApplication>
{
    public void Configure(EntityTypeBuilder<CreditRepairApplication> b)
    {
        b.ToTable("enforcement_credit_repairs");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.OrgUnitId, x.Status });
        b.HasIndex(x => new { x.CreditCode, x.DecisionNumber });
        b.HasIndex(x => x.CaseId);
        b.Property(x => x.DecisionNumber).HasMaxLength(64);
        b.Property(x => x.CreditCode).HasMaxLength(18);
        b.Property(x => x.EnterpriseName).HasMaxLength(256);
        b.Property(x => x.ApplicantName).HasMaxLength(64);
        b.Property(x => x.ContactPhone).IsSensitive(SensitiveKind.Phone);
        b.Property(x => x.Statement).HasMaxLength(4000);
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Checks).HasMaxLength(4000);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.DecisionReason).HasMaxLength(4000);
        b.Property(x => x.DecidedBy).HasMaxLength(128);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
