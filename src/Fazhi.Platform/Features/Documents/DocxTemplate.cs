using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Fazhi.Platform.Features.Documents;

/// <summary>The values a .docx template is filled with: single fields and lists for repeated table rows.</summary>
public sealed class DocxData
{
    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>> Lists { get; } = new(StringComparer.Ordinal);

    public DocxData Set(string name, string? value)
    {
        Values[name] = value ?? "";
        return this;
    }

    public DocxData SetList(string name, IEnumerable<IReadOnlyDictionary<string, string>> items)
    {
        Lists[name] = items.ToList();
        return this;
    }
}

/// <summary>
/// Fills a Word (.docx) template.
/// <list type="bullet">
/// <item><c>{{Name}}</c> anywhere in the body, headers or footers is replaced by <c>Values["Name"]</c>; a line break in a
/// value becomes a line break in the document. Word often splits what one typed as <c>{{Name}}</c> over several runs
/// (spell check, editing history); the runs are joined for matching and the value takes the formatting of the run where
/// the placeholder starts. A placeholder without a value is left as it is, so a missing field shows in the result.</item>
/// <item>Repeated table rows: a row containing <c>{{#Items}}</c> starts the block and the row containing <c>{{/Items}}</c>
/// ends it (the same row may hold both). The block is written once per entry of <c>Lists["Items"]</c>, its placeholders
/// taking the entry's fields first and then the single values; the marker text itself is removed. An empty or missing
/// list removes the block.</item>
/// </list>
/// </summary>
public static partial class DocxTemplate
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Fill(byte[] template, DocxData data)
    {
        using var ms = new MemoryStream();
        ms.Write(template);
        ms.Position = 0;
        FillInPlace(ms, data);
        return ms.ToArray();
    }

    public static void Fill(Stream template, Stream output, DocxData data)
    {
        using var ms = new MemoryStream();
        template.CopyTo(ms);
        ms.Position = 0;
        FillInPlace(ms, data);
        ms.Position = 0;
        ms.CopyTo(output);
    }

    private static void FillInPlace(MemoryStream ms, DocxData data)
    {
        using var doc = WordprocessingDocument.Open(ms, true);
        var main = doc.MainDocumentPart ?? throw new InvalidDataException("模板不是有效的 .docx 文档。");
        var roots = new List<OpenXmlPartRootElement>();
        if (main.Document is { } d)
        {
            roots.Add(d);
        }
        roots.AddRange(main.HeaderParts.Select(h => (OpenXmlPartRootElement)h.Header));
        roots.AddRange(main.FooterParts.Select(f => (OpenXmlPartRootElement)f.Footer));
        foreach (var root in roots)
        {
            ExpandRows(root, data);
            Replace(root, name => data.Values.TryGetValue(name, out var v) ? v : null);
            SplitLineBreaks(root);
            root.Save();
        }
    }

    private static void ExpandRows(OpenXmlElement root, DocxData data)
    {
        while (root.Descendants<TableRow>().Select(r => (Row: r, Match: OpenMarker().Match(r.InnerText))).FirstOrDefault(x => x.Match.Success) is { Row: not null } start)
        {
            var name = start.Match.Groups[1].Value;
            var close = new Regex(@"\{\{\s*/" + Regex.Escape(name) + @"\s*\}\}");
            var block = new List<TableRow> { start.Row };
            var current = start.Row;
            while (!close.IsMatch(current.InnerText))
            {
                current = current.NextSibling<TableRow>()
                    ?? throw new InvalidDataException($"模板中的 {{{{#{name}}}}} 没有对应的 {{{{/{name}}}}}（须在同一表格中）。");
                block.Add(current);
            }
            var items = data.Lists.TryGetValue(name, out var list) ? list : [];
            OpenXmlElement anchor = block[^1];
            foreach (var item in items)
            {
                foreach (var row in block)
                {
                    var clone = (TableRow)row.CloneNode(true);
                    Replace(clone, key => key == "#" + name || key == "/" + name ? ""
                        : item.TryGetValue(key, out var v) ? v
                        : data.Values.TryGetValue(key, out var g) ? g : null);
                    anchor.InsertAfterSelf(clone);
                    anchor = clone;
                }
            }
            foreach (var row in block)
            {
                row.Remove();
            }
        }
    }

    /// <summary>Replaces placeholders paragraph by paragraph, matching across the paragraph's runs.</summary>
    private static void Replace(OpenXmlElement root, Func<string, string?> resolve)
    {
        foreach (var paragraph in root.Descendants<Paragraph>().ToList())
        {
            var texts = paragraph.Descendants<Text>().Where(t => t.Ancestors<Paragraph>().First() == paragraph).ToList();
            if (texts.Count == 0)
            {
                continue;
            }
            var starts = new int[texts.Count];
            var full = new System.Text.StringBuilder();
            for (var i = 0; i < texts.Count; i++)
            {
                starts[i] = full.Length;
                full.Append(texts[i].Text);
            }
            var all = full.ToString();
            if (!all.Contains("{{", StringComparison.Ordinal))
            {
                continue;
            }
            // Last match first: earlier matches keep their offsets, since a replacement only changes text after its start.
            foreach (var match in Placeholder().Matches(all).Reverse())
            {
                var value = resolve(match.Groups[1].Value);
                if (value is null)
                {
                    continue;
                }
                var first = Locate(starts, match.Index);
                var last = Locate(starts, match.Index + match.Length - 1);
                var headLength = match.Index - starts[first];
                var tailStart = match.Index + match.Length - starts[last];
                if (first == last)
                {
                    var t = texts[first].Text;
                    SetText(texts[first], t[..headLength] + value + t[tailStart..]);
                    continue;
                }
                SetText(texts[first], texts[first].Text[..headLength] + value);
                for (var k = first + 1; k < last; k++)
                {
                    SetText(texts[k], "");
                }
                SetText(texts[last], texts[last].Text[tailStart..]);
            }
        }
    }

    private static int Locate(int[] starts, int position)
    {
        var i = Array.BinarySearch(starts, position);
        if (i < 0)
        {
            return ~i - 1;
        }
        // Several empty texts may start at the same offset: take the last, the one that holds the character.
        while (i + 1 < starts.Length && starts[i + 1] == position)
        {
            i++;
        }
        return i;
    }

    private static void SetText(Text text, string value)
    {
        text.Text = value;
        text.Space = SpaceProcessingModeValues.Preserve;
    }

    /// <summary>A value with line breaks becomes text and &lt;w:br/&gt; elements in the same run.</summary>
    private static void SplitLineBreaks(OpenXmlElement root)
    {
        foreach (var text in root.Descendants<Text>().Where(t => t.Text.Contains('\n')).ToList())
        {
            var lines = text.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            SetText(text, lines[0]);
            OpenXmlElement anchor = text;
            foreach (var line in lines.Skip(1))
            {
                var br = new Break();
                anchor.InsertAfterSelf(br);
                var next = new Text(line) { Space = SpaceProcessingModeValues.Preserve };
                br.InsertAfterSelf(next);
                anchor = next;
            }
        }
    }

    [GeneratedRegex(@"\{\{\s*([#/]?[\p{L}\p{N}_.]+)\s*\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\{\{\s*#([\p{L}\p{N}_.]+)\s*\}\}")]
    private static partial Regex OpenMarker();
}
