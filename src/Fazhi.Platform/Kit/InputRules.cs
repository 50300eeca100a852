using System.Globalization;
using System.Text;

namespace Fazhi.Platform.Kit;

/// <summary>
/// The platform's rules for text a person types (ADR 0021): trimmed at both ends (spaces, zero-width characters and the
/// byte-order mark too), no control characters, lengths counted as a person counts characters (text elements, so one
/// character from CJK Extension B is one, not two UTF-16 units), and a name or title needs a visible character.
/// </summary>
public static class TextRules
{
    /// <summary>Characters that take no room and do not count as content at either end of a value.</summary>
    private static readonly char[] Invisible = [' ', '\t', '\r', '\n', '\u00A0', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u3000', '\u180E'];

    /// <summary>Trims <paramref name="value"/>, invisible characters included; null stays null.</summary>
    public static string? Clean(string? value) => value?.Trim(Invisible);

    /// <summary>True when the text holds a control character other than tab and line breaks (NUL, escape, ...).</summary>
    public static bool HasControl(string? value)
    {
        if (value is null)
        {
            return false;
        }
        foreach (var c in value)
        {
            if ((c < ' ' && c is not '\t' and not '\n' and not '\r') || c == '\u007F')
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>True when the text has at least one character that shows (letters, digits, punctuation, symbols).</summary>
    public static bool HasVisible(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }
        foreach (var rune in value.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is not (UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The length as a person counts it: text elements (grapheme clusters).</summary>
    public static int Length(string? value) => string.IsNullOrEmpty(value) ? 0 : new StringInfo(value).LengthInTextElements;

    /// <summary>
    /// Checks a name or title: required (a visible character), no control characters, at most <paramref name="max"/>
    /// characters. Adds the reason to <paramref name="checks"/> under <paramref name="field"/> and returns the cleaned value.
    /// </summary>
    public static string Required(FieldChecks checks, string field, string label, string? value, int max)
    {
        var clean = Clean(value) ?? "";
        if (!HasVisible(clean))
        {
            checks.Add(field, $"请填写{label}（不能只含空白或不可见字符）。");
        }
        else
        {
            Optional(checks, field, label, clean, max);
        }
        return clean;
    }

    /// <summary>Checks optional text: no control characters, at most <paramref name="max"/> characters; blank becomes null.</summary>
    public static string? Optional(FieldChecks checks, string field, string label, string? value, int max)
    {
        var clean = Clean(value);
        if (string.IsNullOrEmpty(clean) || !HasVisible(clean))
        {
            return null;
        }
        if (HasControl(clean))
        {
            checks.Add(field, $"{label}含有不允许的控制字符。");
        }
        else if (Length(clean) > max)
        {
            checks.Add(field, $"{label}不能超过 {max} 个字（现为 {Length(clean)} 个）。");
        }
        return clean;
    }
}

/// <summary>The plausible range of dates a person enters, and the rule that facts already happened.</summary>
public static class DateRules
{
    /// <summary>The earliest date accepted anywhere (a birth date of the oldest living party still fits).</summary>
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    /// <summary>The latest date accepted anywhere (deadlines and plans included).</summary>
    public static readonly DateOnly Latest = new(2100, 12, 31);

    public static bool Plausible(DateOnly date) => date >= Earliest && date <= Latest;

    public static bool Plausible(DateTime value) => Plausible(DateOnly.FromDateTime(value));

    public static bool Plausible(DateTimeOffset value) => Plausible(DateOnly.FromDateTime(value.UtcDateTime));

    public static string RangeMessage(string label) => $"{label}须在 {Earliest:yyyy-MM-dd} 至 {Latest:yyyy-MM-dd} 之间。";

    /// <summary>Checks a date: within the plausible range, and not after <paramref name="today"/> when it records a fact that already happened.</summary>
    public static void Check(FieldChecks checks, string field, string label, DateOnly? date, DateOnly? today = null)
    {
        if (date is not { } d)
        {
            return;
        }
        if (!Plausible(d))
        {
            checks.Add(field, RangeMessage(label));
        }
        else if (today is { } t && d > t)
        {
            checks.Add(field, $"{label}不能晚于今天（{t:yyyy-MM-dd}）。");
        }
    }

    /// <summary>Checks a range: each end plausible, the end not before the start.</summary>
    public static void CheckRange(FieldChecks checks, string fromField, DateOnly? from, string toField, DateOnly? to)
    {
        Check(checks, fromField, "开始日期", from);
        Check(checks, toField, "结束日期", to);
        if (from is { } f && to is { } t && t < f && !checks.Errors.ContainsKey(toField))
        {
            checks.Add(toField, "结束日期不能早于开始日期。");
        }
    }
}

/// <summary>Rules for amounts and counts a person enters.</summary>
public static class NumberRules
{
    /// <summary>A quantity: not negative, at most <paramref name="max"/>.</summary>
    public static void Quantity(FieldChecks checks, string field, string label, decimal? value, decimal max)
    {
        if (value is not { } v)
        {
            return;
        }
        if (v < 0)
        {
            checks.Add(field, $"{label}不能为负数。");
        }
        else if (v > max)
        {
            checks.Add(field, $"{label}不能超过 {max:0.##}。");
        }
    }
}
