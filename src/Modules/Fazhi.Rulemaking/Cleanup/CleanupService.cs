using Fazhi.Library.Contracts;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Fazhi.Rulemaking.Data;
using Fazhi.Rulemaking.Legislation;
using Fazhi.Rulemaking.Normative;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Rulemaking.Cleanup;

internal sealed record CampaignInput(string? Title, CampaignKind? Kind, string? Basis, DateOnly? ProposalDueOn);

/// <summary>
/// A document listed in a campaign: one the module keeps (<see cref="SourceId"/> of a published normative document, regulation
/// or rule), or one outside Fazhi named by <see cref="Title"/>, <see cref="DocumentNo"/> and its <see cref="OrgUnitId"/>.
/// </summary>
internal sealed record ItemInput(CleanupSourceKind? SourceKind, Guid? SourceId, string? Title, string? DocumentNo, Guid? OrgUnitId, string? ListedReason);

internal sealed record ProposalInput(CleanupOutcome? Outcome, string? Reason, long? Version);

/// <summary>The office's review of a proposal: decide the outcome (its reason required when it differs from the proposal), or return it.</summary>
internal sealed record ReviewInput(bool Return, CleanupOutcome? Outcome, string? Reason, long? Version);

/// <summary>A document that could be listed, with what the library and the validity period say about it.</summary>
internal sealed record CleanupCandidate(CleanupSourceKind Kind, Guid SourceId, string Title, string DocumentNo, Guid OrgUnitId, string UnitName, IReadOnlyList<string> Flags);

internal sealed record UnitProgress(Guid OrgUnitId, string UnitName, int Total, int Proposed, int Decided, int Overdue);

internal sealed record CampaignSummary(CleanupCampaign Campaign, int Items, int Proposed, int Decided);

internal sealed record CampaignDetail(CleanupCampaign Campaign, IReadOnlyList<CleanupItem> Items, IReadOnlyList<UnitProgress> Progress, DateOnly Today)
{
    public bool IsOverdue(CleanupItem i) => Campaign.PublishedOn is null && i.State is CleanupItemState.Pending or CleanupItemState.Returned && Today > Campaign.ProposalDueOn;
}

/// <summary>
/// Cleanup campaigns (清理, ADR 0036): the review office lists the regulations, rules and normative documents in scope, each
/// with its owning unit; the unit proposes 保留 / 修改 / 废止 / 宣布失效 with the reason; the office decides or returns each; the
/// published result is a list (page and .xlsx), and normative documents decided 废止 / 宣布失效 change status. Candidates are
/// found with the library: a document citing an article since amended, removed or repealed is flagged.
/// </summary>
internal sealed class CleanupService(RulemakingDb db, ICurrentUser user, IDeadlineService clock, IOrgDirectory orgs, ILawReferences references, ILibraryPublishing library)
{
    public DateOnly Today => clock.Today;

    public bool IsOffice => user.Has(RulemakingPermissions.Review);

    private void RequireOffice()
    {
        if (!IsOffice)
        {
            throw Refuse.Forbidden("只有合法性审核机构可以办理此项。");
        }
    }

    /// <summary>
    /// A regulation or rule that has been published (公布, or 备案 after it). The stage is stored by name, so the test names the
    /// stages instead of comparing: <c>Stage &gt;= Published</c> in SQL compares the names alphabetically and left out 备案 ("Filed").
    /// </summary>
    internal static readonly System.Linq.Expressions.Expression<Func<LegislationProject, bool>> PublishedProject =
        p => p.Stage == LegislationStage.Published || p.Stage == LegislationStage.Filed;

    public static string KindName(CampaignKind k) => k switch
    {
        CampaignKind.Periodic => "定期清理",
        CampaignKind.HigherLawChanged => "因上位法修改、废止专项清理",
        _ => "专项清理",
    };

    public static string OutcomeName(CleanupOutcome? o) => o switch
    {
        CleanupOutcome.Keep => "保留",
        CleanupOutcome.Amend => "修改",
        CleanupOutcome.Repeal => "废止",
        CleanupOutcome.DeclareInvalid => "宣布失效",
        _ => "",
    };

