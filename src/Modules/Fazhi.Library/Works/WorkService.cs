using Fazhi.Library.Citations;
using Fazhi.Library.Data;
using Fazhi.Library.Search;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Library.Works;

/// <summary>A library administrator's changes to a work's facts.</summary>
internal sealed record WorkEdit(string Title, EffectLevel Level, string? IssuingBody, string? Region, string? Category, bool IsPublic, long Version);

/// <summary>
/// Repeal or lapse (or undo it): the day it stopped applying and why. <paramref name="BeforeEffect"/>: repealed or declared void
/// before its latest version took effect (施行前废止), so the day may be on or before that version's effective date (not before
/// its publication); the versions starting on or after it never apply (<see cref="Validity.NeverApplied"/>).
/// </summary>
internal sealed record WorkEndEdit(WorkEnd End, DateOnly? EndedOn, string? Note, long Version, bool BeforeEffect = false);

/// <summary>A version's dates and number as corrected by an administrator.</summary>
internal sealed record VersionEdit(DateOnly? PromulgatedOn, DateOnly? EffectiveOn, string? DocumentNumber, long Version);

/// <summary>A corrected article text (a typo in the import; an amendment is a new version, not an edit).</summary>
internal sealed record ArticleEdit(string Text, string Reason);

/// <summary>
/// Library administrators' edits, each audited (entity changes by the platform; article texts as events with the old and
/// new text) and each written to the change feed so every node's index follows.
/// </summary>
internal sealed class WorkService(LibraryDb db, TimeProvider clock, IndexFollower index)
{
    public async Task UpdateAsync(Guid id, WorkEdit edit, CancellationToken ct)
    {
        var work = await db.Works.FirstOrDefaultAsync(w => w.Id == id, ct) ?? throw Refuse.NotFound("法规不存在");
        var checks = new FieldChecks();
        TextRules.Required(checks, "title", "标题", edit.Title, 200);
        TextRules.Optional(checks, "issuingBody", "制定机关", edit.IssuingBody, 200);
        TextRules.Optional(checks, "region", "地域", edit.Region, 50);
        TextRules.Optional(checks, "category", "分类", edit.Category, 50);
        checks.ThrowIfAny();
        if (work.Version != edit.Version)
        {
            throw Refuse.Stale();
        }
        var key = WorkKey.Of(edit.Title);
        if (key != work.Key && await db.Works.AnyAsync(w => w.Key == key && w.Id != id, ct))
        {
            throw Refuse.Field("title", "已有同名的法规");
        }
        work.Title = edit.Title.Trim();
        work.Key = key;
        work.Level = edit.Level;
        work.IssuingBody = edit.IssuingBody?.Trim() ?? "";
        work.Region = edit.Region?.Trim() ?? "";
        work.Category = edit.Category?.Trim() ?? "";
        work.IsPublic = edit.IsPublic;
        await SaveWithChangeAsync(work.Id, ct);
        await index.CatchUpAsync(ct);
    }

    public async Task SetEndAsync(Guid id, WorkEndEdit edit, CancellationToken ct)
    {
        var work = await db.Works.FirstOrDefaultAsync(w => w.Id == id, ct) ?? throw Refuse.NotFound("法规不存在");
        var checks = new FieldChecks();
        if (edit.End != WorkEnd.None && edit.EndedOn is null)
        {
            checks.Add("endedOn", "请填写废止或失效的日期");
        }
        TextRules.Optional(checks, "note", "说明", edit.Note, 500);
        if (edit.End != WorkEnd.None && edit.EndedOn is { } ended)
        {
            var dates = await db.Versions.Where(v => v.WorkId == id).Select(v => new { From = v.EffectiveOn ?? v.VersionDate, Published = v.PromulgatedOn ?? v.VersionDate })
                .ToListAsync(ct);
            var latest = dates.Select(d => d.From).Where(d => d is not null).Max();
            if (edit.BeforeEffect)
            {
                // 施行前废止: a version to start on or after the day never applies, but it cannot be ended before it was published.
                var published = dates.Where(d => d.From is null || d.From >= ended).Select(d => d.Published).Where(d => d is not null).Max();
                checks.When(published is not null && ended < published, "endedOn", $"施行前废止或失效的日期不能早于该版本的公布日期（{published:yyyy-MM-dd}）");
            }
            else
            {
                checks.When(latest is not null && ended <= latest, "endedOn", $"废止或失效日期应晚于最新版本的施行日期（{latest:yyyy-MM-dd}）");
            }
        }
        checks.ThrowIfAny();
        if (work.Version != edit.Version)
        {
            throw Refuse.Stale();
        }
        work.End = edit.End;
        work.EndedOn = edit.End == WorkEnd.None ? null : edit.EndedOn;
        work.EndNote = edit.End == WorkEnd.None ? "" : edit.Note?.Trim() ?? "";
        await SaveWithChangeAsync(work.Id, ct);
        await index.CatchUpAsync(ct);
    }

