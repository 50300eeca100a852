using System.Text.RegularExpressions;
using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fazhi.Platform.Kit;

/// <summary>A named number sequence a module declares at startup, with the pattern used until an administrator sets another.</summary>
/// <param name="Key">Module and sequence name, e.g. <c>enforcement.case</c>.</param>
/// <param name="Name">What the administrator sees, e.g. 行政处罚案件编号.</param>
/// <param name="DefaultPattern">The pattern, e.g. <c>枣非诉〔{year}〕{seq:0000}号</c> (see <see cref="NumberPattern"/>).</param>
public sealed record NumberSequenceDefinition(string Key, string Name, string DefaultPattern);

/// <summary>Which counter a number comes from and what its placeholders show.</summary>
/// <param name="Year">The counter's year (<c>{year}</c>); each year starts again at 1.</param>
/// <param name="OrgUnitId">The unit with its own counter (e.g. the enforcement body's unit); null for one counter per year.</param>
/// <param name="UnitCode">The unit's code for <c>{unit}</c>.</param>
/// <param name="Prefix">The unit's abbreviation for <c>{prefix}</c> when the administrator set none.</param>
public sealed record NumberScope(int Year, Guid? OrgUnitId = null, string? UnitCode = null, string? Prefix = null);

/// <summary>A number taken from a sequence: the formatted number and the value behind it.</summary>
public sealed record TakenNumber(string Number, long Seq);

/// <summary>
/// Named number sequences per module, sequence, org unit (optional) and year. A number is taken with one statement on the
/// caller's own context, inside the caller's transaction: the counter row's lock (PostgreSQL) or the single writer (SQLite)
/// serialises concurrent callers until commit, and a rolled-back case gives its number back.
/// </summary>
public interface INumberSequence
{
    /// <summary>The sequences the modules declared.</summary>
    IReadOnlyList<NumberSequenceDefinition> Definitions { get; }

    /// <summary>Takes the next value of <paramref name="key"/> for <paramref name="scope"/> and formats it. Needs an open transaction on <paramref name="db"/>.</summary>
    Task<TakenNumber> NextAsync(FazhiDbContext db, string key, NumberScope scope, CancellationToken ct);

    /// <summary>
    /// Takes values until the formatted number is not <paramref name="inUse"/> (e.g. a 文号 typed by hand earlier took it),
    /// at most 1,000 times. Needs an open transaction on <paramref name="db"/>.
    /// </summary>
    Task<TakenNumber> NextUnusedAsync(FazhiDbContext db, string key, NumberScope scope, Func<string, Task<bool>> inUse, CancellationToken ct);

    /// <summary>The number the next take would give, without taking it (a form's suggestion; another user may take it first).</summary>
    Task<string> PeekAsync(FazhiDbContext db, string key, NumberScope scope, CancellationToken ct);

    /// <summary>The pattern in force for <paramref name="key"/> and the unit (the unit's own, else every unit's, else the default), and the unit's abbreviation.</summary>
    Task<(string Pattern, string? Prefix)> PatternAsync(FazhiDbContext db, string key, Guid? orgUnitId, CancellationToken ct);
}

/// <summary>Declaring a module's number sequences.</summary>
public static class NumberSequenceServiceCollectionExtensions
{
    /// <summary>Declares a sequence (its key, name and default pattern); the pattern must be valid.</summary>
    public static IServiceCollection AddNumberSequence(this IServiceCollection services, NumberSequenceDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (!NumberSequence.IsValidKey(definition.Key))
        {
            throw new ArgumentException($"编号序列的标识“{definition.Key}”无效，应为“模块.名称”（小写字母、数字、连字符）。", nameof(definition));
        }
        if (NumberPattern.Validate(definition.DefaultPattern, $"编号序列 {definition.Key} 的默认格式") is { } problem)
        {
            throw new ArgumentException(problem, nameof(definition));
        }
        services.AddSingleton(definition);
        services.TryAddSingleton<INumberSequence, NumberSequence>();
        return services;
    }
}

internal sealed partial class NumberSequence(IEnumerable<NumberSequenceDefinition> definitions) : INumberSequence
{
    public const string CounterTable = "platform_number_sequences";
    public const string PatternTable = "platform_number_patterns";

    private readonly Dictionary<string, NumberSequenceDefinition> _byKey = definitions
        .GroupBy(d => d.Key, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Count() == 1 ? g.Single() : throw new InvalidOperationException($"编号序列 {g.Key} 重复声明。"), StringComparer.Ordinal);

    [GeneratedRegex(@"^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$")]
    private static partial Regex KeyRegex();