    public static string StateName(CleanupItemState s) => s switch
    {
        CleanupItemState.Pending => "待提出意见",
        CleanupItemState.Proposed => "待审核",
        CleanupItemState.Returned => "退回重提",
        _ => "已审定",
    };

    public static string SourceName(CleanupSourceKind k) => k switch
    {
        CleanupSourceKind.NormativeDocument => "行政规范性文件",
        CleanupSourceKind.GovernmentRule => "政府规章",
        _ => "地方性法规",
    };

    // ---- campaigns ------------------------------------------------------------------------------------------------

    /// <summary>The campaigns the user takes part in: all for the office; for a unit, those listing one of its documents.</summary>
    public async Task<List<CampaignSummary>> CampaignsAsync(CancellationToken ct)
    {
        var counts = await db.CleanupItems.AsNoTracking().GroupBy(i => i.CampaignId)
            .Select(g => new { g.Key, Items = g.Count(), Proposed = g.Count(i => i.State == CleanupItemState.Proposed), Decided = g.Count(i => i.State == CleanupItemState.Decided) })
            .ToDictionaryAsync(x => x.Key, ct);
        var campaigns = await db.CleanupCampaigns.AsNoTracking().OrderByDescending(c => c.StartedOn).ThenBy(c => c.Title).Take(500).ToListAsync(ct);
        return campaigns.Where(c => IsOffice || counts.ContainsKey(c.Id))
            .Select(c => counts.TryGetValue(c.Id, out var n) ? new CampaignSummary(c, n.Items, n.Proposed, n.Decided) : new CampaignSummary(c, 0, 0, 0)).ToList();
    }

    public async Task<CleanupCampaign> CreateAsync(CampaignInput input, CancellationToken ct)
    {
        RequireOffice();
        var checks = new FieldChecks();
        var title = TextRules.Required(checks, "title", "清理名称", input.Title, 200);
        checks.When(input.Kind is not { } k || !Enum.IsDefined(k), "kind", "请选择清理类型（定期清理、因上位法修改专项清理或专项清理）。");
        var basis = TextRules.Optional(checks, "basis", "清理依据", input.Basis, 2000) ?? "";
        checks.When(input.Kind == CampaignKind.HigherLawChanged && basis.Length == 0, "basis", "因上位法修改、废止开展的清理须写明所依据的法律、法规及其修改情况。");
        checks.When(input.ProposalDueOn is null, "proposalDueOn", "请填写各单位提出清理意见的期限。");
        DateRules.Check(checks, "proposalDueOn", "提出意见期限", input.ProposalDueOn);
        checks.When(input.ProposalDueOn < Today, "proposalDueOn", "提出意见期限不能早于今天。");
        checks.ThrowIfAny("清理未建立。");
        var campaign = new CleanupCampaign
        {
            Title = title, Kind = input.Kind!.Value, Basis = basis, StartedOn = Today, ProposalDueOn = input.ProposalDueOn!.Value, CreatedBy = user.UserName ?? "",
        };
        db.CleanupCampaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        return campaign;
    }

    /// <summary>The campaign with the items the user may see (the unit's own; the office's scope) and progress per unit.</summary>
    public async Task<CampaignDetail> GetAsync(Guid id, CancellationToken ct)
    {
        var campaign = await db.CleanupCampaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw Refuse.NotFound("清理不存在。");
        var items = await db.CleanupItems.AsNoTracking().Where(i => i.CampaignId == id).OrderBy(i => i.UnitName).ThenBy(i => i.Title).ToListAsync(ct);
        if (!IsOffice && items.Count == 0)
        {
            throw Refuse.NotFound("清理不存在或没有本单位的文件。");
        }
        return Detail(campaign, items, Today);
    }

