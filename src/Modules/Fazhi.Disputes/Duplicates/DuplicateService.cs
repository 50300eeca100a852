using Fazhi.Disputes.Cases;
using Fazhi.Disputes.Data;
using Fazhi.Disputes.Domain;
using Fazhi.Disputes.FrontDesk;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.PersonalData;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Disputes.Duplicates;

internal sealed record DuplicateView(Guid Id, Guid OtherCaseId, string OtherCaseNumber, DateOnly OtherReceivedOn, string Reason, int Similarity, string Status, string StatusName, string? DecisionNote, string? DecidedBy, long Version, bool OtherIsThisCasesPrimary);

internal sealed record MergeView(Guid Id, Guid PrimaryCaseId, Guid MergedCaseId, string Reason, DateTimeOffset MergedAt, string? MergedBy, DateTimeOffset? UnmergedAt, string? UnmergedBy, string? UnmergeReason);

internal sealed record DuplicateDecisionRequest(string? Note, long? Version = null);

/// <summary>
/// Duplicate check across channels (一个纠纷多头反映): at intake, the same party (ID number or phone through the blind index,
/// credit code directly) in a case received within the configured window, with the same category or a similar description,
/// is flagged on the new case. Nothing is dropped; staff link, dismiss or merge, and a merge can be undone. All audited.
/// </summary>
internal sealed class DuplicateService(DisputesDb db, ICurrentUser current, IDeadlineService deadlines)
{
    /// <summary>Flags possible duplicates of <paramref name="dispute"/> (being added in <paramref name="target"/>, not yet saved: the caller saves).</summary>
    public static async Task<int> FlagAsync(DisputesDb target, DisputeCase dispute, FrontDeskSettings settings, DateOnly today, CancellationToken ct)
    {
        var since = today.AddDays(-settings.DuplicateWindowDays);
        // Matching looks across all units and channels on purpose (a dispute reported at the district and via 12345 is one
        // dispute): explicit system work; the flag shows only the other case's number and date, never its parties.
        var matches = new Dictionary<Guid, (DateOnly ReceivedOn, string Category, string Description, string Number, HashSet<string> By)>();
        // The party's cases inside the window, newest first, at most 50 each: the window is applied before the cap, so that
        // a party with many older cases (a property company, a frequent applicant) is still matched with its recent ones.
        var open = target.Cases.IgnoreQueryFilters().Where(c => c.ReceivedOn >= since && c.MergedIntoCaseId == null && c.Id != dispute.Id);
        async Task AddAsync(IQueryable<CaseParty> parties, string by)
        {
            var found = await parties.IgnoreQueryFilters()
                .Join(open, p => p.CaseId, c => c.Id, (p, c) => c)
                .OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Id)
                .Select(c => new { c.Id, c.ReceivedOn, c.Category, c.Description, c.CaseNumber })
                .Take(50).ToListAsync(ct);
            foreach (var c in found)
            {
                if (!matches.TryGetValue(c.Id, out var m))
                {
                    matches[c.Id] = m = (c.ReceivedOn, c.Category, c.Description, c.CaseNumber, []);
                }
                m.By.Add(by);
            }
        }
        foreach (var party in dispute.Parties.Where(p => p.Role != PartyRole.Agent))
        {
            if (party.IdNumber is { } idNumber)
            {
                await AddAsync(target.Parties.WhereSensitiveEquals(p => p.IdNumber, idNumber), $"当事人“{party.Name}”身份证号相同");
            }
            if (party.CreditCode is { } code)
            {
                await AddAsync(target.Parties.Where(p => p.CreditCode == code), $"当事人“{party.Name}”统一社会信用代码相同");
            }
            if (party.Phone is { } phone)
            {
                await AddAsync(target.Parties.WhereSensitiveEquals(p => p.Phone, phone), $"当事人“{party.Name}”联系电话相同");
            }
        }
        if (matches.Count == 0)
        {
            return 0;
        }
        var flagged = 0;
        foreach (var (id, c) in matches.OrderByDescending(m => m.Value.ReceivedOn).Take(20))
        {
            var similarity = TextSimilarity.Percent(dispute.Description, c.Description);
            var sameCategory = c.Category == dispute.Category;
            if (!sameCategory && similarity < settings.DuplicateMinSimilarity)
            {
                continue;
            }
            var subject = sameCategory ? $"同类纠纷（{c.Category}）" : $"描述相似度 {similarity}%（阈值 {settings.DuplicateMinSimilarity}%）";
            target.Set<DuplicateFlag>().Add(new DuplicateFlag
            {
                CaseId = dispute.Id,
                OrgUnitId = dispute.OrgUnitId,
                OtherCaseId = id,
                OtherCaseNumber = c.Number,
                OtherReceivedOn = c.ReceivedOn,
                Similarity = similarity,
                Reason = string.Join("；", c.By.Order(StringComparer.Ordinal)) + "；" + subject + $"；{settings.DuplicateWindowDays} 日内",
            });
            flagged++;
        }
        // Saved by the caller with the case (intake: one save).
        return flagged;
    }

    /// <summary>Flags on this case and on cases flagged against it (both directions), and its merges.</summary>
    public async Task<(IReadOnlyList<DuplicateView> Flags, IReadOnlyList<MergeView> Merges, Guid? MergedInto)> ForCaseAsync(Guid caseId, CancellationToken ct)
    {
        var mergedInto = await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.MergedIntoCaseId).FirstOrDefaultAsync(ct);
        var flags = await db.Set<DuplicateFlag>().AsNoTracking().Where(f => f.CaseId == caseId).OrderBy(f => f.OtherReceivedOn).ToListAsync(ct);
        var merges = await db.Set<CaseMerge>().AsNoTracking().Where(m => m.PrimaryCaseId == caseId || m.MergedCaseId == caseId)
            .OrderBy(m => m.Id).ToListAsync(ct);
        return (
            flags.Select(f => new DuplicateView(f.Id, f.OtherCaseId, f.OtherCaseNumber, f.OtherReceivedOn, f.Reason, f.Similarity, f.Status.ToString(), StatusName(f.Status), f.DecisionNote, f.DecidedBy, f.Version, f.OtherCaseId == mergedInto)).ToList(),
            merges.Select(m => new MergeView(m.Id, m.PrimaryCaseId, m.MergedCaseId, m.Reason, m.MergedAt, m.MergedBy, m.UnmergedAt, m.UnmergedBy, m.UnmergeReason)).ToList(),
            mergedInto);
    }

    /// <summary>关联 or 非重复: a decision on the flag, with an optional note.</summary>
    public async Task<bool> DecideAsync(Guid flagId, DuplicateStatus status, string? note, long? version, CancellationToken ct)
    {
        var flag = await LoadFlagAsync(flagId, version, ct);
        if (flag is null)
        {
            return false;
        }
        if (flag.Status == DuplicateStatus.Merged)
        {
            throw Refuse.Conflict("该案件已合并，请先撤销合并再作其他处理。");
        }
        if (status == DuplicateStatus.Dismissed && string.IsNullOrWhiteSpace(note))
        {
            throw Refuse.Field("note", "认定“非重复”须写明理由。");
        }
        flag.Status = status;
        flag.DecisionNote = note?.Trim();
        flag.DecidedBy = current.UserName;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// 合并: the flagged (newer) case is merged into the earlier one, which stays the primary. The merged case keeps its parties,
    /// stages and history and points to its primary; an unmerge restores it. Both cases must be in the caller's scope.
    /// </summary>
    public async Task<bool> MergeAsync(Guid flagId, string? reason, long? version, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 4)
        {
            throw Refuse.Field("note", "合并须写明理由（至少 4 个字）。");
        }
        var flag = await LoadFlagAsync(flagId, version, ct);
        if (flag is null)
        {
            return false;
        }
        var merged = await db.Cases.FirstOrDefaultAsync(c => c.Id == flag.CaseId, ct);
        var primary = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == flag.OtherCaseId, ct);
        if (merged is null)
        {
            return false;
        }
        if (primary is null)
        {
            throw Refuse.Field("note", $"案件 {flag.OtherCaseNumber} 不在您的数据范围内，不能合并；请联系其办理单位或上级单位处理。");
        }
        if (merged.MergedIntoCaseId is not null)
        {
            throw Refuse.Field("note", "该案件已合并到其他案件，请先撤销合并。");
        }
        if (primary.MergedIntoCaseId is not null)
        {
            throw Refuse.Field("note", $"案件 {primary.CaseNumber} 本身已合并到其他案件，请合并到其主案件。");
        }
        if (merged.Status == CaseStatus.Closed)
        {
            throw Refuse.Field("note", "已办结的案件不能合并。");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        merged.MergedIntoCaseId = primary.Id;
        flag.Status = DuplicateStatus.Merged;
        flag.DecisionNote = reason.Trim();
        flag.DecidedBy = current.UserName;
        var merge = new CaseMerge { PrimaryCaseId = primary.Id, MergedCaseId = merged.Id, OrgUnitId = merged.OrgUnitId, Reason = reason.Trim(), MergedBy = current.UserName };
        db.Set<CaseMerge>().Add(merge);
        await db.SaveChangesAsync(ct);
        await db.WriteAuditEventAsync("disputes.case.merge", nameof(DisputeCase), merged.Id.ToString(),
            new { merged = merged.CaseNumber, primary = primary.CaseNumber, reason = merge.Reason }, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>撤销合并: the merged case stands on its own again; the merge record keeps who merged and who undid it, and why.</summary>
    public async Task<bool> UnmergeAsync(Guid caseId, string? reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 4)
        {
            throw Refuse.Field("note", "撤销合并须写明理由（至少 4 个字）。");
        }
        var merged = await db.Cases.FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (merged is null)
        {
            return false;
        }
        if (merged.MergedIntoCaseId is null)
        {
            throw Refuse.Field("note", "该案件未被合并，无需撤销。");
        }
        var merge = await db.Set<CaseMerge>().Where(m => m.MergedCaseId == caseId && m.UnmergedAt == null).OrderByDescending(m => m.Id).FirstAsync(ct);
        var flag = await db.Set<DuplicateFlag>().FirstOrDefaultAsync(f => f.CaseId == caseId && f.OtherCaseId == merged.MergedIntoCaseId && f.Status == DuplicateStatus.Merged, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var primaryId = merged.MergedIntoCaseId.Value;
        merged.MergedIntoCaseId = null;
        merge.UnmergedAt = DateTimeOffset.UtcNow;
        merge.UnmergedBy = current.UserName;
        merge.UnmergeReason = reason.Trim();
        if (flag is not null)
        {
            flag.Status = DuplicateStatus.Linked;
            flag.DecisionNote = "撤销合并：" + reason.Trim();
        }
        await db.SaveChangesAsync(ct);
        await db.WriteAuditEventAsync("disputes.case.unmerge", nameof(DisputeCase), merged.Id.ToString(),
            new { merged = merged.CaseNumber, primary = primaryId, reason = merge.UnmergeReason }, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Open flags in the caller's scope (the front desk's check list).</summary>
    public async Task<int> OpenFlagCountAsync(CancellationToken ct) =>
        await db.Set<DuplicateFlag>().CountAsync(f => f.Status == DuplicateStatus.Flagged, ct);

    public DateOnly Today => deadlines.Today;

    public static string StatusName(DuplicateStatus s) => s switch
    {
        DuplicateStatus.Flagged => "待核查",
        DuplicateStatus.Linked => "已关联",
        DuplicateStatus.Dismissed => "非重复",
        DuplicateStatus.Merged => "已合并",
        _ => s.ToString(),
    };

    private async Task<DuplicateFlag?> LoadFlagAsync(Guid flagId, long? version, CancellationToken ct)
    {
        var flag = await db.Set<DuplicateFlag>().FirstOrDefaultAsync(f => f.Id == flagId, ct);
        if (flag is not null && version is { } v && v != flag.Version)
        {
            throw new DbUpdateConcurrencyException("该记录已被他人修改，请刷新后再操作。");
        }
        return flag;
    }
}
