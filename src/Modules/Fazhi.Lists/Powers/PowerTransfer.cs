using Fazhi.Library.Contracts;
using Fazhi.Lists.Certificates;
using Fazhi.Lists.Data;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Lists.Powers;

internal sealed record PowerImportResult(int Rows, int Added, int Changed, int Cancelled, int Unchanged, int DraftNumber);

/// <summary>
/// The power and responsibility list as .xlsx in the layout the offices publish (序号 | 事项编码 | 基本目录编码 | 权力类别 |
/// 事项名称 | 子项 | 设定依据 | 实施主体 | 层级 | 责任事项 | 追责情形 | 状态 | 取消原因), and its import as proposals into the draft
/// (ADR 0039): a row without a code, or with a code not yet used, is an addition; a known code with other content a change;
/// 状态 已取消 a cancellation; an unchanged row is skipped. Any row in error and nothing is imported; every error names its
/// row and column. The same checks as a unit's proposal apply (level matches the unit, an article cited, none repealed).
/// </summary>
internal sealed class PowerTransfer(ListsDb db, PowerService service, ILawReferences laws, IOrgDirectory orgs, Fazhi.Platform.Security.ICurrentUser user)
{
    public static readonly string[] Headers =
        ["序号", "事项编码", "基本目录编码", "权力类别", "事项名称", "子项", "设定依据", "实施主体", "层级", "责任事项", "追责情形", "状态", "取消原因"];

    /// <summary>The API field of each column (so a service refusal names the column).</summary>
    private static readonly Dictionary<string, int> FieldColumns = new()
    {
        ["itemCode"] = 1, ["item.matterCode"] = 2, ["item.kind"] = 3, ["item.name"] = 4, ["item.subItems"] = 5, ["item.legalBasis"] = 6, ["item.unitId"] = 7,
        ["item.level"] = 8, ["item.responsibilities"] = 9, ["item.accountability"] = 10, ["status"] = 11, ["cancelReason"] = 12, ["reason"] = 12,
    };

    public async Task<byte[]> ExportAsync(int version, CancellationToken ct)
    {
        var items = await service.ItemsIn(version).OrderBy(r => r.Level).ThenBy(r => r.MatterCode).ThenBy(r => r.UnitName).ThenBy(r => r.ItemCode).ToListAsync(ct);
        var rows = items.Select((r, i) => (IReadOnlyList<object?>)
        [
            i + 1, r.ItemCode, r.MatterCode, PowerService.KindName(r.Kind), r.Name, r.SubItems, r.LegalBasis, r.UnitName, PowerService.LevelName(r.Level), r.Responsibilities,
            r.Accountability, r.Status == PowerItemStatus.InForce ? "在用" : "已取消", r.CancelReason,
        ]);
        var widths = new double?[] { 6, 14, 14, 10, 30, 30, 40, 24, 10, 40, 40, 8, 24 };
        return XlsxWriter.Write(new XlsxSheet($"权责清单（第{version}版）", Headers.Select((h, i) => new XlsxColumn(h, widths[i])).ToList(), rows));
    }