    internal static CampaignDetail Detail(CleanupCampaign campaign, List<CleanupItem> items, DateOnly today)
    {
        var overdue = campaign.PublishedOn is null && today > campaign.ProposalDueOn;
        var progress = items.GroupBy(i => (i.OrgUnitId, i.UnitName)).Select(g => new UnitProgress(g.Key.OrgUnitId, g.Key.UnitName, g.Count(),
                g.Count(i => i.State is CleanupItemState.Proposed or CleanupItemState.Decided), g.Count(i => i.State == CleanupItemState.Decided),
                overdue ? g.Count(i => i.State is CleanupItemState.Pending or CleanupItemState.Returned) : 0))
            .OrderByDescending(p => p.Overdue).ThenBy(p => p.UnitName, StringComparer.Ordinal).ToList();
        return new CampaignDetail(campaign, items, progress, today);
    }

    // ---- listing documents ------------------------------------------------------------------------------------------

    /// <summary>
    /// Documents in the office's scope that could be listed and are not yet: published normative documents, and regulations and
    /// rules published through the module. Each normative document's citations are resolved in the library on its effective date;
    /// one citing an article since amended, removed or repealed is flagged with it, as is one whose validity ends within a year.
    /// Flagged documents come first.
    /// </summary>
    public async Task<List<CleanupCandidate>> CandidatesAsync(Guid id, CancellationToken ct)
    {
        RequireOffice();
        var campaign = await db.CleanupCampaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw Refuse.NotFound("清理不存在。");
        var listed = (await db.CleanupItems.AsNoTracking().Where(i => i.CampaignId == campaign.Id && i.SourceId != null).Select(i => i.SourceId!.Value).ToListAsync(ct)).ToHashSet();
        var today = Today;
        var list = new List<CleanupCandidate>();
        var docs = await db.Drafts.AsNoTracking().Where(d => d.Status == DraftStatus.Published).OrderBy(d => d.DraftingUnitName).ThenBy(d => d.Title).Take(1000).ToListAsync(ct);
        foreach (var d in docs.Where(d => !listed.Contains(d.Id)))
        {
            var flags = new List<string>();
            foreach (var c in await references.ResolveAllAsync(d.Basis + "\n" + d.Text, d.EffectiveOn, ct))
            {
                if (c.State is ReferenceState.Amended or ReferenceState.Removed or ReferenceState.Repealed)
                {
                    var flag = $"所引“{c.Citation}”{c.StateLabel}";
                    if (!flags.Contains(flag))
                    {
                        flags.Add(flag);
                    }
                }
            }
            if (d.ExpiresOn is { } end && end <= today.AddYears(1))
            {
                flags.Add(end < today ? $"有效期已于 {end:yyyy-MM-dd} 届满" : $"有效期至 {end:yyyy-MM-dd}，一年内届满");
            }
            list.Add(new(CleanupSourceKind.NormativeDocument, d.Id, d.Title, d.RegistrationNo ?? "", d.OrgUnitId, d.DraftingUnitName, flags));
        }
        var laws = await db.LegislationProjects.AsNoTracking().Where(PublishedProject).OrderBy(p => p.Title).Take(1000).ToListAsync(ct);
        foreach (var p in laws.Where(p => !listed.Contains(p.Id)))
        {
            list.Add(new(p.Kind == LegislationKind.GovernmentRule ? CleanupSourceKind.GovernmentRule : CleanupSourceKind.LocalRegulation, p.Id, p.Title, p.DocumentNo, p.OrgUnitId,
                p.UnitName, []));
        }
        return list.OrderBy(c => c.Flags.Count == 0).ToList();
    }