    public static bool IsValidKey(string? key) => key is { Length: <= 64 } && KeyRegex().IsMatch(key);

    public static string ScopeOf(Guid? orgUnitId) => orgUnitId is { } id ? id.ToString("D") : "";

    public IReadOnlyList<NumberSequenceDefinition> Definitions => _byKey.Values.OrderBy(d => d.Key, StringComparer.Ordinal).ToList();

    public NumberSequenceDefinition Definition(string key) =>
        _byKey.TryGetValue(key, out var d) ? d : throw new InvalidOperationException($"编号序列 {key} 未声明（AddNumberSequence）。");

    public async Task<TakenNumber> NextAsync(FazhiDbContext db, string key, NumberScope scope, CancellationToken ct)
    {
        Definition(key);
        if (db.Database.CurrentTransaction is null)
        {
            // Outside a transaction the number would be committed apart from the record that uses it.
            throw new InvalidOperationException("INumberSequence.NextAsync needs an open transaction on the caller's context.");
        }
        var (pattern, prefix) = await PatternAsync(db, key, scope.OrgUnitId, ct);
        // One statement on both engines (SQLite 3.35+ and PostgreSQL 9.5+): the first take creates the row, the others
        // increment it. PostgreSQL holds the row lock until the caller commits, so concurrent callers queue behind it.
        var values = await db.Database.SqlQueryRaw<long>(
            $"INSERT INTO {CounterTable} (\"Key\", \"Scope\", \"Year\", \"Value\") VALUES ({{0}}, {{1}}, {{2}}, 1) "
            + $"ON CONFLICT (\"Key\", \"Scope\", \"Year\") DO UPDATE SET \"Value\" = {CounterTable}.\"Value\" + 1 RETURNING \"Value\"",
            key, ScopeOf(scope.OrgUnitId), scope.Year).ToListAsync(ct);
        var seq = values.Single();
        return new TakenNumber(NumberPattern.Format(pattern, Values(scope, seq, prefix)), seq);
    }

    public async Task<TakenNumber> NextUnusedAsync(FazhiDbContext db, string key, NumberScope scope, Func<string, Task<bool>> inUse, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var taken = await NextAsync(db, key, scope, ct);
            if (!await inUse(taken.Number))
            {
                return taken;
            }
        }
        throw new InvalidOperationException($"编号序列 {key} 连续 1000 个编号均已被占用，请检查编号格式。");
    }

    public async Task<string> PeekAsync(FazhiDbContext db, string key, NumberScope scope, CancellationToken ct)
    {
        Definition(key);
        var (pattern, prefix) = await PatternAsync(db, key, scope.OrgUnitId, ct);
        var last = await db.Database.SqlQueryRaw<long>(
            $"SELECT \"Value\" FROM {CounterTable} WHERE \"Key\" = {{0}} AND \"Scope\" = {{1}} AND \"Year\" = {{2}}",
            key, ScopeOf(scope.OrgUnitId), scope.Year).ToListAsync(ct);
        return NumberPattern.Format(pattern, Values(scope, last.SingleOrDefault() + 1, prefix));
    }

    public async Task<(string Pattern, string? Prefix)> PatternAsync(FazhiDbContext db, string key, Guid? orgUnitId, CancellationToken ct)
    {
        var definition = Definition(key);
        var unitScope = ScopeOf(orgUnitId);
        var rows = await db.Database.SqlQueryRaw<PatternRow>(
            $"SELECT \"Scope\", \"Pattern\", \"Prefix\" FROM {PatternTable} WHERE \"Key\" = {{0}} AND (\"Scope\" = '' OR \"Scope\" = {{1}})",
            key, unitScope).ToListAsync(ct);
        var unit = rows.FirstOrDefault(r => r.Scope.Length > 0);
        var all = rows.FirstOrDefault(r => r.Scope.Length == 0);
        var pattern = new[] { unit?.Pattern, all?.Pattern }.FirstOrDefault(p => !string.IsNullOrEmpty(p) && NumberPattern.Validate(p) is null)
            ?? definition.DefaultPattern;
        return (pattern, string.IsNullOrWhiteSpace(unit?.Prefix) ? null : unit.Prefix);
    }

    private static NumberValues Values(NumberScope scope, long seq, string? unitPrefix) =>
        new(scope.Year, seq, scope.UnitCode, unitPrefix ?? scope.Prefix);

    internal sealed class PatternRow
    {
        public string Scope { get; set; } = "";

        public string Pattern { get; set; } = "";

        public string? Prefix { get; set; }
    }
}
