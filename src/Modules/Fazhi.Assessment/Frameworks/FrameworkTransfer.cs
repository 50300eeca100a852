using System.Globalization;
using Fazhi.Platform.Features.Documents;

namespace Fazhi.Assessment.Frameworks;

internal sealed record ImportError(int Row, string Message);

/// <summary>One indicator parsed from a framework workbook, before it is stored.</summary>
internal sealed record ParsedIndicator(int Row, string Code, string? ParentCode, int Level, int Seq, string Title, decimal MaxScore, string Criteria,
    string Evidence, string LeadUnits, string CoUnits, string Due, ScoringMethod Method, decimal Weight, string? ProviderKey, string Source, string Description, bool IsLocal);

/// <summary>
/// .xlsx layout of indicator frameworks as offices keep them:
/// 序号 | 一级指标 | 二级指标 | 三级指标 | 分值 | 评分标准 | 佐证材料 | 牵头单位 | 配合单位 | 完成时限,
/// optionally followed by 指标编码 | 上级编码 | 计分方式 | 权重 | 计算指标 | 来源依据 | 指标说明 (the export writes them so a file round-trips).
/// One row per third-level indicator; blank 一级/二级 cells repeat the row above (merged cells). A row with 上级编码 is a
/// local refinement: its 三级指标 cell holds the refined indicator's title, under the indicator with that code.
/// Without 指标编码, codes are positional: 1, 1.2, 1.2.3, 1.2.3.1.
/// </summary>
internal static class FrameworkTransfer
{
    public static readonly string[] Headers = ["序号", "一级指标", "二级指标", "三级指标", "分值", "评分标准", "佐证材料", "牵头单位", "配合单位", "完成时限"];

    public static readonly string[] ExtraHeaders = ["指标编码", "上级编码", "计分方式", "权重", "计算指标", "来源依据", "指标说明"];

    public static string MethodName(ScoringMethod m) => m switch
    {
        ScoringMethod.Points => "赋分",
        ScoringMethod.Deduction => "扣分",
        ScoringMethod.PassFail => "达标",
        ScoringMethod.Computed => "计算",
        _ => m.ToString(),
    };

    public static ScoringMethod? ParseMethod(string text) => text.Trim() switch
    {
        "" or "赋分" or "评分" or "Points" => ScoringMethod.Points,
        "扣分" or "Deduction" => ScoringMethod.Deduction,
        "达标" or "是否达标" or "达标/不达标" or "PassFail" => ScoringMethod.PassFail,
        "计算" or "自动计算" or "Computed" => ScoringMethod.Computed,
        _ => null,
    };

    public static byte[] Export(string sheetName, IReadOnlyList<Indicator> indicators)
    {
        var byId = indicators.ToDictionary(i => i.Id);
        var children = indicators.Where(i => i.ParentId is not null).ToLookup(i => i.ParentId!.Value);
        var rows = new List<IReadOnlyList<object?>>();
        var n = 0;
        void Walk(Indicator node)
        {
            if (node.Level >= 3)
            {
                var l1 = Ancestor(node, 1);
                var l2 = Ancestor(node, 2);
                var parentCode = node.Level > 3 && node.ParentId is { } p ? byId[p].Code : "";
                rows.Add([++n, l1?.Title ?? "", l2?.Title ?? "", node.Title, node.MaxScore, node.ScoringCriteria, node.EvidenceRequirements,
                    node.LeadUnitText, node.CoUnitsText, node.DueText, node.Code, parentCode, MethodName(node.Method), node.Weight,
                    node.ProviderKey ?? "", node.SourceReference, node.Description]);
            }
            foreach (var c in children[node.Id].OrderBy(c => c.Seq))
            {
                Walk(c);
            }
        }
        Indicator? Ancestor(Indicator node, int level)
        {
            var cur = node;
            while (cur is not null && cur.Level > level)
            {
                cur = cur.ParentId is { } pid ? byId[pid] : null;
            }
            return cur?.Level == level ? cur : null;
        }
        foreach (var root in indicators.Where(i => i.ParentId is null).OrderBy(i => i.Seq))
        {
            Walk(root);
        }
        double[] widths = [6, 24, 24, 40, 8, 40, 40, 20, 24, 14, 14, 14, 10, 8, 24, 24, 30];
        var columns = Headers.Concat(ExtraHeaders).Select((h, i) => new XlsxColumn(h, widths[i])).ToList();
        return XlsxWriter.Write(new XlsxSheet(sheetName, columns, rows));
    }

