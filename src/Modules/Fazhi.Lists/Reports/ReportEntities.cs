using System.Text.Json.Serialization;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.PersonalData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Lists.Reports;

/// <summary>
/// The module's numbers an administrator may change (ADR 0017): the time a unit has to answer a report of a certificate
/// demanded outside the list, and the unit that receives reports whose citizen could not name the unit.
/// </summary>
internal sealed class ListsSettings : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>
    /// Working days to answer a report (默认 5 个工作日). 优化营商环境条例 第四十四条 forbids demanding a certificate outside the
    /// list but sets no answering period; the default follows the enterprise-complaint example in domain.md §2
    /// (济南市优化营商环境条例 第六十二条: 5 working days), and the office may change it.
    /// </summary>
    public int ReportAnswerWorkingDays { get; set; } = 5;

    /// <summary>Org-unit code of the unit that takes reports naming no unit (the list-owning office sorts them).</summary>
    public string IntakeUnitCode { get; set; } = "370400";

    public long Version { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<ReportStatus>))]
internal enum ReportStatus
{
    /// <summary>待答复.</summary>
    Open,

    /// <summary>已答复.</summary>
    Answered,
}

[JsonConverter(typeof(JsonStringEnumConverter<ReportFinding>))]
internal enum ReportFinding
{
    /// <summary>属实：已纠正，不再索要.</summary>
    ConfirmedCorrected,

    /// <summary>该证明在清单内，依法可以索要.</summary>
    OnList,

    /// <summary>经核实不属实.</summary>
    NotConfirmed,
}

/// <summary>
/// A citizen's report (清单之外无证明) that a certificate outside the published list was demanded (优化营商环境条例 第四十四条;
/// 山东省优化营商环境条例 第三十九条). Routed to the unit named (or the intake unit), answered within the settings' working
/// days; the citizen reads the answer with the report number and query code. Scoped to the unit it is routed to.
/// </summary>
internal sealed class OutsideListReport : IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string Number { get; set; } = "";

    public Guid OrgUnitId { get; set; }

    /// <summary>The unit as the citizen named it (or 不清楚).</summary>
    public string UnitAsReported { get; set; } = "";

    [AuditRedacted]
    public string QueryCodeHash { get; set; } = "";

    public string ReporterName { get; set; } = "";

    public SensitiveText? ContactPhone { get; set; }

    /// <summary>The matter the citizen was applying for.</summary>
    public string Matter { get; set; } = "";

    /// <summary>The certificate demanded.</summary>
    public string CertificateName { get; set; } = "";

    public DateOnly? DemandedOn { get; set; }

    public string Description { get; set; } = "";

    public DateOnly ReceivedOn { get; set; }

    public DateOnly DueOn { get; set; }

    /// <summary>转办 history: each transfer's from-unit, to-unit, date, and reason, one a line.</summary>
    public string Transfers { get; set; } = "";

    public ReportStatus Status { get; set; }

    public ReportFinding? Finding { get; set; }

    public string Answer { get; set; } = "";

    public string AnsweredBy { get; set; } = "";

    public DateOnly? AnsweredOn { get; set; }

    public bool IsDemo { get; set; }

    public long Version { get; set; }
}

internal sealed class ListsSettingsConfiguration : IEntityTypeConfiguration<ListsSettings>
{
    public void Configure(EntityTypeBuilder<ListsSettings> b)
    {
        b.ToTable("lists_settings");
        b.HasKey(x => x.Id);
        b.Property(x => x.IntakeUnitCode).HasMaxLength(64);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class OutsideListReportConfiguration : IEntityTypeConfiguration<OutsideListReport>
{
    public void Configure(EntityTypeBuilder<OutsideListReport> b)
    {
        b.ToTable("lists_outside_reports");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.Number).IsUnique();
        b.HasIndex(x => new { x.OrgUnitId, x.Status, x.DueOn });
        b.Property(x => x.Number).HasMaxLength(40);
        b.Property(x => x.UnitAsReported).HasMaxLength(200);
        b.Property(x => x.QueryCodeHash).HasMaxLength(64);
        b.Property(x => x.ReporterName).HasMaxLength(64);
        b.Property(x => x.ContactPhone).IsSensitive(SensitiveKind.Phone);
        b.Property(x => x.Matter).HasMaxLength(400);
        b.Property(x => x.CertificateName).HasMaxLength(200);
        b.Property(x => x.Description).HasMaxLength(4000);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Finding).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.Answer).HasMaxLength(4000);
        b.Property(x => x.Transfers).HasMaxLength(4000);
        b.Property(x => x.AnsweredBy).HasMaxLength(128);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
