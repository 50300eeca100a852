using System.Text.Json.Serialization;
using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Learning.Records;

/// <summary>What kind of study or ceremony an activity is.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ActivityKind>))]
internal enum ActivityKind
{
    /// <summary>集体学法 (理论中心组学法、常务会议学法).</summary>
    StudySession,

    /// <summary>法治讲座、培训.</summary>
    Lecture,

    /// <summary>旁听庭审.</summary>
    CourtHearing,

    /// <summary>宪法宣誓.</summary>
    Oath,
}

/// <summary>
/// A study activity or ceremony held by a unit (ADR 0033): a collective study session, a lecture, a court hearing attended,
/// or a constitution oath ceremony; its date, topic, a detail by kind (the speaker, the court and case, the presiding
/// person) and the people from the register who attended. Scoped to the organising unit.
/// </summary>
internal sealed class Activity : IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public ActivityKind Kind { get; set; }

    public Guid OrgUnitId { get; set; }

    public string UnitName { get; set; } = "";

    public DateOnly Date { get; set; }

    public string Topic { get; set; } = "";

    /// <summary>主讲人 (lecture, study), 法院及案件 (court hearing), 监誓人 (oath).</summary>
    public string Detail { get; set; } = "";

    public bool IsDemo { get; set; }

    public long Version { get; set; }
}

/// <summary>One person who attended an activity (their unit kept, so a person's record and the unit's rates read it directly).</summary>
internal sealed class ActivityAttendee
{
    public Guid ActivityId { get; set; }

    public Guid PersonId { get; set; }

    public Guid OrgUnitId { get; set; }

    public string PersonName { get; set; } = "";
}

/// <summary>
/// A leading official's yearly duty report on the rule of law (述职述法): the year, the report's summary and file, and the
/// office's evaluation (优秀、合格、基本合格、不合格) with a comment. One per person and year; scoped to the person's unit.
/// </summary>
internal sealed class DutyReport : IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid PersonId { get; set; }

    public Guid OrgUnitId { get; set; }

    public string PersonName { get; set; } = "";

    public int Year { get; set; }

    public DateOnly SubmittedOn { get; set; }

    public string Summary { get; set; } = "";

    public Guid? FileId { get; set; }

    public string FileName { get; set; } = "";

    public string Evaluation { get; set; } = "";

    public string EvaluationNote { get; set; } = "";

    public bool IsDemo { get; set; }

    public long Version { get; set; }
}

internal sealed class RecordConfigurations : IEntityTypeConfiguration<Activity>, IEntityTypeConfiguration<ActivityAttendee>, IEntityTypeConfiguration<DutyReport>
{
    public void Configure(EntityTypeBuilder<Activity> b)
    {
        b.ToTable("learning_activities");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.OrgUnitId, x.Date });
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.UnitName).HasMaxLength(200);
        b.Property(x => x.Topic).HasMaxLength(200);
        b.Property(x => x.Detail).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<ActivityAttendee> b)
    {
        b.ToTable("learning_activity_attendees");
        b.HasKey(x => new { x.ActivityId, x.PersonId });
        b.HasIndex(x => x.PersonId);
        b.Property(x => x.PersonName).HasMaxLength(64);
    }

    public void Configure(EntityTypeBuilder<DutyReport> b)
    {
        b.ToTable("learning_duty_reports");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.PersonId, x.Year }).IsUnique();
        b.HasIndex(x => new { x.OrgUnitId, x.Year });
        b.Property(x => x.PersonName).HasMaxLength(64);
        b.Property(x => x.Summary).HasMaxLength(4000);
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.Evaluation).HasMaxLength(16);
        b.Property(x => x.EvaluationNote).HasMaxLength(500);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
