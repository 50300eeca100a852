using Fazhi.Learning.Data;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Learning.People;

internal sealed record PersonInput(string? Name, Guid? OrgUnitId, string? Post, bool IsLeader, string? Level, string? UserName);

internal sealed record PeopleImportResult(int Rows, int Added, int Updated);

/// <summary>
/// The personnel register (人员名册): officials by unit, entered one by one or imported from .xlsx (姓名 | 单位 | 职务 |
/// 领导干部 | 职级 | 账号), each linked to the account they sign in with where they have one. A unit keeps its own people
/// (the data scope filters the register); the office keeps everyone.
/// </summary>
internal sealed class PeopleService(LearningDb db, ICurrentUser user, IOrgDirectory orgs, IUserDirectory users, IDeadlineService clock)
{
    public static readonly string[] Headers = ["姓名", "单位", "职务", "领导干部", "职级", "账号"];

    public static readonly ListShape<Person> Shape = new ListShape<Person>()
        .Search((q, k) => q.Where(p => p.Name.Contains(k) || p.UnitName.Contains(k) || p.Post.Contains(k) || p.UserName.Contains(k)))
        .SortBy("unit", p => p.UnitName)
        .SortBy("name", p => p.Name)
        .ThenBy(p => p.Id);

    public DateOnly Today => clock.Today;

    public Task<Paged<Person>> PageAsync(ListRequest request, bool? leaders, CancellationToken ct)
    {
        var q = db.People.AsNoTracking().Where(p => p.IsActive);
        if (leaders is { } l)
        {
            q = q.Where(p => p.IsLeader == l);
        }
        return Shape.PageAsync(q, request, ct);
    }

    public async Task<Person> GetAsync(Guid id, CancellationToken ct) =>
        await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw Refuse.NotFound("人员不存在或不在您的数据范围内。");

    /// <summary>The register entry of the signed-in account (any unit: the taker's own record is not filtered by scope).</summary>
    public Task<Person?> MeAsync(CancellationToken ct) => user.UserId is { } id
        ? db.People.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(p => p.UserId == id && p.IsActive, ct)
        : Task.FromResult<Person?>(null);

    public async Task<Person> CreateAsync(PersonInput input, CancellationToken ct)
    {
        var checks = new FieldChecks();
        var person = new Person();
        await FillAsync(checks, person, input, null, ct);
        checks.ThrowIfAny("人员未登记。");
        db.People.Add(person);
        await db.SaveChangesAsync(ct);
        return person;
    }

    public async Task<Person> UpdateAsync(Guid id, PersonInput input, long? version, CancellationToken ct)
    {
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw Refuse.NotFound("人员不存在或不在您的数据范围内。");
        Refuse.UnlessVersion(version, person.Version, "人员");
        var checks = new FieldChecks();
        await FillAsync(checks, person, input, null, ct);
        checks.ThrowIfAny("人员信息未保存。");
        await db.SaveChangesAsync(ct);
        return person;
    }

