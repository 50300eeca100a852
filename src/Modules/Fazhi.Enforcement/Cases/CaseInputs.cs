using Fazhi.Enforcement.Discretion;
using Fazhi.Enforcement.Registry;

namespace Fazhi.Enforcement.Cases;

/// <summary>The party of a case; <paramref name="Address"/> is the 地址 the decision must state (行政处罚法 第五十九条第一项).</summary>
internal sealed record PartyInput(PartyKind Kind, string Name, string? IdNumber, string? CreditCode, string? Address = null);

internal sealed record OpenCaseInput(Guid? BodyId, Guid MatterId, PartyInput Party, string Summary, DateOnly? OpenedOn, IReadOnlyList<Guid> OfficerIds);

internal sealed record OnTheSpotInput(Guid? BodyId, Guid MatterId, PartyInput Party, string Summary, decimal FineAmount, string? PenaltyText, string? DecisionNumber,
    DateOnly? DecidedOn, IReadOnlyList<Guid> OfficerIds);

/// <summary>An audio/video recording reference (执法记录仪 file id, storage location) with its hash when known.</summary>
internal sealed record RecordingRef(string Kind, string Reference, string? Sm3);

internal sealed record StepInput(string Summary, DateOnly? OnDate, IReadOnlyList<Guid>? AttachmentIds, IReadOnlyList<RecordingRef>? Recordings);

internal sealed record ProposeInput(DiscretionFacts Facts, DiscretionTier? ProposedTier, decimal? FineAmount, string? PenaltyText, string? WrittenReason,
    bool IsMajor, bool IsSerious, bool OfferHearing);

internal sealed record DateInput(DateOnly? OnDate, string? Summary);

internal sealed record HearingInput(DateOnly NoticeOn, DateOnly HeldOn, string Summary);

internal sealed record ExtensionInput(int Days, string Reason, string ApprovedBy);

internal sealed record CollectiveInput(DateOnly OnDate, string Participants, string Conclusion);

internal sealed record DecideInput(DateOnly? DecidedOn, string? DecisionNumber);

internal sealed record OpinionInput(ReviewOpinion Opinion, string Reason);

internal sealed record CaseRulesInput(Guid? OrgUnitId, long Version, decimal LargeFinePerson, decimal LargeFineOrganisation, int HearingRequestWorkingDays,
    int HearingNoticeWorkingDays, int DecisionCalendarDays, int ServiceWorkingDays, int PaymentCalendarDays, decimal SurchargePercentPerDay,
    decimal OnTheSpotPersonMax, decimal OnTheSpotOrganisationMax, int PublicationWorkingDays, int WarnDaysBeforeDecisionDeadline, int MinimumOfficers);

internal sealed record EvidenceItem(string Type, string Reference, string FileName, string Sm3);
