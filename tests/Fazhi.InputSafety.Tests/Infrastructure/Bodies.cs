using System.Text.Json.Nodes;

namespace Fazhi.InputSafety.Tests.Infrastructure;

/// <summary>A field of a body: where it sits (property names, 0 for an array's first item) and its shape.</summary>
public sealed record BodyField(IReadOnlyList<object> Path, string Name, Shape Shape)
{
    public string Display => string.Join("", Path.Select((p, i) => p is int n ? $"[{n}]" : i == 0 ? (string)p : "." + p));
}

/// <summary>Plausible bodies built from a shape, and the same with one field replaced by a hostile value.</summary>
public static class Bodies
{
    public const string Placeholder = "__FAZHI_HOSTILE_VALUE__";

    public static JsonNode? Sample(Shape shape, string name, IdPool ids, Random rng, int depth = 0)
    {
        if (shape.IsEnum)
        {
            return shape.Enum[0]?.DeepClone();
        }
        return shape.Kind switch
        {
            "object" => depth > 4 ? new JsonObject() : new JsonObject(shape.Properties.Select(p => KeyValuePair.Create(p.Name, Sample(p.Shape, p.Name, ids, rng, depth + 1)))),
            "array" => depth > 4 || shape.Items is null ? new JsonArray() : new JsonArray(Sample(shape.Items, name, ids, rng, depth + 1)),
            "integer" => 1,
            "number" => 1.5,
            "boolean" => false,
            "string" => shape.Format switch
            {
                "uuid" => (ids.ForName(name) ?? RandomGuid(rng)).ToString(),
                "date" => "2026-03-02",
                "date-time" => "2026-03-02T09:00:00+08:00",
                "time" => "09:00:00",
                "email" => "demo@example.cn",
                "uri" => "https://example.cn/",
                "binary" or "byte" => "",
                _ => "测试",
            },
            _ => "测试",
        };
    }

    public static Guid RandomGuid(Random rng)
    {
        var bytes = new byte[16];
        rng.NextBytes(bytes);
        return new Guid(bytes);
    }

    /// <summary>The body's fields: top-level properties, then nested ones (through an array's first item) two levels down.</summary>
    public static List<BodyField> Fields(Shape body)
    {
        var fields = new List<BodyField>();
        void Walk(Shape shape, List<object> path, int depth)
        {
            if (depth > 2)
            {
                return;
            }
            var target = shape;
            if (target.Kind == "array" && target.Items is { } items && path.Count > 0)
            {
                path = [.. path, 0];
                target = items;
            }
            foreach (var (name, s) in target.Properties)
            {
                List<object> p = [.. path, name];
                fields.Add(new BodyField(p, name, s));
                if (s.Kind is "object" or "array")
                {
                    Walk(s, p, depth + 1);
                }
            }
        }
        Walk(body, [], 0);
        return fields;
    }

    /// <summary>The body text with <paramref name="field"/> set to the raw JSON <paramref name="rawJson"/>.</summary>
    public static string With(JsonNode? sample, BodyField field, string rawJson)
    {
        var copy = sample?.DeepClone();
        JsonNode? node = copy;
        for (var i = 0; i < field.Path.Count - 1 && node is not null; i++)
        {
            node = field.Path[i] is int n ? (node is JsonArray a && a.Count > n ? a[n] : null) : node[(string)field.Path[i]];
        }
        if (node is JsonObject obj)
        {
            obj[(string)field.Path[^1]] = Placeholder;
        }
        var text = copy?.ToJsonString() ?? "null";
        return text.Replace("\"" + Placeholder + "\"", rawJson, StringComparison.Ordinal);
    }
}
