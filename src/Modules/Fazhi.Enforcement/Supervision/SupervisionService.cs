using Fazhi.Enforcement.Cases;
using Fazhi.Enforcement.Data;
using Fazhi.Enforcement.Registry;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Enforcement.Supervision;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<AlertKind>))]
internal enum AlertKind
{
    /// <summary>第六十条: approaching the decision deadline.</summary>
    DeadlineNear,

    /// <summary>第六十条: past the decision deadline without a decision.</summary>
    DeadlinePassed,

    /// <summary>第五十八条: a major decision without a passed legal review.</summary>
    NoLegalReview,

    /// <summary>A penalty outside the benchmark's range or a waiver outside the list.</summary>
    OutsideRange,

    /// <summary>第四十二条: an officer without a valid certificate.</summary>
    CertificateExpired,

    /// <summary>Decision not published within 7 working days.</summary>
    NotPublished,
}

internal sealed record AlertRow(AlertKind Kind, Guid OrgUnitId, string Body, Guid? CaseId, string Subject, string Detail, DateOnly? Due);

internal sealed record BodyAlertCounts(Guid OrgUnitId, string Body, int DeadlineNear, int DeadlinePassed, int NoLegalReview, int OutsideRange, int CertificateExpired, int NotPublished)
{
    public int Total => DeadlineNear + DeadlinePassed + NoLegalReview + OutsideRange + CertificateExpired + NotPublished;
}

internal sealed record SupervisionReport(DateOnly AsOf, IReadOnlyList<BodyAlertCounts> PerBody, IReadOnlyList<AlertRow> Alerts);

/// <summary>
/// Supervision alerts (执法监督预警) over the cases the caller may see (its org subtree: a department sees its own,
/// the city's justice bureau all). Each query filters on indexed columns and returns at most <see cref="Limit"/> rows per kind.
/// </summary>
internal sealed class SupervisionService(EnforcementDb db, CaseRulesService caseRules, IDeadlineService deadlines, ICurrentUser user)
{
    public const int Limit = 200;