    /// <summary>Lists a document in an open campaign, assigned to its owning unit.</summary>
    public async Task<CleanupItem> AddItemAsync(Guid id, ItemInput input, CancellationToken ct)
    {
        RequireOffice();
        var campaign = await OpenCampaignAsync(id, ct);
        var checks = new FieldChecks();
        checks.When(input.SourceKind is not { } k || !Enum.IsDefined(k), "sourceKind", "请选择文件类别（行政规范性文件、政府规章或地方性法规）。");
        var reason = TextRules.Optional(checks, "listedReason", "列入理由", input.ListedReason, 1000) ?? "";
        checks.ThrowIfAny("文件未列入清理。");
        var item = new CleanupItem { CampaignId = campaign.Id, SourceKind = input.SourceKind!.Value, ListedReason = reason, State = CleanupItemState.Pending };
        if (input.SourceId is { } sourceId && sourceId != Guid.Empty)
        {
            if (await db.CleanupItems.AnyAsync(i => i.CampaignId == campaign.Id && i.SourceId == sourceId, ct))
            {
                throw Refuse.Conflict("该文件已列入本次清理。");
            }
            if (item.SourceKind == CleanupSourceKind.NormativeDocument)
            {
                var d = await db.Drafts.AsNoTracking().FirstOrDefaultAsync(x => x.Id == sourceId && x.Status == DraftStatus.Published, ct)
                    ?? throw Refuse.Field("sourceId", "没有这件已公布的行政规范性文件（只有已公布、未废止的文件可以列入清理）。");
                (item.SourceId, item.Title, item.DocumentNo, item.OrgUnitId, item.UnitName) = (d.Id, d.Title, d.RegistrationNo ?? "", d.OrgUnitId, d.DraftingUnitName);
            }
            else
            {
                var kind = item.SourceKind == CleanupSourceKind.GovernmentRule ? LegislationKind.GovernmentRule : LegislationKind.LocalRegulation;
                var p = await db.LegislationProjects.AsNoTracking().Where(PublishedProject).FirstOrDefaultAsync(x => x.Id == sourceId && x.Kind == kind, ct)
                    ?? throw Refuse.Field("sourceId", $"没有这件已公布的{SourceName(item.SourceKind)}。");
                (item.SourceId, item.Title, item.DocumentNo, item.OrgUnitId, item.UnitName) = (p.Id, p.Title, p.DocumentNo, p.OrgUnitId, p.UnitName);
            }
        }
        else
        {
            // A document outside Fazhi (adopted before the platform): named, with its owning unit.
            item.Title = TextRules.Required(checks, "title", "文件名称", input.Title, 200);
            item.DocumentNo = TextRules.Optional(checks, "documentNo", "文号", input.DocumentNo, 128) ?? "";
            var unit = input.OrgUnitId is { } u && u != Guid.Empty ? await orgs.FindAsync(u, ct) : null;
            checks.When(unit is null, "orgUnitId", "请选择制定或实施单位。");
            checks.When(unit is not null && !user.Scope.Allows(unit.Id), "orgUnitId", "该单位不在您的数据范围内。");
            checks.ThrowIfAny("文件未列入清理。");
            if (await db.CleanupItems.AnyAsync(i => i.CampaignId == campaign.Id && i.Title == item.Title && i.DocumentNo == item.DocumentNo, ct))
            {
                throw Refuse.Conflict("该文件已列入本次清理。");
            }
            (item.OrgUnitId, item.UnitName) = (unit!.Id, unit.Name);
        }
        db.CleanupItems.Add(item);
        await db.SaveChangesAsync(ct);
        return item;
    }

    private async Task<CleanupCampaign> OpenCampaignAsync(Guid id, CancellationToken ct)
    {
        var campaign = await db.CleanupCampaigns.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw Refuse.NotFound("清理不存在。");
        if (campaign.PublishedOn is not null)
        {
            throw Refuse.Conflict($"清理结果已于 {campaign.PublishedOn:yyyy-MM-dd} 公布，不能再变更。");
        }
        return campaign;
    }

    // ---- the unit's proposal and the office's review -------------------------------------------------------------------

