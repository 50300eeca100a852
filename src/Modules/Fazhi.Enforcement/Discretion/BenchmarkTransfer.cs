using System.Globalization;
using System.Text.RegularExpressions;
using Fazhi.Enforcement.Data;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Enforcement.Discretion;

internal sealed record BenchmarkImportError(int Row, string Message);

internal sealed record BenchmarkImportResult(int Matters, int Versions, int Rows, IReadOnlyList<BenchmarkImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// .xlsx import and export of benchmark lists in the published layout
/// 序号 | 事项名称 | 违法行为 | 法律依据 | 适用条件 | 裁量阶次 | 裁量幅度 (one row per tier).
/// Import is all or nothing: any row error and nothing is written. Rows of one matter and violation form one new
/// benchmark version; 不予处罚 / 免予处罚 / 减轻 rows are items of the no/light-penalty list.
/// </summary>
internal sealed partial class BenchmarkTransfer(EnforcementDb db, BenchmarkService service, TimeProvider clock, NoLightList.NoLightListReadModel list)
{
    public static readonly string[] Headers = ["序号", "事项名称", "违法行为", "法律依据", "适用条件", "裁量阶次", "裁量幅度"];

    public async Task<byte[]> ExportAsync(bool listOnly, CancellationToken ct)
    {
        var today = clock.ChinaToday();
        var rows = await service.PublishedAsync(null, listOnly, today, ct);
        var sheet = new XlsxSheet(listOnly ? "不罚轻罚清单" : "裁量基准",
            [new("序号", 6), new("事项名称", 30), new("违法行为", 40), new("法律依据", 50), new("适用条件", 50), new("裁量阶次", 10), new("裁量幅度", 40)],
            rows.Select((r, i) => (IReadOnlyList<object?>)[i + 1, r.MatterName, r.Violation, r.LegalBasis, r.Conditions, DiscretionEngine.TierName(r.Tier), r.RangeText]));
        return XlsxWriter.Write(sheet);
    }

    public async Task<BenchmarkImportResult> ImportAsync(Stream input, string issuingAuthority, CancellationToken ct)
    {
        List<XlsxRow> sheet;
        try
        {
            sheet = XlsxReader.Read(input);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or InvalidOperationException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or IOException)
        {
            return new(0, 0, 0, [new(0, "文件不是有效的 .xlsx 工作簿。")]);
        }
        var errors = new List<BenchmarkImportError>();
        var header = sheet.FirstOrDefault(r => !r.IsBlank);
        if (header is null || !Headers.Select((h, i) => header[i].Trim() == h).All(x => x))
        {
            return new(0, 0, 0, [new(header?.Number ?? 1, "表头须为：" + string.Join(" | ", Headers) + "。")]);
        }
        var parsed = new List<(int Row, string Matter, string Violation, string Basis, TierInput Tier)>();
        foreach (var row in sheet.Where(r => r.Number > header.Number && !r.IsBlank))
        {
            var rowErrors = new List<string>();
            if (!int.TryParse(row[0].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            {
                rowErrors.Add("序号须为整数");
            }
            string Required(int col, string name)
            {
                var v = row[col].Trim();
                if (v.Length == 0)
                {
                    rowErrors.Add($"{name}不能为空");
                }
                return v;
            }
            var matter = Required(1, "事项名称");
            var violation = Required(2, "违法行为");
            var basis = Required(3, "法律依据");
            var conditions = row[4].Trim();
            var tier = DiscretionEngine.ParseTier(row[5]);
            if (tier is null)
            {
                rowErrors.Add($"裁量阶次“{row[5].Trim()}”无效，应为不予处罚、免予处罚、减轻、从轻、一般或从重");
            }
            var rangeText = Required(6, "裁量幅度");
            var (kind, min, max) = ParseRange(rangeText);
            if (min > max)
            {
                rowErrors.Add("裁量幅度的下限大于上限");
            }
            if (rowErrors.Count > 0)
            {
                errors.Add(new(row.Number, string.Join("；", rowErrors) + "。"));
                continue;
            }
            parsed.Add((row.Number, matter, violation, basis,
                new TierInput(tier!.Value, conditions, kind, min, max, rangeText, tier is DiscretionTier.NoPenalty or DiscretionTier.Exempted or DiscretionTier.Mitigated)));
        }
        if (errors.Count == 0 && parsed.Count == 0)
        {
            errors.Add(new(0, "文件中没有数据行。"));
        }
        if (errors.Count > 0)
        {
            return new(0, 0, 0, errors);
        }

        var today = clock.ChinaToday();
        var matters = await db.Matters.ToListAsync(ct);
        // A matter is identified by its name and the violation of its latest version (a list may name one matter for several violations).
        var latestViolation = (await db.Benchmarks.AsNoTracking().Select(b => new { b.MatterId, b.Number, b.Violation }).ToListAsync(ct))
            .GroupBy(b => b.MatterId).ToDictionary(g => g.Key, g => g.MaxBy(b => b.Number)!.Violation);
        var createdMatters = 0;
        var versions = 0;
        foreach (var group in parsed.GroupBy(p => (p.Matter, p.Violation)))
        {
            var matter = matters.FirstOrDefault(m => m.Name == group.Key.Matter && latestViolation.TryGetValue(m.Id, out var v) && v == group.Key.Violation)
                ?? matters.FirstOrDefault(m => m.Name == group.Key.Matter && !latestViolation.ContainsKey(m.Id));
            if (matter is null)
            {
                matter = new EnforcementMatter
                {
                    Code = $"IMP-{Guid.CreateVersion7():N}"[..20],
                    Name = group.Key.Matter,
                    Kind = MatterKind.Penalty,
                    LegalBasis = group.First().Basis,
                    IssuingBody = issuingAuthority,
                };
                db.Matters.Add(matter);
                createdMatters++;
            }
            var existing = await db.Benchmarks.Where(b => b.MatterId == matter.Id).ToListAsync(ct);
            existing.AddRange(db.ChangeTracker.Entries<DiscretionBenchmark>().Select(e => e.Entity).Where(b => b.MatterId == matter.Id && !existing.Contains(b)));
            service.StageVersion(existing, matter.Id,
                new BenchmarkInput(group.Key.Violation, "", group.First().Basis, issuingAuthority, today, group.Select(g => g.Tier).ToList()), isSample: false);
            latestViolation[matter.Id] = group.Key.Violation;
            if (!matters.Contains(matter))
            {
                matters.Add(matter);
            }
            versions++;
        }
        // One save: the matters, versions and tiers are written together or not at all.
        await db.SaveChangesAsync(ct);
        list.Invalidate();
        return new(createdMatters, versions, parsed.Count, []);
    }

    /// <summary>Reads 罚款 X 元以上 Y 元以下 (万 = 10,000) or 违法所得 X 倍以上 Y 倍以下; anything else is non-monetary.</summary>
    internal static (RangeKind Kind, decimal? Min, decimal? Max) ParseRange(string text)
    {
        var multiple = MultipleRange().Match(text);
        if (multiple.Success)
        {
            return (RangeKind.GainsMultiple, Number(multiple.Groups[1].Value, ""), Number(multiple.Groups[2].Value, ""));
        }
        var amount = AmountRange().Match(text);
        if (amount.Success)
        {
            return (RangeKind.FixedAmount, Number(amount.Groups[1].Value, amount.Groups[2].Value), Number(amount.Groups[3].Value, amount.Groups[4].Value));
        }
        var single = AmountMax().Match(text);
        if (single.Success)
        {
            return (RangeKind.FixedAmount, 0, Number(single.Groups[1].Value, single.Groups[2].Value));
        }
        return (RangeKind.NonMonetary, null, null);
    }

    private static decimal Number(string digits, string unit) =>
        decimal.Parse(digits, NumberStyles.Number, CultureInfo.InvariantCulture) * (unit == "万" ? 10_000 : 1);

    [GeneratedRegex(@"(\d+(?:\.\d+)?)\s*倍以上\s*(\d+(?:\.\d+)?)\s*倍以下")]
    private static partial Regex MultipleRange();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)\s*(万?)元以上\s*(\d+(?:\.\d+)?)\s*(万?)元以下")]
    private static partial Regex AmountRange();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)\s*(万?)元以下")]
    private static partial Regex AmountMax();
}
