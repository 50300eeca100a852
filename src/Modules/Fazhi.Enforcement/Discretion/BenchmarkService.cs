using Fazhi.Enforcement.Data;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Enforcement.Discretion;

internal sealed record TierInput(DiscretionTier Tier, string Conditions, RangeKind RangeKind, decimal? Min, decimal? Max, string RangeText, bool OnNoLightList);

internal sealed record BenchmarkInput(string Violation, string ViolationBasis, string PenaltyBasis, string IssuingAuthority, DateOnly EffectiveFrom, IReadOnlyList<TierInput> Tiers);

internal sealed record MatterInput(string Code, string Name, MatterKind Kind, string LegalBasis, string IssuingOrgCode, string IssuingBody);

/// <summary>A benchmark row as published (public list and export): one row per tier.</summary>
internal sealed record PublishedRow(Guid MatterId, string MatterCode, string MatterName, string IssuingBody, Guid BenchmarkId, int BenchmarkNumber,
    string Violation, string LegalBasis, string Conditions, DiscretionTier Tier, string RangeText, bool OnNoLightList, bool IsSample, DateOnly EffectiveFrom);

/// <summary>Matters, benchmark versions and evaluation; shared by the API and the pages.</summary>
internal sealed class BenchmarkService(EnforcementDb db, TimeProvider clock, NoLightList.NoLightListReadModel list)
{
    public Task<List<EnforcementMatter>> MattersAsync(CancellationToken ct) =>
        db.Matters.AsNoTracking().OrderBy(m => m.Code).ToListAsync(ct);