    /// <summary>The owning unit proposes 保留 / 修改 / 废止 / 宣布失效 with the reason (again after a return; changeable until decided).</summary>
    public async Task<CleanupItem> ProposeAsync(Guid itemId, ProposalInput input, CancellationToken ct)
    {
        var item = await db.CleanupItems.FirstOrDefaultAsync(i => i.Id == itemId, ct) ?? throw Refuse.NotFound("清理文件不存在或不在您的数据范围内。");
        Refuse.UnlessVersion(input.Version, item.Version, "清理文件");
        await OpenCampaignAsync(item.CampaignId, ct);
        if (item.State == CleanupItemState.Decided)
        {
            throw Refuse.Conflict($"《{item.Title}》已审定为“{OutcomeName(item.Decision)}”，不能再提出意见。");
        }
        var checks = new FieldChecks();
        checks.When(input.Outcome is not { } o || !Enum.IsDefined(o), "outcome", "请选择清理意见：保留、修改、废止或宣布失效。");
        var reason = TextRules.Optional(checks, "reason", "理由", input.Reason, 2000) ?? "";
        checks.When(reason.Length == 0, "reason", "清理意见须写明理由。");
        checks.ThrowIfAny("清理意见未提出。");
        (item.Proposal, item.ProposalReason, item.ProposedBy, item.ProposedOn, item.State) = (input.Outcome, reason, user.UserName ?? "", Today, CleanupItemState.Proposed);
        await db.SaveChangesAsync(ct);
        return item;
    }

    /// <summary>The office decides a proposal (a different outcome needs the reason) or returns it to the unit with the reason.</summary>
    public async Task<CleanupItem> ReviewAsync(Guid itemId, ReviewInput input, CancellationToken ct)
    {
        RequireOffice();
        var item = await db.CleanupItems.FirstOrDefaultAsync(i => i.Id == itemId, ct) ?? throw Refuse.NotFound("清理文件不存在或不在您的数据范围内。");
        Refuse.UnlessVersion(input.Version, item.Version, "清理文件");
        await OpenCampaignAsync(item.CampaignId, ct);
        if (item.State != CleanupItemState.Proposed)
        {
            throw Refuse.Conflict(item.State == CleanupItemState.Decided
                ? $"《{item.Title}》已审定为“{OutcomeName(item.Decision)}”。"
                : $"{item.UnitName}尚未对《{item.Title}》提出清理意见，不能审定。");
        }
        var checks = new FieldChecks();
        var reason = TextRules.Optional(checks, "reason", "理由", input.Reason, 2000) ?? "";
        if (input.Return)
        {
            checks.When(reason.Length == 0, "reason", "退回须写明理由。");
            checks.ThrowIfAny("未退回。");
            (item.State, item.ReturnReason) = (CleanupItemState.Returned, reason);
        }
        else
        {
            checks.When(input.Outcome is not { } o || !Enum.IsDefined(o), "outcome", "请选择审定结果：保留、修改、废止或宣布失效。");
            checks.When(input.Outcome is { } d && d != item.Proposal && reason.Length == 0, "reason", "审定结果与单位意见不同，须写明理由。");
            checks.ThrowIfAny("未审定。");
            (item.State, item.Decision, item.DecisionReason, item.DecidedBy, item.DecidedOn) =
                (CleanupItemState.Decided, input.Outcome, reason.Length > 0 ? reason : item.ProposalReason, user.UserName ?? "", Today);
        }
        await db.SaveChangesAsync(ct);
        return item;
    }

