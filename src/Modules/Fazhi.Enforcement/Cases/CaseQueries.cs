using Fazhi.Enforcement.Data;
using Fazhi.Enforcement.Publicity;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Enforcement.Cases;

/// <summary>Reading cases in scope: one case, its steps, officers and publication, lists, the review queue, the record export and its check.</summary>
internal sealed class CaseQueries(EnforcementDb db, CaseProcedure procedure)
{
    public Task<PenaltyCase?> GetAsync(Guid id, CancellationToken ct) => db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);

    /// <summary>The case's published decision (also when withdrawn), or null. Read after the case itself (scope checked there).</summary>
    public Task<PublishedDecision?> PublicationAsync(Guid caseId, CancellationToken ct) =>
        db.PublishedDecisions.AsNoTracking().FirstOrDefaultAsync(p => p.CaseId == caseId, ct);

    public Task<List<CaseStep>> StepsAsync(Guid id, CancellationToken ct) => db.CaseSteps.AsNoTracking().Where(s => s.CaseId == id).OrderBy(s => s.Seq).ToListAsync(ct);

    /// <summary>The active enforcement bodies (not scoped rows: the caller filters by its data scope).</summary>
    public Task<List<Registry.EnforcementBody>> ActiveBodiesAsync(CancellationToken ct) =>
        db.Bodies.AsNoTracking().Where(b => b.Active).OrderBy(b => b.OrgCode).ToListAsync(ct);

    public Task<List<CaseOfficer>> OfficersAsync(Guid id, CancellationToken ct) => db.CaseOfficers.AsNoTracking().Where(o => o.CaseId == id).OrderBy(o => o.Name).ToListAsync(ct);

    public async Task<List<PenaltyCase>> ListAsync(string? q, CaseStage? stage, int skip, int take, CancellationToken ct) =>
        await Filter(q, stage).OrderByDescending(c => c.Id).Skip(skip).Take(take).ToListAsync(ct);

    /// <summary>The case list: keyword over number, party and matter; dated by the opening day; newest opened first unless asked otherwise.</summary>
    public static readonly ListShape<PenaltyCase> ListShape = new ListShape<PenaltyCase>()
        .Search(Matching)
        .Dated(c => c.OpenedOn)
        .SortBy("openedOn", c => c.OpenedOn, SortDirection.Desc)
        .SortBy("number", c => c.Number)
        .SortBy("partyName", c => c.PartyName)
        .SortBy("decisionDueOn", c => c.DecisionDueOn)
        .ThenBy(c => c.Id);

    /// <summary>One page of the cases in scope at <paramref name="stage"/>, with the total; the list query is checked (refused naming the parameter).</summary>
    public Task<Paged<PenaltyCase>> PageAsync(DatedListQuery list, CaseStage? stage, CancellationToken ct) =>
        ListShape.PageAsync(Filter(null, stage), list, ct);

    private IQueryable<PenaltyCase> Filter(string? q, CaseStage? stage)
    {
        var query = db.Cases.AsNoTracking();
        if (stage is { } s)
        {
            query = query.Where(c => c.Stage == s);
        }
        return string.IsNullOrWhiteSpace(q) ? query : Matching(query, q.Trim());
    }

    private static IQueryable<PenaltyCase> Matching(IQueryable<PenaltyCase> query, string term) =>
        query.Where(c => c.Number.Contains(term) || c.PartyName.Contains(term) || c.MatterName.Contains(term));

    public Task<List<LegalReview>> ReviewQueueAsync(CancellationToken ct) =>
        db.LegalReviews.AsNoTracking().Where(r => r.Opinion == ReviewOpinion.Pending).OrderBy(r => r.Id).ToListAsync(ct);

    /// <summary>The case's history as one file with the chain's hashes.</summary>
    public async Task<CaseRecordExport?> ExportAsync(Guid id, CancellationToken ct)
    {
        var c = await GetAsync(id, ct);
        if (c is null)
        {
            return null;
        }
        var body = await db.Bodies.AsNoTracking().Where(b => b.Id == c.BodyId).Select(b => b.Name).FirstOrDefaultAsync(ct) ?? "";
        var steps = (await StepsAsync(id, ct)).Select(s => new StepRecord(s.Seq, s.Kind, DateTime.SpecifyKind(s.RecordedAtUtc, DateTimeKind.Utc), s.OnDate, s.Actor, s.Summary, s.EvidenceJson, s.PrevHash, s.Hash)).ToList();
        await db.WriteAuditEventAsync("enforcement.case.record-exported", nameof(PenaltyCase), c.Id.ToString(), new { c.Number, c.HeadHash, steps = steps.Count }, ct);
        return new CaseRecordExport(CaseRecord.Format, c.Id, c.Number, body, c.MatterName, CaseDisplay.PartyDisplay(c), CaseDisplay.StageName(c.Stage), procedure.Now(),
            "SM3", CaseRecord.HowToVerify, steps, c.HeadHash);
    }

    /// <summary>Verifies an exported record's chain, and compares its head with the stored one when the case is visible.</summary>
    public async Task<VerifyResult> VerifyAsync(CaseRecordExport record, CancellationToken ct)
    {
        var result = CaseRecord.Verify(record.CaseId, record.Steps, record.HeadHash);
        var stored = await db.Cases.AsNoTracking().Where(c => c.Id == record.CaseId).Select(c => new { c.HeadHash, c.StepCount }).FirstOrDefaultAsync(ct);
        if (stored is null)
        {
            return result;
        }
        // A record exported before later steps is still genuine if its head is one of the stored steps' hashes.
        var matches = record.HeadHash == stored.HeadHash
            || await db.CaseSteps.AsNoTracking().AnyAsync(s => s.CaseId == record.CaseId && s.Seq == record.Steps.Count && s.Hash == record.HeadHash, ct);
        return result with { MatchesStoredHead = matches };
    }
}
