using System.Text.Json.Serialization;
using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Lists.Plans;

/// <summary>The plan system (突发事件应对法 第二十六条): overall, special, department, and unit or enterprise plans.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PlanKind>))]
internal enum PlanKind
{
    /// <summary>总体应急预案.</summary>
    Overall,

    /// <summary>专项应急预案.</summary>
    Special,

    /// <summary>部门应急预案.</summary>
    Department,

    /// <summary>单位和企业应急预案.</summary>
    Unit,
}

[JsonConverter(typeof(JsonStringEnumConverter<DrillKind>))]
internal enum DrillKind
{
    /// <summary>桌面推演.</summary>
    Tabletop,

    /// <summary>功能演练.</summary>
    Functional,

    /// <summary>综合（实战）演练.</summary>
    FullScale,
}

/// <summary>
/// An emergency plan (应急预案) of its owning unit: level, approval document, dates, version, the events it covers, its legal
/// basis, how often it is reviewed and drilled. A plan past its review date is flagged; plans are revised after drills and
/// re-filed (突发事件应对法 第二十八条; 山东省突发事件应对条例 第十四条). Scoped to the owning unit.
/// </summary>
internal sealed class EmergencyPlan : IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrgUnitId { get; set; }

    public string OwnerName { get; set; } = "";

    public string Title { get; set; } = "";

    public PlanKind Kind { get; set; }

    /// <summary>市级 / 县级 / 乡镇: the level of government the plan belongs to.</summary>
    public Powers.PowerLevel Level { get; set; }

    /// <summary>印发文件 文号.</summary>
    public string ApprovalDocument { get; set; } = "";

    public DateOnly ApprovedOn { get; set; }

    /// <summary>版本 (e.g. 2024 年修订版).</summary>
    public string PlanVersion { get; set; } = "";

    /// <summary>适用的突发事件类别.</summary>
    public string EventKinds { get; set; } = "";

    public string LegalBasis { get; set; } = "";

    /// <summary>评估修订周期 (months).</summary>
    public int ReviewCycleMonths { get; set; } = 36;

    public DateOnly? LastReviewedOn { get; set; }

    /// <summary>
    /// 演练周期 (months): 专项和部门预案至少每 3 年演练一次 (2013 突发事件应急预案管理办法 第二十二条, policy; default, configurable per plan);
    /// 公共安全相关单位至少每年一次 (山东省突发事件应对条例 第十五条).
    /// </summary>
    public int DrillIntervalMonths { get; set; } = 36;

    /// <summary>Published to the public (the overall plan, the public parts of special plans).</summary>
    public bool IsPublic { get; set; }

    public string PublicSummary { get; set; } = "";

    public bool IsDemo { get; set; }

    public long Version { get; set; }

    /// <summary>The day the next review is due: the last review (or approval) plus the cycle.</summary>
    public DateOnly ReviewDueOn => (LastReviewedOn ?? ApprovedOn).AddMonths(ReviewCycleMonths);
}

/// <summary>A drill of a plan, planned or held, with its evaluation. Scoped to the plan's unit.</summary>
internal sealed class Drill : IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid PlanId { get; set; }

    public Guid OrgUnitId { get; set; }

    public DrillKind Kind { get; set; }

    public DateOnly PlannedOn { get; set; }

    public DateOnly? HeldOn { get; set; }

    public string Scenario { get; set; } = "";

    public string Participants { get; set; } = "";

    /// <summary>演练评估.</summary>
    public string Evaluation { get; set; } = "";

    public bool IsDemo { get; set; }

    public long Version { get; set; }
}

/// <summary>A problem a drill found, and its rectification by a deadline. Scoped to the plan's unit.</summary>
internal sealed class DrillProblem : IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid DrillId { get; set; }

    public Guid OrgUnitId { get; set; }

    public string Description { get; set; } = "";

    public DateOnly RectifyBy { get; set; }

    public DateOnly? RectifiedOn { get; set; }

    public string Measures { get; set; } = "";

    public long Version { get; set; }
}

internal sealed class PlanConfigurations : IEntityTypeConfiguration<EmergencyPlan>, IEntityTypeConfiguration<Drill>, IEntityTypeConfiguration<DrillProblem>
{
    public void Configure(EntityTypeBuilder<EmergencyPlan> b)
    {
        b.ToTable("lists_plans");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.OrgUnitId, x.Kind });
        b.Ignore(x => x.ReviewDueOn);
        b.Property(x => x.OwnerName).HasMaxLength(200);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Level).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.ApprovalDocument).HasMaxLength(64);
        b.Property(x => x.PlanVersion).HasMaxLength(64);
        b.Property(x => x.EventKinds).HasMaxLength(1000);
        b.Property(x => x.LegalBasis).HasMaxLength(2000);
        b.Property(x => x.PublicSummary).HasMaxLength(8000);
        b.Property(x => x.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<Drill> b)
    {
        b.ToTable("lists_drills");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.PlanId, x.HeldOn });
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Scenario).HasMaxLength(2000);
        b.Property(x => x.Participants).HasMaxLength(2000);
        b.Property(x => x.Evaluation).HasMaxLength(4000);
        b.Property(x => x.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<DrillProblem> b)
    {
        b.ToTable("lists_drill_problems");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.DrillId);
        b.Property(x => x.Description).HasMaxLength(2000);
        b.Property(x => x.Measures).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
