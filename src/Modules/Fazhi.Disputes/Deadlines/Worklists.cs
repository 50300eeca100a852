using Fazhi.Disputes.Cases;
using Fazhi.Disputes.Data;
using Fazhi.Disputes.Domain;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Features.Identifiers;
using Fazhi.Platform.Features.PersonalData;
using Fazhi.Platform.Features.OrgUnits;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Fazhi.Disputes.Deadlines;

/// <summary>A worklist's keyword and received-date range (issue 13), read and checked from the query string.</summary>
internal sealed record WorklistSearch(string? Keyword, DateOnly? From, DateOnly? To)
{
    public bool Any => Keyword is not null || From is not null || To is not null;

    /// <summary>Checked: the keyword trimmed and at most 100 characters, the range in order (refusals name the field).</summary>
    public static WorklistSearch Read(string? q, DateOnly? from, DateOnly? to)
    {
        var keyword = TextRules.Clean(q);
        if (keyword is { Length: > ListShape<DisputeCase>.MaxKeywordLength })
        {
            throw Refuse.Field("q", $"关键词不能超过 {ListShape<DisputeCase>.MaxKeywordLength} 个字。");
        }
        if (from is { } f && to is { } t && t < f)
        {
            throw Refuse.Field("to", "截止日期不能早于起始日期。");
        }
        return new WorklistSearch(string.IsNullOrEmpty(keyword) ? null : keyword, from, to);
    }

    /// <summary>A date typed in a page's query bar (yyyy-MM-dd); malformed text is refused naming the field.</summary>
    public static DateOnly? ReadDate(string field, string label, string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", out var d) ? d
        : throw Refuse.Field(field, $"{label}格式不正确，请按 年-月-日 填写。");
}

/// <summary>A worklist's order (ADR 0056): one of <see cref="Worklists.Shape"/>'s sort keys and its direction.</summary>
internal sealed record WorklistSort(string Key, SortDirection Dir);

/// <summary>
/// Worklists on the stored due date (<see cref="DisputeCase.DueOn"/>), each an index range: mine, due within N working days,
/// overdue, and the centre-wide supervision view filtered by unit, type and status.
/// </summary>
internal sealed class Worklists(DisputesDb db, IOrgDirectory orgs, ICurrentUser current, IDeadlineService deadlines, IConfiguration configuration)
{
    public static readonly string[] Views = ["all", "mine", "due", "overdue"];

    /// <summary>
    /// The worklists' query bar (kit list query, ADR 0056): sort keys <c>receivedOn</c> (by the case key, which is time-ordered)
    /// and <c>dueOn</c>, page sizes up to 200. The keyword and the dates are read by <see cref="WorklistSearch"/> (an index
    /// lookup per kind of keyword, not the shape's substring search); the shape checks the sort and the page.
    /// </summary>
    public static readonly ListShape<DisputeCase> Shape = new ListShape<DisputeCase> { DefaultPageSize = 20, MaxPageSize = 200 }
        .SortBy("receivedOn", c => c.Id, SortDirection.Desc)
        .SortBy("dueOn", c => c.DueOn)
        .ThenBy(c => c.Id);

    /// <summary>A view's own order when the request names none: the open views by due date, "all" newest first.</summary>
    public static WorklistSort DefaultSort(string? view) =>
        view is "mine" or "due" or "overdue" ? new("dueOn", SortDirection.Asc) : new("receivedOn", SortDirection.Desc);

    /// <summary>The order a request asks for (checked by <see cref="Shape"/>), or the view's own when it names no sort key.</summary>
    public static WorklistSort SortOf(string? view, ListRequest request, string? askedSort) =>
        string.IsNullOrWhiteSpace(askedSort) ? DefaultSort(view) : new(request.Sort, request.Dir);

    /// <summary>"Due soon" means within this many working days (Disputes:DueSoonWorkingDays, default 3).</summary>
    public static int DueSoonDays(IConfiguration configuration) => Math.Clamp(configuration.GetValue("Disputes:DueSoonWorkingDays", 3), 1, 30);

