using System.Text.Json.Nodes;

namespace Fazhi.InputSafety.Tests.Infrastructure;

/// <summary>The shape of a value as the OpenAPI document describes it, with <c>$ref</c>s resolved.</summary>
public sealed record Shape(string Kind, string? Format, IReadOnlyList<JsonNode?> Enum, IReadOnlyList<(string Name, Shape Shape)> Properties, Shape? Items)
{
    public static readonly Shape Unknown = new("unknown", null, [], [], null);

    public bool IsEnum => Enum.Count > 0;

    /// <summary>A short name for the report: integer, string/uuid, enum, object…</summary>
    public string Label => IsEnum ? "enum" : Format is null ? Kind : $"{Kind}/{Format}";
}

public sealed record ApiParameter(string Name, string In, bool Required, Shape Shape);

/// <summary>One API operation from the host's OpenAPI document.</summary>
public sealed record ApiOperation(string Method, string Path, IReadOnlyList<ApiParameter> Parameters, string? BodyContentType, Shape? Body)
{
    public string Key => $"{Method} {Path}";

    public IEnumerable<ApiParameter> PathParameters => Parameters.Where(p => p.In == "path");

    public IEnumerable<ApiParameter> QueryParameters => Parameters.Where(p => p.In == "query");
}

/// <summary>Reads operations and their parameter and body shapes from an OpenAPI 3.x document.</summary>
public static class ApiCatalog
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    public static List<ApiOperation> Read(JsonNode doc)
    {
        var schemas = doc["components"]?["schemas"]?.AsObject();
        var list = new List<ApiOperation>();
        foreach (var (path, item) in doc["paths"]!.AsObject())
        {
            if (item is not JsonObject ops)
            {
                continue;
            }
            var shared = ops["parameters"]?.AsArray() ?? [];
            foreach (var method in Methods)
            {
                if (ops[method] is not JsonObject op)
                {
                    continue;
                }
                var parameters = shared.Concat(op["parameters"]?.AsArray() ?? []).OfType<JsonObject>()
                    .Select(p => Resolve(p, schemas, 0))
                    .Select(p => new ApiParameter((string)p["name"]!, (string)p["in"]!, (bool?)p["required"] ?? false, ShapeOf(p["schema"], schemas, 0)))
                    .ToList();
                string? contentType = null;
                Shape? body = null;
                if (op["requestBody"] is JsonObject rb && Resolve(rb, schemas, 0)["content"] is JsonObject content && content.Count > 0)
                {
                    var chosen = content.FirstOrDefault(c => c.Key.Contains("json", StringComparison.OrdinalIgnoreCase));
                    if (chosen.Key is null)
                    {
                        chosen = content.First();
                    }
                    contentType = chosen.Key;
                    body = ShapeOf(chosen.Value?["schema"], schemas, 0);
                }
                list.Add(new ApiOperation(method.ToUpperInvariant(), path, parameters, contentType, body));
            }
        }
        return [.. list.OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal)];
    }

    private static JsonObject Resolve(JsonObject node, JsonObject? schemas, int depth)
    {
        var seen = 0;
        while (node["$ref"] is JsonValue r && seen++ < 10)
        {
            var name = ((string)r!).Split('/').Last();
            if (schemas?[name] is not JsonObject target)
            {
                break;
            }
            node = target;
        }
        return node;
    }

    private static Shape ShapeOf(JsonNode? node, JsonObject? schemas, int depth)
    {
        if (node is not JsonObject raw || depth > 6)
        {
            return Shape.Unknown;
        }
        var s = Resolve(raw, schemas, depth);
        foreach (var combinator in (string[])["oneOf", "anyOf"])
        {
            if (s[combinator] is JsonArray alternatives)
            {
                var chosen = alternatives.OfType<JsonObject>().Select(a => Resolve(a, schemas, depth))
                    .FirstOrDefault(a => !IsNullType(a)) ?? alternatives.OfType<JsonObject>().FirstOrDefault();
                return chosen is null ? Shape.Unknown : ShapeOf(chosen, schemas, depth + 1);
            }
        }
        if (s["allOf"] is JsonArray all)
        {
            var parts = all.Select(a => ShapeOf(a, schemas, depth + 1)).ToList();
            return parts.FirstOrDefault(p => p.Kind == "object") is { } obj
                ? obj with { Properties = [.. parts.SelectMany(p => p.Properties)] }
                : parts.FirstOrDefault() ?? Shape.Unknown;
        }
        var kind = TypeOf(s);
        var format = (string?)s["format"];
        IReadOnlyList<JsonNode?> values = s["enum"] is JsonArray e ? [.. e.Where(v => v is not null).Select(v => v!.DeepClone())] : [];
        if (kind == "object" || (kind == "unknown" && s["properties"] is JsonObject))
        {
            var props = (s["properties"] as JsonObject ?? []).Select(p => (p.Key, ShapeOf(p.Value, schemas, depth + 1))).ToList();
            return new Shape("object", format, values, props, null);
        }
        if (kind == "array")
        {
            return new Shape("array", format, values, [], ShapeOf(s["items"], schemas, depth + 1));
        }
        if (kind == "unknown" && values.Count > 0)
        {
            kind = values[0] is JsonValue v && v.TryGetValue<string>(out _) ? "string" : "integer";
        }
        return new Shape(kind, format, values, [], null);
    }

    private static bool IsNullType(JsonObject s) => s["type"] is JsonValue t && (string?)t == "null";

    /// <summary>The JSON type: OpenAPI 3.1 lists several (<c>["integer", "string"]</c> for numbers read from strings); the first non-null, non-string wins.</summary>
    private static string TypeOf(JsonObject s) => s["type"] switch
    {
        JsonValue v => (string?)v ?? "unknown",
        JsonArray a when a.Select(x => (string?)x).Where(x => x is not null and not "null").ToList() is { Count: > 0 } types =>
            types.FirstOrDefault(t => t != "string") ?? "string",
        _ => "unknown",
    };
}
