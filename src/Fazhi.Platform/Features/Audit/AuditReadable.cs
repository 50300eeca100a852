using System.Globalization;
using System.Text.Json;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Web;
using Microsoft.Extensions.Localization;

namespace Fazhi.Platform.Features.Audit;

/// <summary>One changed field as a person reads it: label, value before, value after (either may be empty).</summary>
public sealed record AuditChangeLine(string Label, string? Before, string? After);

/// <summary>An audit entry as the default view shows it (ADR 0041): names instead of type names, ids and JSON.</summary>
public sealed record ReadableAuditEntry(
    long Sequence, DateTimeOffset At, string Actor, string? ActorLogin, string? Unit, string Action, bool Failure,
    string Record, string? Link, IReadOnlyList<AuditChangeLine> Changes, int HiddenFields);

/// <summary>Turns stored entries into readable ones with the registered labels and the account and unit names.</summary>
internal sealed class AuditReadable(AuditLabels labels, IUserDirectory users, IOrgDirectory orgs, IStringLocalizer<Text> T)
{
    private const int MaxValue = 60;

    public async Task<List<ReadableAuditEntry>> ReadAsync(IReadOnlyList<AuditEntryDto> entries, CancellationToken ct)
    {
        var parsed = entries.Select(e => (Entry: e, Fields: Parse(e.Changes))).ToList();
        // Ids in the values (a unit, a handler) are named when they are an account or a unit; other ids stay hidden.
        var ids = parsed.SelectMany(p => p.Fields.SelectMany(f => new[] { f.Before, f.After }))
            .Select(v => Guid.TryParse(v, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty)
            .Concat(entries.Where(e => e.ActorId is not null).Select(e => e.ActorId!.Value))
            .Concat(entries.Where(e => e.OrgUnitId is not null).Select(e => e.OrgUnitId!.Value))
            .ToHashSet();
        var people = await users.DisplayNamesAsync(ids, ct);
        var units = await orgs.NamesAsync(ids, ct);
        string? Name(string? v) =>
            v is null ? null
            : Guid.TryParse(v, out var g) ? people.GetValueOrDefault(g) ?? units.GetValueOrDefault(g) ?? T["（关联记录）"]
            : v.Length > MaxValue ? v[..MaxValue] + "…" : v;

        var result = new List<ReadableAuditEntry>(entries.Count);
        foreach (var (e, fields) in parsed)
        {
            var lines = new List<AuditChangeLine>();
            var hidden = 0;
            foreach (var f in fields)
            {
                var label = labels.FieldName(e.EntityType, f.Name);
                if (label is null)
                {
                    hidden++;
                    continue;
                }
                lines.Add(new AuditChangeLine(label, Name(f.Before), Name(f.After)));
            }
            var actor = e.ActorId is { } a && people.TryGetValue(a, out var display) ? display : e.ActorName switch
            {
                "system" => T["系统"],
                "anonymous" => T["未登录访问者"],
                var n => n,
            };
            result.Add(new ReadableAuditEntry(
                e.Sequence, e.At, actor, e.ActorId is null ? null : e.ActorName,
                e.OrgUnitName ?? (e.OrgUnitId is { } o ? units.GetValueOrDefault(o) : null),
                labels.ActionName(e.Action) ?? e.Action,
                e.Action.Contains("failed", StringComparison.Ordinal) || e.Action.Contains("locked", StringComparison.Ordinal),
                labels.EntityName(e.EntityType) ?? T["其他记录"],
                e.Action == "delete" ? null : labels.LinkFor(e.EntityType, e.EntityId),
                lines, hidden));
        }
        return result;
    }

    /// <summary>The stored changes as (field, before, after); a security event's details count as "after".</summary>
    internal static List<(string Name, string? Before, string? After)> Parse(string changes)
    {
        var list = new List<(string, string?, string?)>();
        try
        {
            using var doc = JsonDocument.Parse(changes);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return list;
            }
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (p.Value.ValueKind == JsonValueKind.Array && p.Value.GetArrayLength() == 2)
                {
                    list.Add((p.Name, Value(p.Value[0]), Value(p.Value[1])));
                }
                else
                {
                    list.Add((p.Name, null, Value(p.Value)));
                }
            }
        }
        catch (JsonException)
        {
            // A malformed entry shows nothing here; the raw entry still shows it as stored.
        }
        return list;
    }

    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    private static string? Value(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => v.GetString(),
        JsonValueKind.True => English ? "Yes" : "是",
        JsonValueKind.False => English ? "No" : "否",
        JsonValueKind.Number => v.GetRawText(),
        _ => null,
    };

    public static string Time(DateTimeOffset at) =>
        at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string SummaryText(ReadableAuditEntry e) => string.Join("；", e.Changes.Select(c =>
        c.Before is null ? $"{c.Label}：{c.After ?? "—"}" : c.After is null ? $"{c.Label}：{c.Before} → —" : $"{c.Label}：{c.Before} → {c.After}"));
}
