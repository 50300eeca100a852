using System.Globalization;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Platform.Features.OrgUnits;

internal sealed record OrgImportRowError(int Row, string Code, string Message);

internal sealed record OrgImportResult(int Created, int Updated, int Unchanged, IReadOnlyList<OrgImportRowError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Import and export of the org tree as .xlsx, columns 代码 | 名称 | 上级代码 | 层级 | 类型 | 排序 | 状态.
/// Import upserts by code, parents before children whatever the row order, and is all-or-nothing: every row is checked
/// first and any error leaves the database untouched, with the list of row numbers and reasons. The changes are saved
/// in one SaveChanges (one transaction, batched commands), not one round trip per row.
/// </summary>
internal sealed class OrgUnitTransfer(PlatformDb db, ICurrentUser current)
{
    public static readonly string[] Headers = ["代码", "名称", "上级代码", "层级", "类型", "排序", "状态"];

    public async Task<byte[]> ExportAsync(CancellationToken ct)
    {
        var units = await db.OrgUnits.AsNoTracking().ToListAsync(ct);
        var codes = units.ToDictionary(u => u.Id, u => u.Code);
        // Ordinal path order puts every parent before its children (database collations may not).
        var rows = units.OrderBy(u => u.Path, StringComparer.Ordinal).Select(u => (IReadOnlyList<object?>)
        [
            u.Code, u.Name, u.ParentId is { } p ? codes.GetValueOrDefault(p) : null, OrgRules.LevelName(u.Level),
            OrgRules.KindName(u.Kind), u.SortOrder, OrgRules.StatusName(u.IsActive),
        ]);
        var columns = new XlsxColumn[] { new("代码", 16), new("名称", 36), new("上级代码", 16), new("层级", 10), new("类型", 12), new("排序", 8), new("状态", 8) };
        var bytes = XlsxWriter.Write(new XlsxSheet("组织机构", columns, rows));
        await db.WriteAuditEventAsync("orgunit.exported", nameof(OrgUnit), null, new { count = units.Count }, ct);
        return bytes;
    }

    public async Task<OrgImportResult> ImportAsync(Stream xlsx, CancellationToken ct)
    {
        if (!current.Has(PlatformPermissions.OrgUnitsManage))
        {
            return Fail(0, "", "您没有管理组织机构的权限。");
        }
        List<XlsxRow> sheet;
        try
        {
            sheet = XlsxReader.Read(xlsx);
        }
        catch (InvalidDataException ex)
        {
            return Fail(0, "", ex.Message);
        }
        var header = sheet.FirstOrDefault(r => !r.IsBlank);
        if (header is null)
        {
            return Fail(0, "", "文件中没有数据。第一行应为列名：" + string.Join("、", Headers) + "。");
        }
        var columns = Headers.ToDictionary(h => h, h => header.Cells.Select((c, i) => (c.Trim(), i)).FirstOrDefault(x => x.Item1 == h, ("", -1)).Item2);
        var missing = Headers.Take(5).Where(h => columns[h] < 0).ToList();
        if (missing.Count > 0)
        {
            return Fail(header.Number, "", $"缺少列：{string.Join("、", missing)}。第一行应为列名：{string.Join("、", Headers)}。");
        }

        var errors = new List<OrgImportRowError>();
        var rows = new List<ImportRow>();
        var byCode = new Dictionary<string, ImportRow>(StringComparer.Ordinal);
        foreach (var r in sheet.Where(r => r.Number > header.Number && !r.IsBlank))
        {
            string Cell(string name) => columns[name] < 0 ? "" : r[columns[name]].Trim();
            var code = Cell("代码");
            var rowErrors = new List<string>();
            if (OrgRules.CheckCode(code) is { } codeError)
            {
                rowErrors.Add(codeError);
            }
            else if (byCode.TryGetValue(code, out var dup))
            {
                rowErrors.Add($"代码 {code} 与第 {dup.Number} 行重复。");
            }
            var name = Cell("名称");
            if (OrgRules.CheckName(name) is { } nameError)
            {
                rowErrors.Add(nameError);
            }
            var parentCode = Cell("上级代码");
            if (parentCode == code && code.Length > 0)
            {
                rowErrors.Add("上级代码不能是本单位自己的代码。");
            }
            if (!OrgRules.TryParseLevel(Cell("层级"), out var level))
            {
                rowErrors.Add($"层级“{Cell("层级")}”无法识别，应为：{string.Join("、", OrgRules.Levels.Select(l => l.Name))}。");
            }
            if (!OrgRules.TryParseKind(Cell("类型"), out var kind))
            {
                rowErrors.Add($"类型“{Cell("类型")}”无法识别，应为：{string.Join("、", OrgRules.Kinds.Select(k => k.Name))}。");
            }
            var sortText = Cell("排序");
            var sort = 0;
            if (sortText.Length > 0 && !int.TryParse(sortText, NumberStyles.Integer, CultureInfo.InvariantCulture, out sort))
            {
                rowErrors.Add($"排序“{sortText}”须为整数。");
            }
            if (!OrgRules.TryParseStatus(Cell("状态"), out var active))
            {
                rowErrors.Add($"状态“{Cell("状态")}”无法识别，应为：{OrgRules.ActiveName}或{OrgRules.InactiveName}。");
            }
            errors.AddRange(rowErrors.Select(m => new OrgImportRowError(r.Number, code, m)));
            var row = new ImportRow(r.Number, code, name, parentCode, level, kind, sort, active);
            if (code.Length > 0 && !byCode.ContainsKey(code))
            {
                byCode[code] = row;
            }
            rows.Add(row);
        }
        if (rows.Count == 0)
        {
            return Fail(header.Number, "", "文件中除列名外没有数据行。");
        }

        // Every unit, tracked: the import changes some and recomputes paths below moved ones.
        var existing = await db.OrgUnits.ToDictionaryAsync(u => u.Code, StringComparer.Ordinal, ct);
        var existingById = existing.Values.ToDictionary(u => u.Id);
        string? FinalParent(string code) => byCode.TryGetValue(code, out var row)
            ? (row.ParentCode.Length == 0 ? null : row.ParentCode)
            : existing.TryGetValue(code, out var u) && u.ParentId is { } p && existingById.TryGetValue(p, out var parent) ? parent.Code : null;

        foreach (var row in byCode.Values)
        {
            if (row.ParentCode.Length > 0 && !byCode.ContainsKey(row.ParentCode) && !existing.ContainsKey(row.ParentCode))
            {
                errors.Add(new(row.Number, row.Code, $"上级代码 {row.ParentCode} 在文件和系统中都不存在。"));
            }
        }
        // Depth in the final tree orders the writes parents-first; a loop of parents is an error.
        var depth = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in byCode.Values)
        {
            var chain = new List<string> { row.Code };
            var seen = new HashSet<string>(StringComparer.Ordinal) { row.Code };
            for (var p = FinalParent(row.Code); p is not null; p = FinalParent(p))
            {
                chain.Add(p);
                if (!seen.Add(p))
                {
                    errors.Add(new(row.Number, row.Code, "上级关系形成循环：" + string.Join(" → ", chain) + "。"));
                    break;
                }
                if (!byCode.ContainsKey(p) && !existing.ContainsKey(p))
                {
                    break;
                }
            }
            depth[row.Code] = chain.Count;
        }
        if (errors.Count > 0)
        {
            return Failed(errors);
        }

        var created = 0;
        var updated = 0;
        foreach (var row in byCode.Values.OrderBy(r => depth[r.Code]))
        {
            var parentId = row.ParentCode.Length == 0 ? (Guid?)null : existing[row.ParentCode].Id;
            if (!existing.TryGetValue(row.Code, out var unit))
            {
                unit = new OrgUnit { Code = row.Code, Name = row.Name, Path = "" };
                existing[row.Code] = unit;
                existingById[unit.Id] = unit;
                db.OrgUnits.Add(unit);
                created++;
            }
            else if (unit.Name != row.Name || unit.Level != row.Level || unit.Kind != row.Kind || unit.SortOrder != row.SortOrder || unit.IsActive != row.IsActive || unit.ParentId != parentId)
            {
                updated++;
            }
            unit.Name = row.Name;
            unit.Level = row.Level;
            unit.Kind = row.Kind;
            unit.SortOrder = row.SortOrder;
            unit.IsActive = row.IsActive;
            unit.ParentId = parentId;
        }
        RecomputePaths(existingById);

        // Placement and status rules on the final tree, reported on the row that causes them.
        var children = existingById.Values.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!.Value);
        var inactiveIds = byCode.Values.Where(r => !r.IsActive).Select(r => existing[r.Code].Id).ToList();
        var people = inactiveIds.Count == 0 ? [] : await UsersByUnitAsync(inactiveIds, ct);
        foreach (var row in byCode.Values)
        {
            var unit = existing[row.Code];
            var parent = unit.ParentId is { } p ? existingById[p] : null;
            if (OrgRules.CheckPlacement(unit.Name, unit.Level, unit.Kind, parent is null ? null : new OrgUnitRef(parent.Name, parent.Level, parent.Kind)) is { } why)
            {
                errors.Add(new(row.Number, row.Code, why));
            }
            var self = new OrgUnitRef(unit.Name, unit.Level, unit.Kind);
            foreach (var child in children[unit.Id].Where(c => !byCode.ContainsKey(c.Code)))
            {
                if (OrgRules.CheckPlacement(child.Name, child.Level, child.Kind, self) is { } childWhy)
                {
                    errors.Add(new(row.Number, row.Code, "系统中已有的下级单位与本行不符：" + childWhy));
                }
            }
            if (unit.IsActive && parent is { IsActive: false })
            {
                errors.Add(new(row.Number, row.Code, $"上级“{parent.Name}”为停用，下级不能为启用。"));
            }
            if (!unit.IsActive)
            {
                if (children[unit.Id].FirstOrDefault(c => c.IsActive) is { } activeChild && !byCode.ContainsKey(activeChild.Code))
                {
                    errors.Add(new(row.Number, row.Code, $"状态为停用，但下级“{activeChild.Name}”仍为启用。"));
                }
                if (people.GetValueOrDefault(unit.Id) is > 0 and var n)
                {
                    errors.Add(new(row.Number, row.Code, $"状态为停用，但本单位还有 {n} 个用户账户或角色授权。"));
                }
            }
        }
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return Failed(errors);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var unchanged = byCode.Count - created - updated;
        await db.WriteAuditEventAsync("orgunit.imported", nameof(OrgUnit), null, new { rows = rows.Count, created, updated, unchanged }, ct);
        await tx.CommitAsync(ct);
        return new OrgImportResult(created, updated, unchanged, []);
    }

    /// <summary>Accounts and role assignments per unit, across all scopes (a system check, so no query filter).</summary>
    private async Task<Dictionary<Guid, int>> UsersByUnitAsync(List<Guid> ids, CancellationToken ct)
    {
        var users = await db.Users.IgnoreQueryFilters().Where(u => ids.Contains(u.OrgUnitId)).GroupBy(u => u.OrgUnitId)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var grants = await db.RoleAssignments.IgnoreQueryFilters().Where(a => ids.Contains(a.OrgUnitId)).GroupBy(a => a.OrgUnitId)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return users.Concat(grants).GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
    }

    /// <summary>Sets every unit's materialised path from its parent chain; only changed paths are written.</summary>
    private static void RecomputePaths(Dictionary<Guid, OrgUnit> units)
    {
        var memo = new Dictionary<Guid, string>();
        string PathOf(OrgUnit u)
        {
            if (memo.TryGetValue(u.Id, out var known))
            {
                return known;
            }
            var path = (u.ParentId is { } p && units.TryGetValue(p, out var parent) ? PathOf(parent) : "/") + u.Code + "/";
            memo[u.Id] = path;
            return path;
        }
        foreach (var u in units.Values)
        {
            var path = PathOf(u);
            if (u.Path != path)
            {
                u.Path = path;
            }
        }
    }

    private static OrgImportResult Fail(int row, string code, string message) => Failed([new(row, code, message)]);

    private static OrgImportResult Failed(List<OrgImportRowError> errors) =>
        new(0, 0, 0, errors.OrderBy(e => e.Row).ToList());

    private sealed record ImportRow(int Number, string Code, string Name, string ParentCode, OrgLevel Level, OrgKind Kind, int SortOrder, bool IsActive);
}
