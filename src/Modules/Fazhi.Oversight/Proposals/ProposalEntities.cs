using System.Text.Json.Serialization;
using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Oversight.Proposals;

[JsonConverter(typeof(JsonStringEnumConverter<ProposalKind>))]
internal enum ProposalKind
{
    /// <summary>人大代表建议 (《全国人民代表大会和地方各级人民代表大会代表法》第五十一条; 山东省代表建议办理条例).</summary>
    DeputySuggestion,

    /// <summary>政协提案 (the same flow by practice; no statute in the corpus).</summary>
    CppccProposal,
}

[JsonConverter(typeof(JsonStringEnumConverter<ProposalStatus>))]
internal enum ProposalStatus
{
    /// <summary>已交办，办理中.</summary>
    Assigned,

    /// <summary>承办单位申请调整，待联络机构决定.</summary>
    TransferRequested,

    /// <summary>已答复，待代表（委员）评价.</summary>
    Replied,

    /// <summary>代表（委员）不满意，重新办理.</summary>
    Reopened,

    /// <summary>已办结.</summary>
    Closed,
}

[JsonConverter(typeof(JsonStringEnumConverter<ProposalEvaluation>))]
internal enum ProposalEvaluation
{
    /// <summary>满意.</summary>
    Satisfied,

    /// <summary>基本满意.</summary>
    BasicallySatisfied,

    /// <summary>不满意.</summary>
    Dissatisfied,
}

/// <summary>
/// A deputy's suggestion (人大代表建议) or a CPPCC member's proposal (政协提案) of one year, assigned by the liaison office to a
/// lead unit (the record's org unit, so the data scope decides who sees it) and co-units, with the contact with the deputy,
/// the reply within the stamped months of assignment (extendable once to the stamped maximum), the deputy's evaluation, a
/// second reply after 不满意, and whether the deputy agreed to publish the reply.
/// </summary>
internal sealed class Proposal : IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The lead unit (主办单位).</summary>
    public Guid OrgUnitId { get; set; }

    /// <summary>协办单位 (recorded on the item; their opinions reach the deputy through the lead unit's reply).</summary>
    public List<Guid> CoUnitIds { get; set; } = [];

    public ProposalKind Kind { get; set; }

    /// <summary>The year of the session the item was raised at (the rates count by it).</summary>
    public int Year { get; set; }

    /// <summary>The number the congress or CPPCC gave the item, e.g. 第0123号 (unique per year and kind).</summary>
    public string Number { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>领衔代表或提案委员（单位）.</summary>
    public string Proposer { get; set; } = "";

    public string Content { get; set; } = "";

    /// <summary>交办日期 (of the current lead unit; a granted transfer assigns again).</summary>
    public DateOnly AssignedOn { get; set; }

    /// <summary>The months of the reply period in force at assignment (代表法 第五十一条: three months).</summary>
    public int ReplyMonths { get; set; }

    /// <summary>The longest period in months, stamped at assignment (代表法 第五十一条: six months at most).</summary>
    public int MaxMonths { get; set; }

    /// <summary>The last day the lead unit may ask to be relieved (山东条例 第十条、第十二条: five days).</summary>
    public DateOnly TransferDueOn { get; set; }

    /// <summary>答复期限 (extended when an extension is granted).</summary>
    public DateOnly DueOn { get; set; }

    /// <summary>The last day any extension may reach (assignment + <see cref="MaxMonths"/>).</summary>
    public DateOnly LatestDueOn { get; set; }

    public ProposalStatus Status { get; set; }

    public DateOnly? TransferRequestedOn { get; set; }

    public string? TransferReason { get; set; }

    /// <summary>The liaison office's answer to the last transfer request, in words.</summary>
    public string? TransferDecision { get; set; }

    public DateOnly? ExtendedOn { get; set; }

    public string? ExtensionReason { get; set; }

    /// <summary>The most recent contact with the deputy (member) before a reply.</summary>
    public DateOnly? ContactedOn { get; set; }

    public string? ContactMethod { get; set; }

    public string? ContactNote { get; set; }

    /// <summary>The first reply (按期办结率 judges it against <see cref="DueOn"/>).</summary>
    public DateOnly? RepliedOn { get; set; }

    public string? Reply { get; set; }

    /// <summary>
    /// Why the lead unit replied while a co-unit had not given its opinion (山东省代表建议办理条例 第二十一条); null when every
    /// co-unit had, or there were none.
    /// </summary>
    public string? CoOpinionsWaiver { get; set; }

    /// <summary>
    /// Why the lead unit gave the second reply (after 不满意) while a co-unit had not given its opinion of the second round
    /// (山东省代表建议办理条例 第二十一条, ADR 0066); null when every co-unit had, or there were none.
    /// </summary>
    public string? ReReplyCoOpinionsWaiver { get; set; }

    /// <summary>The deputy agreed that the reply be published (公开答复).</summary>
    public bool ReplyPublic { get; set; }

    public ProposalEvaluation? FirstEvaluation { get; set; }

    /// <summary>The latest evaluation (满意度 counts it).</summary>
    public ProposalEvaluation? Evaluation { get; set; }

    public DateOnly? EvaluatedOn { get; set; }

    public string? EvaluationNote { get; set; }

    public DateOnly? ReopenedOn { get; set; }

    /// <summary>The second reply is due within the stamped month(s) of 不满意 (山东条例 第二十四条: one month).</summary>
    public DateOnly? ReReplyDueOn { get; set; }

    public DateOnly? SecondRepliedOn { get; set; }

    public string? SecondReply { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }

    public long Version { get; set; }
}

