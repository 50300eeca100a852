using System.Text.Json.Serialization;
using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Rulemaking.Cleanup;

/// <summary>Why a cleanup campaign (清理) is held.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CampaignKind>))]
internal enum CampaignKind
{
    /// <summary>定期清理 (e.g. every two years).</summary>
    Periodic,

    /// <summary>因上位法制定、修改或者废止而开展的专项清理.</summary>
    HigherLawChanged,

    /// <summary>按上级部署开展的专项清理 (e.g. 优化营商环境、民法典涉及的清理).</summary>
    Special,
}

/// <summary>The outcome a unit proposes for a document, and the one the office decides: 保留 / 修改 / 废止 / 宣布失效.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CleanupOutcome>))]
internal enum CleanupOutcome
{
    /// <summary>保留.</summary>
    Keep,

    /// <summary>修改.</summary>
    Amend,

    /// <summary>废止.</summary>
    Repeal,

    /// <summary>宣布失效.</summary>
    DeclareInvalid,
}

/// <summary>Where one listed document stands in its campaign.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CleanupItemState>))]
internal enum CleanupItemState
{
    /// <summary>待单位提出清理意见.</summary>
    Pending,

    /// <summary>单位已提出意见，待审核.</summary>
    Proposed,

    /// <summary>审核退回，待单位重新提出.</summary>
    Returned,

    /// <summary>已审定.</summary>
    Decided,
}

/// <summary>What kind of document a listed item is (and where the module keeps it, if it does).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CleanupSourceKind>))]
internal enum CleanupSourceKind
{
    /// <summary>行政规范性文件 (kept by the module when published through it).</summary>
    NormativeDocument,

    /// <summary>政府规章.</summary>
    GovernmentRule,

    /// <summary>地方性法规 (the government proposes; the people's congress standing committee decides).</summary>
    LocalRegulation,
}

/// <summary>
/// A cleanup campaign (清理) of the review office: the documents in scope, each assigned to its drafting / owning unit, which
/// proposes 保留 / 修改 / 废止 / 宣布失效 with the reason by <see cref="ProposalDueOn"/>; the office decides each; the campaign's
/// result is published as a list. Not org-scoped: its items are.
/// </summary>
internal sealed class CleanupCampaign : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string Title { get; set; } = "";

    public CampaignKind Kind { get; set; }

    /// <summary>清理依据 / 起因 (e.g. the amended law with its date, or the superior body's notice).</summary>
    public string Basis { get; set; } = "";

    public DateOnly StartedOn { get; set; }

    /// <summary>各单位提出清理意见的期限.</summary>
    public DateOnly ProposalDueOn { get; set; }

    public DateOnly? PublishedOn { get; set; }

    public string CreatedBy { get; set; } = "";

    public bool IsDemo { get; set; }

    public long Version { get; set; }
}

/// <summary>
/// One document in a campaign, scoped to its owning unit: the unit's proposal with the reason, the office's decision with
/// its reason (or a return to the unit). <see cref="SourceId"/> points at the module's record when it keeps the document
/// (a normative document, a published regulation or rule); otherwise the item names a document outside Fazhi.
/// </summary>
internal sealed class CleanupItem : IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CampaignId { get; set; }

    public Guid OrgUnitId { get; set; }

    public string UnitName { get; set; } = "";

    public CleanupSourceKind SourceKind { get; set; }

    public Guid? SourceId { get; set; }

    public string Title { get; set; } = "";

    /// <summary>文号 / 统一登记编号 / 政府令号.</summary>
    public string DocumentNo { get; set; } = "";

    /// <summary>Why it is listed (e.g. "所引《…》第X条已修改").</summary>
    public string ListedReason { get; set; } = "";

    public CleanupItemState State { get; set; }

    public CleanupOutcome? Proposal { get; set; }

    public string ProposalReason { get; set; } = "";

    public string ProposedBy { get; set; } = "";

    public DateOnly? ProposedOn { get; set; }

    public CleanupOutcome? Decision { get; set; }

    public string DecisionReason { get; set; } = "";

    public string DecidedBy { get; set; } = "";

    public DateOnly? DecidedOn { get; set; }

    /// <summary>The office's reason the last time it returned the proposal.</summary>
    public string ReturnReason { get; set; } = "";

    public bool IsDemo { get; set; }

    public long Version { get; set; }
}

internal sealed class CleanupConfigurations : IEntityTypeConfiguration<CleanupCampaign>, IEntityTypeConfiguration<CleanupItem>
{
    public void Configure(EntityTypeBuilder<CleanupCampaign> b)
    {
        b.ToTable("rulemaking_cleanup_campaigns");
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Basis).HasMaxLength(2000);
        b.Property(x => x.CreatedBy).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<CleanupItem> b)
    {
        b.ToTable("rulemaking_cleanup_items");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.CampaignId, x.OrgUnitId });
        b.HasIndex(x => new { x.CampaignId, x.SourceId }).IsUnique();
        b.Property(x => x.UnitName).HasMaxLength(200);
        b.Property(x => x.SourceKind).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.DocumentNo).HasMaxLength(128);
        b.Property(x => x.ListedReason).HasMaxLength(1000);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Proposal).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.ProposalReason).HasMaxLength(2000);
        b.Property(x => x.ProposedBy).HasMaxLength(100);
        b.Property(x => x.Decision).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.DecisionReason).HasMaxLength(2000);
        b.Property(x => x.DecidedBy).HasMaxLength(100);
        b.Property(x => x.ReturnReason).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