    /// <summary>Parses a workbook. Any error and the list is empty: the caller writes nothing (all or nothing).</summary>
    public static (List<ParsedIndicator> Indicators, List<ImportError> Errors) Parse(Stream input, IReadOnlySet<string> providerKeys)
    {
        List<XlsxRow> sheet;
        try
        {
            sheet = XlsxReader.Read(input);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or InvalidOperationException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or IOException)
        {
            return ([], [new(0, "文件不是有效的 .xlsx 工作簿。")]);
        }
        var header = sheet.FirstOrDefault(r => !r.IsBlank);
        if (header is null || !Headers.Select((h, i) => header[i].Trim() == h).All(x => x))
        {
            return ([], [new(header?.Number ?? 1, "表头须为：" + string.Join(" | ", Headers) + "（其后可有：" + string.Join(" | ", ExtraHeaders) + "）。")]);
        }
        var extra = ExtraHeaders.ToDictionary(h => h, h => Enumerable.Range(0, header.Cells.Count).FirstOrDefault(i => header[i].Trim() == h, -1));
        string Extra(XlsxRow row, string name) => extra[name] >= 0 ? row[extra[name]].Trim() : "";

        var errors = new List<ImportError>();
        var result = new List<ParsedIndicator>();
        var level1 = new Dictionary<string, ParsedIndicator>();
        var level2 = new Dictionary<(string, string), ParsedIndicator>();
        var byCode = new Dictionary<string, ParsedIndicator>(StringComparer.Ordinal);
        var childCount = new Dictionary<string, int>(StringComparer.Ordinal);
        var leafKeys = new HashSet<(string, string, string)>();
        string l1Prev = "", l2Prev = "";
        var pendingRefinements = new List<(XlsxRow Row, string ParentCode, ParsedIndicator Partial)>();

        foreach (var row in sheet.Where(r => r.Number > header.Number && !r.IsBlank))
        {
            var rowErrors = new List<string>();
            var l1 = row[1].Trim();
            var l2 = row[2].Trim();
            var l3 = row[3].Trim();
            if (l1.Length == 0)
            {
                l1 = l1Prev;
                if (l2.Length == 0)
                {
                    l2 = l2Prev;
                }
            }
            if (l1.Length == 0)
            {
                rowErrors.Add("一级指标不能为空");
            }
            if (l2.Length == 0)
            {
                rowErrors.Add("二级指标不能为空");
            }
            if (l3.Length == 0)
            {
                rowErrors.Add("三级指标不能为空");
            }
            if (!decimal.TryParse(row[4].Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var score) || score < 0)
            {
                rowErrors.Add($"分值“{row[4].Trim()}”须为不小于 0 的数字");
            }
            var method = ParseMethod(Extra(row, "计分方式"));
            if (method is null)
            {
                rowErrors.Add($"计分方式“{Extra(row, "计分方式")}”无效，应为赋分、扣分、达标或计算");
            }
            var weight = 1m;
            var weightText = Extra(row, "权重");
            if (weightText.Length > 0 && (!decimal.TryParse(weightText, NumberStyles.Number, CultureInfo.InvariantCulture, out weight) || weight <= 0))
            {
                rowErrors.Add($"权重“{weightText}”须为大于 0 的数字");
            }
            var provider = Extra(row, "计算指标");
            if (method == ScoringMethod.Computed && !providerKeys.Contains(provider))
            {
                rowErrors.Add(provider.Length == 0 ? "计分方式为“计算”时须填写计算指标" : $"计算指标“{provider}”未注册");
            }
            var code = Extra(row, "指标编码");
            var parentCode = Extra(row, "上级编码");
            if (code.Length > 0 && byCode.ContainsKey(code))
            {
                rowErrors.Add($"指标编码“{code}”重复");
            }
            if (parentCode.Length == 0 && l1.Length > 0 && l2.Length > 0 && l3.Length > 0 && !leafKeys.Add((l1, l2, l3)))
            {
                rowErrors.Add($"三级指标“{l3}”在同一二级指标下重复");
            }
            if (rowErrors.Count > 0)
            {
                errors.Add(new(row.Number, string.Join("；", rowErrors) + "。"));
                l1Prev = l1;
                l2Prev = l2;
                continue;
            }
            l1Prev = l1;
            l2Prev = l2;
            var partial = new ParsedIndicator(row.Number, code, null, 3, 0, l3, score, row[5].Trim(), row[6].Trim(), row[7].Trim(), row[8].Trim(), row[9].Trim(),
                method!.Value, weight, method == ScoringMethod.Computed ? provider : null, Extra(row, "来源依据"), Extra(row, "指标说明"), false);
            if (parentCode.Length > 0)
            {
                pendingRefinements.Add((row, parentCode, partial));
                if (code.Length > 0)
                {
                    byCode[code] = partial;
                }
                continue;
            }
            if (!level1.TryGetValue(l1, out var p1))
            {
                p1 = new ParsedIndicator(row.Number, (level1.Count + 1).ToString(CultureInfo.InvariantCulture), null, 1, level1.Count + 1, l1, 0, "", "", "", "", "",
                    ScoringMethod.Points, 1m, null, "", "", false);
                level1[l1] = p1;
                result.Add(p1);
            }
            if (!level2.TryGetValue((l1, l2), out var p2))
            {
                var seq2 = Next(childCount, p1.Code);
                p2 = new ParsedIndicator(row.Number, $"{p1.Code}.{seq2}", p1.Code, 2, seq2, l2, 0, "", "", "", "", "", ScoringMethod.Points, 1m, null, "", "", false);
                level2[(l1, l2)] = p2;
                result.Add(p2);
            }
            var seq3 = Next(childCount, p2.Code);
            var leaf = partial with { Code = code.Length > 0 ? code : $"{p2.Code}.{seq3}", ParentCode = p2.Code, Seq = seq3 };
            if (code.Length == 0 && byCode.ContainsKey(leaf.Code))
            {
                errors.Add(new(row.Number, $"指标编码“{leaf.Code}”重复。"));
                continue;
            }
            byCode[leaf.Code] = leaf;
            result.Add(leaf);
        }
        // Refinements may refer to a parent defined further down, or to another refinement.
        var remaining = pendingRefinements;
        var placed = result.ToDictionary(r => r.Code, StringComparer.Ordinal);
        while (remaining.Count > 0)
        {
            var next = new List<(XlsxRow Row, string ParentCode, ParsedIndicator Partial)>();
            foreach (var item in remaining)
            {
                if (!placed.TryGetValue(item.ParentCode, out var parent))
                {
                    next.Add(item);
                    continue;
                }
                var seq = Next(childCount, parent.Code);
                var refined = item.Partial with
                {
                    Code = item.Partial.Code.Length > 0 ? item.Partial.Code : $"{parent.Code}.{seq}",
                    ParentCode = parent.Code,
                    Level = parent.Level + 1,
                    Seq = seq,
                };
                if (item.Partial.Code.Length == 0 && byCode.ContainsKey(refined.Code))
                {
                    errors.Add(new(item.Row.Number, $"指标编码“{refined.Code}”重复。"));
                    continue;
                }
                byCode[refined.Code] = refined;
                placed[refined.Code] = refined;
                result.Add(refined);
            }
            if (next.Count == remaining.Count)
            {
                errors.AddRange(next.Select(n => new ImportError(n.Row.Number, $"上级编码“{n.ParentCode}”在文件中不存在。")));
                break;
            }
            remaining = next;
        }
        if (errors.Count == 0 && result.Count == 0)
        {
            errors.Add(new(0, "文件中没有指标行。"));
        }
        if (errors.Count > 0)
        {
            return ([], errors.OrderBy(e => e.Row).ToList());
        }
        // First- and second-level scores are the sums of their children.
        var sums = result.Where(r => r.Level == 3).GroupBy(r => r.ParentCode!).ToDictionary(g => g.Key, g => g.Sum(r => r.MaxScore));
        result = result.Select(r => r.Level == 2 ? r with { MaxScore = sums.GetValueOrDefault(r.Code) } : r).ToList();
        var sums1 = result.Where(r => r.Level == 2).GroupBy(r => r.ParentCode!).ToDictionary(g => g.Key, g => g.Sum(r => r.MaxScore));
        return (result.Select(r => r.Level == 1 ? r with { MaxScore = sums1.GetValueOrDefault(r.Code) } : r).ToList(), []);
    }

    private static int Next(Dictionary<string, int> counts, string parent)
    {
        var n = counts.GetValueOrDefault(parent) + 1;
        counts[parent] = n;
        return n;
    }
}