    /// <summary>
    /// Imports the register: a row whose account, or else whose name in the same unit, is already registered updates that
    /// person; any other row adds one. Any row in error and nothing is imported; every error names its row and column.
    /// </summary>
    public async Task<PeopleImportResult> ImportAsync(Stream input, CancellationToken ct)
    {
        var rows = XlsxReader.ReadUploadTable(input, Headers, "表中没有人员。");
        var units = await orgs.ActiveUnitsAsync(ct);
        var byName = units.GroupBy(u => u.Name).ToDictionary(g => g.Key, g => g.First());
        var byCode = units.ToDictionary(u => u.Code);
        var existing = await db.People.ToListAsync(ct);
        var errors = new Dictionary<string, string[]>();
        var seenAccounts = new HashSet<string>();
        var (added, updated) = (0, 0);
        foreach (var row in rows)
        {
            var checks = new FieldChecks();
            var unitText = Cell(row, 1);
            var unit = unitText is null ? null : byCode.GetValueOrDefault(unitText) ?? byName.GetValueOrDefault(unitText);
            if (unitText is not null && unit is null)
            {
                checks.Add("orgUnitId", $"单位“{unitText}”不在组织机构中（填写单位全称或机构代码）。");
            }
            var leader = Cell(row, 3);
            if (leader is not null and not ("是" or "否"))
            {
                checks.Add("isLeader", "领导干部应填“是”或“否”。");
            }
            var account = Cell(row, 5);
            if (account is not null && !seenAccounts.Add(account))
            {
                checks.Add("userName", $"账号“{account}”在表中重复。");
            }
            var name = Cell(row, 0);
            var person = (account is null ? null : existing.FirstOrDefault(p => p.UserName == account))
                ?? existing.FirstOrDefault(p => unit is not null && p.OrgUnitId == unit.Id && p.Name == name && p.IsActive);
            var isNew = person is null;
            person ??= new Person();
            if (!checks.Any)
            {
                await FillAsync(checks, person, new PersonInput(name, unit?.Id, Cell(row, 2), leader == "是", Cell(row, 4), account), isNew ? null : person.Id, ct);
            }
            if (checks.Any)
            {
                errors[$"rows[{row.Number}]"] = checks.Errors.SelectMany(e => e.Value.Select(m => Where(row.Number, e.Key) + m)).ToArray();
                continue;
            }
            if (isNew)
            {
                db.People.Add(person);
                existing.Add(person);
                added++;
            }
            else
            {
                updated++;
            }
        }
        if (errors.Count > 0)
        {
            throw Refuse.Fields(errors, $"导入未执行：{errors.Count} 行有错误，请修改后重新导入。");
        }
        await db.SaveChangesAsync(ct);
        return new PeopleImportResult(rows.Count, added, updated);
    }

    public async Task<byte[]> ExportAsync(CancellationToken ct)
    {
        var people = await db.People.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.UnitName).ThenBy(p => p.Name).ToListAsync(ct);
        var rows = people.Select(p => (IReadOnlyList<object?>)[p.Name, p.UnitName, p.Post, p.IsLeader ? "是" : "否", p.Level, p.UserName]);
        return XlsxWriter.Write(new XlsxSheet("人员名册", Headers.Select(h => new XlsxColumn(h, h == "单位" ? 30 : 14)).ToList(), rows));
    }

    private async Task FillAsync(FieldChecks checks, Person person, PersonInput input, Guid? self, CancellationToken ct)
    {
        var name = TextRules.Required(checks, "name", "姓名", input.Name, 64);
        var post = TextRules.Optional(checks, "post", "职务", input.Post, 100) ?? "";
        var level = TextRules.Optional(checks, "level", "职级", input.Level, 32) ?? "";
        var unit = input.OrgUnitId is { } id && id != Guid.Empty ? await orgs.FindAsync(id, ct) : null;
        if (unit is null)
        {
            checks.Add("orgUnitId", "请选择单位。");
        }
        else if (!user.Scope.Allows(unit.Id))
        {
            checks.Add("orgUnitId", $"只能登记本单位的人员（{unit.Name}不在您的数据范围内）。");
        }
        Guid? userId = null;
        var userName = TextRules.Optional(checks, "userName", "账号", input.UserName, 64);
        if (userName is not null)
        {
            var account = await users.FindByUserNameAsync(userName, ct);
            if (account is null)
            {
                checks.Add("userName", $"账号“{userName}”不存在（没有账号的人员可不填）。");
            }
            else
            {
                var other = await db.People.IgnoreQueryFilters().AsNoTracking()
                    .Where(p => p.UserId == account.Id && p.Id != person.Id && (self == null || p.Id != self)).Select(p => p.Name).FirstOrDefaultAsync(ct);
                if (other is not null)
                {
                    checks.Add("userName", $"账号“{userName}”已关联人员“{other}”。");
                }
                userId = account.Id;
            }
        }
        if (checks.Any)
        {
            return;
        }
        (person.Name, person.OrgUnitId, person.UnitName, person.Post, person.IsLeader, person.Level, person.UserId, person.UserName) =
            (name, unit!.Id, unit.Name, post, input.IsLeader, level, userId, userName ?? "");
    }

    private static string? Cell(XlsxRow row, int column) => row[column].Trim() is { Length: > 0 } s ? s : null;

    private static string Where(int row, string field)
    {
        var column = field switch { "name" => 0, "orgUnitId" => 1, "post" => 2, "isLeader" => 3, "level" => 4, "userName" => 5, _ => -1 };
        return column < 0 ? $"第 {row} 行：" : $"第 {row} 行 {(char)('A' + column)} 列（{Headers[column]}）：";
    }
}
