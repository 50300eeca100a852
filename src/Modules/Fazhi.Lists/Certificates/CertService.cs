using Fazhi.Library.Contracts;
using Fazhi.Lists.Data;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Lists.Certificates;

/// <summary>The content of an item as a unit proposes it (or an import row gives it).</summary>
internal sealed record CertItemInput(string? Name, string? Matter, Guid? RequestingUnitId, string? IssuingUnit, string? LegalBasis, bool NotifyCommit = false,
    string? CommitmentText = null, string? VerificationMethod = null, string? FalseCommitmentConsequence = null, string? ServiceGuide = null);

/// <summary>A proposal: add (with the item), change an item (its code and new content), or cancel one (its code, date and reason).</summary>
internal sealed record CertChangeInput(CertChangeKind Kind, string? ItemCode = null, CertItemInput? Item = null, DateOnly? CancelledOn = null, string? CancelReason = null,
    string? Reason = null);

internal sealed record CertReviewInput(bool Accept, string? Note = null);

internal sealed record CertPublishInput(DateOnly? EffectiveOn = null, string? Note = null);

/// <summary>A field that differs between two versions of an item.</summary>
internal sealed record CertFieldChange(string Label, string Old, string New);

/// <summary>One item's difference between two versions: 新增, 取消, 恢复 or 变更 (with the fields).</summary>
internal sealed record CertDiffEntry(string ItemCode, string Name, string Kind, IReadOnlyList<CertFieldChange> Fields);

internal sealed record CertDiff(int From, int To, IReadOnlyList<CertDiffEntry> Entries);

