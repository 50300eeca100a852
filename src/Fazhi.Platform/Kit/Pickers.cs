using System.Text;
using Fazhi.Platform.Features.OrgUnits;
using Fazhi.Platform.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Kit;

/// <summary>One unit a picker offers.</summary>
/// <param name="Id">The unit's id.</param>
/// <param name="Code">What the form posts (the API keeps accepting codes).</param>
/// <param name="Name">The unit's name.</param>
/// <param name="ParentId">The parent unit when it is offered too (the tree nests under it), otherwise null (a root of the picker's tree).</param>
/// <param name="Trail">The names above the unit, nearest first ("枣庄市"), so two units of one name can be told apart.</param>
/// <param name="Initials">Pinyin initials of the name (市中区 → szq) for searching; partial where a character is not known.</param>
public sealed record OrgPickItem(Guid Id, string Code, string Name, Guid? ParentId, string Trail, string Initials)
{
    /// <summary>What a datalist shows beside the code: name, trail and initials, all of which the browser searches.</summary>
    public string Label => Trail.Length == 0 ? $"{Name} · {Initials}" : $"{Name} · {Trail} · {Initials}";
}

/// <summary>One account a user picker offers: the sign-in name is what the form posts.</summary>
public sealed record UserPickItem(Guid Id, string UserName, string Name, string UnitName);

/// <summary>
/// What the unit and user pickers offer, and the check of what a form posted back (ADR 0041). Only units in the caller's
/// data scope are offered, unless the caller passes a scope of its own (e.g. every unit a case may be routed to); a posted
/// code outside that scope is refused naming the field, so a hand-edited form gets no further than the picker would.
/// </summary>
public interface IOrgPicker
{
    /// <summary>Active units in <paramref name="within"/> (null: the caller's data scope), in tree order; none below <paramref name="deepest"/> when given.</summary>
    Task<IReadOnlyList<OrgPickItem>> UnitsAsync(IReadOnlyCollection<Guid>? within, CancellationToken ct, OrgLevel? deepest = null);

    /// <summary>
    /// The unit with the posted code, when it is active and within <paramref name="within"/> (null: the caller's data scope);
    /// null when nothing was posted. An unknown code, or one outside the scope, is refused naming <paramref name="field"/>.
    /// </summary>
    Task<OrgUnitInfo?> PostedAsync(string? code, string field, IReadOnlyCollection<Guid>? within, CancellationToken ct);

    /// <summary>Active accounts at the units in <paramref name="within"/> (null: the caller's data scope), by name; at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<UserPickItem>> UsersAsync(IReadOnlyCollection<Guid>? within, int max, CancellationToken ct);
}

/// <remarks>
/// The pickers render as components beside the page that holds them, and a static-SSR page may still be awaiting its own
/// reads when they start (on PostgreSQL it is): so every read here runs in a scope of its own, on its own database context,
/// never on the request's. The directories it reads are not data-scoped; the caller's scope is taken from the request.
/// </remarks>
internal sealed class OrgPicker(IServiceScopeFactory scopes, ICurrentUser current) : IOrgPicker
{
    public async Task<IReadOnlyList<OrgPickItem>> UnitsAsync(IReadOnlyCollection<Guid>? within, CancellationToken ct, OrgLevel? deepest = null)
    {
        var allowed = Allowed(within);
        await using var scope = scopes.CreateAsyncScope();
        var active = await scope.ServiceProvider.GetRequiredService<IOrgDirectory>().ActiveUnitsAsync(ct);
        var offered = active.Where(u => (allowed is null || allowed.Contains(u.Id)) && (deepest is null || u.Level <= deepest)).ToList();
        var ids = offered.Select(u => u.Id).ToHashSet();
        var byId = active.ToDictionary(u => u.Id);
        var items = new List<OrgPickItem>(offered.Count);
        foreach (var u in offered.OrderBy(u => u.Path, StringComparer.Ordinal))
        {
            var trail = new List<string>();
            var p = u.ParentId;
            while (p is { } pid && byId.TryGetValue(pid, out var parent) && trail.Count < 8)
            {
                trail.Add(parent.Name);
                p = parent.ParentId;
            }
            items.Add(new OrgPickItem(u.Id, u.Code, u.Name, u.ParentId is { } pp && ids.Contains(pp) ? pp : null,
                string.Join(" / ", trail.Take(2)), Pinyin.Initials(u.Name)));
        }
        return items;
    }

