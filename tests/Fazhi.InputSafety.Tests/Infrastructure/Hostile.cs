using System.Text;
using System.Text.Json;

namespace Fazhi.InputSafety.Tests.Infrastructure;

/// <summary>A hostile value: how the report shows it, and the text sent (query text, or raw JSON for bodies).</summary>
public sealed record HostileValue(string Label, string Text);

/// <summary>The hostile values, by the type of the parameter or field they are sent to.</summary>
public static class Hostile
{
    public const string Sql = "' OR 1=1 --";

    public static readonly string Long = Repeat("枣庄'\"<>%;-- ", 5_000);

    public static readonly string Huge = Repeat("枣庄法治", 10 * 1024 * 1024 / 3);

    private static string Repeat(string unit, int length)
    {
        var sb = new StringBuilder(length + unit.Length);
        while (sb.Length < length)
        {
            sb.Append(unit);
        }
        return sb.ToString(0, length);
    }

    private static HostileValue T(string text) => new(Show(text), text);

    /// <summary>The value as the report shows it: control and invisible characters escaped, long ones by their length.</summary>
    public static string Show(string text)
    {
        if (text.Length > 100)
        {
            return $"<{text.Length:N0} chars>";
        }
        var sb = new StringBuilder();
        foreach (var c in text)
        {
            sb.Append(c < ' ' || c is '\u200B' or '\uFEFF' or '\u00A0' ? $"\\u{(int)c:X4}" : c.ToString());
        }
        return sb.Length == 0 ? "(empty)" : sb.ToString();
    }

    private static readonly HostileValue[] Strings =
    [
        T(Sql), T(Long), T(""), T("   "), T("\u200B"), T("\uFEFF"), T("\0"), T("a\0b"), T("-1"), T("12345"),
        T("0001-01-01"), T("9999-12-31"), T("2026-02-30"), T("NoSuchValue"), T("<script>alert(1)</script>"), T("%00%'\""),
    ];

    private static readonly HostileValue[] Integers =
    [
        T("abc"), T("-1"), T("-2147483649"), T("99999999999999999999"), T("1.5"), T(Sql), T("\u200B"), T(""), T("0"), T("2147483647"), T("-9223372036854775808"), T("\uFEFF1"),
    ];

    private static readonly HostileValue[] Numbers = [T("abc"), T("-1"), T("1e400"), T("NaN"), T("-Infinity"), T(Sql), T("")];

    private static readonly HostileValue[] Booleans = [T("maybe"), T("2"), T(Sql), T("\u200B"), T("")];

    private static readonly HostileValue[] Guids =
    [
        T("not-a-guid"), T("00000000-0000-0000-0000-000000000000"), T(Sql), T("\uFEFF"), T("12345"), T(""), T(Guid.Empty.ToString("N") + "0"),
    ];

    private static readonly HostileValue[] Dates =
    [
        T("0001-01-01"), T("9999-12-31"), T("2026-02-30"), T("abc"), T("-1"), T("\u200B"), T("2026-13-01"), T(Sql),
    ];

    private static readonly HostileValue[] DateTimes =
    [
        T("0001-01-01T00:00:00Z"), T("9999-12-31T23:59:59Z"), T("2026-02-30T10:00:00"), T("abc"), T("0001-01-01"), T("9999-12-31"),
    ];

    private static readonly HostileValue[] Enums = [T("NoSuchValue"), T("12345"), T("-1"), T(" "), T(Sql), T("\uFEFF")];

    /// <summary>Values for a query or path parameter of the shape.</summary>
    public static IReadOnlyList<HostileValue> ForText(Shape shape) => shape switch
    {
        { IsEnum: true } => Enums,
        { Kind: "integer" } => Integers,
        { Kind: "number" } => Numbers,
        { Kind: "boolean" } => Booleans,
        { Kind: "string", Format: "uuid" } => Guids,
        { Kind: "string", Format: "date" } => Dates,
        { Kind: "string", Format: "date-time" } => DateTimes,
        { Kind: "array", Items: { } items } => ForText(items),
        _ => Strings,
    };

    /// <summary>
    /// The values a path segment can carry: a NUL (%00) never reaches the application (Kestrel refuses the request line;
    /// the in-process test server throws in the client instead), so it is sent in queries and bodies only.
    /// </summary>
    public static IReadOnlyList<HostileValue> InPath(IReadOnlyList<HostileValue> values) => [.. values.Where(v => !v.Text.Contains('\0'))];

