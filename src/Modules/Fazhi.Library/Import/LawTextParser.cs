using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Fazhi.Library.Works;

namespace Fazhi.Library.Import;

/// <summary>A structural unit read from a text, before it is stored.</summary>
internal sealed record ParsedProvision(ProvisionKind Kind, string Label, string Heading, int Number, int SubNumber, string Anchor, string Path, string Text, int Line);

/// <summary>A dated line of the history (历史沿革) above a text: 2021年1月22日 第十三届…第二十五次会议修订.</summary>
internal sealed record HistoryLine(DateOnly Date, string Text);

/// <summary>A text as read from a file: its title, history and provisions.</summary>
internal sealed record ParsedLaw(
    string Title,
    string Part,
    IReadOnlyList<HistoryLine> History,
    DateOnly? VersionDate,
    DateOnly? PromulgatedOn,
    DateOnly? EffectiveOn,
    string IssuingBody,
    string DocumentNumber,
    string Preamble,
    IReadOnlyList<ParsedProvision> Provisions)
{
    public int ArticleCount => Provisions.Count(p => p.Kind == ProvisionKind.Article);
}

/// <summary>Why a file cannot be imported: the line (1-based; 0 = the whole file) and the reason, in Chinese.</summary>
internal sealed record ParseError(int Line, string Message);

/// <summary>
/// Reads the layout of the national database's Markdown export (法律法规数据库): optional YAML front matter;
/// <c># title</c>, optional <c># part</c> (a 编 of a code split into files); dated history lines, a line that does not
/// start with a date continuing the one above; <c>&lt;!-- INFO END --&gt;</c>; then <c>##</c>/<c>###</c> headings for
/// 编/章/节 and articles as paragraphs starting <c>第X条</c>. Plain lines from a .docx take the same path: there the first
/// line is the title and 第X章 lines are headings without the hashes. A text without articles keeps its paragraphs.
/// </summary>
internal static partial class LawTextParser
{
    [GeneratedRegex(@"^第(?<n>[零〇一二三四五六七八九十百千两]+)条(之(?<s>[一二三四五六七八九十]+))?(?=[\s\u3000]|$)")]
    private static partial Regex ArticleStart();

    [GeneratedRegex(@"^第(?<n>[零〇一二三四五六七八九十百千两]+)(?<k>分编|编|章|节)(?=[\s\u3000]|$)")]
    private static partial Regex HeadingStart();

    [GeneratedRegex(@"(?<y>\d{4})\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日")]
    private static partial Regex ChineseDate();

    [GeneratedRegex(@"\((?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})\)")]
    private static partial Regex FileNameDate();

    [GeneratedRegex(@"^[（(]?\d{4}\s*年")]
    private static partial Regex StartsWithYear();

    [GeneratedRegex(@"[\u4e00-\u9fa5]+〔\d{4}〕\d+号|[\u4e00-\u9fa5]*令第[一二三四五六七八九十百千零〇\d]+号")]
    private static partial Regex DocNumber();

    /// <summary>Reads Markdown text (the national export's layout).</summary>
    public static (ParsedLaw? Law, ParseError? Error) ParseMarkdown(string fileName, string text) =>
        Parse(fileName, SplitLines(text), markdown: true);

    /// <summary>Reads plain paragraphs (a .docx): the first non-empty one is the title.</summary>
    public static (ParsedLaw? Law, ParseError? Error) ParsePlain(string fileName, IReadOnlyList<string> paragraphs) =>
        Parse(fileName, paragraphs.Select(Clean).ToList(), markdown: false);

