using System.Text.Json.Serialization;
using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Rulemaking.Decisions;

/// <summary>The statutory steps of a major administrative decision (重大行政决策程序暂行条例), in order.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DecisionStep>))]
internal enum DecisionStep
{
    /// <summary>公众参与 (第十四条至第十八条).</summary>
    PublicParticipation,

    /// <summary>专家论证 (第十九条至第二十一条).</summary>
    ExpertArgumentation,

    /// <summary>风险评估 (第二十二条至第二十四条).</summary>
    RiskAssessment,

    /// <summary>合法性审查 (第二十五条至第二十八条).</summary>
    LegalityReview,

    /// <summary>集体讨论决定 (第三十条).</summary>
    CollectiveDecision,

    /// <summary>决策公布 (第三十二条).</summary>
    Publication,

    /// <summary>决策后评估 (第三十六条).</summary>
    PostEvaluation,
}

[JsonConverter(typeof(JsonStringEnumConverter<StepState>))]
internal enum StepState
{
    /// <summary>未完成.</summary>
    Pending,

    /// <summary>已完成（附证明材料）.</summary>
    Done,

    /// <summary>依法无需进行（写明法定理由）.</summary>
    NotRequired,
}

[JsonConverter(typeof(JsonStringEnumConverter<DecisionStatus>))]
internal enum DecisionStatus
{
    /// <summary>决策程序进行中.</summary>
    InProgress,

    /// <summary>已集体讨论决定.</summary>
    Decided,

    /// <summary>已公布.</summary>
    Published,
}

/// <summary>The yearly catalogue of major administrative decisions (决策事项目录, 第三条), published to the public.</summary>
internal sealed class DecisionCatalogue : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public int Year { get; set; }

    public string Title { get; set; } = "";

    public DateOnly? PublishedOn { get; set; }

    public bool IsDemo { get; set; }

    public long Version { get; set; }
}

/// <summary>A decision of the catalogue, carried out by its 承办单位 (scoped to it), through its steps.</summary>
internal sealed class MajorDecision : IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CatalogueId { get; set; }

    public Guid OrgUnitId { get; set; }

    public string UnitName { get; set; } = "";

    public string Title { get; set; } = "";

    public string Summary { get; set; } = "";

    public DecisionStatus Status { get; set; }

    public DateOnly? DecidedOn { get; set; }

    /// <summary>会议纪要要点 (the minutes themselves are evidence of the collective-decision step).</summary>
    public string Minutes { get; set; } = "";

    /// <summary>行政首长的决定 (第三十条: 行政首长在集体讨论的基础上作出决定).</summary>
    public string LeaderDecision { get; set; } = "";

    public DateOnly? PublishedOn { get; set; }

    /// <summary>
    /// 须举行听证会: the 公众参与 step cannot be completed until a hearing on the decision has been held (重大行政决策程序暂行条例
    /// 第十四条、第十八条; ADR 0047). Set by the government office with the reason (the law or the matter that calls for it).
    /// </summary>
    public bool HearingRequired { get; set; }

    public string HearingRequiredReason { get; set; } = "";

    public bool IsDemo { get; set; }

    public long Version { get; set; }
}

/// <summary>One step of one decision: its state, dates, note, and the reason for a short period or for not being required.</summary>
internal sealed class DecisionStepRecord : IOrgScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid DecisionId { get; set; }

    public Guid OrgUnitId { get; set; }

    public DecisionStep Step { get; set; }

    public StepState State { get; set; }

    public DateOnly? StartedOn { get; set; }

    public DateOnly? EndedOn { get; set; }

    public string Note { get; set; } = "";

    /// <summary>Why a period was shorter than the statute's normal one, or the statutory reason the step is not required.</summary>
    public string Reason { get; set; } = "";

    public string CompletedBy { get; set; } = "";
}

/// <summary>程序回流: the office sent the decision back to a step, with the reason; part of the record.</summary>
internal sealed class DecisionReturn : IOrgScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid DecisionId { get; set; }

    public Guid OrgUnitId { get; set; }

    public DecisionStep Step { get; set; }

    public string Reason { get; set; } = "";

    public string ReturnedBy { get; set; } = "";

    public DateOnly ReturnedOn { get; set; }
}

internal sealed class DecisionConfigurations : IEntityTypeConfiguration<DecisionCatalogue>, IEntityTypeConfiguration<MajorDecision>, IEntityTypeConfiguration<DecisionStepRecord>,
    IEntityTypeConfiguration<DecisionReturn>
{
    public void Configure(EntityTypeBuilder<DecisionCatalogue> b)
    {
        b.ToTable("rulemaking_decision_catalogues");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.Year);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<MajorDecision> b)
    {
        b.ToTable("rulemaking_decisions");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.CatalogueId);
        b.Property(x => x.UnitName).HasMaxLength(200);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Summary).HasMaxLength(4000);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Minutes).HasMaxLength(8000);
        b.Property(x => x.LeaderDecision).HasMaxLength(4000);
        b.Property(x => x.HearingRequiredReason).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<DecisionStepRecord> b)
    {
        b.ToTable("rulemaking_decision_steps");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.DecisionId, x.Step }).IsUnique();
        b.Property(x => x.Step).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Note).HasMaxLength(4000);
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.Property(x => x.CompletedBy).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<DecisionReturn> b)
    {
        b.ToTable("rulemaking_decision_returns");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.DecisionId);
        b.Property(x => x.Step).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.Property(x => x.ReturnedBy).HasMaxLength(100);
    }
}