    public async Task<SupervisionReport> ReportAsync(Guid? orgUnitId, CancellationToken ct)
    {
        var today = deadlines.Today;
        var rules = await caseRules.RulesAsync(Guid.Empty, ct);
        var warnFrom = today.AddDays(rules.WarnDaysBeforeDecisionDeadline);
        var bodies = await db.Bodies.AsNoTracking().ToDictionaryAsync(b => b.OrgUnitId, b => b.Name, ct);
        var caseQuery = db.Cases.AsNoTracking();
        var officerQuery = db.Officers.AsNoTracking();
        if (orgUnitId is { } unit)
        {
            caseQuery = caseQuery.Where(c => c.OrgUnitId == unit);
            officerQuery = officerQuery.Where(o => o.OrgUnitId == unit);
        }
        else if (bodies.Keys.Where(user.Scope.Allows).ToArray() is { } visible && visible.Length < bodies.Count)
        {
            // A caller who sees only some bodies: the same restriction as the data-scope filter, but as a condition the
            // indexes can seek on (the filter's "unrestricted OR unit in scope" cannot be). Cases belong to bodies' units.
            caseQuery = caseQuery.Where(c => visible.Contains(c.OrgUnitId));
        }
        var alerts = new List<AlertRow>();
        string Body(Guid id) => bodies.GetValueOrDefault(id, "");

        // Every condition below is an equality/range on a composite index of enforcement_cases (see PenaltyCaseConfiguration):
        // the per-body counts and the ids of the first 200 alerts read index entries only, then 200 cases are fetched by id.
        // No query touches every case. SQLite uses an index only for `column = value` (EF writes a bare boolean column as
        // `WHERE "c"."IsMajor"`), so the flags are compared with a parameter; "not revoked" is a list of stages for the same reason.
        var yes = true;
        var no = false;
        var undecided = CaseActions.Undecided;
        var decided = CaseActions.DecidedStages;
        var dueSoon = caseQuery.Where(c => undecided.Contains(c.Stage) && c.DecisionDueOn <= warnFrom);
        var noReview = caseQuery.Where(c => c.IsMajor == yes && c.LegalReviewPassed == no && decided.Contains(c.Stage));
        var notRevoked = Enum.GetValues<CaseStage>().Where(s => s != CaseStage.Revoked).ToArray();
        var outside = caseQuery.Where(c => c.SupervisionFlag == yes && notRevoked.Contains(c.Stage));
        // 7 working days: never published although due (a range seek), or published late (a flag set by PublishAsync).
        var overdue = caseQuery.Where(c => decided.Contains(c.Stage) && c.PublishedOn == null && c.PublicationDueOn < today);
        var late = caseQuery.Where(c => c.PublishedLate == yes && decided.Contains(c.Stage));

        var near = await dueSoon.OrderBy(c => c.DecisionDueOn).Take(Limit)
            .Select(c => new { c.Id, c.OrgUnitId, c.Number, c.DecisionDueOn, c.ExtensionDays }).ToListAsync(ct);
        alerts.AddRange(near.Select(c => c.DecisionDueOn < today
            ? new AlertRow(AlertKind.DeadlinePassed, c.OrgUnitId, Body(c.OrgUnitId), c.Id, c.Number, $"已超过办案期限 {c.DecisionDueOn:yyyy-MM-dd}（行政处罚法第六十条）", c.DecisionDueOn)
            : new AlertRow(AlertKind.DeadlineNear, c.OrgUnitId, Body(c.OrgUnitId), c.Id, c.Number, $"办案期限 {c.DecisionDueOn:yyyy-MM-dd} 临近（行政处罚法第六十条）", c.DecisionDueOn)));

        var noReviewIds = await noReview.OrderByDescending(c => c.Id).Take(Limit).Select(c => c.Id).ToListAsync(ct);
        var noReviewRows = await caseQuery.Where(c => noReviewIds.Contains(c.Id)).OrderByDescending(c => c.Id).Select(c => new { c.Id, c.OrgUnitId, c.Number }).ToListAsync(ct);
        alerts.AddRange(noReviewRows.Select(c => new AlertRow(AlertKind.NoLegalReview, c.OrgUnitId, Body(c.OrgUnitId), c.Id, c.Number, "重大执法决定未经法制审核通过（行政处罚法第五十八条）", null)));

        var outsideIds = await outside.OrderByDescending(c => c.Id).Take(Limit).Select(c => c.Id).ToListAsync(ct);
        var outsideRows = await caseQuery.Where(c => outsideIds.Contains(c.Id)).OrderByDescending(c => c.Id)
            .Select(c => new { c.Id, c.OrgUnitId, c.Number, c.SupervisionNotes, c.WrittenReason }).ToListAsync(ct);
        alerts.AddRange(outsideRows.Select(c => new AlertRow(AlertKind.OutsideRange, c.OrgUnitId, Body(c.OrgUnitId), c.Id, c.Number, $"{c.SupervisionNotes} 理由：{c.WrittenReason}", null)));

        var expired = await officerQuery.Where(o => o.Active && (o.CertificateExpiresOn == null || o.CertificateExpiresOn < today))
            .OrderBy(o => o.CertificateExpiresOn).Take(Limit).ToListAsync(ct);
        alerts.AddRange(expired.Select(o => new AlertRow(AlertKind.CertificateExpired, o.OrgUnitId, Body(o.OrgUnitId), null, o.Name, o.IneligibleReason(today) ?? "", o.CertificateExpiresOn)));

        var lateIds = await late.OrderBy(c => c.PublicationDueOn).ThenBy(c => c.Id).Take(Limit).Select(c => c.Id).ToListAsync(ct);
        var unpublished = (await overdue.OrderBy(c => c.PublicationDueOn).Take(Limit).Select(c => new { c.Id, c.OrgUnitId, c.Number, c.PublicationDueOn, c.PublishedOn }).ToListAsync(ct))
            .Concat(await caseQuery.Where(c => lateIds.Contains(c.Id)).Select(c => new { c.Id, c.OrgUnitId, c.Number, c.PublicationDueOn, c.PublishedOn }).ToListAsync(ct))
            .OrderBy(c => c.PublicationDueOn).ThenBy(c => c.Id).Take(Limit);
        alerts.AddRange(unpublished.Select(c => new AlertRow(AlertKind.NotPublished, c.OrgUnitId, Body(c.OrgUnitId), c.Id, c.Number,
            c.PublishedOn is { } p ? $"{p:yyyy-MM-dd} 公示，超过 7 个工作日期限（{c.PublicationDueOn:yyyy-MM-dd}）" : $"未在 7 个工作日内（{c.PublicationDueOn:yyyy-MM-dd} 前）公示", c.PublicationDueOn)));

        // Counts per body come from GROUP BY queries over all matching rows (index entries only), not from the bounded detail lists.
        var nearCounts = await CountAsync(dueSoon.Where(c => c.DecisionDueOn >= today).Select(c => c.OrgUnitId), ct);
        var passedCounts = await CountAsync(caseQuery.Where(c => undecided.Contains(c.Stage) && c.DecisionDueOn < today).Select(c => c.OrgUnitId), ct);
        var reviewCounts = await CountByStageAsync(noReview, ct);
        var outsideCounts = await CountByStageAsync(outside, ct);
        var certCounts = await CountAsync(officerQuery.Where(o => o.Active && (o.CertificateExpiresOn == null || o.CertificateExpiresOn < today)).Select(o => o.OrgUnitId), ct);
        var publishCounts = await CountByStageAsync(overdue, ct);
        foreach (var (lateUnit, count) in await CountByStageAsync(late, ct))
        {
            publishCounts[lateUnit] = publishCounts.GetValueOrDefault(lateUnit) + count;
        }
        var units = nearCounts.Keys.Concat(passedCounts.Keys).Concat(reviewCounts.Keys).Concat(outsideCounts.Keys).Concat(certCounts.Keys).Concat(publishCounts.Keys).Distinct();
        var perBody = units.Select(u => new BodyAlertCounts(u, Body(u), nearCounts.GetValueOrDefault(u), passedCounts.GetValueOrDefault(u), reviewCounts.GetValueOrDefault(u),
                outsideCounts.GetValueOrDefault(u), certCounts.GetValueOrDefault(u), publishCounts.GetValueOrDefault(u)))
            .OrderByDescending(b => b.Total).ThenBy(b => b.Body, StringComparer.Ordinal).ToList();
        return new SupervisionReport(today, perBody, alerts);
    }

