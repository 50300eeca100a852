namespace Fazhi.Library.Import;

/// <summary>Chinese numerals as used in article numbers: 三十三 = 33, 一百二十 = 120, 一千二百六十 = 1260, 一百零五 = 105.</summary>
internal static class ChineseNumber
{
    private const string Digits = "零一二三四五六七八九";

    /// <summary>Whether <paramref name="c"/> can appear in a Chinese numeral.</summary>
    public static bool IsNumeralChar(char c) => Digits.Contains(c) || c is '〇' or '两' or '十' or '百' or '千' or '万';

    /// <summary>The value of a numeral, or null when it is not one.</summary>
    public static int? Parse(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty)
        {
            return null;
        }
        int total = 0, section = 0, digit = -1;
        foreach (var c in s)
        {
            var d = c switch { '〇' => 0, '两' => 2, _ => Digits.IndexOf(c) };
            if (d >= 0)
            {
                digit = d;
                continue;
            }
            var unit = c switch { '十' => 10, '百' => 100, '千' => 1000, '万' => 10000, _ => 0 };
            if (unit == 0)
            {
                return null;
            }
            if (unit == 10000)
            {
                total = (total + section + Math.Max(digit, 0)) * 10000;
                section = 0;
            }
            else
            {
                // 十 alone means 10 (十三 = 13).
                section += (digit < 0 ? 1 : digit) * unit;
            }
            digit = -1;
        }
        return total + section + Math.Max(digit, 0);
    }

    /// <summary>33 → 三十三, 120 → 一百二十, 105 → 一百零五, 10 → 十.</summary>
    public static string Format(int n)
    {
        if (n <= 0)
        {
            return "零";
        }
        if (n >= 10000)
        {
            return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        var units = new[] { (1000, "千"), (100, "百"), (10, "十") };
        var sb = new System.Text.StringBuilder();
        var rest = n;
        var zeroPending = false;
        foreach (var (value, name) in units)
        {
            var d = rest / value;
            rest %= value;
            if (d > 0)
            {
                if (zeroPending)
                {
                    sb.Append('零');
                    zeroPending = false;
                }
                // 十 at the start is read without 一 (十三), elsewhere with it (一百一十).
                if (!(value == 10 && d == 1 && sb.Length == 0))
                {
                    sb.Append(Digits[d]);
                }
                sb.Append(name);
            }
            else if (sb.Length > 0)
            {
                zeroPending = true;
            }
        }
        if (rest > 0)
        {
            if (zeroPending)
            {
                sb.Append('零');
            }
            sb.Append(Digits[rest]);
        }
        return sb.ToString();
    }

    /// <summary>第三十三条, 第一百二十条之一.</summary>
    public static string ArticleLabel(int number, int sub) => sub > 0 ? $"第{Format(number)}条之{Format(sub)}" : $"第{Format(number)}条";

    /// <summary>art-33, art-120-1.</summary>
    public static string ArticleAnchor(int number, int sub) => sub > 0 ? $"art-{number}-{sub}" : $"art-{number}";
}