    /// <summary>
    /// Publishes the result: refused while a listed document is undecided (naming it). Normative documents decided 废止 or 宣布失效
    /// change status (no longer in force) with the campaign and the reason recorded on them.
    /// </summary>
    public async Task<CleanupCampaign> PublishAsync(Guid id, long? version, CancellationToken ct)
    {
        RequireOffice();
        var campaign = await OpenCampaignAsync(id, ct);
        Refuse.UnlessVersion(version, campaign.Version, "清理");
        var items = await db.CleanupItems.Where(i => i.CampaignId == id).ToListAsync(ct);
        if (items.Count == 0)
        {
            throw Refuse.Conflict("本次清理还没有列入文件，不能公布结果。");
        }
        var open = items.Where(i => i.State != CleanupItemState.Decided).OrderBy(i => i.UnitName).ToList();
        if (open.Count > 0)
        {
            throw Refuse.Conflict($"尚有 {open.Count} 件文件未审定（如{open[0].UnitName}《{open[0].Title}》：{StateName(open[0].State)}），全部审定后才能公布清理结果。");
        }
        campaign.PublishedOn = Today;
        foreach (var item in items.Where(i => i.SourceKind == CleanupSourceKind.NormativeDocument && i.SourceId is not null
                     && i.Decision is CleanupOutcome.Repeal or CleanupOutcome.DeclareInvalid))
        {
            var doc = await db.Drafts.FirstOrDefaultAsync(d => d.Id == item.SourceId && d.Status == DraftStatus.Published, ct);
            if (doc is not null)
            {
                doc.Status = item.Decision == CleanupOutcome.Repeal ? DraftStatus.Repealed : DraftStatus.DeclaredInvalid;
                doc.RepealedOn = Today;
                // Repealed on or before its effective date it never takes effect (施行前废止); the library records it so too (ADR 0051).
                var never = doc.EffectiveOn is { } effective && effective >= Today ? "施行前" + OutcomeName(item.Decision) + "，未生效。" : "";
                doc.RepealNote = $"{campaign.Title}（{Today:yyyy-MM-dd} 公布）：{OutcomeName(item.Decision)}。{never}{item.DecisionReason}";
            }
        }
        // The library's validity follows (ADR 0047): every document decided 废止 or 宣布失效 — a normative document, a regulation
        // or a rule — ends its work there, when the library holds it, from the day the result is published.
        foreach (var item in items.Where(i => i.Decision is CleanupOutcome.Repeal or CleanupOutcome.DeclareInvalid))
        {
            await library.EndAsync(item.Title, item.Decision == CleanupOutcome.Repeal, Today,
                $"{campaign.Title}（{Today:yyyy-MM-dd} 公布）：{OutcomeName(item.Decision)}。{item.DecisionReason}", ct);
        }
        await db.SaveChangesAsync(ct);
        return campaign;
    }

    // ---- the result list --------------------------------------------------------------------------------------------------

    public async Task<(byte[] Bytes, string Name)> ExportAsync(Guid id, CancellationToken ct)
    {
        var detail = await GetAsync(id, ct);
        await db.WriteAuditEventAsync("rulemaking.cleanup.export", nameof(CleanupCampaign), id.ToString(), new { items = detail.Items.Count }, ct);
        return (Workbook(detail), DownloadName.Safe($"清理结果-{detail.Campaign.Title}.xlsx"));
    }

    internal static byte[] Workbook(CampaignDetail detail)
    {
        var columns = new XlsxColumn[]
        {
            new("序号", 6), new("文件名称", 40), new("文号", 24), new("类别", 14), new("制定或实施单位", 24), new("单位意见", 10), new("单位理由", 40), new("清理结果", 10),
            new("审定理由", 40), new("状态", 10),
        };
        var rows = detail.Items.Select((i, n) => (IReadOnlyList<object?>)
        [
            n + 1, i.Title, i.DocumentNo, SourceName(i.SourceKind), i.UnitName, OutcomeName(i.Proposal), i.ProposalReason, OutcomeName(i.Decision), i.DecisionReason, StateName(i.State),
        ]);
        return XlsxWriter.Write(new XlsxSheet("清理结果", columns, rows));
    }
}

/// <summary>The published results for the public (no account; read as system work).</summary>
internal sealed class CleanupPublic(ISystemWork systemWork, IDeadlineService clock)
{
    public async Task<List<CleanupCampaign>> PublishedAsync(CancellationToken ct)
    {
        await using var system = systemWork.Db<RulemakingDb>("清理结果公开");
        return await system.CleanupCampaigns.AsNoTracking().Where(c => c.PublishedOn != null).OrderByDescending(c => c.PublishedOn).Take(200).ToListAsync(ct);
    }

    public async Task<CampaignDetail?> GetAsync(Guid id, CancellationToken ct)
    {
        await using var system = systemWork.Db<RulemakingDb>("清理结果公开");
        var campaign = await system.CleanupCampaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.PublishedOn != null, ct);
        if (campaign is null)
        {
            return null;
        }
        var items = await system.CleanupItems.AsNoTracking().Where(i => i.CampaignId == id).OrderBy(i => i.UnitName).ThenBy(i => i.Title).ToListAsync(ct);
        return CleanupService.Detail(campaign, items, clock.Today);
    }
}