    public async Task UpdateVersionAsync(Guid workId, int number, VersionEdit edit, CancellationToken ct)
    {
        var version = await db.Versions.FirstOrDefaultAsync(v => v.WorkId == workId && v.Number == number, ct) ?? throw Refuse.NotFound("该版本不存在");
        var checks = new FieldChecks();
        TextRules.Optional(checks, "documentNumber", "文号", edit.DocumentNumber, 100);
        checks.When(edit.PromulgatedOn is { } p && edit.EffectiveOn is { } e && e < p, "effectiveOn", "施行日期不能早于公布日期");
        checks.ThrowIfAny();
        if (version.Version != edit.Version)
        {
            throw Refuse.Stale();
        }
        version.PromulgatedOn = edit.PromulgatedOn;
        version.EffectiveOn = edit.EffectiveOn;
        version.DocumentNumber = edit.DocumentNumber?.Trim() ?? "";
        await SaveWithChangeAsync(workId, ct);
        await index.CatchUpAsync(ct);
    }

    public async Task EditArticleAsync(Guid workId, int number, string anchor, ArticleEdit edit, CancellationToken ct)
    {
        var version = await db.Versions.AsNoTracking().FirstOrDefaultAsync(v => v.WorkId == workId && v.Number == number, ct) ?? throw Refuse.NotFound("该版本不存在");
        var p = await db.Provisions.FirstOrDefaultAsync(x => x.VersionId == version.Id && x.Anchor == anchor, ct) ?? throw Refuse.NotFound("该条文不存在");
        var checks = new FieldChecks();
        TextRules.Required(checks, "text", "条文", edit.Text, 20_000);
        TextRules.Required(checks, "reason", "更正理由", edit.Reason, 500);
        checks.ThrowIfAny();
        var old = p.Text;
        var text = string.Join('\n', edit.Text.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
        if (text == old)
        {
            return;
        }
        p.Text = text;
        var key = await db.Works.Where(w => w.Id == workId).Select(w => w.Key).FirstAsync(ct);
        // The old citations go in the same transaction as the new text: a failed save leaves both as they were.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Citations.Where(c => c.FromVersionId == version.Id && c.FromAnchor == anchor).ExecuteDeleteAsync(ct);
        foreach (var r in CitationFinder.Find(text, key).Where(r => r.Kind != ReferenceKind.Previous))
        {
            db.Citations.Add(new Citation
            {
                FromVersionId = version.Id, FromWorkId = workId, FromAnchor = anchor, TargetKey = r.TargetKey,
                TargetNumber = r.Number, TargetSubNumber = r.SubNumber, Text = r.Text.Length > 400 ? r.Text[..400] : r.Text, Offset = r.Offset,
            });
        }
        await SaveWithChangeAsync(workId, ct);
        await db.WriteAuditEventAsync("library.article.edit", nameof(Provision), p.Id.ToString(), new { workId, version = number, anchor, reason = edit.Reason.Trim(), old, text }, ct);
        await tx.CommitAsync(ct);
        await index.CatchUpAsync(ct);
    }

    private async Task SaveWithChangeAsync(Guid workId, CancellationToken ct)
    {
        db.Changes.Add(new LibraryChange { WorkId = workId, AtUtc = clock.GetUtcNow().UtcDateTime });
        // A stale edit (DbUpdateConcurrencyException) is answered as a 409 refusal by the platform's handler and pages.
        await db.SaveChangesAsync(ct);
    }
}
