using System.Text.RegularExpressions;
using Fazhi.Library.Contracts;
using Fazhi.Library.Data;
using Fazhi.Library.Import;
using Fazhi.Library.Works;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Library.Citations;

/// <summary>
/// <see cref="ILawReferences"/> for the other modules. A citation is 《title》第X条 or title第X条 (行政处罚法第三十二条, as the
/// enforcement rules write them): the title is matched by its key, trying shorter tails of the words before 第X条 (依照行政处罚法
/// → 行政处罚法) until a work is found. The article is taken from the version in force on the asked date, then compared
/// with the version in force today (China's date). Answers and works are shared across requests through
/// <see cref="LawReferenceCache"/> (ADR 0053): a request reads the library's latest change id once, and reuses the answers
/// of the generation for that change.
/// </summary>
internal sealed partial class LawReferences(LibraryDb db, TimeProvider clock, LawReferenceCache cache) : ILawReferences
{
    private LawReferenceCache.Generation? _generation;

    // In book-title marks the title runs to the closing mark (《中华人民共和国法律援助法》, not 《中华人民共和国法); written
    // without them, the shortest run ending in a kind of law is taken and its tails are tried (依照行政处罚法 → 行政处罚法).
    [GeneratedRegex("(?:《(?<title>[\\u4e00-\\u9fa5（）]{1,60}(?:法|条例|规定|办法|细则|解释|决定|规则|准则|纲要))》|(?<title>[\\u4e00-\\u9fa5（）]{2,40}?(?:法|条例|规定|办法|细则|解释|决定|规则|准则|纲要)))\\s*(?<art>第(?<n>[零〇一二三四五六七八九十百千两]+)条(之(?<s>[一二三四五六七八九十]+))?)?")]
    private static partial Regex Loose();

    [GeneratedRegex("(?:、|，|和|及|以及|或者|或|至)(?<art>第[零〇一二三四五六七八九十百千两]+条(?:之[一二三四五六七八九十]+)?)")]
    private static partial Regex Following();

    public async Task<IReadOnlyList<LawReference>> ResolveAllAsync(string text, DateOnly on, CancellationToken ct)
    {
        var results = new List<LawReference>();
        string? lastTitle = null;
        foreach (Match m in Loose().Matches(text ?? ""))
        {
            if (!m.Groups["art"].Success && !m.Value.StartsWith('《'))
            {
                continue;
            }
            var r = await ResolveMatchAsync(m, on, ct);
            if (r.State != ReferenceState.NotFound || lastTitle != m.Groups["title"].Value)
            {
                results.Add(r);
            }
            lastTitle = m.Groups["title"].Value;
            // 《…》第八条、第十七条: the articles that follow cite the same work; each is resolved as written (第十七条).
            var at = m.Index + m.Length;
            while (m.Groups["art"].Success && Following().Match(text!, at) is { Success: true } f && f.Index == at)
            {
                var same = Loose().Match("《" + lastTitle + "》" + f.Groups["art"].Value);
                var follow = await ResolveMatchAsync(same, on, ct);
                results.Add(follow with { Citation = f.Groups["art"].Value });
                at = f.Index + f.Length;
            }
        }
        return results.DistinctBy(r => r.Citation).ToList();
    }

    public async Task<LawReference> ResolveAsync(string citation, DateOnly on, CancellationToken ct)
    {
        var m = Loose().Match(citation ?? "");
        return m.Success ? await ResolveMatchAsync(m, on, ct) : NotFound(citation ?? "");
    }

    private async Task<LawReference> ResolveMatchAsync(Match m, DateOnly on, CancellationToken ct)
    {
        // One read of the change feed per request: the answers of the generation for the latest change are reused.
        _generation ??= cache.For(await db.Changes.MaxAsync(c => (long?)c.Id, ct) ?? 0);
        var today = clock.ChinaToday();
        var key = (m.Value.Trim(), on, today);
        if (!_generation.Resolved.TryGetValue(key, out var resolved))
        {
            resolved = _generation.Resolved[key] = await ResolveUncachedAsync(m, on, today, ct);
        }
        return resolved;
    }

