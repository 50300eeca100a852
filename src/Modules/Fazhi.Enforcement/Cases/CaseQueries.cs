using Fazhi.Enforcement.Data;
using Fazhi.Enforcement.Publicity;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Features.Identifiers;
using Fazhi.Platform.Features.PersonalData;
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
        PageAsync(ListShape.Check(list), stage, ct);

    /// <summary>One page of the cases in scope at <paramref name="stage"/> for a request already checked (an API) or read (a page).</summary>
    public Task<Paged<PenaltyCase>> PageAsync(ListRequest request, CaseStage? stage, CancellationToken ct)
    {
        var (query, rest) = Keyword(Filter(null, stage), request);
        return ListShape.PageAsync(query, rest, ct);
    }

    /// <summary>
    /// The case list as the page shows it, every filtered row (at most <see cref="ListOutput.MaxRows"/>, else refused),
    /// for the .xlsx export and the print view. A person's ID number is masked, as on the page.
    /// </summary>
    public async Task<ListTable> TableAsync(ListRequest request, CaseStage? stage, CancellationToken ct)
    {
        var (query, rest) = Keyword(Filter(null, stage), request);
        var filtered = ListShape.Apply(query, rest);
        ListOutput.CheckSize(await filtered.CountAsync(ct));
        var rows = await filtered.ToListAsync(ct);
        var bodies = await db.Bodies.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        XlsxColumn[] columns =
        [
            new("案号", 24), new("执法主体", 24), new("当事人", 20), new("身份证号或信用代码", 22), new("执法事项", 30), new("阶段", 10),
            new("立案日期", 12), new("办案期限", 12), new("当场处罚", 8), new("偏离基准", 8),
        ];
        return new ListTable("行政处罚案件", ListOutput.Describe(request, "立案日期", ("阶段", stage is { } s ? CaseDisplay.StageName(s) : null)), columns,
            rows.Select(c => (IReadOnlyList<object?>)
            [
                c.Number, bodies.GetValueOrDefault(c.BodyId, ""), c.PartyName, c.PartyIdNumber?.Masked ?? c.PartyCreditCode, c.MatterName,
                CaseDisplay.StageName(c.Stage), c.OpenedOn, c.DecisionDueOn, c.OnTheSpot, c.SupervisionFlag,
            ]).ToList());
    }

    /// <summary>
    /// A keyword that is a resident ID number or a credit code matches the party exactly (the ID number through its blind
    /// index: it is stored encrypted); any other keyword goes to the list's substring search.
    /// </summary>
    private (IQueryable<PenaltyCase> Query, ListRequest Remaining) Keyword(IQueryable<PenaltyCase> query, ListRequest request)
    {
        if (request.Keyword is not { } keyword)
        {
            return (query, request);
        }
        var compact = string.Concat(keyword.Where(ch => !char.IsWhiteSpace(ch))).ToUpperInvariant();
        if (ResidentIdNumber.Validate(compact).IsValid)
        {
            var ids = db.Cases.WhereSensitiveEquals(c => c.PartyIdNumber, compact).Select(c => c.Id);
            return (query.Where(c => ids.Contains(c.Id)), request with { Keyword = null });
        }
        if (UnifiedSocialCreditCode.Validate(compact) is { IsValid: true } code)
        {
            return (query.Where(c => c.PartyCreditCode == code.Normalized), request with { Keyword = null });
        }
        return (query, request);
    }

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
