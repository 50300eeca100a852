using System.Text.Json.Nodes;

namespace Fazhi.InputSafety.Tests.Infrastructure;

/// <summary>
/// Real record ids seen in the API's answers: by the list they came from (template path, property <c>id</c>) and by property
/// name (<c>caseId</c>). The demo accounts' own ids are left out, so administrators' requests do not lock out the sweep's users.
/// </summary>
public sealed class IdPool(IReadOnlySet<Guid> excluded)
{
    private readonly Dictionary<string, List<Guid>> _byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Guid>> _byName = new(StringComparer.OrdinalIgnoreCase);

    public int Count => _byPath.Values.Sum(v => v.Count);

    public void Collect(string template, JsonNode? node, int depth = 0)
    {
        if (depth > 6 || node is null)
        {
            return;
        }
        if (node is JsonArray array)
        {
            foreach (var item in array.Take(50))
            {
                Collect(template, item, depth + 1);
            }
            return;
        }
        if (node is not JsonObject obj)
        {
            return;
        }
        // A record that points at a demo account (its role assignment, its session) is left alone too.
        var touchesDemoAccount = obj.Any(p => p.Value is JsonValue pv && pv.TryGetValue<string>(out var ps) && Guid.TryParse(ps, out var pid) && excluded.Contains(pid));
        foreach (var (name, value) in obj)
        {
            if (value is JsonValue v && v.TryGetValue<string>(out var s) && Guid.TryParse(s, out var id) && id != Guid.Empty && !excluded.Contains(id) && !touchesDemoAccount)
            {
                Add(_byName, name, id);
                if (name.Equals("id", StringComparison.OrdinalIgnoreCase))
                {
                    Add(_byPath, template, id);
                }
            }
            else if (value is JsonObject or JsonArray)
            {
                // Ids inside a list's items belong to the list; ids deeper down only by their name.
                Collect(depth == 0 && value is JsonArray ? template : template + "#" + name, value, depth + 1);
            }
        }
    }

    private static void Add(Dictionary<string, List<Guid>> map, string key, Guid id)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }
        if (list.Count < 50 && !list.Contains(id))
        {
            list.Add(id);
        }
    }

    /// <summary>A real id for the path parameter <paramref name="name"/> of <paramref name="template"/>, when one was seen.</summary>
    public Guid? ForPath(string template, string name)
    {
        var at = template.IndexOf("{" + name, StringComparison.Ordinal);
        var prefix = at > 0 ? template[..at].TrimEnd('/') : template;
        if (_byPath.TryGetValue(prefix, out var exact) || _byPath.TryGetValue("/api" + prefix, out exact))
        {
            return exact[0];
        }
        if (!name.Equals("id", StringComparison.OrdinalIgnoreCase) && ForName(name) is { } named)
        {
            return named;
        }
        var segments = prefix.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            return null;
        }
        var last = segments[^1];
        var best = _byPath.Keys.Where(k => !k.Contains('{') && !k.Contains('#') && k.EndsWith("/" + last, StringComparison.Ordinal))
            .OrderByDescending(k => segments.Count(s => k.Contains("/" + s + "/", StringComparison.Ordinal) || k.EndsWith("/" + s, StringComparison.Ordinal)))
            .ThenBy(k => k, StringComparer.Ordinal).FirstOrDefault();
        if (best is not null)
        {
            return _byPath[best][0];
        }
        var singular = last.EndsWith("ies", StringComparison.Ordinal) ? last[..^3] + "y" : last.TrimEnd('s');
        return ForName(singular.Replace("-", "", StringComparison.Ordinal) + "Id");
    }

    /// <summary>A real id seen under the property name, e.g. <c>caseId</c>.</summary>
    public Guid? ForName(string name) => _byName.TryGetValue(name, out var list) ? list[0] : null;
}