    /// <summary>Up to this many units in scope, the "all" view reads each unit's newest cases; beyond, the key backwards.</summary>
    private const int PerUnitLimit = 64;

    /// <summary>Worklists count matching cases up to this many (shown as "1000+").</summary>
    public const int CountCap = 1000;

    public async Task<Paged<CaseListItem>> ListAsync(string? view, string? caseType, string? status, string? unitCode, int page, int pageSize, CancellationToken ct,
        WorklistSearch? search = null, WorklistSort? sort = null)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, Shape.MaxPageSize);
        var today = deadlines.Today;
        var (query, open, filterUnit, scope) = await FilterAsync(view, caseType, status, unitCode, today, ct);
        var order = sort ?? DefaultSort(view);
        if (search is { Any: true })
        {
            // A keyword finds a handful of cases by an index (see MatchAsync); those are then paged as they stand.
            query = await SearchAsync(query, search, ct);
            return await PageOfAsync(Ordered(query, sort ?? new("receivedOn", SortDirection.Desc)), await query.Take(CountCap + 1).CountAsync(ct), page, pageSize, today, ct);
        }
        // Counting stops at the cap: an exact count of a million cases costs more than the page itself, and nobody pages that far.
        var cap = Math.Max(page * pageSize, CountCap);
        var counted = await CountQuery(query, open, scope).Take(cap + 1).CountAsync(ct);
        var capped = counted > cap;
        var total = Math.Min(counted, cap);
        var ordered = Ordered(query, order);
        var pageQuery = ordered.Skip((page - 1) * pageSize).Take(pageSize);
        if (order != DefaultSort(view))
        {
            // An order the user chose by a column header: read as asked (the per-unit merges below serve the views' own orders).
            return await PageOfAsync(pageQuery, total, page, pageSize, today, ct, capped);
        }
        var depth = page * pageSize;
        var units = filterUnit is { } one ? [one] : scope;
        if (!open && units is { Length: > 0 and <= PerUnitLimit })
        {
            // A county or town sees a small share of the cases, and the newest of the centre's are not theirs: reading the key
            // backwards would pass over thousands of others' cases. Each unit's newest cases instead (the unit-and-key index,
            // at most one page's depth per unit), merged here; the page is then read by key.
            var newest = units.Select(u => query.Where(c => c.OrgUnitId == u).OrderByDescending(c => c.Id).Select(c => c.Id).Take(depth)).Aggregate(Queryable.Concat);
            var ids = (await newest.ToListAsync(ct)).OrderDescending().Skip((page - 1) * pageSize).Take(pageSize).ToList();
            pageQuery = db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderByDescending(c => c.Id);
        }
        else if (view is "due" or "overdue" && units is { Length: > 1 and <= PerUnitLimit } && db.Database.IsSqlite())
        {
            // The same for a county's due and overdue views on SQLite: in due-date order over several units its planner walks
            // the city's date range; each unit's earliest (the unit-and-due-date partial index), merged here, reads only the
            // county's. PostgreSQL seeks the unit array in that index itself and sorts the few rows (top-N); planning a dozen
            // subqueries cost it more (12 ms) than it saved. Both views have a due date on every row (no NULLs to place).
            var earliest = units.Select(u => query.Where(c => c.OrgUnitId == u).OrderBy(c => c.DueOn).ThenBy(c => c.Id)
                .Select(c => new { c.Id, c.DueOn }).Take(depth)).Aggregate(Queryable.Concat);
            var ids = (await earliest.ToListAsync(ct)).OrderBy(c => c.DueOn).ThenBy(c => c.Id).Skip((page - 1) * pageSize).Take(pageSize)
                .Select(c => c.Id).ToList();
            pageQuery = db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.DueOn).ThenBy(c => c.Id);
        }
        return await PageOfAsync(pageQuery, total, page, pageSize, today, ct, capped);
    }

    /// <summary>The rows of one page (at most 100), with the handling units by name.</summary>
    private async Task<Paged<CaseListItem>> PageOfAsync(IQueryable<DisputeCase> pageQuery, int total, int page, int pageSize, DateOnly today, CancellationToken ct,
        bool? capped = null)
    {
        if (capped is null)
        {
            capped = total > CountCap;
            total = Math.Min(total, CountCap);
            pageQuery = pageQuery.Skip((page - 1) * pageSize).Take(pageSize);
        }
        var items = await RowsAsync(pageQuery, today, ct);
        return new Paged<CaseListItem>(items, total, page, pageSize, capped.Value);
    }

    private async Task<List<CaseListItem>> RowsAsync(IQueryable<DisputeCase> pageQuery, DateOnly today, CancellationToken ct)
    {
        var rows = await pageQuery
            .Select(c => new
            {
                c.Id, c.CaseNumber, c.CaseTypeCode, c.Status, c.Channel, c.Category, c.ReceivedOn, c.DueOn, c.AssigneeName, c.OrgUnitId,
                Stage = c.Stages.Where(x => x.EndedOn == null).OrderByDescending(x => x.StartedOn).Select(x => x.StageName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        // The handling unit by name (a page holds at most 100 cases, from a few units).
        var unitIds = rows.Select(r => r.OrgUnitId).Distinct().ToList();
        var unitNames = await orgs.NamesAsync(unitIds, ct);
        var items = rows.Select(r => new CaseListItem(r.Id, r.CaseNumber, r.CaseTypeCode, Labels.CaseTypeName(r.CaseTypeCode), r.Status.ToString(), Labels.Status(r.Status),
            r.Channel.ToString(), r.Category, r.Stage, r.DueOn, r.DueOn < today && r.Status is CaseStatus.Pending or CaseStatus.InProgress, r.ReceivedOn,
            unitNames.GetValueOrDefault(r.OrgUnitId), r.AssigneeName)).ToList();
        return items;
    }

    private static IOrderedQueryable<DisputeCase> Ordered(IQueryable<DisputeCase> query, WorklistSort sort) => (sort.Key, sort.Dir) switch
    {
        ("dueOn", SortDirection.Asc) => query.OrderBy(c => c.DueOn).ThenBy(c => c.Id),
        ("dueOn", _) => query.OrderByDescending(c => c.DueOn).ThenBy(c => c.Id),
        (_, SortDirection.Asc) => query.OrderBy(c => c.Id),
        _ => query.OrderByDescending(c => c.Id),
    };

    /// <summary>
    /// Exactly the filtered list (issue 13: export and print of the filtered rows), in the list's order, for the kit's .xlsx
    /// export and print view; over <see cref="ListOutput.MaxRows"/> rows it is refused with the count (narrow the filter).
    /// The caller's data scope applies as on the page.
    /// </summary>
    public async Task<ListTable> TableAsync(string title, string? view, string? caseType, string? status, string? unitCode, WorklistSearch? search,
        WorklistSort? sort, CancellationToken ct)
    {
        var today = deadlines.Today;
        var (query, _, _, _) = await FilterAsync(view, caseType, status, unitCode, today, ct);
        if (search is { Any: true })
        {
            query = await SearchAsync(query, search, ct);
        }
        ListOutput.CheckSize(await query.Take(ListOutput.MaxRows + 1).CountAsync(ct));
        var order = sort ?? DefaultSort(view);
        var items = await RowsAsync(Ordered(query, order), today, ct);
        XlsxColumn[] columns =
        [
            new("案件编号", 22), new("案件类型", 14), new("状态", 8), new("类别", 10), new("当前环节", 14), new("收到日期", 12), new("当前期限", 12),
            new("是否超期", 8), new("办理单位", 22), new("承办人", 12),
        ];
        var unitName = string.IsNullOrWhiteSpace(unitCode) ? null : (await orgs.FindByCodeAsync(unitCode, ct))?.Name ?? unitCode;
        var request = new ListRequest(search?.Keyword, search?.From, search?.To, order.Key, order.Dir, new PageRequest(1, ListOutput.MaxRows));
        var filters = ListOutput.Describe(request, "收到日期",
            ("视图", view switch { "mine" => "我承办的", "due" => "3个工作日内到期", "overdue" => "已超期", _ => null }),
            ("办理单位", unitName),
            ("案件类型", string.IsNullOrWhiteSpace(caseType) ? null : Labels.CaseTypeName(caseType)),
            ("状态", Enum.TryParse<CaseStatus>(status, ignoreCase: true, out var st) ? Labels.Status(st) : null),
            ("排序", (order.Key == "dueOn" ? "办理期限" : "收到日期") + (order.Dir == SortDirection.Asc ? "升序" : "降序")));
        return new ListTable(title, filters, columns, items.Select(i => (IReadOnlyList<object?>)
            [i.CaseNumber, i.CaseTypeName, i.StatusName, i.Category, i.CurrentStage, i.ReceivedOn, i.DueDate, i.Overdue ? "是" : "否", i.HandlingUnit, i.Assignee]).ToList());
    }

    /// <summary>
    /// The keyword and the received-date range. A keyword is read as what a clerk would type (ADR 0035): the case number in
    /// any bracket style (year and serial, a unique index), a phone or ID number (exactly, through the blind index), a credit
    /// code, or a party's name (exactly, indexed). Nothing is scanned, so it stays fast at a million cases.
    /// </summary>
    private async Task<IQueryable<DisputeCase>> SearchAsync(IQueryable<DisputeCase> query, WorklistSearch search, CancellationToken ct)
    {
        if (search.From is { } from)
        {
            query = query.Where(c => c.ReceivedOn >= from);
        }
        if (search.To is { } to)
        {
            query = query.Where(c => c.ReceivedOn <= to);
        }
        if (search.Keyword is { } keyword)
        {
            var ids = await MatchAsync(keyword, ct);
            query = query.Where(c => ids.Contains(c.Id));
        }
        return query;
    }

    private async Task<List<Guid>> MatchAsync(string keyword, CancellationToken ct)
    {
        var ids = new HashSet<Guid>(await db.Cases.AsNoTracking().Where(c => c.CaseNumber == keyword).Select(c => c.Id).ToListAsync(ct));
        if (TypedNumber.TryReadYearAndSerial(keyword, out var year, out var serial) && serial is > 0 and <= int.MaxValue)
        {
            var sequence = (int)serial;
            ids.UnionWith(await db.Cases.AsNoTracking().Where(c => c.Year == year && c.Sequence == sequence).Select(c => c.Id).ToListAsync(ct));
        }
        if (PartyMatches(db, keyword) is { } parties)
        {
            ids.UnionWith(await parties.ToListAsync(ct));
        }
        return ids.ToList();
    }

    /// <summary>
    /// The cases a party keyword finds (phone and ID number by blind index, credit code, exact name), at most
    /// <see cref="CountCap"/>; null when the keyword is none of those. Ordered by case id so the cap keeps the same cases
    /// each time (and EF does not warn of a Take without OrderBy): on a name the index (Name, CaseId) already yields that
    /// order, so the plan is the same seek with no sort (ADR 0061, ADR 0064).
    /// </summary>
    internal static IQueryable<Guid>? PartyMatches(DisputesDb target, string keyword)
    {
        IQueryable<Guid>? parties = null;
        var compact = string.Concat(keyword.Where(ch => !char.IsWhiteSpace(ch) && ch != '-'));
        if (compact.Length is >= 7 and <= 12 && compact.All(char.IsAsciiDigit))
        {
            parties = target.Parties.WhereSensitiveEquals(p => p.Phone, compact).Select(p => p.CaseId);
        }
        else if (ResidentIdNumber.Validate(compact.ToUpperInvariant()).IsValid)
        {
            parties = target.Parties.WhereSensitiveEquals(p => p.IdNumber, compact).Select(p => p.CaseId);
        }
        else if (UnifiedSocialCreditCode.Validate(compact.ToUpperInvariant()) is { IsValid: true } code)
        {
            parties = target.Parties.Where(p => p.CreditCode == code.Normalized).Select(p => p.CaseId);
        }
        else if (keyword.Length <= 128)
        {
            parties = target.Parties.Where(p => p.Name == keyword).Select(p => p.CaseId);
        }
        return parties?.OrderBy(id => id).Take(CountCap);
    }

    /// <summary>How many cases a worklist view holds for the caller (the home page's to-do counts), capped like the list's total.</summary>
    public async Task<(int Total, bool Capped)> CountAsync(string view, string? status, CancellationToken ct)
    {
        var (query, open, _, scope) = await FilterAsync(view, null, status, null, deadlines.Today, ct);
        var counted = await CountQuery(query, open, scope).Take(CountCap + 1).CountAsync(ct);
        return (Math.Min(counted, CountCap), counted > CountCap);
    }

    // Counted without an order: the planner then seeks each unit's range in the partial indexes on open cases (or the
    // unit index for "all"), covering. Counted in the page's order, a county's "due" view read the city's whole due-date
    // range through the date index and dropped the other units' cases (30 ms at a million cases instead of under 1 ms).
    private static IQueryable<DisputeCase> CountQuery(IQueryable<DisputeCase> query, bool open, Guid[]? scope) =>
        open || scope is null ? query : query.Where(c => scope.Contains(c.OrgUnitId));

    private async Task<(IQueryable<DisputeCase> Query, bool Open, Guid? FilterUnit, Guid[]? Scope)> FilterAsync(string? view, string? caseType,
        string? status, string? unitCode, DateOnly today, CancellationToken ct)
    {
        var query = db.Cases.AsNoTracking();
        var open = view is "mine" or "due" or "overdue";
        // The data-scope filter reaches SQL as "(@unrestricted OR OrgUnitId IN (...))": an OR the planner cannot seek on.
        // Repeated as a plain AND term, the per-unit indexes become usable: for the open views' pages and counts, and for
        // the count of "all" (a covering seek on the unit index). The page of "all" reads the key backwards for the centre
        // and the city, and each unit's newest cases for a county or town (below).
        var scope = current.Scope.Unrestricted ? null : current.Scope.UnitIds;
        IQueryable<DisputeCase> InScope(IQueryable<DisputeCase> q) => scope is null ? q : q.Where(c => scope.Contains(c.OrgUnitId));
        if (open)
        {
            query = InScope(query);
        }
        Guid? filterUnit = null;
        if (!string.IsNullOrWhiteSpace(unitCode))
        {
            var unit = (await orgs.FindByCodeAsync(unitCode, ct))?.Id ?? Guid.Empty;
            query = query.Where(c => c.OrgUnitId == unit);
            filterUnit = unit;
        }
        if (!string.IsNullOrWhiteSpace(caseType))
        {
            query = query.Where(c => c.CaseTypeCode == caseType);
        }
        if (open)
        {
            query = query.Where(c => c.Status == CaseStatus.Pending || c.Status == CaseStatus.InProgress);
        }
        else if (Enum.TryParse<CaseStatus>(status, ignoreCase: true, out var s))
        {
            query = query.Where(c => c.Status == s);
        }
        switch (view)
        {
            case "mine":
                var me = current.UserId ?? Guid.Empty;
                query = query.Where(c => c.AssigneeUserId == me);
                break;
            case "due":
                var soon = (await deadlines.AddWorkingDaysAsync(today, DueSoonDays(configuration), ct)).Date;
                query = query.Where(c => c.DueOn >= today && c.DueOn <= soon);
                break;
            case "overdue":
                query = query.Where(c => c.DueOn < today);
                break;
        }
        return (query, open, filterUnit, scope);
    }

    /// <summary>
    /// The active units in the caller's scope down to <paramref name="deepest"/> (code, name): the city and county-level units
    /// and centres for the supervision and statistics filters; every level for the intake form's handling unit.
    /// </summary>
    public async Task<IReadOnlyList<(string Code, string Name)>> UnitsAsync(CancellationToken ct, OrgLevel deepest = OrgLevel.County)
    {
        var units = await orgs.ActiveUnitsAsync(ct);
        return units.Where(u => u.Level <= deepest && current.Scope.Allows(u.Id)).Select(u => (u.Code, u.Name)).ToList();
    }
}
