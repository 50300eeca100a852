using Fazhi.Library.Contracts;
using Fazhi.Library.Data;
using Fazhi.Library.Works;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Library.Import;

/// <summary>
/// <see cref="ILibraryPublishing"/> (ADR 0047): a text the city publishes goes in as a hand-entered document does
/// (<see cref="LibraryImporter.ImportManualAsync"/>: one work per title, one version per publication date, idempotent by the
/// text's hash, indexed at once); a repeal or a declaration of invalidity is the administrator's end-of-validity edit
/// (<see cref="WorkService.SetEndAsync"/>), audited and in the change feed; on or before the latest version's effective date it is
/// a repeal before taking effect (施行前废止, ADR 0051): that version never applies.
/// </summary>
internal sealed class LibraryPublishing(LibraryImporter importer, WorkService works, LibraryDb db) : ILibraryPublishing
{
    public async Task<LibraryEntry> PublishAsync(PublishedText text, CancellationToken ct)
    {
        var level = text.Kind switch
        {
            PublishedTextKind.MunicipalRegulation => EffectLevel.MunicipalRegulation,
            PublishedTextKind.GovernmentRule => EffectLevel.LocalGovernmentRule,
            _ => EffectLevel.NormativeDocument,
        };
        var result = await importer.ImportManualAsync(
            new ManualEntry(text.Title, level, text.IssuingBody, null, text.PublishedOn, text.EffectiveOn, text.DocumentNumber, true, text.Text), ct);
        var number = await db.Versions.AsNoTracking().Where(v => v.Id == result.VersionId).Select(v => v.Number).FirstAsync(ct);
        return new LibraryEntry(result.WorkId!.Value, number, result.Kind == ImportResultKind.NewWork, LibraryUrls.Version(result.WorkId.Value, number));
    }

    public async Task<bool> EndAsync(string title, bool repealed, DateOnly on, string note, CancellationToken ct)
    {
        var key = WorkKey.Of(title);
        var work = await db.Works.AsNoTracking().FirstOrDefaultAsync(w => w.Key == key, ct);
        if (work is null)
        {
            return false;
        }
        var end = repealed ? WorkEnd.Repealed : WorkEnd.Expired;
        if (work.End == end && work.EndedOn == on)
        {
            return true;
        }
        var text = note.Length > 500 ? note[..500] : note;
        // A text repealed or declared void on or before the day its latest version takes effect never takes effect
        // (施行前废止): recorded as such (Validity.NeverApplied), its text kept in the history.
        var latest = (await db.Versions.AsNoTracking().Where(v => v.WorkId == work.Id).Select(v => v.EffectiveOn ?? v.VersionDate).ToListAsync(ct)).Max();
        await works.SetEndAsync(work.Id, new WorkEndEdit(end, on, text, work.Version, BeforeEffect: latest is { } l && on <= l), ct);
        return true;
    }
}