    private static async Task<Dictionary<Guid, int>> CountAsync(IQueryable<Guid> units, CancellationToken ct) =>
        (await units.GroupBy(u => u).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).ToDictionary(x => x.Key, x => x.Count);

    /// <summary>
    /// Counts per body grouped by (stage, body): the order of the alert indexes, so SQLite reads them without sorting
    /// instead of walking an OrgUnitId-first index over every case to save the sort.
    /// </summary>
    private static async Task<Dictionary<Guid, int>> CountByStageAsync(IQueryable<PenaltyCase> cases, CancellationToken ct) =>
        (await cases.GroupBy(c => new { c.Stage, c.OrgUnitId }).Select(g => new { g.Key.OrgUnitId, Count = g.Count() }).ToListAsync(ct))
            .GroupBy(x => x.OrgUnitId).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));

    public static string KindName(AlertKind k) => k switch
    {
        AlertKind.DeadlineNear => "办案期限临近",
        AlertKind.DeadlinePassed => "超过办案期限",
        AlertKind.NoLegalReview => "未经法制审核",
        AlertKind.OutsideRange => "偏离裁量基准",
        AlertKind.CertificateExpired => "执法证件失效",
        AlertKind.NotPublished => "未按期公示",
        _ => k.ToString(),
    };
}
