using System.Globalization;
using System.Text.RegularExpressions;

namespace Fazhi.Platform.Kit;

/// <summary>The parts of a valid 发文字号 (文号): 机关代字, 年份, 序号.</summary>
public sealed record DocumentNumberParts(string Agency, int Year, long Serial)
{
    /// <summary>The number as GB/T 9704-2012 writes it: <c>机关代字〔年份〕序号号</c>.</summary>
    public override string ToString() => $"{Agency}〔{Year.ToString(CultureInfo.InvariantCulture)}〕{Serial.ToString(CultureInfo.InvariantCulture)}号";
}

/// <summary>The result of checking a 文号 typed by hand: the parts when valid, else the reason in Chinese.</summary>
public sealed record DocumentNumberCheck(DocumentNumberParts? Parts, string? Message)
{
    /// <summary>True when the number is well formed.</summary>
    public bool IsValid => Parts is not null;

    /// <summary>The number written the standard way (surrounding blanks removed), or null when invalid.</summary>
    public string? Normalized => Parts?.ToString();
}

/// <summary>
/// 发文字号 (GB/T 9704-2012 §7.3.3): 机关代字、年份、发文顺序号; the year is in hexagonal brackets 〔〕, the serial number has
/// no leading zeros and no “第”, and the number ends with “号”, e.g. <c>枣市监罚〔2026〕12号</c>.
/// Uniqueness within the issuing body is the caller's check (it owns the documents).
/// </summary>
public static partial class DocumentNumber
{
    [GeneratedRegex(@"^(?<agency>.+?)(?<open>[〔\[［(（【])(?<year>[^〕\]］)）】]*)(?<close>[〕\]］)）】])(?<di>第?)(?<serial>[0-9０-９]*)(?<hao>号?)$")]
    private static partial Regex Shape();

    /// <summary>Checks <paramref name="text"/>; <paramref name="field"/> names the field in the message (e.g. “行政处罚决定书文号”).</summary>
    public static DocumentNumberCheck Validate(string? text, string field = "文号")
    {
        var value = (text ?? "").Trim();
        if (value.Length == 0)
        {
            return Fail($"请填写{field}。");
        }
        if (value.Length > 64)
        {
            return Fail($"{field}过长（不超过 64 个字符）。");
        }
        if (value.Any(char.IsWhiteSpace))
        {
            return Fail($"{field}中不能有空格。");
        }
        var m = Shape().Match(value);
        if (!m.Success)
        {
            return Fail($"{field}“{value}”格式不正确，应为“机关代字〔年份〕序号号”，如“枣市监罚〔2026〕12号”（GB/T 9704-2012 第 7.3.3 条）。");
        }
        if (m.Groups["open"].Value != "〔" || m.Groups["close"].Value != "〕")
        {
            return Fail($"{field}“{value}”的年份须用六角括号〔〕括入，不能用“{m.Groups["open"].Value}{m.Groups["close"].Value}”（GB/T 9704-2012 第 7.3.3 条）。");
        }
        var agency = m.Groups["agency"].Value;
        if (agency.IndexOfAny(['〔', '〕']) >= 0)
        {
            return Fail($"{field}“{value}”只能有一对六角括号〔〕。");
        }
        var yearText = m.Groups["year"].Value;
        if (yearText.Length != 4 || !yearText.All(char.IsAsciiDigit) || int.Parse(yearText, CultureInfo.InvariantCulture) is < 1949 or > 2200)
        {
            return Fail($"{field}“{value}”的年份应为四位公元年份，如〔2026〕。");
        }
        if (m.Groups["di"].Length > 0)
        {
            return Fail($"{field}“{value}”的序号前不加“第”字（GB/T 9704-2012 第 7.3.3 条）。");
        }
        var serial = m.Groups["serial"].Value;
        if (serial.Length == 0)
        {
            return Fail($"{field}“{value}”缺少发文顺序号。");
        }
        if (!serial.All(char.IsAsciiDigit))
        {
            return Fail($"{field}“{value}”的序号须用半角阿拉伯数字。");
        }
        if (serial[0] == '0')
        {
            return Fail($"{field}“{value}”的序号不编虚位（如 1 不写作 01 或 001），也不能为 0（GB/T 9704-2012 第 7.3.3 条）。");
        }
        if (serial.Length > 9)
        {
            return Fail($"{field}“{value}”的序号过大。");
        }
        if (m.Groups["hao"].Length == 0)
        {
            return Fail($"{field}“{value}”须以“号”字结尾，如“枣市监罚〔2026〕12号”。");
        }
        return new(new DocumentNumberParts(agency, int.Parse(yearText, CultureInfo.InvariantCulture), long.Parse(serial, CultureInfo.InvariantCulture)), null);
    }

    private static DocumentNumberCheck Fail(string message) => new(null, message);
}