    private async Task<LawReference> ResolveUncachedAsync(Match m, DateOnly on, DateOnly today, CancellationToken ct)
    {
        var citation = m.Value.Trim();
        var title = m.Groups["title"].Value;
        if (!_generation!.Works.TryGetValue(title, out var found))
        {
            var w = await FindWorkAsync(title, ct);
            found = _generation.Works[title] = (w, w is null ? [] : await db.Versions.AsNoTracking().Where(v => v.WorkId == w.Id).ToListAsync(ct));
        }
        var (work, versions) = found;
        if (work is null)
        {
            return NotFound(citation);
        }
        var then = Validity.InForceOn(work, versions, on);
        var now = Validity.InForceOn(work, versions, today);
        if (!m.Groups["art"].Success)
        {
            var v = then ?? now ?? Validity.Current(work, versions, today);
            var state = then is null ? ReferenceState.NotYetInForce : now is null ? ReferenceState.Repealed : ReferenceState.Current;
            return new LawReference(citation, state, work.Title, null, v is null ? LibraryUrls.Work(work.Id) : LibraryUrls.Version(work.Id, v.Number), null,
                now is not null && v is not null && now.Id != v.Id ? LibraryUrls.Version(work.Id, now.Number) : null, Label(state));
        }
        var number = ChineseNumber.Parse(m.Groups["n"].Value) ?? 0;
        var sub = m.Groups["s"].Success ? ChineseNumber.Parse(m.Groups["s"].Value) ?? 0 : 0;
        var anchor = ChineseNumber.ArticleAnchor(number, sub);
        var label = ChineseNumber.ArticleLabel(number, sub);
        if (then is null)
        {
            // No version applied on that date: the work had ended (repealed, lapsed), or the date is before the first
            // version the library holds — which is either before the law existed, or a version the library lacks.
            var first = versions.OrderBy(v => v.AppliesFrom).FirstOrDefault();
            var ended = first is not null && on >= first.AppliesFrom;
            var existed = !ended && first is not null && EarliestHistoryDate(first) is { } adopted && adopted <= on;
            var state = ended ? ReferenceState.Repealed : existed ? ReferenceState.VersionMissing : ReferenceState.NotYetInForce;
            var shown = ended ? versions.OrderByDescending(v => v.AppliesFrom).First() : now ?? Validity.Current(work, versions, today);
            var text = shown is null ? null : await ArticleAsync(shown.Id, anchor, ct);
            return new LawReference(citation, state, work.Title, label,
                text is null ? null : LibraryUrls.Article(work.Id, shown!.Number, anchor), text?.Text, null, Label(state));
        }
        var article = await ArticleAsync(then.Id, anchor, ct);
        if (article is null)
        {
            return new LawReference(citation, ReferenceState.NotFound, work.Title, label, LibraryUrls.Version(work.Id, then.Number), null, null, "该版本无此条");
        }
        var url = LibraryUrls.Article(work.Id, then.Number, anchor);
        if (now is null)
        {
            return new LawReference(citation, ReferenceState.Repealed, work.Title, label, url, article.Text, null, Label(ReferenceState.Repealed));
        }
        if (now.Id == then.Id)
        {
            return new LawReference(citation, ReferenceState.Current, work.Title, label, url, article.Text, null, Label(ReferenceState.Current));
        }
        var current = await ArticleAsync(now.Id, anchor, ct);
        var state2 = current is null ? ReferenceState.Removed : Same(current.Text, article.Text) ? ReferenceState.Current : ReferenceState.Amended;
        return new LawReference(citation, state2, work.Title, label, url, article.Text,
            current is null ? LibraryUrls.Version(work.Id, now.Number) : LibraryUrls.Article(work.Id, now.Number, anchor), Label(state2));
    }

    [GeneratedRegex(@"(?<y>[0-9]{4})年(?<m>[0-9]{1,2})月(?<d>[0-9]{1,2})日")]
    private static partial Regex HistoryDate();

    /// <summary>The earliest date in a version's history lines (the law's adoption), if any.</summary>
    private static DateOnly? EarliestHistoryDate(LawVersion v)
    {
        DateOnly? earliest = null;
        foreach (Match m in HistoryDate().Matches(v.History))
        {
            int y = int.Parse(m.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture), mo = int.Parse(m.Groups["m"].Value, System.Globalization.CultureInfo.InvariantCulture),
                d = int.Parse(m.Groups["d"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) && (earliest is null || new DateOnly(y, mo, d) < earliest))
            {
                earliest = new DateOnly(y, mo, d);
            }
        }
        return earliest;
    }

    private static bool Same(string a, string b) => Normal(a) == Normal(b);

    private static string Normal(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c) && c != '\u3000'));

    private Task<Provision?> ArticleAsync(Guid versionId, string anchor, CancellationToken ct) =>
        db.Provisions.AsNoTracking().FirstOrDefaultAsync(p => p.VersionId == versionId && p.Anchor == anchor, ct);

    /// <summary>The work whose key is the longest tail of the words (依照行政处罚法 → 行政处罚法).</summary>
    private async Task<LawWork?> FindWorkAsync(string words, CancellationToken ct)
    {
        var key = WorkKey.Of(words);
        var tails = Enumerable.Range(0, Math.Max(1, key.Length - 1)).Select(i => key[i..]).Where(t => t.Length >= 2).ToList();
        var found = await db.Works.AsNoTracking().Where(w => tails.Contains(w.Key)).ToListAsync(ct);
        return found.OrderByDescending(w => w.Key.Length).FirstOrDefault();
    }

    private static LawReference NotFound(string citation) => new(citation, ReferenceState.NotFound, null, null, null, null, null, Label(ReferenceState.NotFound));

    public static string Label(ReferenceState s) => s switch
    {
        ReferenceState.Current => "现行有效",
        ReferenceState.Amended => "已修改",
        ReferenceState.Removed => "已删除或调整条号",
        ReferenceState.Repealed => "已废止或失效",
        ReferenceState.NotYetInForce => "当日尚未施行",
        ReferenceState.VersionMissing => "法规库缺当日版本",
        _ => "法规库中未找到",
    };
}
