using Fazhi.Disputes.Data;
using Fazhi.Disputes.Documents;
using Fazhi.Disputes.Domain;
using Fazhi.Disputes.Duplicates;
using Fazhi.Disputes.Routing;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Disputes.Handling;

/// <summary>
/// Moves a case to another handling unit (分流改派 before acceptance, 下派 / 上报 after it) with everything that is scoped
/// with it, so that the receiving unit sees the whole case (parties, stages, history, documents) and the sender's scope
/// keeps only what its scope allows. One case: number, stages and clock are unchanged.
/// </summary>
internal static class CaseMove
{
    /// <summary><paramref name="c"/> is loaded with its stages (and parties, when the caller changes them).</summary>
    public static async Task ToUnitAsync(DisputesDb db, DisputeCase c, Guid target, CancellationToken ct)
    {
        if (c.OrgUnitId == target)
        {
            return;
        }
        c.OrgUnitId = target;
        foreach (var s in c.Stages)
        {
            s.OrgUnitId = target;
        }
        foreach (var p in c.Parties)
        {
            p.OrgUnitId = target;
        }
        // Stages added in this unit of work but not yet in the collection (a re-routed case type's first stage).
        foreach (var entry in db.ChangeTracker.Entries<CaseStage>().Where(e => e.Entity.CaseId == c.Id))
        {
            entry.Entity.OrgUnitId = target;
        }
        foreach (var e in await db.Set<CaseEvent>().Where(x => x.CaseId == c.Id).ToListAsync(ct))
        {
            e.OrgUnitId = target;
        }
        foreach (var x in await db.Set<StagePause>().Where(x => x.CaseId == c.Id).ToListAsync(ct))
        {
            x.OrgUnitId = target;
        }
        foreach (var x in await db.Set<StageExtension>().Where(x => x.CaseId == c.Id).ToListAsync(ct))
        {
            x.OrgUnitId = target;
        }
        foreach (var x in await db.Set<CaseDocument>().Where(x => x.CaseId == c.Id).ToListAsync(ct))
        {
            x.OrgUnitId = target;
        }
        foreach (var x in await db.Set<RoutingDecision>().Where(x => x.CaseId == c.Id).ToListAsync(ct))
        {
            x.OrgUnitId = target;
        }
        foreach (var x in await db.Set<DuplicateFlag>().Where(x => x.CaseId == c.Id).ToListAsync(ct))
        {
            x.OrgUnitId = target;
        }
    }

    /// <summary>
    /// After the move is saved: the case's files (the applicant's and the handling materials staff uploaded) are given to the
    /// receiving unit too, so the platform's own file endpoints follow the case's scope as the case page does (ADR 0064).
    /// They live in the platform's store, so this is a second write, after the case's; the case page reads the files through
    /// the case, so a reader sees exactly the files of the cases in scope even before it.
    /// </summary>
    public static async Task FilesToUnitAsync(Fazhi.Platform.Features.Attachments.IAttachmentStore store, Guid caseId, Guid target, string work, CancellationToken ct)
    {
        await store.MoveOfOwnerAsync(HandlingService.AttachmentOwner, caseId.ToString(), target, work, ct);
        await store.MoveOfOwnerAsync(Intake.ApplicantFiles.Owner, caseId.ToString(), target, work, ct);
    }
}