    private static List<string> SplitLines(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Select(Clean).ToList();

    /// <summary>Drops zero-width characters and the BOM, trims ordinary and ideographic spaces.</summary>
    private static string Clean(string line)
    {
        var sb = new StringBuilder(line.Length);
        foreach (var c in line)
        {
            if (c is '\u200b' or '\u200c' or '\u200d' or '\ufeff' or '\u2060')
            {
                continue;
            }
            sb.Append(c == '\t' ? ' ' : c);
        }
        return sb.ToString().Trim(' ', '\u3000', '\u00a0');
    }

    private static (ParsedLaw? Law, ParseError? Error) Parse(string fileName, List<string> lines, bool markdown)
    {
        var i = 0;
        // Optional YAML front matter.
        while (i < lines.Count && lines[i].Length == 0)
        {
            i++;
        }
        if (markdown && i < lines.Count && lines[i] == "---")
        {
            var close = lines.FindIndex(i + 1, l => l == "---");
            if (close < 0)
            {
                return (null, new ParseError(i + 1, "文件开头的 --- 区块没有结束的 ---"));
            }
            i = close + 1;
        }
        for (var j = i; j < lines.Count; j++)
        {
            if (lines[j].Contains('\ufffd'))
            {
                return (null, new ParseError(j + 1, "含无法识别的字符：文件不是 UTF-8 编码的文本"));
            }
        }
        while (i < lines.Count && (lines[i].Length == 0 || IsComment(lines[i])))
        {
            i++;
        }
        if (i >= lines.Count)
        {
            return (null, new ParseError(0, "文件没有内容"));
        }
        string title;
        if (markdown)
        {
            if (!lines[i].StartsWith("# ", StringComparison.Ordinal))
            {
                return (null, new ParseError(i + 1, "第一行应为标题（以“# ”开头）"));
            }
            title = StripComment(lines[i][2..]).Trim();
        }
        else
        {
            title = lines[i];
        }
        if (title.Length == 0 || title.Length > 200)
        {
            return (null, new ParseError(i + 1, "标题应为 1 至 200 个字"));
        }
        i++;

        var part = "";
        var history = new List<(int Line, string Text)>();
        var headerEnd = FindHeaderEnd(lines, i, markdown);
        for (; i < headerEnd; i++)
        {
            var line = StripComment(lines[i]).Trim();
            if (line.Length == 0)
            {
                continue;
            }
            if (markdown && line.StartsWith("# ", StringComparison.Ordinal))
            {
                part = line[2..].Trim();
                continue;
            }
            var startsDated = StartsWithYear().IsMatch(line);
            if (startsDated || history.Count == 0 && ChineseDate().IsMatch(line))
            {
                history.Add((i + 1, line.Trim('（', '）', '(', ')')));
            }
            else if (history.Count > 0)
            {
                // A wrapped history line continues the one above.
                history[^1] = (history[^1].Line, history[^1].Text + line);
            }
            else if (markdown)
            {
                // A title wrapped onto the next line (中华人民共和国农村土地 / 承包经营纠纷调解仲裁法) repeats the title; skip it.
                continue;
            }
            else
            {
                history.Add((i + 1, line));
            }
        }
        var dated = new List<HistoryLine>();
        foreach (var (line, text) in history)
        {
            // A history line may carry several dates (根据 ... 修正); each must be a real day.
            DateOnly? first = null;
            foreach (Match m in ChineseDate().Matches(text))
            {
                if (!TryDate(m, out var d))
                {
                    return (null, new ParseError(line, $"日期“{m.Value}”不是有效日期"));
                }
                first ??= d;
            }
            if (first is { } day)
            {
                dated.Add(new HistoryLine(day, text));
            }
        }

        var body = ParseBody(lines, headerEnd, markdown, out var preamble);
        if (body.Error is { } bodyError)
        {
            return (null, bodyError);
        }
        var fileDate = FileNameDate().Match(fileName) is { Success: true } fm && TryDate(fm, out var fd) ? fd : (DateOnly?)null;
        var effective = dated.LastOrDefault(h => h.Text.Contains("施行", StringComparison.Ordinal) && !h.Text.Contains("通过", StringComparison.Ordinal))?.Date
                        ?? EffectiveInText(dated);
        var lastAct = dated.LastOrDefault(h => !IsOnlyEffective(h.Text))?.Date;
        // Without a 施行 line above the text, the last articles usually say it (本法自2024年1月1日起施行). An amended text
        // keeps its original article (本法自1999年10月1日起施行), which is not when the amendment applied: ignore such a date.
        if (effective is null && EffectiveInArticles(body.Provisions) is { } stated && (lastAct is null || stated >= lastAct))
        {
            effective = stated;
        }
        var versionDate = fileDate ?? lastAct ?? effective;
        var promulgated = dated.LastOrDefault(h => h.Text.Contains("公布", StringComparison.Ordinal))?.Date ?? lastAct;
        var docNumber = dated.Select(h => DocNumber().Match(h.Text)).FirstOrDefault(m => m.Success)?.Value ?? "";
        // The body that adopted or amended the text, not the one that approved it (a city's regulation is 批准 by the province).
        var issuer = IssuingBody(dated.LastOrDefault(h => !IsOnlyEffective(h.Text) && !h.Text.Contains("批准", StringComparison.Ordinal))?.Text
                                 ?? dated.LastOrDefault()?.Text ?? "");
        return (new ParsedLaw(title, part, dated, versionDate, promulgated, effective, issuer, docNumber, preamble, body.Provisions), null);
    }

    private static bool IsOnlyEffective(string text) =>
        text.Contains("施行", StringComparison.Ordinal) && !text.Contains("通过", StringComparison.Ordinal) && !text.Contains("修正", StringComparison.Ordinal)
        && !text.Contains("修订", StringComparison.Ordinal) && !text.Contains("公布", StringComparison.Ordinal);

    /// <summary>自2021年7月15日起施行 inside a history line.</summary>
    private static DateOnly? EffectiveInText(IEnumerable<HistoryLine> history) =>
        history.Reverse().Select(h => CommencementIn(h.Text)).FirstOrDefault(d => d is not null);

    /// <summary>本法自2024年1月1日起施行 in one of the last three articles.</summary>
    private static DateOnly? EffectiveInArticles(IReadOnlyList<ParsedProvision> provisions) =>
        provisions.Where(p => p.Kind == ProvisionKind.Article).TakeLast(3).Reverse().Select(p => CommencementIn(p.Text)).FirstOrDefault(d => d is not null);

    /// <summary>The last valid date before 起施行 in a text, if any.</summary>
    private static DateOnly? CommencementIn(string text)
    {
        var at = text.IndexOf("起施行", StringComparison.Ordinal);
        var m = at < 0 ? null : ChineseDate().Matches(text[..at]).LastOrDefault();
        return m is not null && TryDate(m, out var d) ? d : null;
    }

    private static int FindHeaderEnd(List<string> lines, int from, bool markdown)
    {
        if (markdown)
        {
            var marker = lines.FindIndex(from, l => l.Contains("INFO END", StringComparison.Ordinal));
            if (marker >= 0)
            {
                return marker;
            }
        }
        for (var j = from; j < lines.Count; j++)
        {
            var l = lines[j];
            if (l.StartsWith("##", StringComparison.Ordinal) || ArticleStart().IsMatch(l) || HeadingStart().IsMatch(l))
            {
                return j;
            }
            // In a plain text the history ends at the first line that is neither dated nor a continuation in brackets.
            if (!markdown && l.Length > 0 && j > from && !ChineseDate().IsMatch(l) && !l.StartsWith('（') && !l.StartsWith('('))
            {
                return j;
            }
        }
        return lines.Count;
    }

    private sealed record BodyResult(List<ParsedProvision> Provisions, ParseError? Error);

    private static BodyResult ParseBody(List<string> lines, int from, bool markdown, out string preamble)
    {
        preamble = "";
        var result = new List<ParsedProvision>();
        var path = new List<(ProvisionKind Kind, string Text, string Anchor)>();
        var pre = new StringBuilder();
        ParsedProvision? open = null;
        var openText = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var paragraphs = 0;
        var headingCounter = 0;

        void Close()
        {
            if (open is not null)
            {
                result.Add(open with { Text = string.Join('\n', openText) });
                open = null;
                openText.Clear();
            }
        }

        for (var i = from; i < lines.Count; i++)
        {
            var raw = lines[i];
            if (raw.Contains("INFO END", StringComparison.Ordinal) || IsComment(raw))
            {
                continue;
            }
            var line = StripComment(raw).Trim();
            if (line.Length == 0)
            {
                continue;
            }
            var hashed = markdown && line.StartsWith('#');
            var headingText = hashed ? line.TrimStart('#').Trim() : line;
            var hm = HeadingStart().Match(headingText);
            if (hashed || hm.Success && headingText.Length <= 60 && !ArticleStart().IsMatch(headingText))
            {
                Close();
                var kind = hm.Success
                    ? hm.Groups["k"].Value switch { "编" => ProvisionKind.Part, "分编" => ProvisionKind.Subpart, "章" => ProvisionKind.Chapter, _ => ProvisionKind.Section }
                    : ProvisionKind.Heading;
                var label = hm.Success ? hm.Value : "";
                var heading = hm.Success ? CollapseSpaces(headingText[hm.Length..]) : CollapseSpaces(headingText);
                // A deeper heading keeps the ones above it; an equal or higher one replaces them.
                while (path.Count > 0 && Rank(path[^1].Kind) >= Rank(kind))
                {
                    path.RemoveAt(path.Count - 1);
                }
                var own = hm.Success
                    ? (kind switch { ProvisionKind.Part => "pt", ProvisionKind.Subpart => "spt", ProvisionKind.Chapter => "ch", _ => "sec" }) + "-" + ChineseNumber.Parse(hm.Groups["n"].Value)
                    : "h-" + ++headingCounter;
                var anchor = string.Join('-', path.Select(p => p.Anchor).Append(own));
                anchor = Unique(anchor, seen);
                var number = hm.Success ? ChineseNumber.Parse(hm.Groups["n"].Value) ?? 0 : 0;
                result.Add(new ParsedProvision(kind, label, heading, number, 0, anchor, PathText(path), "", i + 1));
                path.Add((kind, (label + " " + heading).Trim(), anchor));
                continue;
            }
            var am = ArticleStart().Match(line);
            if (am.Success)
            {
                Close();
                var n = ChineseNumber.Parse(am.Groups["n"].Value);
                var s = am.Groups["s"].Success ? ChineseNumber.Parse(am.Groups["s"].Value) : 0;
                if (n is null or <= 0 || s is null)
                {
                    return new BodyResult(result, new ParseError(i + 1, $"条号“{am.Value}”无法识别"));
                }
                var anchor = Unique(ChineseNumber.ArticleAnchor(n.Value, s.Value), seen);
                open = new ParsedProvision(ProvisionKind.Article, am.Value, "", n.Value, s.Value, anchor, PathText(path), "", i + 1);
                var rest = line[am.Length..].Trim(' ', '\u3000');
                if (rest.Length > 0)
                {
                    openText.Add(rest);
                }
                continue;
            }
            if (open is not null)
            {
                openText.Add(line);
            }
            else if (result.Count == 0 || result.All(p => p.Kind != ProvisionKind.Article))
            {
                if (result.Count == 0 && !line.StartsWith('#'))
                {
                    pre.AppendLine(line);
                }
                else
                {
                    result.Add(new ParsedProvision(ProvisionKind.Paragraph, "", "", 0, 0, "p-" + ++paragraphs, PathText(path), line, i + 1));
                }
            }
            else
            {
                result.Add(new ParsedProvision(ProvisionKind.Paragraph, "", "", 0, 0, "p-" + ++paragraphs, PathText(path), line, i + 1));
            }
        }
        Close();
        preamble = pre.ToString().Trim();
        // A text with no articles at all: its leading paragraphs are its content, not a preamble.
        if (result.All(p => p.Kind != ProvisionKind.Article) && preamble.Length > 0)
        {
            var lead = preamble.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select((t, k) => new ParsedProvision(ProvisionKind.Paragraph, "", "", 0, 0, "p-0-" + (k + 1), "", t, 0));
            result.InsertRange(0, lead);
            preamble = "";
        }
        return new BodyResult(result, null);
    }

    private static int Rank(ProvisionKind k) => k switch
    {
        ProvisionKind.Part => 0,
        ProvisionKind.Subpart => 1,
        ProvisionKind.Chapter => 2,
        ProvisionKind.Section => 3,
        _ => 2,
    };

    private static string PathText(List<(ProvisionKind Kind, string Text, string Anchor)> path) => string.Join(" / ", path.Select(p => p.Text));

    private static string Unique(string anchor, HashSet<string> seen)
    {
        var candidate = anchor;
        for (var k = 2; !seen.Add(candidate); k++)
        {
            candidate = anchor + "-dup" + k;
        }
        return candidate;
    }

    private static string CollapseSpaces(string s) => string.Join("", s.Split([' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries)).Trim();

    private static bool IsComment(string line) => line.StartsWith("<!--", StringComparison.Ordinal) && line.EndsWith("-->", StringComparison.Ordinal);

    private static string StripComment(string line)
    {
        var at = line.IndexOf("<!--", StringComparison.Ordinal);
        return at >= 0 ? line[..at].TrimEnd() : line;
    }

    private static bool TryDate(Match m, out DateOnly date)
    {
        date = default;
        // \d also matches full-width (２００２) and other scripts' digits: read each by its numeric value.
        var y = Digits(m.Groups["y"].Value);
        var mo = Digits(m.Groups["m"].Value);
        var d = Digits(m.Groups["d"].Value);
        if (y is < 1900 or > 2100 || mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo))
        {
            return false;
        }
        date = new DateOnly(y, mo, d);
        return true;
    }

    private static int Digits(string s) => s.Aggregate(0, (n, c) => n * 10 + (int)char.GetNumericValue(c));

    /// <summary>The body named in a history line: 第十三届全国人民代表大会常务委员会第二十五次会议 → 全国人民代表大会常务委员会.</summary>
    internal static string IssuingBody(string historyLine)
    {
        // Dates first, so 日 of 2015年12月3日山东省… is not read as part of a place name.
        historyLine = ChineseDate().Replace(historyLine, " ");
        string[] bodies =
        [
            "全国人民代表大会常务委员会", "全国人民代表大会", "国务院", "最高人民法院审判委员会", "最高人民法院", "最高人民检察院",
        ];
        foreach (var b in bodies)
        {
            if (historyLine.Contains(b, StringComparison.Ordinal))
            {
                return b switch { "最高人民法院审判委员会" => "最高人民法院", _ => b };
            }
        }
        var m = Regex.Match(historyLine, @"([\u4e00-\u9fa5]{2,12}?(省|市|自治区|自治州|县))(第[一二三四五六七八九十]+届)?人民代表大会(常务委员会)?");
        if (m.Success)
        {
            return m.Groups[1].Value + "人民代表大会" + (m.Groups[4].Success ? "常务委员会" : "");
        }
        var gov = Regex.Match(historyLine, @"([\u4e00-\u9fa5]{2,12}?(省|市|自治区|县))人民政府");
        return gov.Success ? gov.Value : "";
    }
}
