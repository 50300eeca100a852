using Fazhi.Disputes.Cases;
using Fazhi.Disputes.Data;
using Fazhi.Disputes.Domain;
using Fazhi.Disputes.Routing;
using Fazhi.Platform.Data;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Disputes.Referrals;

/// <summary>
/// A referral from another system (法院诉前调解委派, 12345 政务服务便民热线, 信访来信/来访). <see cref="System"/> is one of
/// <see cref="ReferralService.Systems"/>' codes; <see cref="ExternalId"/> is that system's own id and names one case.
/// <see cref="CaseType"/> may be left out: the published routing rules then choose it and the handling unit.
/// </summary>
internal sealed record ReferralRequest(
    string? System,
    string? ExternalId,
    string? Category,
    decimal? Amount,
    string? PlaceCode,
    string? Description,
    PartyInput? Applicant,
    PartyInput? Respondent,
    PartyInput? Agent = null,
    string? CaseType = null);

internal sealed record ReferralResult(Guid Id, string CaseNumber, bool AlreadyReceived, string System, string ExternalId, string? CaseType, string? RoutingReason);

/// <summary>Referral intake: validation, the repeat check on (system, id), routing when no type is given, then the common intake.</summary>
internal sealed class ReferralService(DisputesDb db, CaseService cases, RoutingService routing)
{
    /// <summary>Referring systems: API code -> the name kept on the case.</summary>
    public static IReadOnlyDictionary<string, string> Systems { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["court"] = "法院",
        ["12345"] = "12345热线",
        ["letters"] = "信访（来信）",
        ["visits"] = "信访（来访）",
    };

    public async Task<ReferralResult> ReceiveAsync(ReferralRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.System) || !Systems.TryGetValue(request.System.Trim(), out var system))
        {
            errors["system"] = ["转办来源系统须为 court（法院）、12345（12345热线）、letters（信访来信）或 visits（信访来访）。"];
            system = "";
        }
        var externalId = NormaliseId(request.ExternalId) ?? "";
        if (externalId.Length is 0 or > 128 || TextRules.HasControl(externalId))
        {
            errors["externalId"] = ["须提供来源系统的案件编号（1 至 128 个字符），以便回传办理结果。"];
        }
        if (errors.Count > 0)
        {
            throw Refuse.Fields(errors, "转办未接收：" + string.Join(" ", errors.Values.SelectMany(v => v)));
        }

        if (await FindAsync(system, externalId, ct) is { } existing)
        {
            return existing;
        }

        var caseType = request.CaseType;
        string? unit = null;
        string? reason = null;
        if (string.IsNullOrWhiteSpace(caseType))
        {
            var kind = request.Applicant?.Kind ?? PartyKind.Person;
            var recommendation = await routing.RecommendAsync(new RoutingInput(request.Category, request.Amount, kind, request.PlaceCode), ct);
            caseType = recommendation.CaseTypeCode ?? CaseTypes.PeoplesMediation;
            unit = recommendation.HandlingUnitCode;
            reason = recommendation.Reason;
        }
        var intake = new IntakeRequest(caseType, nameof(IntakeChannel.Referral), request.Category, request.Amount, request.PlaceCode, request.Description,
            request.Applicant, request.Respondent, system, externalId, unit ?? CaseService.CentreCode, Agent: request.Agent);
        try
        {
            var result = await cases.IntakeAsync(intake, publicIntake: false, ct);
            return new ReferralResult(result.Id, result.CaseNumber, result.AlreadyReceived, system, externalId, caseType, reason);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // The same referral arrived twice at once: the unique (system, id) index let one in; answer with that one.
            if (await FindAsync(system, externalId, ct) is { } earlier)
            {
                return earlier;
            }
            throw;
        }
    }

    /// <summary>
    /// A referring system's id as kept and compared: trimmed (invisible characters too) and upper-cased, so " acc-ref-0001 "
    /// and "ACC-REF-0001" name the same referral. Null when blank.
    /// </summary>
    public static string? NormaliseId(string? externalId) =>
        TextRules.Clean(externalId) is { Length: > 0 } id ? id.ToUpperInvariant() : null;

    /// <summary>
    /// The name a referring system is kept under: an API code (court, 12345, ...) becomes its name (法院, ...), so a referral
    /// entered through <c>/api/disputes/cases</c> and one through <c>/api/disputes/referrals</c> meet. Null when blank.
    /// </summary>
    public static string? SystemName(string? system)
    {
        var clean = TextRules.Clean(system);
        if (string.IsNullOrEmpty(clean))
        {
            return null;
        }
        return Systems.TryGetValue(clean, out var name) ? name : clean;
    }

    /// <summary>The case a referral (system, id) was registered under, if any (across scopes: see <see cref="FindAsync"/>).</summary>
    public static async Task<(Guid Id, string CaseNumber)?> ExistingAsync(DisputesDb target, string system, string externalId, CancellationToken ct)
    {
        var found = await target.Cases.IgnoreQueryFilters().AsNoTracking().Where(x => x.ExternalSystem == system && x.ExternalId == externalId)
            .Select(x => new { x.Id, x.CaseNumber }).FirstOrDefaultAsync(ct);
        return found is null ? null : (found.Id, found.CaseNumber);
    }

    private async Task<ReferralResult?> FindAsync(string system, string externalId, CancellationToken ct)
    {
        // The earlier referral may have been routed to a unit outside the referring client's scope; the client only learns
        // the case number it was given before, so the lookup is system work.
        var c = await db.Cases.IgnoreQueryFilters().AsNoTracking().Where(x => x.ExternalSystem == system && x.ExternalId == externalId)
            .Select(x => new { x.Id, x.CaseNumber, x.CaseTypeCode }).FirstOrDefaultAsync(ct);
        return c is null ? null : new ReferralResult(c.Id, c.CaseNumber, true, system, externalId, c.CaseTypeCode, null);
    }
}