/// <summary>
/// The certification-item list (证明事项清单): the list as published on any date, proposals into the one open draft, the list
/// owner's review, publishing a new immutable version, and the difference between two versions.
/// 优化营商环境条例 第四十四条 / 山东省优化营商环境条例 第三十九条: a certificate needs a basis in law, regulation or a State
/// Council decision, and nothing outside the published list may be demanded.
/// </summary>
internal sealed class CertService(ListsDb db, ICurrentUser user, IDeadlineService clock, ILawReferences laws, IOrgDirectory orgs, INumberSequence numbers,
    Search.VersionSearch search)
{
    /// <summary>编码 of a new item when the proposal gives none.</summary>
    public static readonly NumberSequenceDefinition ItemCodes = new("lists.cert.item", "证明事项编码", "ZM{year}-{seq:0000}");

    /// <summary>The rule a basis-less certificate breaks, named in refusals.</summary>
    public const string BasisRule = "优化营商环境条例 第四十四条";

    /// <summary>
    /// The public and staff list: keyword over name, matter, units and code; sortable by code, name, unit. The published list
    /// is searched and ordered in memory with the same meaning (<see cref="PageAsync"/>, ADR 0044).
    /// </summary>
    public static readonly ListShape<CertItemRevision> Shape = new ListShape<CertItemRevision>()
        .Search((q, k) => q.Where(r => r.Name.Contains(k) || r.Matter.Contains(k) || r.RequestingUnitName.Contains(k) || r.IssuingUnit.Contains(k) || r.ItemCode.Contains(k)))
        .SortBy("code", r => r.ItemCode)
        .SortBy("name", r => r.Name)
        .SortBy("unit", r => r.RequestingUnitName)
        .ThenBy(r => r.Id);

    public DateOnly Today => clock.Today;

    /// <summary>Reviewing, publishing, importing and delegating are the list owner's (the page and the API both come here).</summary>
    private void RequireOwner()
    {
        if (!user.Has(ListsPermissions.CertManage))
        {
            throw Refuse.Forbidden("只有清单管理部门可以审核、发布和导入清单。");
        }
    }

    /// <summary>The version in force on <paramref name="on"/>: the last published one effective by then (null before the first).</summary>
    public Task<CertListVersion?> VersionOnAsync(DateOnly on, CancellationToken ct) =>
        db.CertVersions.AsNoTracking().Where(v => v.Status == CertVersionStatus.Published && v.EffectiveOn <= on).OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);

    public Task<List<CertListVersion>> VersionsAsync(CancellationToken ct) =>
        db.CertVersions.AsNoTracking().OrderByDescending(v => v.Number).ToListAsync(ct);

    /// <summary>The items of version <paramref name="number"/> (the revisions open at that number).</summary>
    public IQueryable<CertItemRevision> ItemsIn(int number) =>
        db.CertItems.AsNoTracking().Where(r => r.FromVersion <= number && (r.ToVersion == null || r.ToVersion > number));

    /// <summary>One page of the list as it stood on <paramref name="on"/> (today when absent); in-force items only unless <paramref name="status"/> says otherwise.</summary>
    public async Task<(CertListVersion? Version, Paged<CertItemRevision> Page)> PageAsync(ListRequest request, DateOnly? on, CertItemStatus? status, CancellationToken ct)
    {
        var version = await VersionOnAsync(on ?? Today, ct);
        if (version is null)
        {
            return (null, new Paged<CertItemRevision>([], 0, request.Page.Page, request.Page.PageSize));
        }
        var wanted = status ?? CertItemStatus.InForce;
        var snapshot = await search.GetAsync("certificates", version.Id, async () =>
        {
            var rows = await ItemsIn(version.Number)
                .Select(r => new { r.Id, r.Status, r.Name, r.Matter, r.RequestingUnitName, r.IssuingUnit, r.ItemCode })
                .ToListAsync(CancellationToken.None);
            return new Search.VersionSnapshot<CertItemStatus>(rows.Select(r => new Search.SearchRow<CertItemStatus>(r.Id, r.Status,
                new Dictionary<string, string> { ["code"] = r.ItemCode, ["name"] = r.Name, ["unit"] = r.RequestingUnitName },
                [r.Name, r.Matter, r.RequestingUnitName, r.IssuingUnit, r.ItemCode])).ToList(), Shape.SortKeys);
        });
        var (ids, total) = snapshot.Page(request.Keyword, (_, s) => s == wanted, request.Sort, request.Dir == SortDirection.Desc, request.Page);
        var rows = (await db.CertItems.AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(ct)).ToDictionary(r => r.Id);
        return (version, new Paged<CertItemRevision>(ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList(), total, request.Page.Page, request.Page.PageSize));
    }

    /// <summary>An item as it stands in the latest published version (for a change or cancellation).</summary>
    public Task<CertItemRevision?> CurrentItemAsync(string code, CancellationToken ct) =>
        db.CertItems.AsNoTracking().FirstOrDefaultAsync(r => r.ItemCode == code && r.ToVersion == null, ct);

    /// <summary>The open draft and the proposals in it the caller may see (a unit: its own items; the owner: all).</summary>
    public async Task<(CertListVersion? Draft, List<CertChange> Changes)> DraftAsync(CancellationToken ct)
    {
        var draft = await db.CertVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Status == CertVersionStatus.Draft, ct);
        if (draft is null)
        {
            return (null, []);
        }
        var changes = await db.CertChanges.AsNoTracking().Where(c => c.DraftVersionId == draft.Id).OrderBy(c => c.ReviewStatus).ThenBy(c => c.ItemCode).ThenBy(c => c.Id).ToListAsync(ct);
        return (draft, changes);
    }

    public async Task<CertChange> ChangeAsync(Guid id, CancellationToken ct) =>
        await db.CertChanges.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw Refuse.NotFound("变更申请不存在或不在您的数据范围内。");

    /// <summary>
    /// Checks an item's content; the field names are the API's (<c>item.name</c> …). The basis must cite at least one article
    /// (优化营商环境条例 第四十四条), none of them repealed or removed; an item under 告知承诺制 states the commitment, how it
    /// is verified and what a false one costs (山东省优化营商环境条例 第二十九条).
    /// </summary>
    public static void CheckContent(FieldChecks checks, string prefix, CertItemInput? input, IReadOnlyList<LawReference> basis)
    {
        input ??= new CertItemInput(null, null, null, null, null);
        TextRules.Required(checks, prefix + "name", "证明名称", input.Name, 200);
        TextRules.Required(checks, prefix + "matter", "办理事项", input.Matter, 400);
        checks.When(input.RequestingUnitId is null || input.RequestingUnitId == Guid.Empty, prefix + "requestingUnitId", "请选择索要单位。");
        TextRules.Required(checks, prefix + "issuingUnit", "开具单位", input.IssuingUnit, 200);
        var text = TextRules.Required(checks, prefix + "legalBasis", "设定依据", input.LegalBasis, 2000);
        if (text.Length > 0 && basis.Count == 0)
        {
            checks.Add(prefix + "legalBasis", "证明事项须有法律、法规或者国务院决定的设定依据，请写明条款，如《优化营商环境条例》第四十四条（优化营商环境条例 第四十四条）。");
        }
        foreach (var r in basis.Where(r => r.State is ReferenceState.Repealed or ReferenceState.Removed))
        {
            checks.Add(prefix + "legalBasis", $"设定依据{r.Citation}{r.StateLabel}，不能作为证明事项的依据。");
        }
        TextRules.Optional(checks, prefix + "serviceGuide", "办事指南", input.ServiceGuide, 4000);
        if (input.NotifyCommit)
        {
            const string why = "实行告知承诺制的，须写明{0}（山东省优化营商环境条例 第二十九条）。";
            checks.When(string.IsNullOrWhiteSpace(input.CommitmentText), prefix + "commitmentText", string.Format(why, "承诺内容"));
            checks.When(string.IsNullOrWhiteSpace(input.VerificationMethod), prefix + "verificationMethod", string.Format(why, "核查方式"));
            checks.When(string.IsNullOrWhiteSpace(input.FalseCommitmentConsequence), prefix + "falseCommitmentConsequence", string.Format(why, "虚假承诺的后果"));
        }
        TextRules.Optional(checks, prefix + "commitmentText", "承诺内容", input.CommitmentText, 4000);
        TextRules.Optional(checks, prefix + "verificationMethod", "核查方式", input.VerificationMethod, 2000);
        TextRules.Optional(checks, prefix + "falseCommitmentConsequence", "虚假承诺的后果", input.FalseCommitmentConsequence, 2000);
    }

    /// <summary>A unit proposes an addition, a change or a cancellation of one of its own items into the open draft.</summary>
    public async Task<CertChange> ProposeAsync(CertChangeInput input, CancellationToken ct)
    {
        var checks = new FieldChecks();
        var basis = input.Item?.LegalBasis is { Length: > 0 } text ? await laws.ResolveAllAsync(text, Today, ct) : [];
        var change = await BuildChangeAsync(checks, "", input, basis, ct);
        checks.ThrowIfAny("变更申请有误，未提交。");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await AddChangesAsync([change!], ct);
        await tx.CommitAsync(ct);
        return change!;
    }

    /// <summary>
    /// Builds (not saves) a proposal, adding every reason it cannot be made to <paramref name="checks"/> under
    /// <paramref name="prefix"/>; null when it cannot.
    /// </summary>
    internal async Task<CertChange?> BuildChangeAsync(FieldChecks checks, string prefix, CertChangeInput input, IReadOnlyList<LawReference> basis, CancellationToken ct,
        IReadOnlyDictionary<Guid, Fazhi.Platform.Kit.OrgUnitInfo>? units = null)
    {
        var before = checks.Errors.Count;
        var code = TextRules.Optional(checks, prefix + "itemCode", "证明事项编码", input.ItemCode, 40);
        var reason = TextRules.Optional(checks, prefix + "reason", "变更理由", input.Reason, 2000) ?? "";
        CertItemRevision? current = null;
        if (input.Kind is CertChangeKind.Change or CertChangeKind.Cancel)
        {
            current = code is null ? null : await CurrentItemAsync(code, ct);
            if (current is null || current.Status != CertItemStatus.InForce)
            {
                checks.Add(prefix + "itemCode", code is null ? "请写明要变更或取消的证明事项编码。" : $"现行清单中没有在用的证明事项“{code}”。");
                return null;
            }
            if (!user.Scope.Allows(current.RequestingUnitId))
            {
                checks.Add(prefix + "itemCode", $"证明事项“{code}”由{current.RequestingUnitName}索要，只能由该单位或清单管理部门提出变更。");
                return null;
            }
        }
        else if (code is not null && (await db.CertItems.AnyAsync(r => r.ItemCode == code, ct)))
        {
            checks.Add(prefix + "itemCode", $"证明事项编码“{code}”已在清单中使用，新增事项请另行编码或留空自动编号。");
        }
        var change = new CertChange { Kind = input.Kind, ItemCode = code ?? "", Reason = reason, ProposedBy = user.UserName ?? "system", ProposedOn = Today, ReviewStatus = CertChangeStatus.Pending };
        if (input.Kind == CertChangeKind.Cancel)
        {
            change.CopyContentFrom(current!);
            var why = TextRules.Required(checks, prefix + "cancelReason", "取消原因", input.CancelReason, 1000);
            DateRules.Check(checks, prefix + "cancelledOn", "取消日期", input.CancelledOn);
            (change.Status, change.CancelledOn, change.CancelReason, change.OrgUnitId) = (CertItemStatus.Cancelled, input.CancelledOn ?? Today, why, current!.RequestingUnitId);
        }
        else
        {
            CheckContent(checks, prefix + "item.", input.Item, basis);
            var unitId = input.Item?.RequestingUnitId ?? Guid.Empty;
            var unit = unitId == Guid.Empty ? null : units is not null ? units.GetValueOrDefault(unitId) : await orgs.FindAsync(unitId, ct);
            if (unitId != Guid.Empty && unit is null)
            {
                checks.Add(prefix + "item.requestingUnitId", "索要单位不存在。");
            }
            else if (unit is not null && !user.Scope.Allows(unit.Id))
            {
                checks.Add(prefix + "item.requestingUnitId", $"只能为本单位索要的证明事项提出申请（{unit.Name}不在您的数据范围内）。");
            }
            if (checks.Errors.Count > before)
            {
                return null;
            }
            var i = input.Item!;
            (change.Name, change.Matter, change.RequestingUnitId, change.RequestingUnitName, change.IssuingUnit, change.LegalBasis) =
                (i.Name!.Trim(), i.Matter!.Trim(), unit!.Id, unit.Name, i.IssuingUnit!.Trim(), i.LegalBasis!.Trim());
            (change.NotifyCommit, change.CommitmentText, change.VerificationMethod, change.FalseCommitmentConsequence, change.ServiceGuide) =
                (i.NotifyCommit, i.CommitmentText?.Trim() ?? "", i.VerificationMethod?.Trim() ?? "", i.FalseCommitmentConsequence?.Trim() ?? "", i.ServiceGuide?.Trim() ?? "");
            change.OrgUnitId = unit.Id;
            if (current is not null && !user.Scope.Allows(current.RequestingUnitId))
            {
                checks.Add(prefix + "itemCode", "只能变更本单位索要的证明事项。");
            }
        }
        return checks.Errors.Count > before ? null : change;
    }

    /// <summary>Adds proposals to the open draft (opening one if there is none); inside the caller's transaction.</summary>
    internal async Task<CertListVersion> AddChangesAsync(IReadOnlyList<CertChange> changes, CancellationToken ct)
    {
        var draft = await db.CertVersions.FirstOrDefaultAsync(v => v.Status == CertVersionStatus.Draft, ct);
        if (draft is null)
        {
            var last = await db.CertVersions.MaxAsync(v => (int?)v.Number, ct) ?? 0;
            draft = new CertListVersion { Number = last + 1, Status = CertVersionStatus.Draft };
            db.CertVersions.Add(draft);
        }
        foreach (var change in changes)
        {
            if (change.ItemCode.Length == 0)
            {
                change.ItemCode = (await numbers.NextAsync(db, ItemCodes.Key, new NumberScope(Today.Year), ct)).Number;
            }
            change.DraftVersionId = draft.Id;
            db.CertChanges.Add(change);
        }
        await db.SaveChangesAsync(ct);
        return draft;
    }

    /// <summary>The list owner accepts or rejects a proposal (a rejection says why); one accepted change per item and draft.</summary>
    public async Task<CertChange> ReviewAsync(Guid id, CertReviewInput input, CancellationToken ct)
    {
        RequireOwner();
        var change = await db.CertChanges.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw Refuse.NotFound("变更申请不存在或不在您的数据范围内。");
        var draft = await db.CertVersions.AsNoTracking().FirstAsync(v => v.Id == change.DraftVersionId, ct);
        if (draft.Status != CertVersionStatus.Draft || change.ReviewStatus != CertChangeStatus.Pending)
        {
            throw Refuse.Conflict("该变更申请已审核，或所在版本已发布。");
        }
        if (input.Accept)
        {
            if (await db.CertChanges.AnyAsync(c => c.DraftVersionId == draft.Id && c.ItemCode == change.ItemCode && c.ReviewStatus == CertChangeStatus.Accepted, ct))
            {
                throw Refuse.Conflict($"证明事项“{change.ItemCode}”在本版本中已有审核通过的变更，请先驳回其中一项。");
            }
            change.ReviewStatus = CertChangeStatus.Accepted;
            change.ReviewNote = input.Note?.Trim() ?? "";
        }
        else
        {
            var checks = new FieldChecks();
            change.ReviewNote = TextRules.Required(checks, "note", "驳回理由", input.Note, 2000);
            checks.ThrowIfAny("驳回须写明理由。");
            change.ReviewStatus = CertChangeStatus.Rejected;
        }
        (change.ReviewedBy, change.ReviewedOn) = (user.UserName ?? "system", Today);
        await db.SaveChangesAsync(ct);
        return change;
    }

    /// <summary>Accepts every pending proposal of the draft (after an import the owner has checked), one per item.</summary>
    public async Task<int> AcceptAllAsync(CancellationToken ct)
    {
        RequireOwner();
        var draft = await db.CertVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Status == CertVersionStatus.Draft, ct) ?? throw Refuse.Conflict("没有待审核的草稿版本。");
        var all = await db.CertChanges.Where(c => c.DraftVersionId == draft.Id && c.ReviewStatus != CertChangeStatus.Rejected).ToListAsync(ct);
        var accepted = all.Where(c => c.ReviewStatus == CertChangeStatus.Accepted).Select(c => c.ItemCode).ToHashSet();
        var pending = all.Where(c => c.ReviewStatus == CertChangeStatus.Pending).OrderBy(c => c.Id).ToList();
        if (pending.Select(c => c.ItemCode).Concat(accepted).GroupBy(c => c).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw Refuse.Conflict($"证明事项“{twice.Key}”有多项变更申请，请逐项审核。");
        }
        foreach (var c in pending)
        {
            (c.ReviewStatus, c.ReviewedBy, c.ReviewedOn) = (CertChangeStatus.Accepted, user.UserName ?? "system", Today);
        }
        await db.SaveChangesAsync(ct);
        return pending.Count;
    }

    /// <summary>
    /// Publishes the draft as the next version: refused while a proposal is unreviewed or when nothing was accepted; the
    /// accepted changes close the items' old revisions and open new ones; the version then never changes.
    /// </summary>
    public async Task<CertListVersion> PublishAsync(CertPublishInput input, CancellationToken ct)
    {
        RequireOwner();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var draft = await db.CertVersions.FirstOrDefaultAsync(v => v.Status == CertVersionStatus.Draft, ct) ?? throw Refuse.Conflict("没有待发布的草稿版本。");
        var changes = await db.CertChanges.AsNoTracking().Where(c => c.DraftVersionId == draft.Id).ToListAsync(ct);
        var pending = changes.Count(c => c.ReviewStatus == CertChangeStatus.Pending);
        if (pending > 0)
        {
            throw Refuse.Conflict($"草稿中尚有 {pending} 项变更未经审核，不能发布：清单的每一项新增、变更和取消须经清单管理部门审核后发布。");
        }
        var accepted = changes.Where(c => c.ReviewStatus == CertChangeStatus.Accepted).OrderBy(c => c.ItemCode).ToList();
        if (accepted.Count == 0)
        {
            throw Refuse.Conflict("草稿中没有审核通过的变更，不能发布新版本。");
        }
        var checks = new FieldChecks();
        DateRules.Check(checks, "effectiveOn", "生效日期", input.EffectiveOn);
        var effective = input.EffectiveOn ?? Today;
        var previous = await db.CertVersions.AsNoTracking().Where(v => v.Status == CertVersionStatus.Published).OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        checks.When(previous?.EffectiveOn > effective, "effectiveOn", $"生效日期不能早于上一版本（第 {previous?.Number} 版）的生效日期 {previous?.EffectiveOn:yyyy-MM-dd}。");
        var note = TextRules.Optional(checks, "note", "发布说明", input.Note, 2000);
        checks.ThrowIfAny("发布未执行。");
        var codes = accepted.Select(c => c.ItemCode).ToList();
        var open = await db.CertItems.Where(r => codes.Contains(r.ItemCode) && r.ToVersion == null).ToDictionaryAsync(r => r.ItemCode, ct);
        var demo = accepted.All(c => c.IsDemo);
        foreach (var change in accepted)
        {
            if (open.TryGetValue(change.ItemCode, out var old))
            {
                old.ToVersion = draft.Number;
            }
            else if (change.Kind != CertChangeKind.Add)
            {
                throw Refuse.Conflict($"证明事项“{change.ItemCode}”已不在现行清单中，该变更不能发布，请驳回。");
            }
            var revision = new CertItemRevision { ItemCode = change.ItemCode, FromVersion = draft.Number, IsDemo = change.IsDemo };
            revision.CopyContentFrom(change);
            db.CertItems.Add(revision);
        }
        (draft.Status, draft.EffectiveOn, draft.Note, draft.PublishedBy, draft.PublishedAt) =
            (CertVersionStatus.Published, effective, note ?? (demo ? "演示版本" : ""), user.UserName ?? "system", DateTimeOffset.UtcNow);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return draft;
    }

    /// <summary>What changed between two published versions (either order), item by item with the fields that differ.</summary>
    public async Task<CertDiff> DiffAsync(int from, int to, CancellationToken ct)
    {
        var published = await db.CertVersions.AsNoTracking().Where(v => v.Status == CertVersionStatus.Published).Select(v => v.Number).ToListAsync(ct);
        var checks = new FieldChecks();
        checks.When(!published.Contains(from), "from", $"第 {from} 版不存在或尚未发布。");
        checks.When(!published.Contains(to), "to", $"第 {to} 版不存在或尚未发布。");
        checks.ThrowIfAny("版本比较条件有误。");
        var before = await ItemsIn(from).ToDictionaryAsync(r => r.ItemCode, ct);
        var after = await ItemsIn(to).ToDictionaryAsync(r => r.ItemCode, ct);
        var entries = new List<CertDiffEntry>();
        foreach (var code in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var a = before.GetValueOrDefault(code);
            var b = after.GetValueOrDefault(code);
            if (a is null || (a.Status == CertItemStatus.Cancelled && b?.Status == CertItemStatus.InForce))
            {
                entries.Add(new CertDiffEntry(code, b!.Name, a is null ? (b.Status == CertItemStatus.Cancelled ? "取消" : "新增") : "恢复", []));
            }
            else if (b is null || (a.Status == CertItemStatus.InForce && b.Status == CertItemStatus.Cancelled))
            {
                entries.Add(new CertDiffEntry(code, a.Name, "取消", b is null ? [] : [new CertFieldChange("取消原因", "", b.CancelReason)]));
            }
            else if (a.Id != b.Id && Fields(a, b) is { Count: > 0 } fields)
            {
                entries.Add(new CertDiffEntry(code, b.Name, "变更", fields));
            }
        }
        return new CertDiff(from, to, entries);
    }

    private static List<CertFieldChange> Fields(CertItemContent a, CertItemContent b)
    {
        var list = new List<CertFieldChange>();
        void Compare(string label, string x, string y)
        {
            if (!string.Equals(x, y, StringComparison.Ordinal))
            {
                list.Add(new CertFieldChange(label, x, y));
            }
        }
        Compare("证明名称", a.Name, b.Name);
        Compare("办理事项", a.Matter, b.Matter);
        Compare("索要单位", a.RequestingUnitName, b.RequestingUnitName);
        Compare("开具单位", a.IssuingUnit, b.IssuingUnit);
        Compare("设定依据", a.LegalBasis, b.LegalBasis);
        Compare("告知承诺制", a.NotifyCommit ? "是" : "否", b.NotifyCommit ? "是" : "否");
        Compare("承诺内容", a.CommitmentText, b.CommitmentText);
        Compare("核查方式", a.VerificationMethod, b.VerificationMethod);
        Compare("虚假承诺的后果", a.FalseCommitmentConsequence, b.FalseCommitmentConsequence);
        Compare("办事指南", a.ServiceGuide, b.ServiceGuide);
        Compare("状态", StatusName(a.Status), StatusName(b.Status));
        return list;
    }

    /// <summary>Whether two contents are the same (an import row that changes nothing is skipped).</summary>
    public static bool SameContent(CertItemContent a, CertItemContent b) => Fields(a, b).Count == 0;

    public static string StatusName(CertItemStatus s) => s == CertItemStatus.InForce ? "在用" : "已取消";

    public static string KindName(CertChangeKind k) => k switch
    {
        CertChangeKind.Add => "新增",
        CertChangeKind.Change => "变更",
        _ => "取消",
    };

    public static string ChangeStatusName(CertChangeStatus s) => s switch
    {
        CertChangeStatus.Pending => "待审核",
        CertChangeStatus.Accepted => "审核通过",
        _ => "已驳回",
    };
}

