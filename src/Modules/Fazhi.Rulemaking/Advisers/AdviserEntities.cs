using System.Text.Json.Serialization;
using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Rulemaking.Advisers;

/// <summary>What kind of government legal adviser (政府法律顾问) a register entry is.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AdviserKind>))]
internal enum AdviserKind
{
    /// <summary>公职律师.</summary>
    PublicLawyer,

    /// <summary>外聘律师.</summary>
    ExternalLawyer,

    /// <summary>律师事务所.</summary>
    LawFirm,

    /// <summary>专家学者.</summary>
    Expert,
}

/// <summary>What an opinion is asked about.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OpinionSubject>))]
internal enum OpinionSubject
{
    /// <summary>重大行政决策 (linked to the decision; shown at its 合法性审查 step).</summary>
    Decision,

    /// <summary>行政规范性文件 (a draft or document in the module, linked).</summary>
    NormativeDocument,

    /// <summary>立法项目 (地方性法规、政府规章, linked; ADR 0069).</summary>
    LegislationProject,

    /// <summary>合同.</summary>
    Contract,

    /// <summary>案件 (诉讼、复议、信访).</summary>
    Case,
}

/// <summary>
/// An entry of the register of government legal advisers: a public lawyer, an external lawyer, a firm or an expert, with the
/// platform account the adviser signs in with (when they have one). City-wide, kept by the office.
/// </summary>
internal sealed class LegalAdviser : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string Name { get; set; } = "";

    public AdviserKind Kind { get; set; }

    /// <summary>所在单位 / 律师事务所 / 院校.</summary>
    public string Organisation { get; set; } = "";

    public string Specialty { get; set; } = "";

    /// <summary>The adviser's account: they see only the requests sent to them.</summary>
    public Guid? UserId { get; set; }

    public string UserName { get; set; } = "";

    public bool IsDemo { get; set; }

    public long Version { get; set; }
}

/// <summary>An adviser engaged by a unit (聘任) for a contract period; requests are sent only within it.</summary>
internal sealed class AdviserEngagement : IOrgScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid AdviserId { get; set; }

    public Guid OrgUnitId { get; set; }

    public string UnitName { get; set; } = "";

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }

    /// <summary>聘任合同编号.</summary>
    public string ContractNo { get; set; } = "";

    public bool IsDemo { get; set; }
}

/// <summary>
/// A unit's request for a written legal opinion on a decision, a normative document, a contract or a case, with the deadline;
/// the adviser's opinion recorded on it.
/// </summary>
internal sealed class OpinionRequest : IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>FLYJ-{year}-{seq}.</summary>
    public string Number { get; set; } = "";

    public Guid OrgUnitId { get; set; }

    public string UnitName { get; set; } = "";

    public Guid AdviserId { get; set; }

    public string AdviserName { get; set; } = "";

    public Guid? AdviserUserId { get; set; }

    public OpinionSubject Subject { get; set; }

    /// <summary>The decision, normative document or legislation project in the module the opinion is on (required for those kinds; ADR 0069).</summary>
    public Guid? SubjectId { get; set; }

    public string SubjectTitle { get; set; } = "";

    public string Question { get; set; } = "";

    public DateOnly RequestedOn { get; set; }

    public DateOnly DueOn { get; set; }

    public string RequestedBy { get; set; } = "";

    public string? Opinion { get; set; }

    public DateOnly? AnsweredOn { get; set; }

    public string AnsweredBy { get; set; } = "";

    public bool IsDemo { get; set; }

    public long Version { get; set; }
}

internal sealed class AdviserConfigurations : IEntityTypeConfiguration<LegalAdviser>, IEntityTypeConfiguration<AdviserEngagement>, IEntityTypeConfiguration<OpinionRequest>
{
    public void Configure(EntityTypeBuilder<LegalAdviser> b)
    {
        b.ToTable("rulemaking_legal_advisers");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.UserId);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Organisation).HasMaxLength(200);
        b.Property(x => x.Specialty).HasMaxLength(200);
        b.Property(x => x.UserName).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<AdviserEngagement> b)
    {
        b.ToTable("rulemaking_adviser_engagements");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.AdviserId, x.OrgUnitId });
        b.Property(x => x.UnitName).HasMaxLength(200);
        b.Property(x => x.ContractNo).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<OpinionRequest> b)
    {
        b.ToTable("rulemaking_opinion_requests");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.Number).IsUnique();
        b.HasIndex(x => new { x.AdviserUserId, x.AnsweredOn });
        b.HasIndex(x => new { x.Subject, x.SubjectId });
        b.Property(x => x.Number).HasMaxLength(32);
        b.Property(x => x.UnitName).HasMaxLength(200);
        b.Property(x => x.AdviserName).HasMaxLength(100);
        b.Property(x => x.Subject).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.SubjectTitle).HasMaxLength(200);
        b.Property(x => x.Question).HasMaxLength(4000);
        b.Property(x => x.RequestedBy).HasMaxLength(100);
        b.Property(x => x.Opinion).HasMaxLength(20_000);
        b.Property(x => x.AnsweredBy).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
