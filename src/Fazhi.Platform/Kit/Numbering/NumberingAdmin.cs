using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Security;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fazhi.Platform.Kit;

/// <summary>A sequence as the administrator sees it: the default, the pattern for every unit, the units' own settings.</summary>
internal sealed record NumberingView(string Key, string Name, string DefaultPattern, string Pattern, long? Version, string Example, IReadOnlyList<NumberingUnitView> Units);

internal sealed record NumberingUnitView(Guid OrgUnitId, string UnitCode, string UnitName, string? Pattern, string? Prefix, long Version);

/// <summary>A pattern to store: for every unit (no orgUnitId) or for one unit with its abbreviation. An empty pattern goes back to the default.</summary>
internal sealed record NumberingRequest(Guid? OrgUnitId, string? Pattern, string? Prefix, long? Version);

/// <summary>The numbering patterns an administrator edits (stored as data, audited through the platform context).</summary>
internal sealed class NumberingAdmin(PlatformDb db, INumberSequence sequences, IDeadlineService deadlines)
{
    public async Task<List<NumberingView>> ListAsync(CancellationToken ct)
    {
        var rows = await db.Set<NumberPatternSetting>().AsNoTracking().ToListAsync(ct);
        var unitIds = rows.Where(r => r.OrgUnitId is not null).Select(r => r.OrgUnitId!.Value).Distinct().ToList();
        var units = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        // The year as it is in China (UTC+8): the machine's own date is a day behind after 16:00 UTC.
        var today = deadlines.Today.Year;
        return sequences.Definitions.Select(d =>
        {
            var all = rows.FirstOrDefault(r => r.Key == d.Key && r.Scope.Length == 0);
            var pattern = string.IsNullOrEmpty(all?.Pattern) ? d.DefaultPattern : all.Pattern;
            var unitViews = rows.Where(r => r.Key == d.Key && r.OrgUnitId is { } id && units.ContainsKey(id))
                .Select(r => new NumberingUnitView(r.OrgUnitId!.Value, units[r.OrgUnitId!.Value].Code, units[r.OrgUnitId!.Value].Name,
                    r.Pattern.Length == 0 ? null : r.Pattern, r.Prefix, r.Version))
                .OrderBy(u => u.UnitCode, StringComparer.Ordinal).ToList();
            return new NumberingView(d.Key, d.Name, d.DefaultPattern, pattern, all?.Version, NumberPattern.Format(pattern, new NumberValues(today, 1, "370400", "枣")), unitViews);
        }).ToList();
    }

    /// <summary>The page's form: the unit by its code.</summary>
    public async Task<Dictionary<string, string[]>?> SaveAsync(string key, string? unitCode, string? pattern, string? prefix, long? version, CancellationToken ct)
    {
        Guid? unitId = null;
        if (!string.IsNullOrWhiteSpace(unitCode))
        {
            var code = unitCode.Trim();
            unitId = await db.OrgUnits.AsNoTracking().Where(u => u.Code == code).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
            if (unitId is null)
            {
                return new() { ["orgUnitId"] = [$"单位代码“{code}”不存在。"] };
            }
        }
        return await SaveAsync(key, new NumberingRequest(unitId, pattern, prefix, version), ct);
    }

    /// <summary>Stores the pattern (and abbreviation) or answers why not, per field; null when saved. Unknown key: refused as not found.</summary>
    public async Task<Dictionary<string, string[]>?> SaveAsync(string key, NumberingRequest request, CancellationToken ct)
    {
        if (!sequences.Definitions.Any(d => d.Key == key))
        {
            throw Refuse.NotFound($"没有名为 {key} 的编号序列。");
        }
        var errors = new Dictionary<string, string[]>();
        var pattern = (request.Pattern ?? "").Trim();
        var prefix = string.IsNullOrWhiteSpace(request.Prefix) ? null : request.Prefix.Trim();
        if (pattern.Length > 0 && NumberPattern.Validate(pattern) is { } problem)
        {
            errors["pattern"] = [problem];
        }
        if (prefix is not null && request.OrgUnitId is null)
        {
            errors["prefix"] = ["机关代字按单位设置：请选择单位。"];
        }
        if (prefix is not null && (prefix.Length > 32 || prefix.IndexOfAny(['〔', '〕', '{', '}', '[', ']']) >= 0 || prefix.Any(char.IsWhiteSpace)))
        {
            errors["prefix"] = ["机关代字不超过 32 个字符，不能包含空格、括号或花括号。"];
        }
        if (request.OrgUnitId is { } unitId && !await db.OrgUnits.AnyAsync(u => u.Id == unitId, ct))
        {
            errors["orgUnitId"] = ["单位不存在。"];
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        var scope = NumberSequence.ScopeOf(request.OrgUnitId);
        var row = await db.Set<NumberPatternSetting>().FirstOrDefaultAsync(r => r.Key == key && r.Scope == scope, ct);
        if (row is not null && request.Version is { } expected)
        {
            db.Entry(row).Property(r => r.Version).OriginalValue = expected;
        }
        if (pattern.Length == 0 && prefix is null)
        {
            // Back to the default (or to every unit's pattern).
            if (row is not null)
            {
                db.Remove(row);
            }
        }
        else
        {
            if (row is null)
            {
                row = new NumberPatternSetting { Key = key, Scope = scope, OrgUnitId = request.OrgUnitId };
                db.Add(row);
            }
            row.Pattern = pattern;
            row.Prefix = prefix;
        }
        await db.SaveChangesAsync(ct);
        return null;
    }
}

/// <summary>Registration, nav item and <c>/api/platform/numbering</c>.</summary>
internal static class NumberingFeature
{
    public static void Add(IServiceCollection services)
    {
        services.TryAddSingleton<INumberSequence, NumberSequence>();
        services.AddScoped<NumberingAdmin>();
        services.AddNavItems(new NavItem("系统管理", "编号规则", "/admin/numbering", PlatformPermissions.OrgUnitsManage, 45, "Numbering"));
    }

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/numbering").WithTags("numbering");
        g.MapGet("/", ListAsync).RequirePermission(PlatformPermissions.OrgUnitsManage);
        g.MapPut("/{key}", PutAsync).RequirePermission(PlatformPermissions.OrgUnitsManage)
            .WithDescription("设置编号格式（占位符 {year}、{seq}、{seq:0000}、{unit}、{prefix}）；带 orgUnitId 时为该单位的格式和机关代字。格式为空则恢复默认。");
    }

    private static async Task<Ok<List<NumberingView>>> ListAsync(NumberingAdmin admin, CancellationToken ct) => TypedResults.Ok(await admin.ListAsync(ct));

    private static async Task<Ok<NumberingView>> PutAsync(string key, NumberingRequest request, NumberingAdmin admin, CancellationToken ct)
    {
        if (await admin.SaveAsync(key, request, ct) is { } errors)
        {
            throw Refuse.Fields(errors, "编号格式未保存：" + string.Join(" ", errors.Values.SelectMany(v => v)));
        }
        return TypedResults.Ok((await admin.ListAsync(ct)).Single(v => v.Key == key));
    }
}
