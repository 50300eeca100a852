using Fazhi.Library.Data;
using Fazhi.Library.Import;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Library.Works;

/// <summary>A version in a work's history, with its status today. (The records a page component takes are public, as Razor components are.)</summary>
public sealed record VersionSummary(Guid Id, int Number, DateOnly? VersionDate, DateOnly? PromulgatedOn, DateOnly? EffectiveOn, DateOnly? AppliesUntil,
    ValidityStatus Status, string StatusLabel, string DocumentNumber, int Articles, string History, string Url);

/// <summary>A work with its history (历史沿革).</summary>
public sealed record WorkDetail(Guid Id, string Title, EffectLevel Level, string LevelLabel, string IssuingBody, string Region, string Category,
    bool IsPublic, WorkEnd End, DateOnly? EndedOn, string EndNote, ValidityStatus Status, string StatusLabel, IReadOnlyList<VersionSummary> Versions, long Version);

/// <summary>A provision as shown: its label, text and what cites it.</summary>
public sealed record ProvisionView(Guid Id, ProvisionKind Kind, string Label, string Heading, int Number, int SubNumber, string Anchor, string Path,
    string Text, string Url);

/// <summary>A version's full text.</summary>
public sealed record VersionText(WorkDetail Work, VersionSummary Version, string Preamble, IReadOnlyList<ProvisionView> Provisions);

/// <summary>An article that cites another one (被引用).</summary>
internal sealed record CitedBy(Guid WorkId, string WorkTitle, int VersionNumber, string Anchor, string Label, string Text, string Url);

/// <summary>Reads works, versions and articles; answers "the version in force on a date".</summary>
internal sealed class WorkQueries(LibraryDb db, TimeProvider clock)
{
    public DateOnly Today => clock.ChinaToday();

