using Fazhi.Assessment.Contracts;
using Fazhi.Assessment.Data;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Assessment.Frameworks;

internal sealed record FrameworkImportResult(FrameworkVersion? Version, int Indicators, VersionDiff? Diff, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

internal sealed record DiffItem(string Code, string Title, string? OldTitle, IReadOnlyList<string> Changes, Guid? OldId, Guid? NewId);

/// <summary>Differences between two versions, matched by indicator code; <see cref="Mapping"/> pairs old and new ids.</summary>
internal sealed record VersionDiff(IReadOnlyList<DiffItem> Added, IReadOnlyList<DiffItem> Changed, IReadOnlyList<DiffItem> Removed, int Unchanged,
    IReadOnlyList<(Guid OldId, Guid NewId)> Mapping);

internal sealed record RefinementInput(string Title, decimal MaxScore, ScoringMethod Method, string? ScoringCriteria, string? EvidenceRequirements, string? Code, string? ProviderKey);

/// <summary>Indicator frameworks and their versions: import (a new version each time), export, diff, local refinement.</summary>
internal sealed class FrameworkService(AssessmentDb db, IEnumerable<IComputedIndicatorProvider> providers, TimeProvider clock)
{
    public IReadOnlySet<string> ProviderKeys { get; } = providers.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);

    public Task<List<IndicatorFramework>> FrameworksAsync(CancellationToken ct) => db.Frameworks.AsNoTracking().OrderBy(f => f.Code).ToListAsync(ct);

    public Task<List<FrameworkVersion>> VersionsAsync(Guid? frameworkId, CancellationToken ct) =>
        db.FrameworkVersions.AsNoTracking().Where(v => frameworkId == null || v.FrameworkId == frameworkId).OrderBy(v => v.FrameworkId).ThenBy(v => v.Number).ToListAsync(ct);

    public Task<FrameworkVersion?> VersionAsync(Guid id, CancellationToken ct) => db.FrameworkVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct);

    public Task<IndicatorFramework?> FrameworkAsync(Guid id, CancellationToken ct) => db.Frameworks.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);

    /// <summary>The indicators of a version in tree order (depth first, siblings by Seq).</summary>
    public async Task<List<Indicator>> TreeAsync(Guid versionId, CancellationToken ct)
    {
        var all = await db.Indicators.AsNoTracking().Where(i => i.FrameworkVersionId == versionId).ToListAsync(ct);
        return InTreeOrder(all);
    }

    public static List<Indicator> InTreeOrder(IReadOnlyList<Indicator> all)
    {
        var children = all.Where(i => i.ParentId is not null).ToLookup(i => i.ParentId!.Value);
        var ordered = new List<Indicator>(all.Count);
        void Walk(Indicator i)
        {
            ordered.Add(i);
            foreach (var c in children[i.Id].OrderBy(c => c.Seq))
            {
                Walk(c);
            }
        }
        foreach (var r in all.Where(i => i.ParentId is null).OrderBy(i => i.Seq))
        {
            Walk(r);
        }
        return ordered;
    }

    /// <summary>Why a version may no longer change (a campaign pinned it), or null.</summary>
    public async Task<string?> FrozenReasonAsync(Guid versionId, CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.FrameworkVersionId == versionId).Select(c => c.Name).FirstOrDefaultAsync(ct);
        return campaign is null ? null : $"该版本已被考评活动“{campaign}”采用，指标不能再修改；如需调整，请复制为新版本或导入修订版。";
    }

    public async Task<byte[]?> ExportAsync(Guid versionId, CancellationToken ct)
    {
        var version = await VersionAsync(versionId, ct);
        if (version is null)
        {
            return null;
        }
        return FrameworkTransfer.Export("指标体系", await TreeAsync(versionId, ct));
    }

    /// <summary>
    /// Imports a workbook as the next version of framework <paramref name="code"/> (created when new). All or nothing.
    /// Indicators with the same code as in the previous version record it as their predecessor; the diff is returned.
    /// </summary>
    public async Task<FrameworkImportResult> ImportAsync(Stream input, string code, string name, string label, string note, CancellationToken ct)
    {
        var (parsed, errors) = FrameworkTransfer.Parse(input, ProviderKeys);
        if (errors.Count > 0)
        {
            return new(null, 0, null, errors);
        }
        var framework = await db.Frameworks.FirstOrDefaultAsync(f => f.Code == code, ct);
        if (framework is null)
        {
            framework = new IndicatorFramework { Code = code, Name = name.Length > 0 ? name : code };
            db.Frameworks.Add(framework);
        }
        var previous = await db.FrameworkVersions.AsNoTracking().Where(v => v.FrameworkId == framework.Id).OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        var version = new FrameworkVersion
        {
            FrameworkId = framework.Id,
            Number = (previous?.Number ?? 0) + 1,
            Label = label.Length > 0 ? label : $"第 {(previous?.Number ?? 0) + 1} 版",
            Note = note,
            BasedOnId = previous?.Id,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.FrameworkVersions.Add(version);
        var old = previous is null ? [] : await db.Indicators.AsNoTracking().Where(i => i.FrameworkVersionId == previous.Id).ToListAsync(ct);
        var oldByCode = old.ToDictionary(i => i.Code, StringComparer.Ordinal);
        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var p in parsed)
        {
            var indicator = new Indicator
            {
                FrameworkVersionId = version.Id,
                ParentId = p.ParentCode is null ? null : ids[p.ParentCode],
                Level = p.Level,
                Seq = p.Seq,
                Code = p.Code,
                Title = p.Title,
                Description = p.Description,
                ScoringCriteria = p.Criteria,
                Method = p.Method,
                MaxScore = p.MaxScore,
                Weight = p.Weight,
                EvidenceRequirements = p.Evidence,
                SourceReference = p.Source,
                ProviderKey = p.ProviderKey,
                LeadUnitText = p.LeadUnits,
                CoUnitsText = p.CoUnits,
                DueText = p.Due,
                IsLocalRefinement = p.Level > 3,
                PredecessorId = oldByCode.TryGetValue(p.Code, out var o) ? o.Id : null,
            };
            ids[p.Code] = indicator.Id;
            db.Indicators.Add(indicator);
        }
        var created = db.ChangeTracker.Entries<Indicator>().Select(e => e.Entity).Where(i => i.FrameworkVersionId == version.Id).ToList();
        // One save: the framework, the version and all its indicators together or nothing.
        await db.SaveChangesAsync(ct);
        return new(version, created.Count, Diff(old, created), []);
    }

    /// <summary>A copy of a version as the next version (e.g. to refine locally when the old one is pinned by a campaign).</summary>
    public async Task<FrameworkVersion?> CopyAsync(Guid versionId, string label, CancellationToken ct)
    {
        var source = await VersionAsync(versionId, ct);
        if (source is null)
        {
            return null;
        }
        var last = await db.FrameworkVersions.Where(v => v.FrameworkId == source.FrameworkId).MaxAsync(v => v.Number, ct);
        var version = new FrameworkVersion
        {
            FrameworkId = source.FrameworkId,
            Number = last + 1,
            Label = label.Length > 0 ? label : $"第 {last + 1} 版",
            Note = $"复制自第 {source.Number} 版",
            BasedOnId = source.Id,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            IsSample = source.IsSample,
        };
        db.FrameworkVersions.Add(version);
        var old = await TreeAsync(versionId, ct);
        var map = old.ToDictionary(i => i.Id, _ => Guid.CreateVersion7());
        foreach (var i in old)
        {
            db.Indicators.Add(new Indicator
            {
                Id = map[i.Id],
                FrameworkVersionId = version.Id,
                ParentId = i.ParentId is { } p ? map[p] : null,
                Level = i.Level,
                Seq = i.Seq,
                Code = i.Code,
                Title = i.Title,
                Description = i.Description,
                ScoringCriteria = i.ScoringCriteria,
                Method = i.Method,
                MaxScore = i.MaxScore,
                Weight = i.Weight,
                EvidenceRequirements = i.EvidenceRequirements,
                SourceReference = i.SourceReference,
                ProviderKey = i.ProviderKey,
                LeadUnitText = i.LeadUnitText,
                CoUnitsText = i.CoUnitsText,
                DueText = i.DueText,
                IsLocalRefinement = i.IsLocalRefinement,
                PredecessorId = i.Id,
            });
        }
        await db.SaveChangesAsync(ct);
        return version;
    }

    public async Task<VersionDiff?> DiffAsync(Guid oldVersionId, Guid newVersionId, CancellationToken ct)
    {
        if (await VersionAsync(oldVersionId, ct) is null || await VersionAsync(newVersionId, ct) is null)
        {
            return null;
        }
        var old = await TreeAsync(oldVersionId, ct);
        var now = await TreeAsync(newVersionId, ct);
        return Diff(old, now);
    }

    /// <summary>Matches by code: added (only new), removed (only old), changed (any scoring-relevant field differs).</summary>
    public static VersionDiff Diff(IReadOnlyList<Indicator> old, IReadOnlyList<Indicator> now)
    {
        var oldCodes = old.ToDictionary(i => i.Id, i => i.Code);
        var nowCodes = now.ToDictionary(i => i.Id, i => i.Code);
        var oldByCode = old.ToDictionary(i => i.Code, StringComparer.Ordinal);
        var nowByCode = now.ToDictionary(i => i.Code, StringComparer.Ordinal);
        var added = new List<DiffItem>();
        var changed = new List<DiffItem>();
        var mapping = new List<(Guid, Guid)>();
        var unchanged = 0;
        foreach (var n in InTreeOrder(now))
        {
            if (!oldByCode.TryGetValue(n.Code, out var o))
            {
                added.Add(new(n.Code, n.Title, null, [], null, n.Id));
                continue;
            }
            mapping.Add((o.Id, n.Id));
            var changes = new List<string>();
            if (o.Title != n.Title)
            {
                changes.Add("名称");
            }
            if (o.MaxScore != n.MaxScore)
            {
                changes.Add($"分值 {o.MaxScore:0.##} → {n.MaxScore:0.##}");
            }
            if (o.Method != n.Method)
            {
                changes.Add($"计分方式 {FrameworkTransfer.MethodName(o.Method)} → {FrameworkTransfer.MethodName(n.Method)}");
            }
            if (o.Weight != n.Weight)
            {
                changes.Add($"权重 {o.Weight:0.####} → {n.Weight:0.####}");
            }
            if (o.ScoringCriteria != n.ScoringCriteria)
            {
                changes.Add("评分标准");
            }
            if (o.EvidenceRequirements != n.EvidenceRequirements)
            {
                changes.Add("佐证材料");
            }
            if (o.ProviderKey != n.ProviderKey)
            {
                changes.Add("计算指标");
            }
            var op = o.ParentId is { } a ? oldCodes[a] : null;
            var np = n.ParentId is { } b ? nowCodes[b] : null;
            if (op != np)
            {
                changes.Add($"上级 {op ?? "—"} → {np ?? "—"}");
            }
            if (changes.Count > 0)
            {
                changed.Add(new(n.Code, n.Title, o.Title != n.Title ? o.Title : null, changes, o.Id, n.Id));
            }
            else
            {
                unchanged++;
            }
        }
        var removed = InTreeOrder(old).Where(o => !nowByCode.ContainsKey(o.Code)).Select(o => new DiffItem(o.Code, o.Title, null, [], o.Id, null)).ToList();
        return new(added, changed, removed, unchanged, mapping);
    }

    /// <summary>
    /// Local refinement (本地细化): adds sub-indicators under an indicator, one level below, keeping the parent link.
    /// Refused with the reason when a campaign has pinned the version.
    /// </summary>
    /// <summary>The highest score one indicator may carry.</summary>
    public const decimal MaxIndicatorScore = 1000m;

    /// <summary>Refines an indicator into sub-indicators; refuses malformed items naming the field (items[k].title, ...).</summary>
    public async Task<List<Indicator>> RefineAsync(Guid indicatorId, IReadOnlyList<RefinementInput?>? items, CancellationToken ct)
    {
        var checks = new FieldChecks();
        var cleaned = new List<RefinementInput>();
        if (items is null || items.Count == 0)
        {
            checks.Add("items", "请至少填写一个细化指标。");
        }
        for (var k = 0; k < (items?.Count ?? 0); k++)
        {
            if (items![k] is not { } item)
            {
                checks.Add($"items[{k}]", "细化指标不能为空，应为含 title、maxScore 的对象。");
                continue;
            }
            var title = TextRules.Required(checks, $"items[{k}].title", "细化指标名称", item.Title, 200);
            NumberRules.Quantity(checks, $"items[{k}].maxScore", "分值", item.MaxScore, MaxIndicatorScore);
            var code = TextRules.Optional(checks, $"items[{k}].code", "指标编码", item.Code, 64);
            var criteria = TextRules.Optional(checks, $"items[{k}].scoringCriteria", "评分标准", item.ScoringCriteria, 4000);
            var evidence = TextRules.Optional(checks, $"items[{k}].evidenceRequirements", "佐证材料要求", item.EvidenceRequirements, 4000);
            checks.When(item.Method == ScoringMethod.Computed && (item.ProviderKey is null || !ProviderKeys.Contains(item.ProviderKey)),
                $"items[{k}].providerKey", $"计算指标“{item.ProviderKey}”未注册。");
            cleaned.Add(item with { Title = title, Code = code, ScoringCriteria = criteria, EvidenceRequirements = evidence });
        }
        checks.ThrowIfAny("细化指标不完整。");
        var parent = await db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.Id == indicatorId, ct) ?? throw Refuse.NotFound("指标不存在或不在您的数据范围内。");
        if (await FrozenReasonAsync(parent.FrameworkVersionId, ct) is { } frozen)
        {
            throw Refuse.Conflict(frozen);
        }
        var codes = (await db.Indicators.AsNoTracking().Where(i => i.FrameworkVersionId == parent.FrameworkVersionId).Select(i => i.Code).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var seq = await db.Indicators.Where(i => i.ParentId == parent.Id).Select(i => (int?)i.Seq).MaxAsync(ct) ?? 0;
        var created = new List<Indicator>();
        foreach (var item in cleaned)
        {
            seq++;
            var code = item.Code ?? $"{parent.Code}.{seq}";
            if (!codes.Add(code))
            {
                throw Refuse.Conflict($"指标编码“{code}”在该版本中已存在。");
            }
            var indicator = new Indicator
            {
                FrameworkVersionId = parent.FrameworkVersionId,
                ParentId = parent.Id,
                Level = parent.Level + 1,
                Seq = seq,
                Code = code,
                Title = item.Title,
                ScoringCriteria = item.ScoringCriteria ?? "",
                EvidenceRequirements = item.EvidenceRequirements ?? parent.EvidenceRequirements,
                Method = item.Method,
                MaxScore = item.MaxScore,
                ProviderKey = item.Method == ScoringMethod.Computed ? item.ProviderKey : null,
                SourceReference = $"本地细化自 {parent.Code}",
                LeadUnitText = parent.LeadUnitText,
                CoUnitsText = parent.CoUnitsText,
                DueText = parent.DueText,
                IsLocalRefinement = true,
            };
            db.Indicators.Add(indicator);
            created.Add(indicator);
        }
        await db.SaveChangesAsync(ct);
        return created;
    }
}