    /// <summary>Values for a page's query or route parameter of the CLR type.</summary>
    public static IReadOnlyList<HostileValue> ForType(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t switch
        {
            _ when t.IsEnum => Enums,
            _ when t == typeof(int) || t == typeof(long) || t == typeof(short) => Integers,
            _ when t == typeof(decimal) || t == typeof(double) || t == typeof(float) => Numbers,
            _ when t == typeof(bool) => Booleans,
            _ when t == typeof(Guid) => Guids,
            _ when t == typeof(DateOnly) => Dates,
            _ when t == typeof(DateTime) || t == typeof(DateTimeOffset) => DateTimes,
            _ => Strings,
        };
    }

    private static HostileValue J(string rawJson, string? label = null) => new(label ?? Show(rawJson), rawJson);

    private static HostileValue JS(string text) => new(Show(text), JsonSerializer.Serialize(text));

    private static readonly HostileValue[] JsonStrings =
    [
        J("null"), JS(Sql), JS(Long), JS(""), JS("   "), JS("\u200B"), JS("\uFEFF"), JS("a\0b"), JS("-1"), J("12345"), J("{}"), J("[]"), J("true"),
        JS("<script>alert(1)</script>"),
    ];

    private static readonly HostileValue[] JsonIntegers =
    [
        J("null"), JS("abc"), J("-1"), J("99999999999999999999"), J("1.5"), J("-2147483649"), JS(Sql), J("{}"), J("[]"), JS(""), J("1e400"), J("true"),
    ];

    private static readonly HostileValue[] JsonNumbers = [J("null"), JS("abc"), J("-1"), J("1e400"), JS("NaN"), J("{}"), J("-0.0000001")];

    private static readonly HostileValue[] JsonBooleans = [J("null"), JS("maybe"), J("2"), J("{}"), JS("")];

    private static readonly HostileValue[] JsonGuids =
    [
        J("null"), JS("not-a-guid"), JS("00000000-0000-0000-0000-000000000000"), JS(Sql), J("12345"), JS(""), JS("\uFEFF"), J("{}"),
    ];

    private static readonly HostileValue[] JsonDates =
    [
        J("null"), JS("0001-01-01"), JS("9999-12-31"), JS("2026-02-30"), JS("abc"), J("12345"), JS(""), JS("-1"), JS("2026-02-28T10:00:00"),
    ];

    private static readonly HostileValue[] JsonDateTimes =
    [
        J("null"), JS("0001-01-01T00:00:00Z"), JS("9999-12-31T23:59:59Z"), JS("2026-02-30T10:00:00"), JS("abc"), J("12345"), JS("0001-01-01"), JS("9999-12-31"),
    ];

    private static readonly HostileValue[] JsonEnums = [J("null"), JS("NoSuchValue"), J("12345"), J("-1"), JS(""), JS(Sql), J("{}")];

    private static readonly HostileValue[] JsonArrays = [J("null"), JS("text"), J("{}"), J("[null]"), J("[12345]"), J("[{}]"), J("[[]]")];

    private static readonly HostileValue[] JsonObjects = [J("null"), JS("text"), J("[]"), J("12345"), J("{\"\":null}")];

    /// <summary>Values for a JSON body field of the shape.</summary>
    public static IReadOnlyList<HostileValue> ForJson(Shape shape) => shape switch
    {
        { IsEnum: true } => JsonEnums,
        { Kind: "integer" } => JsonIntegers,
        { Kind: "number" } => JsonNumbers,
        { Kind: "boolean" } => JsonBooleans,
        { Kind: "string", Format: "uuid" } => JsonGuids,
        { Kind: "string", Format: "date" } => JsonDates,
        { Kind: "string", Format: "date-time" } => JsonDateTimes,
        { Kind: "array" } => JsonArrays,
        { Kind: "object" } => JsonObjects,
        _ => JsonStrings,
    };

    /// <summary>Whole bodies: JSON null, malformed JSON, the wrong JSON type, nothing.</summary>
    public static readonly HostileValue[] Bodies =
    [
        J("null"), J("{\"a\":", "malformed {\"a\":"), J("[]"), J("\"text\""), J("12345"), J("", "(empty body)"), J("{}"), J("{\"x\":1}}", "trailing }"),
        J("\uFEFF{}", "BOM + {}"), J("true"),
    ];

    /// <summary>A deterministic hash of the text (string.GetHashCode changes per process).</summary>
    public static int StableHash(string text)
    {
        unchecked
        {
            var h = (int)2166136261;
            foreach (var c in text)
            {
                h = (h ^ c) * 16777619;
            }
            return h & 0x7fffffff;
        }
    }

    /// <summary><paramref name="count"/> values drawn without repetition, in a fixed order for the seed.</summary>
    public static List<T> Sample<T>(IReadOnlyList<T> values, int count, Random rng) =>
        [.. values.Select(v => (v, k: rng.Next())).OrderBy(x => x.k).Take(count).Select(x => x.v)];
}