    public async Task<WorkDetail> WorkAsync(Guid id, bool publicOnly, CancellationToken ct)
    {
        var work = await db.Works.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id && (!publicOnly || w.IsPublic), ct)
                   ?? throw Refuse.NotFound("法规不存在");
        var versions = await db.Versions.AsNoTracking().Where(v => v.WorkId == id).ToListAsync(ct);
        return Detail(work, versions);
    }

    internal WorkDetail Detail(LawWork work, List<LawVersion> versions)
    {
        var today = Today;
        var ordered = versions.OrderByDescending(v => v.AppliesFrom).ThenByDescending(v => v.Number).ToList();
        var current = Validity.Current(work, versions, today);
        var status = current is null ? ValidityStatus.NotYetEffective : Validity.StatusOn(work, versions, current, today);
        return new WorkDetail(work.Id, work.Title, work.Level, Validity.Label(work.Level), work.IssuingBody, work.Region, work.Category, work.IsPublic,
            work.End, work.EndedOn, work.EndNote, status, current is null ? Validity.Label(status) : Validity.Label(work, current, status),
            ordered.Select(v => Summary(work, versions, v, today)).ToList(), work.Version);
    }

    private static VersionSummary Summary(LawWork work, List<LawVersion> versions, LawVersion v, DateOnly today)
    {
        var s = Validity.StatusOn(work, versions, v, today);
        return new VersionSummary(v.Id, v.Number, v.VersionDate, v.PromulgatedOn, v.EffectiveOn, Validity.AppliesUntil(work, versions, v), s, Validity.Label(work, v, s),
            v.DocumentNumber, v.ArticleCount, v.History, LibraryUrls.Version(work.Id, v.Number));
    }

    /// <summary>A version's text; <paramref name="number"/> null = the version a reader sees first (in force today, else the newest).</summary>
    public async Task<VersionText> TextAsync(Guid workId, int? number, bool publicOnly, CancellationToken ct)
    {
        var detail = await WorkAsync(workId, publicOnly, ct);
        var versions = await db.Versions.AsNoTracking().Where(v => v.WorkId == workId).ToListAsync(ct);
        var work = await db.Works.AsNoTracking().FirstAsync(w => w.Id == workId, ct);
        var version = number is { } n ? versions.FirstOrDefault(v => v.Number == n) : Validity.Current(work, versions, Today);
        if (version is null)
        {
            throw Refuse.NotFound("该版本不存在");
        }
        var provisions = await db.Provisions.AsNoTracking().Where(p => p.VersionId == version.Id).OrderBy(p => p.Ordinal).ToListAsync(ct);
        return new VersionText(detail, detail.Versions.First(v => v.Id == version.Id), version.Preamble,
            provisions.Select(p => View(workId, version.Number, p)).ToList());
    }

    /// <summary>The version of a work in force on a date (null when none was: before the first, after the end).</summary>
    public async Task<VersionSummary?> InForceOnAsync(Guid workId, DateOnly date, CancellationToken ct)
    {
        var work = await db.Works.AsNoTracking().FirstOrDefaultAsync(w => w.Id == workId, ct) ?? throw Refuse.NotFound("法规不存在");
        var versions = await db.Versions.AsNoTracking().Where(v => v.WorkId == workId).ToListAsync(ct);
        var v = Validity.InForceOn(work, versions, date);
        return v is null ? null : Summary(work, versions, v, Today);
    }

    /// <summary>One article (or heading) by anchor in a version.</summary>
    public async Task<(VersionText Version, ProvisionView Provision)> ProvisionAsync(Guid workId, int number, string anchor, bool publicOnly, CancellationToken ct)
    {
        var text = await TextAsync(workId, number, publicOnly, ct);
        var p = text.Provisions.FirstOrDefault(x => x.Anchor == anchor) ?? throw Refuse.NotFound("该条文不存在");
        return (text, p);
    }

    /// <summary>Articles of the versions readers see first (not superseded) that cite this work's article (被引用).</summary>
    public async Task<IReadOnlyList<CitedBy>> CitedByAsync(Guid workId, int number, int sub, bool publicOnly, CancellationToken ct)
    {
        var key = await db.Works.AsNoTracking().Where(w => w.Id == workId).Select(w => w.Key).FirstOrDefaultAsync(ct) ?? throw Refuse.NotFound("法规不存在");
        var rows = await (from c in db.Citations.AsNoTracking()
                          where c.TargetKey == key && c.TargetNumber == number && c.TargetSubNumber == sub
                          join w in db.Works.AsNoTracking() on c.FromWorkId equals w.Id
                          join v in db.Versions.AsNoTracking() on c.FromVersionId equals v.Id
                          join p in db.Provisions.AsNoTracking() on new { V = c.FromVersionId, A = c.FromAnchor } equals new { V = p.VersionId, A = p.Anchor }
                          where !publicOnly || w.IsPublic
                          select new { w.Id, w.Title, v.Number, VersionId = v.Id, p.Anchor, p.Label, p.Text })
            .Take(500).ToListAsync(ct);
        // Only the newest version of each citing work counts (an old version citing it is history).
        var newest = await db.Versions.AsNoTracking().Where(v => rows.Select(r => r.Id).Contains(v.WorkId))
            .GroupBy(v => v.WorkId).Select(g => new { g.Key, Max = g.Max(v => v.Number) }).ToDictionaryAsync(x => x.Key, x => x.Max, ct);
        return rows.Where(r => newest.GetValueOrDefault(r.Id) == r.Number)
            .Select(r => new CitedBy(r.Id, r.Title, r.Number, r.Anchor, r.Label, r.Text.Length > 120 ? r.Text[..120] + "…" : r.Text,
                LibraryUrls.Article(r.Id, r.Number, r.Anchor)))
            .DistinctBy(r => (r.WorkId, r.Anchor))
            .ToList();
    }

    /// <summary>Each version's concurrency stamp by number (an administrator's version edit sends it back).</summary>
    public async Task<IReadOnlyDictionary<int, long>> VersionStampsAsync(Guid workId, CancellationToken ct) =>
        await db.Versions.AsNoTracking().Where(v => v.WorkId == workId).ToDictionaryAsync(v => v.Number, v => v.Version, ct);

    /// <summary>Works by title (library browsing and the administrators' list): newest first.</summary>
    public async Task<Paged<WorkDetail>> ListAsync(string? title, EffectLevel? level, int page, int pageSize, bool publicOnly, CancellationToken ct)
    {
        var q = db.Works.AsNoTracking().Where(w => !publicOnly || w.IsPublic);
        if (!string.IsNullOrWhiteSpace(title))
        {
            var key = WorkKey.Of(title);
            q = q.Where(w => w.Key.Contains(key));
        }
        if (level is { } l)
        {
            q = q.Where(w => w.Level == l);
        }
        var total = await q.CountAsync(ct);
        var works = await q.OrderByDescending(w => w.CreatedAtUtc).ThenBy(w => w.Title).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var ids = works.Select(w => w.Id).ToList();
        var versions = (await db.Versions.AsNoTracking().Where(v => ids.Contains(v.WorkId)).ToListAsync(ct)).ToLookup(v => v.WorkId);
        return new Paged<WorkDetail>(works.Select(w => Detail(w, versions[w.Id].ToList())).ToList(), total, page, pageSize);
    }

    internal static ProvisionView View(Guid workId, int versionNumber, Provision p) =>
        new(p.Id, p.Kind, p.Label, p.Heading, p.Number, p.SubNumber, p.Anchor, p.Path, p.Text, LibraryUrls.Article(workId, versionNumber, p.Anchor));
}
