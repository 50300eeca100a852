using System.Text.Json;
using Fazhi.Enforcement.CaseFileReview;
using Fazhi.Enforcement.Cases;
using Fazhi.Enforcement.Data;
using Fazhi.Platform.Features.Attachments;
using Fazhi.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Enforcement.CaseFiles;

/// <summary>
/// Who may read a penalty case file (案卷: the facts, the full-process record and its evidence), read-only, because they
/// act on it (ADR 0040): the body's officers (办理), supervisors (执法监督), a legal reviewer once the case was sent for
/// legal review (行政处罚法第五十八条: the review covers the facts and the evidence), and a case-file reviewer once the
/// case was drawn for 案卷评查. Always within the caller's data scope (a case outside it is "not found").
/// </summary>
internal sealed class CaseFileAccess(EnforcementDb db, ICurrentUser current, IAttachmentStore attachments)
{
    /// <summary>The name of the authorization policy of the read-only case file (any of <see cref="Readers"/>).</summary>
    public const string Policy = "enforcement.casefile.read";

    /// <summary>The permissions that read a case file (each further narrowed by <see cref="ReadableAsync"/>).</summary>
    public static readonly string[] Readers =
        [EnforcementPermissions.CasesHandle, EnforcementPermissions.Supervise, EnforcementPermissions.LegalReview, CaseReviewFeature.Manage];

    public static bool MayRead(ICurrentUser user) => Readers.Any(user.Has);

    /// <summary>The case when the caller may read its file, or null (not found, out of scope, or not one they act on).</summary>
    public async Task<PenaltyCase?> ReadableAsync(Guid id, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is not null)
        {
            if (current.Has(EnforcementPermissions.CasesHandle) || current.Has(EnforcementPermissions.Supervise))
            {
                return c;
            }
            if (current.Has(EnforcementPermissions.LegalReview) && await db.LegalReviews.AsNoTracking().AnyAsync(r => r.CaseId == id, ct))
            {
                return c;
            }
        }
        // 案卷评查: the justice bureau reviews the cases its plan drew from the departments (outside its own data scope);
        // the plan's owner unit must be in the reviewer's scope.
        if (current.Has(CaseReviewFeature.Manage))
        {
            var owners = await db.Set<ReviewSample>().AsNoTracking().Where(s => s.CaseId == id).Select(s => s.OwnerUnitId).ToListAsync(ct);
            if (owners.Any(current.Scope.Allows))
            {
                return c ?? await db.Cases.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            }
        }
        return null;
    }

    /// <summary>The whole file of a readable case (its record, officers and publication read whatever the reader's scope), or null.</summary>
    public async Task<CaseFile?> FileAsync(Guid id, CancellationToken ct)
    {
        if (await ReadableAsync(id, ct) is not { } c)
        {
            return null;
        }
        var steps = await db.CaseSteps.IgnoreQueryFilters().AsNoTracking().Where(s => s.CaseId == id).OrderBy(s => s.Seq).ToListAsync(ct);
        var officers = await db.CaseOfficers.IgnoreQueryFilters().AsNoTracking().Where(o => o.CaseId == id).OrderBy(o => o.Name).ToListAsync(ct);
        var publication = await db.PublishedDecisions.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(p => p.CaseId == id, ct);
        await db.WriteAuditEventAsync("enforcement.case.file-read", nameof(PenaltyCase), c.Id.ToString(), new { c.Number }, ct);
        return new CaseFile(c, steps, officers, publication);
    }

    /// <summary>
    /// An evidence file of a readable case: it must be recorded in one of the case's steps (not merely stored under the
    /// case), so the file a reviewer opens is the one the full-process record's hash covers. Read through the platform's
    /// attachment store as a file of this case (audited as a download).
    /// </summary>
    public async Task<(AttachmentDto Meta, Stream Content)?> EvidenceAsync(Guid caseId, Guid attachmentId, CancellationToken ct)
    {
        if (await ReadableAsync(caseId, ct) is null)
        {
            return null;
        }
        var reference = attachmentId.ToString();
        var steps = await db.CaseSteps.IgnoreQueryFilters().AsNoTracking().Where(s => s.CaseId == caseId).Select(s => s.EvidenceJson).ToListAsync(ct);
        var recorded = steps.Any(json => (JsonSerializer.Deserialize<List<EvidenceItem>>(json, CaseProcedure.Json) ?? [])
            .Any(e => e.Type == "file" && e.Reference == reference));
        return recorded ? await attachments.OpenOfOwnerAsync(attachmentId, CaseProcedure.AttachmentOwner, caseId.ToString(), ct) : null;
    }

    /// <summary>The link a case page gives to an evidence file.</summary>
    public static string EvidenceUrl(Guid caseId, Guid attachmentId) => $"/api/enforcement/case-files/{caseId}/evidence/{attachmentId}";
}

/// <summary>A case file as its readers see it.</summary>
internal sealed record CaseFile(PenaltyCase Case, IReadOnlyList<CaseStep> Steps, IReadOnlyList<CaseOfficer> Officers, Publicity.PublishedDecision? Publication);

/// <summary>The requirement behind <see cref="CaseFileAccess.Policy"/>: any one of the readers' permissions.</summary>
internal sealed class CaseFileReadRequirement : IAuthorizationRequirement;

internal sealed class CaseFileReadHandler(ICurrentUser current) : AuthorizationHandler<CaseFileReadRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, CaseFileReadRequirement requirement)
    {
        if (current.IsAuthenticated && CaseFileAccess.MayRead(current))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
