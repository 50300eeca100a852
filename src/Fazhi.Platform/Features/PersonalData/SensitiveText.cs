using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fazhi.Platform.Features.PersonalData;

/// <summary>What a <see cref="SensitiveText"/> holds; decides its normalisation and masking.</summary>
public enum SensitiveKind
{
    /// <summary>An identity document number (公民身份号码 and the like): 3704**********1234.</summary>
    IdNumber = 1,

    /// <summary>A telephone number: 138****5678.</summary>
    Phone = 2,

    /// <summary>A postal address: 山东省枣庄市***.</summary>
    Address = 3,
}

/// <summary>
/// Personal data (PIPL Art. 28, 51): an ID number, phone or address. <see cref="ToString"/>, JSON serialisation and the
/// debugger show only the masked form, so the value cannot slip into logs, the audit trail or an API response by accident;
/// <see cref="Reveal"/> is the one explicit way to the plaintext. On an entity, map it with
/// <see cref="SensitiveModelExtensions.IsSensitive"/>: stored SM4-encrypted, with a blind index for exact lookup.
/// </summary>
[DebuggerDisplay("{Masked}")]
[JsonConverter(typeof(SensitiveTextJsonConverter))]
public sealed class SensitiveText : IEquatable<SensitiveText>
{
    private readonly string _value;

    private SensitiveText(SensitiveKind kind, string normalised)
    {
        Kind = kind;
        _value = normalised;
    }

    public SensitiveKind Kind { get; }

    /// <summary>The form for lists and logs.</summary>
    public string Masked => Mask(Kind, _value);

    public static SensitiveText IdNumber(string value) => Create(SensitiveKind.IdNumber, value);

    public static SensitiveText Phone(string value) => Create(SensitiveKind.Phone, value);

    public static SensitiveText Address(string value) => Create(SensitiveKind.Address, value);

    /// <summary>Normalises <paramref name="value"/>; throws <see cref="ArgumentException"/> when nothing is left.</summary>
    public static SensitiveText Create(SensitiveKind kind, string value)
    {
        var normalised = Normalise(kind, value);
        if (normalised.Length == 0)
        {
            throw new ArgumentException("个人信息不能为空。", nameof(value));
        }
        return new SensitiveText(kind, normalised);
    }

    /// <summary>Null or blank input gives null (an optional field left empty).</summary>
    public static SensitiveText? CreateOrNull(SensitiveKind kind, string? value) =>
        string.IsNullOrWhiteSpace(value) || Normalise(kind, value).Length == 0 ? null : Create(kind, value);

    /// <summary>The plaintext. Call it only where the full value is needed (an authorised detail view, a document).</summary>
    public string Reveal() => _value;

    public override string ToString() => Masked;

    public bool Equals(SensitiveText? other) => other is not null && Kind == other.Kind && string.Equals(_value, other._value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as SensitiveText);

    public override int GetHashCode() => HashCode.Combine(Kind, StringComparer.Ordinal.GetHashCode(_value));

    /// <summary>
    /// The canonical form that is stored and blind-indexed: full-width ASCII folded to half-width; ID numbers without spaces,
    /// upper-case (x becomes X); phones as digits only, without a +86 prefix on mobile numbers; addresses trimmed with single spaces.
    /// </summary>
    public static string Normalise(SensitiveKind kind, string value)
    {
        var folded = FoldWidth(value).Trim();
        switch (kind)
        {
            case SensitiveKind.IdNumber:
                return string.Concat(folded.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
            case SensitiveKind.Phone:
                var digits = string.Concat(folded.Where(char.IsAsciiDigit));
                if (digits.Length == 13 && digits.StartsWith("861", StringComparison.Ordinal))
                {
                    return digits[2..];
                }
                return digits.Length == 15 && digits.StartsWith("00861", StringComparison.Ordinal) ? digits[4..] : digits;
            case SensitiveKind.Address:
                return string.Join(' ', folded.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    /// <summary>ID: first 4 and last 4 kept; phone: first 3 and last 4; address: first 6 characters then ***.</summary>
    public static string Mask(SensitiveKind kind, string normalised)
    {
        var chars = TextElements(normalised);
        var n = chars.Count;
        return kind switch
        {
            SensitiveKind.IdNumber => n > 8 ? Keep(chars, 4, 4) : Keep(chars, 0, Math.Min(1, n - 1)),
            SensitiveKind.Phone => n >= 8 ? Keep(chars, 3, 4) : Keep(chars, 0, Math.Min(2, n - 1)),
            SensitiveKind.Address => string.Concat(chars.Take(Math.Min(6, n / 2))) + "***",
            _ => "***",
        };
    }

    private static string Keep(List<string> chars, int head, int tail)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < chars.Count; i++)
        {
            sb.Append(i < head || i >= chars.Count - tail ? chars[i] : "*");
        }
        return sb.ToString();
    }

    private static List<string> TextElements(string s)
    {
        var list = new List<string>(s.Length);
        var e = StringInfo.GetTextElementEnumerator(s);
        while (e.MoveNext())
        {
            list.Add(e.GetTextElement());
        }
        return list;
    }

    private static string FoldWidth(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3000' => ' ',
                _ => c,
            });
        }
        return sb.ToString();
    }
}

/// <summary>Writes the masked form; reading personal data from JSON goes through a plain string and <see cref="SensitiveText.Create"/>.</summary>
internal sealed class SensitiveTextJsonConverter : JsonConverter<SensitiveText>
{
    public override SensitiveText Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new JsonException("SensitiveText is not read from JSON: accept a string and call SensitiveText.Create.");

    public override void Write(Utf8JsonWriter writer, SensitiveText value, JsonSerializerOptions options) => writer.WriteStringValue(value.Masked);
}
