using Fazhi.Disputes.Cases;
using Fazhi.Disputes.Data;
using Fazhi.Disputes.Domain;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Disputes.Profiles;

internal sealed record StageEdit(string? Code, int Days, string? DayKind, string? Article, int MaxExtensions = 0, int ExtensionDays = 0);

internal sealed record ProfileVersionRequest(DateOnly? EffectiveFrom, string? SourceNote, IReadOnlyList<StageEdit>? Stages);

internal sealed record ProfileVersionView(Guid Id, string Code, string Name, int ProfileVersion, DateOnly EffectiveFrom, bool InForce, string SourceNote, IReadOnlyList<StageEditView> Stages);

internal sealed record StageEditView(string Code, string Name, int Days, string DayKind, string Article, bool Optional, int MaxExtensions, int ExtensionDays);

/// <summary>
/// The case-type profile editor: a change is a new version with a validity date (today or later, after the current one's);
/// earlier versions are never rewritten, and open cases keep the version pinned at intake. Stages keep their codes and order
/// (the stage machine depends on them); their limits, day kind, extensions and the article behind them are edited.
/// </summary>
internal sealed class ProfileEditorService(DisputesDb db, IDeadlineService deadlines, ProfileCache cache)
{
    public async Task<IReadOnlyList<ProfileVersionView>> VersionsAsync(string? code, CancellationToken ct)
    {
        var query = db.Profiles.AsNoTracking().Include(p => p.Stages).AsQueryable();
        if (!string.IsNullOrWhiteSpace(code))
        {
            query = query.Where(p => p.Code == code);
        }
        var profiles = await query.OrderBy(p => p.SortOrder).ThenByDescending(p => p.ProfileVersion).ToListAsync(ct);
        var today = deadlines.Today;
        var inForce = profiles.Where(p => p.EffectiveFrom <= today).GroupBy(p => p.Code).Select(g => g.MaxBy(p => p.ProfileVersion)!.Id).ToHashSet();
        return profiles.Select(p => new ProfileVersionView(p.Id, p.Code, p.Name, p.ProfileVersion, p.EffectiveFrom, inForce.Contains(p.Id), p.SourceNote,
            p.Stages.OrderBy(s => s.Order).Select(s => new StageEditView(s.Code, s.Name, s.Days, s.DayKind.ToString(), s.Article, s.Optional, s.MaxExtensions, s.ExtensionDays)).ToList())).ToList();
    }

    public async Task<int?> AddVersionAsync(string code, ProfileVersionRequest request, CancellationToken ct)
    {
        var latest = await db.Profiles.AsNoTracking().Include(p => p.Stages).Where(p => p.Code == code).OrderByDescending(p => p.ProfileVersion).FirstOrDefaultAsync(ct);
        if (latest is null)
        {
            return null;
        }
        var errors = new Dictionary<string, string[]>();
        var today = deadlines.Today;
        if (request.EffectiveFrom is not { } from)
        {
            errors["effectiveFrom"] = ["请填写新版本的生效日期。"];
            from = today;
        }
        else if (from < today || from <= latest.EffectiveFrom)
        {
            errors["effectiveFrom"] = [$"生效日期须不早于今天，且晚于第 {latest.ProfileVersion} 版的生效日期（{Labels.Date(latest.EffectiveFrom)}）：已生效的版本不能改写。"];
        }
        var note = request.SourceNote?.Trim();
        if (string.IsNullOrWhiteSpace(note) || note.Length < 4)
        {
            errors["sourceNote"] = ["请写明数字的来源（法律、法规或本地规范）。"];
        }
        var edits = request.Stages ?? [];
        var stages = latest.Stages.OrderBy(s => s.Order).ToList();
        foreach (var edit in edits)
        {
            var stage = stages.FirstOrDefault(s => s.Code == edit.Code);
            var key = "stages." + edit.Code;
            if (stage is null)
            {
                errors[key] = [$"环节 {edit.Code} 不属于该案件类型；环节的增减须随办理流程一并调整。"];
                continue;
            }
            var problems = new List<string>();
            if (edit.Days is < 1 or > 3650)
            {
                problems.Add($"“{stage.Name}”期限须在 1 至 3650 之间。");
            }
            if (!Enum.TryParse<DayKind>(edit.DayKind, ignoreCase: true, out _))
            {
                problems.Add($"“{stage.Name}”须选择工作日或自然日。");
            }
            if (string.IsNullOrWhiteSpace(edit.Article) || edit.Article.Trim().Length < 4)
            {
                problems.Add($"“{stage.Name}”须写明依据的条文。");
            }
            if (edit.MaxExtensions is < 0 or > 10 || edit.ExtensionDays is < 0 or > 3650 || (edit.MaxExtensions > 0 && edit.ExtensionDays == 0))
            {
                problems.Add($"“{stage.Name}”延期次数须在 0 至 10 之间，允许延期时须写明每次最长天数。");
            }
            if (problems.Count > 0)
            {
                errors[key] = [.. problems];
            }
        }
        if (errors.Count > 0)
        {
            throw Refuse.Fields(errors, "新版本未保存：" + string.Join(" ", errors.Values.SelectMany(v => v)));
        }
        var profile = new CaseTypeProfile
        {
            Code = latest.Code, Name = latest.Name, ProfileVersion = latest.ProfileVersion + 1, EffectiveFrom = from, SourceNote = note!, SortOrder = latest.SortOrder,
        };
        db.Profiles.Add(profile);
        foreach (var s in stages)
        {
            var edit = edits.FirstOrDefault(e => e.Code == s.Code);
            db.ProfileStages.Add(new ProfileStage
            {
                ProfileId = profile.Id, Order = s.Order, Code = s.Code, Name = s.Name, Optional = s.Optional,
                Days = edit?.Days ?? s.Days,
                DayKind = edit is null ? s.DayKind : Enum.Parse<DayKind>(edit.DayKind!, ignoreCase: true),
                Article = edit?.Article?.Trim() ?? s.Article,
                MaxExtensions = edit?.MaxExtensions ?? s.MaxExtensions,
                ExtensionDays = edit?.ExtensionDays ?? s.ExtensionDays,
            });
        }
        await db.SaveChangesAsync(ct);
        cache.Clear();
        return profile.ProfileVersion;
    }
}
