using Fazhi.Library.Contracts;
using Fazhi.Lists.Data;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Kit;

namespace Fazhi.Lists.Certificates;

internal sealed record CertImportResult(int Rows, int Added, int Changed, int Cancelled, int Unchanged, int DraftNumber);

/// <summary>
/// The list as .xlsx in the layout the offices publish (序号 | 证明事项编码 | 证明名称 | 办理事项 | 索要单位 | 开具单位 | 设定依据 |
/// 是否实行告知承诺制 | 承诺内容 | 核查方式 | 虚假承诺的后果 | 办事指南 | 状态 | 取消日期 | 取消原因), and its import as proposals into
/// the draft: a row without a code, or with a code not yet used, is an addition; a known code with other content a change;
/// 状态 已取消 a cancellation; an unchanged row is skipped. Any row in error and nothing is imported; every error names its
/// row and column.
/// </summary>
internal sealed class CertTransfer(ListsDb db, CertService service, ILawReferences laws, IOrgDirectory orgs, Fazhi.Platform.Security.ICurrentUser user)
{
    public static readonly string[] Headers =
        ["序号", "证明事项编码", "证明名称", "办理事项", "索要单位", "开具单位", "设定依据", "是否实行告知承诺制", "承诺内容", "核查方式", "虚假承诺的后果", "办事指南", "状态", "取消日期", "取消原因"];

    /// <summary>The API field of each column (so a service refusal names the column).</summary>
    private static readonly Dictionary<string, int> FieldColumns = new()
    {
        ["itemCode"] = 1, ["item.name"] = 2, ["item.matter"] = 3, ["item.requestingUnitId"] = 4, ["item.issuingUnit"] = 5, ["item.legalBasis"] = 6,
        ["item.commitmentText"] = 8, ["item.verificationMethod"] = 9, ["item.falseCommitmentConsequence"] = 10, ["item.serviceGuide"] = 11,
        ["cancelledOn"] = 13, ["cancelReason"] = 14, ["reason"] = 14,
    };

    public async Task<byte[]> ExportAsync(int version, CancellationToken ct)
    {
        var items = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            service.ItemsIn(version).OrderBy(r => r.Status).ThenBy(r => r.ItemCode), ct);
        var rows = items.Select((r, i) => (IReadOnlyList<object?>)
        [
            i + 1, r.ItemCode, r.Name, r.Matter, r.RequestingUnitName, r.IssuingUnit, r.LegalBasis, r.NotifyCommit ? "是" : "否", r.CommitmentText,
            r.VerificationMethod, r.FalseCommitmentConsequence, r.ServiceGuide, CertService.StatusName(r.Status), r.CancelledOn?.ToString("yyyy-MM-dd") ?? "", r.CancelReason,
        ]);
        var widths = new double?[] { 6, 14, 24, 30, 22, 20, 40, 10, 40, 30, 30, 40, 8, 12, 24 };
        return XlsxWriter.Write(new XlsxSheet($"证明事项清单（第{version}版）", Headers.Select((h, i) => new XlsxColumn(h, widths[i])).ToList(), rows));
    }

    public async Task<CertImportResult> ImportAsync(Stream input, CancellationToken ct)
    {
        if (!user.Has(ListsPermissions.CertManage))
        {
            throw Refuse.Forbidden("只有清单管理部门可以导入清单。");
        }
        var rows = XlsxReader.ReadUploadTable(input, Headers, "表中没有证明事项。");
        var units = await orgs.ActiveUnitsAsync(ct);
        var byName = units.GroupBy(u => u.Name).ToDictionary(g => g.Key, g => g.First());
        var byCode = units.ToDictionary(u => u.Code);
        var unitsById = units.ToDictionary(u => u.Id);
        var resolved = await laws.ResolveEachAsync(rows.Select(r => ((string?)r[6].Trim(), service.Today)), ct);
        var changes = new List<CertChange>();
        var seen = new HashSet<string>();
        var tally = new ListImportTally(Where);
        foreach (var row in rows)
        {
            var checks = new FieldChecks();
            var code = Cell(row, 1);
            var unitText = Cell(row, 4);
            var unit = unitText is null ? null : byCode.GetValueOrDefault(unitText) ?? byName.GetValueOrDefault(unitText);
            if (unitText is not null && unit is null)
            {
                checks.Add("item.requestingUnitId", $"索要单位“{unitText}”不在组织机构中（填写单位全称或机构代码）。");
            }
            var notify = Cell(row, 7);
            if (notify is not null and not ("是" or "否"))
            {
                checks.Add("item.notifyCommit", "是否实行告知承诺制应填“是”或“否”。");
            }
            var status = Cell(row, 12);
            if (status is not null and not ("在用" or "已取消"))
            {
                checks.Add("status", "状态应填“在用”或“已取消”。");
            }
            DateOnly? cancelledOn = null;
            if (Cell(row, 13) is { } d)
            {
                if (DateOnly.TryParse(d, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
                {
                    cancelledOn = parsed;
                }
                else
                {
                    checks.Add("cancelledOn", $"取消日期“{d}”无法识别，应为 yyyy-MM-dd。");
                }
            }
            if (code is not null && !seen.Add(code))
            {
                checks.Add("itemCode", $"证明事项编码“{code}”在表中重复。");
            }
            CertChange? change = null;
            if (checks.Errors.Count == 0)
            {
                var current = code is null ? null : await service.CurrentItemAsync(code, ct);
                var item = new CertItemInput(Cell(row, 2), Cell(row, 3), unit?.Id, Cell(row, 5), Cell(row, 6), notify == "是", Cell(row, 8), Cell(row, 9), Cell(row, 10), Cell(row, 11));
                CertChangeInput proposal = status == "已取消"
                    ? new CertChangeInput(CertChangeKind.Cancel, code, null, cancelledOn, Cell(row, 14) ?? "", "清单导入")
                    : new CertChangeInput(current is null ? CertChangeKind.Add : CertChangeKind.Change, code, item, Reason: "清单导入");
                if (status == "已取消" && current?.Status == CertItemStatus.Cancelled)
                {
                    tally.CountUnchanged();
                    continue;
                }
                change = await service.BuildChangeAsync(checks, "", proposal, resolved.For(item.LegalBasis?.Trim(), service.Today), ct, unitsById);
                if (change is not null && current is not null && change.Kind == CertChangeKind.Change && CertService.SameContent(current, change))
                {
                    tally.CountUnchanged();
                    continue;
                }
            }
            if (!tally.Accept(row.Number, checks, change?.Kind))
            {
                continue;
            }
            changes.Add(change!);
        }
        tally.ThrowIfRefused(changes.Count, "表中的证明事项与现行清单相同，没有需要导入的变更。");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var draft = await service.AddChangesAsync(changes, ct);
        await tx.CommitAsync(ct);
        return new CertImportResult(rows.Count, tally.Added, tally.Changed, tally.Cancelled, tally.Unchanged, draft.Number);
    }

    private static string? Cell(XlsxRow row, int column) => row[column].Trim() is { Length: > 0 } s ? s : null;

    /// <summary>"第 5 行 G 列（设定依据）：" for a field's column.</summary>
    private static string Where(int row, string field)
    {
        var column = FieldColumns.GetValueOrDefault(field, field switch { "item.notifyCommit" => 7, "status" => 12, _ => -1 });
        return column < 0 ? $"第 {row} 行：" : $"第 {row} 行 {(char)('A' + column)} 列（{Headers[column]}）：";
    }
}