    public Task<EnforcementMatter?> MatterAsync(Guid id, CancellationToken ct) =>
        db.Matters.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);

    public static Dictionary<string, string[]> Validate(MatterInput input)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Code))
        {
            errors["code"] = ["请填写事项编码。"];
        }
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors["name"] = ["请填写事项名称。"];
        }
        if (string.IsNullOrWhiteSpace(input.LegalBasis))
        {
            errors["legalBasis"] = ["请填写设定依据。"];
        }
        return errors;
    }

    /// <summary>Creates a matter; null when the code is taken.</summary>
    public async Task<EnforcementMatter?> CreateMatterAsync(MatterInput input, CancellationToken ct)
    {
        var code = input.Code.Trim();
        if (await db.Matters.AnyAsync(m => m.Code == code, ct))
        {
            return null;
        }
        var matter = new EnforcementMatter();
        Apply(matter, input);
        db.Matters.Add(matter);
        await db.SaveChangesAsync(ct);
        list.Invalidate();
        return matter;
    }

    /// <summary>Updates a matter at the caller's version (stale -> 409 by the platform).</summary>
    public async Task<EnforcementMatter?> UpdateMatterAsync(Guid id, long version, MatterInput input, CancellationToken ct)
    {
        var matter = await db.Matters.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (matter is null)
        {
            return null;
        }
        db.Entry(matter).Property(m => m.Version).OriginalValue = version;
        Apply(matter, input);
        await db.SaveChangesAsync(ct);
        list.Invalidate();
        return matter;
    }

    private static void Apply(EnforcementMatter m, MatterInput input)
    {
        m.Code = input.Code.Trim();
        m.Name = input.Name.Trim();
        m.Kind = input.Kind;
        m.LegalBasis = input.LegalBasis.Trim();
        m.IssuingOrgCode = input.IssuingOrgCode.Trim();
        m.IssuingBody = input.IssuingBody.Trim();
    }

    public Task<List<DiscretionBenchmark>> VersionsAsync(Guid matterId, CancellationToken ct) =>
        db.Benchmarks.AsNoTracking().Include(b => b.Tiers).Where(b => b.MatterId == matterId).OrderByDescending(b => b.Number).ToListAsync(ct);

    public Task<DiscretionBenchmark?> BenchmarkAsync(Guid id, CancellationToken ct) =>
        db.Benchmarks.AsNoTracking().Include(b => b.Tiers).FirstOrDefaultAsync(b => b.Id == id, ct);

    /// <summary>The version of a matter's benchmark in force on a day.</summary>
    public async Task<DiscretionBenchmark?> InForceAsync(Guid matterId, DateOnly day, CancellationToken ct)
    {
        var versions = await VersionsAsync(matterId, ct);
        return versions.FirstOrDefault(b => b.InForceOn(day));
    }

    public static Dictionary<string, string[]> Validate(BenchmarkInput input)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Violation))
        {
            errors["violation"] = ["请填写违法行为。"];
        }
        if (string.IsNullOrWhiteSpace(input.PenaltyBasis))
        {
            errors["penaltyBasis"] = ["请填写处罚依据。"];
        }
        if (input.Tiers.Count == 0)
        {
            errors["tiers"] = ["至少需要一个裁量阶次。"];
        }
        for (var i = 0; i < input.Tiers.Count; i++)
        {
            var t = input.Tiers[i];
            if (t.RangeKind != RangeKind.NonMonetary && (t.Min is null || t.Max is null || t.Min < 0 || t.Min > t.Max))
            {
                errors[$"tiers[{i}]"] = ["金额或倍数幅度须填写下限和上限，且下限不大于上限。"];
            }
            if (string.IsNullOrWhiteSpace(t.RangeText))
            {
                errors[$"tiers[{i}].rangeText"] = ["请填写裁量幅度的文字表述。"];
            }
        }
        return errors;
    }

    /// <summary>
    /// Issues the next version of a matter's benchmark. The version in force is closed the day before the new one
    /// takes effect; it stays stored unchanged, so decisions that cited it keep it. Null when the matter does not exist.
    /// </summary>
    public async Task<DiscretionBenchmark?> AddVersionAsync(Guid matterId, BenchmarkInput input, bool isSample, CancellationToken ct)
    {
        if (!await db.Matters.AnyAsync(m => m.Id == matterId, ct))
        {
            return null;
        }
        var benchmark = StageVersion(await db.Benchmarks.Where(b => b.MatterId == matterId).ToListAsync(ct), matterId, input, isSample);
        await db.SaveChangesAsync(ct);
        list.Invalidate();
        return benchmark;
    }

    /// <summary>
    /// Null when a new version may take effect on <paramref name="effectiveFrom"/>; otherwise why not: a new version must start after
    /// the latest issued one, so that no issued version's period is rewritten (decisions that cited it keep their basis).
    /// </summary>
    public async Task<string?> CheckNewVersionDateAsync(Guid matterId, DateOnly effectiveFrom, CancellationToken ct)
    {
        var latest = await db.Benchmarks.AsNoTracking().Where(b => b.MatterId == matterId).OrderByDescending(b => b.Number).FirstOrDefaultAsync(ct);
        return latest is not null && effectiveFrom <= latest.EffectiveFrom
            ? $"新版本的施行日期须晚于第 {latest.Number} 版的施行日期 {latest.EffectiveFrom:yyyy-MM-dd}：已发布版本的施行期间不得改写。"
            : null;
    }

    /// <summary>Adds a new version to the context (not saved), closing the open one.</summary>
    internal DiscretionBenchmark StageVersion(IReadOnlyList<DiscretionBenchmark> existing, Guid matterId, BenchmarkInput input, bool isSample)
    {
        foreach (var open in existing.Where(b => b.EffectiveTo is null || b.EffectiveTo >= input.EffectiveFrom))
        {
            open.EffectiveTo = input.EffectiveFrom.AddDays(-1) < open.EffectiveFrom ? open.EffectiveFrom : input.EffectiveFrom.AddDays(-1);
        }
        var benchmark = new DiscretionBenchmark
        {
            MatterId = matterId,
            Number = existing.Count == 0 ? 1 : existing.Max(b => b.Number) + 1,
            Violation = input.Violation.Trim(),
            ViolationBasis = input.ViolationBasis.Trim(),
            PenaltyBasis = input.PenaltyBasis.Trim(),
            IssuingAuthority = input.IssuingAuthority.Trim(),
            EffectiveFrom = input.EffectiveFrom,
            IsSample = isSample,
        };
        benchmark.Tiers = input.Tiers.Select((t, i) => new BenchmarkTier
        {
            BenchmarkId = benchmark.Id,
            Seq = i + 1,
            Tier = t.Tier,
            Conditions = t.Conditions.Trim(),
            RangeKind = t.RangeKind,
            Min = t.Min,
            Max = t.Max,
            RangeText = t.RangeText.Trim(),
            OnNoLightList = t.OnNoLightList,
        }).ToList();
        db.Benchmarks.Add(benchmark);
        return benchmark;
    }

    /// <summary>The rules profile in force today (the statutory defaults when none is stored).</summary>
    public Task<PenaltyRulesProfile> ProfileAsync(CancellationToken ct) => ProfileOnAsync(clock.ChinaToday(), ct);

    /// <summary>The rules-profile version in force on a day: the latest issued version that took effect on or before it.</summary>
    public async Task<PenaltyRulesProfile> ProfileOnAsync(DateOnly day, CancellationToken ct)
    {
        var versions = await ProfilesAsync(ct);
        return versions.Where(p => p.EffectiveFrom <= day).MaxBy(p => p.Number) ?? versions.MinBy(p => p.Number) ?? PenaltyRulesProfile.Statutory();
    }

    /// <summary>Every version of the rules profile, newest first.</summary>
    public Task<List<PenaltyRulesProfile>> ProfilesAsync(CancellationToken ct) =>
        db.RulesProfiles.AsNoTracking().Where(p => p.Code == PenaltyRulesProfile.DefaultCode).OrderByDescending(p => p.Number).ToListAsync(ct);

    /// <summary>
    /// The benchmark version and the engine's answer that apply to an act (行政处罚法 第三十七条): the versions (benchmark and
    /// rules profile) in force when the act was committed; but when those in force on the decision date differ and give a
    /// lighter answer, the new ones ("新的规定处罚较轻的，适用新的规定"). The answer names the rule it followed.
    /// When no benchmark was yet in force on the act date, the one in force on the decision date guides the discretion.
    /// </summary>
    public async Task<(DiscretionBenchmark Benchmark, DiscretionResult Result)?> ApplicableAsync(Guid matterId, DiscretionFacts facts, CancellationToken ct)
    {
        var actDay = ActDay(facts);
        var decisionDay = facts.DecisionDate == default ? clock.ChinaToday() : facts.DecisionDate;
        var atDecision = await InForceAsync(matterId, decisionDay, ct);
        var atAct = await InForceAsync(matterId, actDay, ct) ?? atDecision;
        if (atAct is null)
        {
            return null;
        }
        var profileAtAct = await ProfileOnAsync(actDay, ct);
        var result = DiscretionEngine.Evaluate(atAct, facts, profileAtAct);
        var profileAtDecision = await ProfileOnAsync(decisionDay, ct);
        if (atDecision is null || (atDecision.Id == atAct.Id && profileAtDecision.Number == profileAtAct.Number))
        {
            return (atAct, result);
        }
        var newer = DiscretionEngine.Evaluate(atDecision, facts, profileAtDecision);
        if (IsLighter(newer, result))
        {
            return (atDecision, newer with
            {
                Rules = [.. newer.Rules, new("art37", "行政处罚法第三十七条",
                    $"作出决定时施行的规定（裁量基准第 {atDecision.Number} 版）处罚较轻，适用新的规定；违法行为发生时适用第 {atAct.Number} 版。")],
            });
        }
        return (atAct, result with
        {
            Rules = [.. result.Rules, new("art37", "行政处罚法第三十七条",
                $"适用违法行为发生时施行的规定（裁量基准第 {atAct.Number} 版）；作出决定时施行的第 {atDecision.Number} 版处罚不轻于原规定。")],
        });
    }

    /// <summary>Whether answer <paramref name="a"/> is lighter than <paramref name="b"/>: barred, then a milder tier, then a lower range.</summary>
    internal static bool IsLighter(DiscretionResult a, DiscretionResult b)
    {
        if (a.TimeBarred != b.TimeBarred)
        {
            return a.TimeBarred;
        }
        if (a.Tier != b.Tier && a.Tier is { } ta && b.Tier is { } tb)
        {
            return ta < tb; // tiers are ordered from 不予处罚 to 从重
        }
        if (a.Range?.Max is { } amax && b.Range?.Max is { } bmax && amax != bmax)
        {
            return amax < bmax;
        }
        return a.Range?.Min is { } amin && b.Range?.Min is { } bmin && amin < bmin;
    }

    /// <summary>Evaluates facts against the applicable version (第三十七条) or an explicit version.</summary>
    public async Task<(DiscretionBenchmark? Benchmark, DiscretionResult? Result)> EvaluateAsync(Guid matterId, Guid? benchmarkId, DiscretionFacts facts, CancellationToken ct)
    {
        DiscretionBenchmark? benchmark;
        DiscretionResult? result;
        if (benchmarkId is { } bid)
        {
            benchmark = await db.Benchmarks.AsNoTracking().Include(b => b.Tiers).FirstOrDefaultAsync(b => b.Id == bid && b.MatterId == matterId, ct);
            result = benchmark is null ? null : DiscretionEngine.Evaluate(benchmark, facts, await ProfileOnAsync(ActDay(facts), ct));
        }
        else
        {
            (benchmark, result) = await ApplicableAsync(matterId, facts, ct) is { } applicable ? applicable : (null, null);
        }
        if (benchmark is null || result is null)
        {
            return (null, null);
        }
        // The advice and any supervision flag go to the audit trail: supervisors can later compare advice and decision.
        await db.WriteAuditEventAsync("enforcement.discretion.evaluated", nameof(DiscretionBenchmark), benchmark.Id.ToString(), new
        {
            matterId,
            benchmark.Number,
            result.TimeBarred,
            Tier = result.Tier?.ToString(),
            facts.ProposedTier,
            facts.ProposedAmount,
            result.SupervisionFlags,
            result.BlockingRequirements,
        }, ct);
        return (benchmark, result);
    }

    /// <summary>
    /// 行政处罚法 第三十七条：实施行政处罚，适用违法行为发生时的法律、法规、规章的规定 — so the benchmark version and the rules
    /// profile are those in force when the act was committed (for a continuing act, when it ended).
    /// </summary>
    public static DateOnly ActDay(DiscretionFacts facts) => facts.Continuing && facts.ActEndDate is { } end ? end : facts.ActDate;

    /// <summary>
    /// Issues the next version of the statutory numbers the engine reads, in force from <paramref name="effectiveFrom"/>.
    /// <paramref name="expectedNumber"/> is the latest version the caller saw (stale -> concurrency conflict, 409). Earlier versions
    /// are never edited. Null when the effective date is not later than the latest version's (that would rewrite its period).
    /// </summary>
    public async Task<PenaltyRulesProfile?> AddProfileVersionAsync(int? expectedNumber, DateOnly effectiveFrom, int noPenaltyBelowAge, int minorBelowAge,
        int limitationYears, int extendedLimitationYears, bool orderToCorrect, string? note, CancellationToken ct)
    {
        var latest = await db.RulesProfiles.AsNoTracking().Where(p => p.Code == PenaltyRulesProfile.DefaultCode).OrderByDescending(p => p.Number).FirstOrDefaultAsync(ct);
        if (expectedNumber is { } n && latest is not null && latest.Number != n)
        {
            throw new DbUpdateConcurrencyException("裁量规则参数已被他人修改。");
        }
        if (latest is not null && effectiveFrom <= latest.EffectiveFrom)
        {
            return null;
        }
        var profile = new PenaltyRulesProfile
        {
            Number = (latest?.Number ?? 0) + 1,
            EffectiveFrom = effectiveFrom,
            NoPenaltyBelowAge = noPenaltyBelowAge,
            MinorBelowAge = minorBelowAge,
            LimitationYears = limitationYears,
            ExtendedLimitationYears = extendedLimitationYears,
            OrderToCorrectBeforeLeniency = orderToCorrect,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        };
        db.RulesProfiles.Add(profile);
        await db.SaveChangesAsync(ct);
        return profile;
    }

    public static Dictionary<string, string[]> ValidateProfile(int noPenaltyBelowAge, int minorBelowAge, int limitationYears, int extendedLimitationYears)
    {
        var errors = new Dictionary<string, string[]>();
        if (noPenaltyBelowAge is < 1 or > 30 || minorBelowAge <= noPenaltyBelowAge || minorBelowAge > 30)
        {
            errors["minorBelowAge"] = ["年龄界限无效：不予处罚年龄须小于未成年人年龄上限（行政处罚法第三十条为 14 与 18）。"];
        }
        if (limitationYears < 1 || extendedLimitationYears < limitationYears)
        {
            errors["extendedLimitationYears"] = ["追责期限无效：延长期限不得短于一般期限（行政处罚法第三十六条为 2 年与 5 年）。"];
        }
        return errors;
    }

    /// <summary>Current benchmark rows for publication, optionally filtered by a search term and the list flag.</summary>
    public async Task<List<PublishedRow>> PublishedAsync(string? q, bool listOnly, DateOnly today, CancellationToken ct)
    {
        var matters = await db.Matters.AsNoTracking().ToDictionaryAsync(m => m.Id, ct);
        var benchmarks = await db.Benchmarks.AsNoTracking().Include(b => b.Tiers)
            .Where(b => b.EffectiveFrom <= today && (b.EffectiveTo == null || b.EffectiveTo >= today))
            .ToListAsync(ct);
        // Adjusted on the day it took effect: the later version wins, so one version per matter is published.
        var rows = benchmarks
            .Where(b => matters.ContainsKey(b.MatterId))
            .GroupBy(b => b.MatterId).Select(g => g.MaxBy(b => b.Number)!)
            .SelectMany(b => b.Tiers.OrderBy(t => t.Seq).Select(t =>
            {
                var m = matters[b.MatterId];
                return new PublishedRow(m.Id, m.Code, m.Name, m.IssuingBody, b.Id, b.Number, b.Violation, LegalBasisText(b), t.Conditions, t.Tier, t.RangeText, t.OnNoLightList, b.IsSample, b.EffectiveFrom);
            }))
            .Where(r => !listOnly || r.OnNoLightList);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            rows = rows.Where(r => r.MatterName.Contains(term, StringComparison.OrdinalIgnoreCase) || r.Violation.Contains(term, StringComparison.OrdinalIgnoreCase)
                || r.LegalBasis.Contains(term, StringComparison.OrdinalIgnoreCase) || r.Conditions.Contains(term, StringComparison.OrdinalIgnoreCase)
                || r.MatterCode.Contains(term, StringComparison.OrdinalIgnoreCase));
        }
        return rows.OrderBy(r => r.MatterCode, StringComparer.Ordinal).ThenBy(r => r.Tier).ToList();
    }

    public static string LegalBasisText(DiscretionBenchmark b) =>
        string.IsNullOrWhiteSpace(b.ViolationBasis) || b.ViolationBasis == b.PenaltyBasis ? b.PenaltyBasis : $"违法依据：{b.ViolationBasis}；处罚依据：{b.PenaltyBasis}";
}