internal sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> b)
    {
        b.ToTable("oversight_proposals");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.FirstEvaluation).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Evaluation).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Number).HasMaxLength(32);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Proposer).HasMaxLength(100);
        b.Property(x => x.Content).HasMaxLength(4000);
        b.Property(x => x.TransferReason).HasMaxLength(1000);
        b.Property(x => x.TransferDecision).HasMaxLength(1000);
        b.Property(x => x.ExtensionReason).HasMaxLength(1000);
        b.Property(x => x.ContactMethod).HasMaxLength(50);
        b.Property(x => x.ContactNote).HasMaxLength(2000);
        b.Property(x => x.Reply).HasMaxLength(4000);
        b.Property(x => x.SecondReply).HasMaxLength(4000);
        b.Property(x => x.EvaluationNote).HasMaxLength(1000);
        b.Property(x => x.CoOpinionsWaiver).HasMaxLength(1000);
        b.Property(x => x.ReReplyCoOpinionsWaiver).HasMaxLength(1000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.Year, x.Kind, x.Number }).IsUnique();
        b.HasIndex(x => new { x.Year, x.OrgUnitId });
        b.HasIndex(x => new { x.Status, x.DueOn });
    }
}

/// <summary>
/// A co-unit's opinion (协办意见) on an item (山东省代表建议办理条例 第二十一条: the co-units give their opinions to the lead unit,
/// which replies having weighed them). One row per item and co-unit, created when the item is assigned; a record of the
/// co-unit (so the data scope lets the co-unit see exactly the items it co-handles, ADR 0050), pending until
/// <see cref="GivenOn"/> is set. A reopened item (不满意) asks its co-units again: one more row per co-unit of round 2 (ADR 0066).
/// </summary>
internal sealed class ProposalCoOpinion : IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ProposalId { get; set; }

    /// <summary>The co-unit (协办单位).</summary>
    public Guid OrgUnitId { get; set; }

    /// <summary>
    /// 1 for the opinion before the first reply; 2 for the opinion before the second reply, asked when the deputy's 不满意
    /// reopens the item (山东省代表建议办理条例 第二十一条、第二十四条, ADR 0066).
    /// </summary>
    public int Round { get; set; } = FirstRound;

    public const int FirstRound = 1;

    public const int SecondRound = 2;

    /// <summary>The round whose opinions the lead unit awaits in a state: the second once reopened, else the first.</summary>
    public static int RoundOf(ProposalStatus status) => status == ProposalStatus.Reopened ? SecondRound : FirstRound;

    /// <summary>The day the co-unit gave its opinion to the lead unit; null while it has not.</summary>
    public DateOnly? GivenOn { get; set; }

    /// <summary>
    /// The day the opinion is due (the settings' CoOpinionDays after assignment, 山东省代表建议办理条例 第二十一条, ADR 0058);
    /// null only on a row written before ADR 0058 until the start-up backfill (<see cref="CoOpinionBackfill"/>) sets it.
    /// </summary>
    public DateOnly? DueOn { get; set; }

    public string? Opinion { get; set; }

    /// <summary>Who recorded it (the user name, as the audit names the actor).</summary>
    public string? GivenBy { get; set; }

    public long Version { get; set; }
}

internal sealed class ProposalCoOpinionConfiguration : IEntityTypeConfiguration<ProposalCoOpinion>
{
    public void Configure(EntityTypeBuilder<ProposalCoOpinion> b)
    {
        b.ToTable("oversight_proposal_co_opinions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Opinion).HasMaxLength(2000);
        b.Property(x => x.GivenBy).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.ProposalId, x.OrgUnitId, x.Round }).IsUnique();
        b.HasIndex(x => new { x.OrgUnitId, x.GivenOn });
    }
}