    public async Task<OrgUnitInfo?> PostedAsync(string? code, string field, IReadOnlyCollection<Guid>? within, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }
        await using var scope = scopes.CreateAsyncScope();
        var unit = await scope.ServiceProvider.GetRequiredService<IOrgDirectory>().FindByCodeAsync(code.Trim(), ct);
        if (unit is null || !unit.IsActive)
        {
            throw Refuse.Field(field, $"单位“{code.Trim()}”不存在或已停用，请从单位选择器中选择。");
        }
        var allowed = Allowed(within);
        if (allowed is not null && !allowed.Contains(unit.Id))
        {
            throw Refuse.Field(field, $"“{unit.Name}”不在可选择的单位范围内，请从单位选择器中选择。");
        }
        return unit;
    }

    public async Task<IReadOnlyList<UserPickItem>> UsersAsync(IReadOnlyCollection<Guid>? within, int max, CancellationToken ct)
    {
        var allowed = Allowed(within);
        await using var scope = scopes.CreateAsyncScope();
        var active = await scope.ServiceProvider.GetRequiredService<IOrgDirectory>().ActiveUnitsAsync(ct);
        var unitIds = allowed is null ? active.Select(u => u.Id).ToList() : active.Where(u => allowed.Contains(u.Id)).Select(u => u.Id).ToList();
        var names = active.ToDictionary(u => u.Id, u => u.Name);
        var found = await scope.ServiceProvider.GetRequiredService<IUserDirectory>().ActiveInUnitsAsync(unitIds, Math.Clamp(max, 1, 2000), ct);
        return found.Select(u => new UserPickItem(u.Id, u.UserName, u.Name, names.GetValueOrDefault(u.OrgUnitId, ""))).ToList();
    }

    /// <summary>The units that may be offered, or null for every unit (system work, or an unrestricted caller with no scope given).</summary>
    private HashSet<Guid>? Allowed(IReadOnlyCollection<Guid>? within)
    {
        if (within is not null)
        {
            return within.ToHashSet();
        }
        var scope = current.Scope;
        return scope.Unrestricted ? null : scope.UnitIds.ToHashSet();
    }
}

/// <summary>
/// Pinyin initials of common characters, from their GB2312 code: the 3,755 level-1 characters are ordered by pinyin, so
/// the initial follows from where a character falls. Level-2 characters (ordered by radical) have none, except the few
/// place-name characters listed; they are left out of the initials, so search falls back to the name and the code.
/// </summary>
public static class Pinyin
{
    private static readonly Encoding? Gb2312 = Load();

    private static readonly (int Start, char Letter)[] Bounds =
    [
        (0xB0A1, 'a'), (0xB0C5, 'b'), (0xB2C1, 'c'), (0xB4EE, 'd'), (0xB6EA, 'e'), (0xB7A2, 'f'), (0xB8C1, 'g'), (0xB9FE, 'h'),
        (0xBBF7, 'j'), (0xBFA6, 'k'), (0xC0AC, 'l'), (0xC2E8, 'm'), (0xC4C3, 'n'), (0xC5B6, 'o'), (0xC5BE, 'p'), (0xC6DA, 'q'),
        (0xC8BB, 'r'), (0xC8F6, 's'), (0xCBFA, 't'), (0xCDDA, 'w'), (0xCEF4, 'x'), (0xD1B9, 'y'), (0xD4D1, 'z'),
    ];

    /// <summary>Level-2 characters of place names in the model city (峄城区) and its neighbours.</summary>
    private static readonly Dictionary<char, char> Extra = new() { ['峄'] = 'y', ['枣'] = 'z', ['郯'] = 't', ['邳'] = 'p', ['滕'] = 't' };

    /// <summary>Lower-case initials: 市中区 → szq; letters and digits are kept, anything else is skipped.</summary>
    public static string Initials(string text)
    {
        var sb = new StringBuilder(text.Length);
        Span<byte> bytes = stackalloc byte[8];
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
                continue;
            }
            if (Extra.TryGetValue(c, out var known))
            {
                sb.Append(known);
                continue;
            }
            if (Gb2312 is null || c < 0x4E00 || c > 0x9FFF)
            {
                continue;
            }
            var n = Gb2312.GetBytes([c], bytes);
            if (n != 2)
            {
                continue;
            }
            var code = (bytes[0] << 8) | bytes[1];
            if (code < 0xB0A1 || code > 0xD7F9)
            {
                continue;
            }
            var letter = Bounds[0].Letter;
            foreach (var (start, l) in Bounds)
            {
                if (code < start)
                {
                    break;
                }
                letter = l;
            }
            sb.Append(letter);
        }
        return sb.ToString();
    }

    private static Encoding? Load()
    {
        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(936, new EncoderReplacementFallback("?"), DecoderFallback.ReplacementFallback);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
