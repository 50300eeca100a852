using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Fazhi.Platform.Kit;

/// <summary>The values a number pattern's placeholders take for one number.</summary>
/// <param name="Year">The year of the sequence (<c>{year}</c>).</param>
/// <param name="Seq">The value taken from the sequence (<c>{seq}</c>, <c>{seq:0000}</c>).</param>
/// <param name="Unit">The org unit's code (<c>{unit}</c>), empty when the sequence has no unit.</param>
/// <param name="Prefix">The unit's abbreviation (机关代字, <c>{prefix}</c>); the unit's code when none is set.</param>
public sealed record NumberValues(int Year, long Seq, string? Unit = null, string? Prefix = null);

/// <summary>
/// A number pattern an administrator edits, e.g. <c>枣非诉〔{year}〕{seq:0000}号</c> or <c>{prefix}罚〔{year}〕{seq}号</c>.
/// Placeholders: <c>{year}</c>, <c>{seq}</c> (no padding), <c>{seq:0000}</c> (zero-padded to as many digits as zeros),
/// <c>{unit}</c> (the org unit's code) and <c>{prefix}</c> (the unit's abbreviation, else its code).
/// </summary>
public static partial class NumberPattern
{
    /// <summary>The longest pattern stored.</summary>
    public const int MaxLength = 128;

    /// <summary>The placeholders a pattern may use, for pages and messages.</summary>
    public const string Placeholders = "{year}、{seq}、{seq:0000}、{unit}、{prefix}";

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex PlaceholderRegex();

    [GeneratedRegex(@"^seq:(0{1,12})$")]
    private static partial Regex PaddedSeqRegex();

    /// <summary>
    /// Why <paramref name="pattern"/> cannot number anything (Chinese, naming <paramref name="field"/>), or null when it can:
    /// it must hold one <c>{seq}</c> or <c>{seq:0…0}</c> and no other placeholders than the known ones, and no stray braces.
    /// </summary>
    public static string? Validate(string? pattern, string field = "编号格式")
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return $"请填写{field}。";
        }
        if (pattern.Length > MaxLength)
        {
            return $"{field}不能超过 {MaxLength} 个字符。";
        }
        if (pattern.Any(char.IsControl))
        {
            return $"{field}不能包含换行等控制字符。";
        }
        var seqCount = 0;
        foreach (Match m in PlaceholderRegex().Matches(pattern))
        {
            var name = m.Groups[1].Value;
            if (name == "seq" || PaddedSeqRegex().IsMatch(name))
            {
                seqCount++;
            }
            else if (name is not ("year" or "unit" or "prefix"))
            {
                return $"{field}中的占位符“{m.Value}”无法识别，可用的占位符：{Placeholders}。";
            }
        }
        var rest = PlaceholderRegex().Replace(pattern, "");
        if (rest.Contains('{', StringComparison.Ordinal) || rest.Contains('}', StringComparison.Ordinal))
        {
            return $"{field}中的花括号不成对：占位符须写成 {{seq}} 这样的形式，可用的占位符：{Placeholders}。";
        }
        if (seqCount == 0)
        {
            return $"{field}须包含序号占位符 {{seq}} 或 {{seq:0000}}，否则编号会重复。";
        }
        if (seqCount > 1)
        {
            return $"{field}只能包含一个序号占位符。";
        }
        return null;
    }

    /// <summary>The number <paramref name="pattern"/> gives for <paramref name="values"/>. The pattern must be valid (<see cref="Validate"/>).</summary>
    public static string Format(string pattern, NumberValues values)
    {
        if (Validate(pattern) is { } problem)
        {
            throw new ArgumentException(problem, nameof(pattern));
        }
        var unit = values.Unit ?? "";
        var prefix = string.IsNullOrWhiteSpace(values.Prefix) ? unit : values.Prefix;
        return PlaceholderRegex().Replace(pattern, m => m.Groups[1].Value switch
        {
            "year" => values.Year.ToString(CultureInfo.InvariantCulture),
            "seq" => values.Seq.ToString(CultureInfo.InvariantCulture),
            "unit" => unit,
            "prefix" => prefix,
            var padded => values.Seq.ToString(new StringBuilder().Append('0', padded.Length - "seq:".Length).ToString(), CultureInfo.InvariantCulture),
        });
    }
}
