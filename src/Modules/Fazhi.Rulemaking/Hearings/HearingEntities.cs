using System.Text.Json.Serialization;
using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Rulemaking.Hearings;

/// <summary>听证会 or 专家论证会.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HearingKind>))]
internal enum HearingKind
{
    /// <summary>听证会: public, announced ahead (规章制定程序条例 第十六条; 重大行政决策程序暂行条例 第十八条).</summary>
    Hearing,

    /// <summary>专家论证会 (规章制定程序条例 第十五条; 重大行政决策程序暂行条例 第十九条、第二十条).</summary>
    ExpertMeeting,
}

/// <summary>What the meeting is about: a legislation project, a major decision or a normative-document draft (ADR 0065).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HearingSubject>))]
internal enum HearingSubject
{
    /// <summary>立法项目.</summary>
    LegislationProject,

    /// <summary>重大行政决策.</summary>
    MajorDecision,

    /// <summary>行政规范性文件草案 (a hearing is optional for it, ADR 0065).</summary>
    NormativeDocument,
}

[JsonConverter(typeof(JsonStringEnumConverter<HearingState>))]
internal enum HearingState
{
    /// <summary>已公告，待举行.</summary>
    Announced,

    /// <summary>已举行（记录已附）.</summary>
    Held,
}

/// <summary>
/// A hearing or an expert meeting on a legislation project or a major decision, scoped to the subject's unit: announced
/// (the date, place, content and who takes part), then held with its record and the minutes attached. Once held it is
/// never changed.
/// </summary>
internal sealed class Hearing : IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrgUnitId { get; set; }

    public string UnitName { get; set; } = "";

    public HearingKind Kind { get; set; }

    public HearingSubject Subject { get; set; }

    public Guid SubjectId { get; set; }

    public string SubjectTitle { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>听证或论证的内容 (the matters to be heard).</summary>
    public string Content { get; set; } = "";

    public DateOnly AnnouncedOn { get; set; }

    public DateOnly HeldOn { get; set; }

    public string Place { get; set; } = "";

    /// <summary>参加人 (for a hearing: how to apply and who was chosen; for an expert meeting: the experts).</summary>
    public string Participants { get; set; } = "";

    public HearingState State { get; set; }

    /// <summary>听证笔录或论证意见的要点 (the minutes file is attached).</summary>
    public string Record { get; set; } = "";

    public DateOnly? RecordedOn { get; set; }

    public string RecordedBy { get; set; } = "";

    public string AnnouncedBy { get; set; } = "";

    public bool IsDemo { get; set; }

    public long Version { get; set; }
}

internal sealed class HearingConfiguration : IEntityTypeConfiguration<Hearing>
{
    public void Configure(EntityTypeBuilder<Hearing> b)
    {
        b.ToTable("rulemaking_hearings");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.Subject, x.SubjectId });
        b.HasIndex(x => x.HeldOn);
        b.Property(x => x.UnitName).HasMaxLength(200);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Subject).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.SubjectTitle).HasMaxLength(200);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Content).HasMaxLength(4000);
        b.Property(x => x.Place).HasMaxLength(200);
        b.Property(x => x.Participants).HasMaxLength(2000);
        b.Property(x => x.Record).HasMaxLength(8000);
        b.Property(x => x.RecordedBy).HasMaxLength(100);
        b.Property(x => x.AnnouncedBy).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