    public async Task<PowerImportResult> ImportAsync(Stream input, CancellationToken ct)
    {
        if (!user.Has(ListsPermissions.CertManage))
        {
            throw Refuse.Forbidden("只有清单管理部门可以导入清单。");
        }
        var rows = XlsxReader.ReadUploadTable(input, Headers, "表中没有权力事项。");
        var units = await orgs.ActiveUnitsAsync(ct);
        var byName = units.GroupBy(u => u.Name).ToDictionary(g => g.Key, g => g.First());
        var byCode = units.ToDictionary(u => u.Code);
        var unitsById = units.ToDictionary(u => u.Id);
        var kinds = Enum.GetValues<PowerKind>().ToDictionary(PowerService.KindName);
        var levels = Enum.GetValues<PowerLevel>().ToDictionary(PowerService.LevelName);
        levels.TryAdd("乡镇", PowerLevel.Town);
        levels.TryAdd("县（市、区）级", PowerLevel.County);
        var resolved = await laws.ResolveEachAsync(rows.Select(r => ((string?)r[6].Trim(), service.Today)), ct);
        var changes = new List<PowerChange>();
        var seen = new HashSet<string>();
        var tally = new ListImportTally(Where);
        foreach (var row in rows)
        {
            var checks = new FieldChecks();
            var code = Cell(row, 1);
            var unitText = Cell(row, 7);
            var unit = unitText is null ? null : byCode.GetValueOrDefault(unitText) ?? byName.GetValueOrDefault(unitText);
            if (unitText is not null && unit is null)
            {
                checks.Add("item.unitId", $"实施主体“{unitText}”不在组织机构中（填写单位全称或机构代码）。");
            }
            var kindText = Cell(row, 3);
            PowerKind kind = PowerKind.Other;
            if (kindText is null || !kinds.TryGetValue(kindText, out kind))
            {
                checks.Add("item.kind", $"权力类别应为{string.Join("、", kinds.Keys)}之一。");
            }
            var levelText = Cell(row, 8);
            PowerLevel level = PowerLevel.City;
            if (levelText is null || !levels.TryGetValue(levelText, out level))
            {
                checks.Add("item.level", "层级应填“市级”“县级”或“乡镇（街道）”。");
            }
            var status = Cell(row, 11);
            if (status is not null and not ("在用" or "已取消"))
            {
                checks.Add("status", "状态应填“在用”或“已取消”。");
            }
            if (code is not null && !seen.Add(code))
            {
                checks.Add("itemCode", $"事项编码“{code}”在表中重复。");
            }
            PowerChange? change = null;
            if (checks.Errors.Count == 0)
            {
                var current = code is null ? null : await service.CurrentItemAsync(code, ct);
                if (status == "已取消" && current?.Status == PowerItemStatus.Cancelled)
                {
                    tally.CountUnchanged();
                    continue;
                }
                var item = new PowerItemInput(Cell(row, 2), Cell(row, 4), kind, level, unit?.Id, Cell(row, 5), Cell(row, 6), Cell(row, 9), Cell(row, 10));
                PowerChangeInput proposal = status == "已取消"
                    ? new PowerChangeInput(CertChangeKind.Cancel, code, null, Cell(row, 12) ?? "", "清单导入")
                    : new PowerChangeInput(current is null ? CertChangeKind.Add : CertChangeKind.Change, code, item, Reason: "清单导入");
                change = await service.BuildChangeAsync(checks, proposal, resolved.For(item.LegalBasis, service.Today), unitsById, ct);
                if (change is not null && current is not null && change.ChangeKind == CertChangeKind.Change && PowerService.SameContent(current, change))
                {
                    tally.CountUnchanged();
                    continue;
                }
            }
            if (!tally.Accept(row.Number, checks, change?.ChangeKind))
            {
                continue;
            }
            changes.Add(change!);
        }
        tally.ThrowIfRefused(changes.Count, "表中的权力事项与现行清单相同，没有需要导入的变更。");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var draft = await service.AddChangesAsync(changes, ct);
        await tx.CommitAsync(ct);
        return new PowerImportResult(rows.Count, tally.Added, tally.Changed, tally.Cancelled, tally.Unchanged, draft.Number);
    }

    private static string? Cell(XlsxRow row, int column) => row[column].Trim() is { Length: > 0 } s ? s : null;

    /// <summary>"第 5 行 G 列（设定依据）：" for a field's column.</summary>
    private static string Where(int row, string field)
    {
        var column = FieldColumns.GetValueOrDefault(field, -1);
        return column < 0 ? $"第 {row} 行：" : $"第 {row} 行 {(char)('A' + column)} 列（{Headers[column]}）：";
    }
}
