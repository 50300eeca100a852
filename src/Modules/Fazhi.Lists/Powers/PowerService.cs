using Fazhi.Library.Contracts;
using Fazhi.Lists.Certificates;
using Fazhi.Lists.Data;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Lists.Powers;

internal sealed record PowerItemInput(string? MatterCode, string? Name, PowerKind Kind, PowerLevel Level, Guid? UnitId, string? SubItems, string? LegalBasis,
    string? Responsibilities, string? Accountability);

internal sealed record PowerChangeInput(CertChangeKind Kind, string? ItemCode = null, PowerItemInput? Item = null, string? CancelReason = null, string? Reason = null);

internal sealed record PowerListFilter(PowerLevel? Level = null, PowerKind? Kind = null, bool FlaggedOnly = false, Guid? UnitId = null);

/// <summary>One matter of the 市县同权 view: the units that hold it, per level, and the county-level units that lack it.</summary>
internal sealed record ParityRow(string MatterCode, string Name, PowerKind Kind, IReadOnlyList<PowerItemRevision> City, IReadOnlyList<PowerItemRevision> Counties,
    IReadOnlyList<TownDelegation> Towns, IReadOnlyList<string> CountiesLacking, bool CityLacks);

internal sealed record DelegationInput(string? ItemCode, Guid? TownUnitId, string? DocumentNumber, string? DocumentTitle, DateOnly? DelegatedOn);

internal sealed record FlagRun(int Checked, int Flagged, int Cleared);

/// <summary>
/// The power and responsibility list (权责清单) at three levels, versioned like the certification list (ADR 0025): units
/// propose, the owner reviews and publishes. A basis citing a repealed article is refused; the legal-change check marks
/// items whose cited articles were amended, removed or repealed since their version took effect (山东省行政执法监督条例
/// 第十九条: 行政权力事项动态管理). The 市县同权 view lines the same matter up across city and counties; town delegations
/// (双十镇 赋权) are recorded with their document.
/// </summary>
internal sealed class PowerService(ListsDb db, ICurrentUser user, IDeadlineService clock, ILawReferences laws, IOrgDirectory orgs, INumberSequence numbers,
    Search.VersionSearch search)
{
    public static readonly NumberSequenceDefinition ItemCodes = new("lists.power.item", "权责清单事项编码", "QZ{year}-{seq:00000}");

    /// <summary>
    /// The list's request shape (keyword, sort keys). The published list is searched and ordered in memory
    /// (<see cref="PageAsync"/>, ADR 0044) with the same meaning as this keyword filter: a substring of the name, unit or codes.
    /// </summary>
    public static readonly ListShape<PowerItemRevision> Shape = new ListShape<PowerItemRevision>()
        .Search((q, k) => q.Where(r => r.Name.Contains(k) || r.UnitName.Contains(k) || r.ItemCode.Contains(k) || r.MatterCode.Contains(k)))
        .SortBy("matter", r => r.MatterCode)
        .SortBy("name", r => r.Name)
        .SortBy("unit", r => r.UnitName)
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

    public Task<PowerListVersion?> VersionOnAsync(DateOnly on, CancellationToken ct) =>
        db.PowerVersions.AsNoTracking().Where(v => v.Status == CertVersionStatus.Published && v.EffectiveOn <= on).OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);

    public Task<List<PowerListVersion>> VersionsAsync(CancellationToken ct) => db.PowerVersions.AsNoTracking().OrderByDescending(v => v.Number).ToListAsync(ct);

    public IQueryable<PowerItemRevision> ItemsIn(int number) =>
        db.PowerItems.AsNoTracking().Where(r => r.FromVersion <= number && (r.ToVersion == null || r.ToVersion > number));

    /// <summary>
    /// One page of the list in force on <paramref name="on"/> (today when absent): keyword, filters, order and page from the
    /// version's in-memory snapshot (<see cref="Search.VersionSearch"/>, ADR 0044), then the page's rows by id.
    /// </summary>
    public async Task<(PowerListVersion? Version, Paged<PowerItemRevision> Page)> PageAsync(ListRequest request, DateOnly? on, PowerListFilter filter, CancellationToken ct)
    {
        var version = await VersionOnAsync(on ?? Today, ct);
        if (version is null)
        {
            return (null, new Paged<PowerItemRevision>([], 0, request.Page.Page, request.Page.PageSize));
        }
        var snapshot = await SnapshotAsync(version);
        var flagged = filter.FlaggedOnly ? (await db.PowerFlags.AsNoTracking().Select(f => f.RevisionId).Distinct().ToListAsync(ct)).ToHashSet() : null;
        var (ids, total) = snapshot.Page(request.Keyword, (id, r) => r.Status == PowerItemStatus.InForce
            && (filter.Level is not { } level || r.Level == level)
            && (filter.Kind is not { } kind || r.Kind == kind)
            && (filter.UnitId is not { } unit || r.UnitId == unit)
            && (flagged is null || flagged.Contains(id)), request.Sort, request.Dir == SortDirection.Desc, request.Page);
        var rows = (await db.PowerItems.AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(ct)).ToDictionary(r => r.Id);
        return (version, new Paged<PowerItemRevision>(ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList(), total, request.Page.Page, request.Page.PageSize));
    }

    internal sealed record SearchFilter(PowerItemStatus Status, PowerLevel Level, PowerKind Kind, Guid UnitId);

    /// <summary>The version's items as the search keeps them: filters, the sort keys of <see cref="Shape"/> and the text its keyword searches.</summary>
    private Task<Search.VersionSnapshot<SearchFilter>> SnapshotAsync(PowerListVersion version) => search.GetAsync("powers", version.Id, async () =>
    {
        var rows = await ItemsIn(version.Number)
            .Select(r => new { r.Id, r.Status, r.Level, r.Kind, r.UnitId, r.Name, r.UnitName, r.ItemCode, r.MatterCode })
            .ToListAsync(CancellationToken.None);
        return new Search.VersionSnapshot<SearchFilter>(rows.Select(r => new Search.SearchRow<SearchFilter>(r.Id, new SearchFilter(r.Status, r.Level, r.Kind, r.UnitId),
            new Dictionary<string, string> { ["matter"] = r.MatterCode, ["name"] = r.Name, ["unit"] = r.UnitName },
            [r.Name, r.UnitName, r.ItemCode, r.MatterCode])).ToList(), Shape.SortKeys);
    });

    public async Task<Dictionary<Guid, List<PowerLegalFlag>>> FlagsAsync(IEnumerable<Guid> revisions, CancellationToken ct)
    {
        var ids = revisions.ToList();
        return (await db.PowerFlags.AsNoTracking().Where(f => ids.Contains(f.RevisionId)).ToListAsync(ct)).GroupBy(f => f.RevisionId).ToDictionary(g => g.Key, g => g.ToList());
    }

    public Task<PowerItemRevision?> CurrentItemAsync(string code, CancellationToken ct) =>
        db.PowerItems.AsNoTracking().FirstOrDefaultAsync(r => r.ItemCode == code && r.ToVersion == null, ct);

    public async Task<(PowerListVersion? Draft, List<PowerChange> Changes)> DraftAsync(CancellationToken ct)
    {
        var draft = await db.PowerVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Status == CertVersionStatus.Draft, ct);
        return draft is null
            ? (null, [])
            : (draft, await db.PowerChanges.AsNoTracking().Where(c => c.DraftVersionId == draft.Id).OrderBy(c => c.ReviewStatus).ThenBy(c => c.MatterCode).ThenBy(c => c.Id).ToListAsync(ct));
    }

    /// <summary>A unit proposes an addition, a change or a cancellation of one of its own power items.</summary>
    public async Task<PowerChange> ProposeAsync(PowerChangeInput input, CancellationToken ct)
    {
        var checks = new FieldChecks();
        var basis = input.Item?.LegalBasis?.Trim() is { Length: > 0 } b ? await laws.ResolveAllAsync(b, Today, ct) : [];
        var change = await BuildChangeAsync(checks, input, basis, null, ct);
        checks.ThrowIfAny("变更申请有误，未提交。");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await AddChangesAsync([change!], ct);
        await tx.CommitAsync(ct);
        return change!;
    }

    /// <summary>
    /// Checks one proposal into <paramref name="checks"/> (nothing thrown, nothing saved) and builds it; null when in error.
    /// <paramref name="basis"/> is the legal basis resolved today; <paramref name="units"/> the org units when the caller
    /// (the .xlsx import) has them already.
    /// </summary>
    internal async Task<PowerChange?> BuildChangeAsync(FieldChecks checks, PowerChangeInput input, IReadOnlyList<LawReference> basis,
        IReadOnlyDictionary<Guid, OrgUnitInfo>? units, CancellationToken ct)
    {
        var before = checks.Errors.Count;
        var code = TextRules.Optional(checks, "itemCode", "事项编码", input.ItemCode, 40);
        var reason = TextRules.Optional(checks, "reason", "申请理由", input.Reason, 2000) ?? "";
        var change = new PowerChange { ChangeKind = input.Kind, ItemCode = code ?? "", Reason = reason, ProposedBy = user.UserName ?? "system", ProposedOn = Today };
        PowerItemRevision? current = null;
        if (input.Kind != CertChangeKind.Add)
        {
            current = code is null ? null : await CurrentItemAsync(code, ct);
            if (current is null || current.Status != PowerItemStatus.InForce || !user.Scope.Allows(current.UnitId))
            {
                checks.Add("itemCode", code is null ? "请写明要变更或取消的事项编码。" : $"现行权责清单中没有本单位在用的事项“{code}”。");
                return null;
            }
        }
        else if (code is not null && await db.PowerItems.AnyAsync(r => r.ItemCode == code, ct))
        {
            checks.Add("itemCode", $"事项编码“{code}”已在清单中使用。");
        }
        if (input.Kind == CertChangeKind.Cancel)
        {
            change.CopyContentFrom(current!);
            change.CancelReason = TextRules.Required(checks, "cancelReason", "取消原因", input.CancelReason, 1000);
            change.Status = PowerItemStatus.Cancelled;
        }
        else
        {
            var i = input.Item ?? new PowerItemInput(null, null, PowerKind.Other, PowerLevel.City, null, null, null, null, null);
            var matter = TextRules.Required(checks, "item.matterCode", "基本目录编码", i.MatterCode, 40);
            var name = TextRules.Required(checks, "item.name", "事项名称", i.Name, 200);
            var basisText = TextRules.Required(checks, "item.legalBasis", "设定依据", i.LegalBasis, 2000);
            var duties = TextRules.Required(checks, "item.responsibilities", "责任事项", i.Responsibilities, 4000);
            var blame = TextRules.Required(checks, "item.accountability", "追责情形", i.Accountability, 4000);
            var subs = TextRules.Optional(checks, "item.subItems", "子项", i.SubItems, 4000) ?? "";
            var unit = i.UnitId is { } id && id != Guid.Empty ? (units is null ? await orgs.FindAsync(id, ct) : units.GetValueOrDefault(id)) : null;
            if (unit is null)
            {
                checks.Add("item.unitId", "请选择实施主体。");
            }
            else if (!user.Scope.Allows(unit.Id))
            {
                checks.Add("item.unitId", $"只能为本单位的权力事项提出申请（{unit.Name}不在您的数据范围内）。");
            }
            else if (LevelOf(unit) != i.Level)
            {
                checks.Add("item.level", $"{unit.Name}是{LevelName(LevelOf(unit))}单位，层级应为“{LevelName(LevelOf(unit))}”。");
            }
            if (basisText.Length > 0)
            {
                if (basis.Count == 0)
                {
                    checks.Add("item.legalBasis", "权力事项须写明法律、法规、规章的具体条款作为依据，如《枣庄市城市绿化条例》第四十一条。");
                }
                foreach (var r in basis.Where(r => r.State is ReferenceState.Repealed or ReferenceState.Removed))
                {
                    checks.Add("item.legalBasis", $"依据{r.Citation}{r.StateLabel}，不能作为权力事项的依据。");
                }
            }
            if (checks.Errors.Count == before)
            {
                (change.MatterCode, change.Name, change.Kind, change.Level, change.UnitId, change.UnitName) = (matter, name, i.Kind, i.Level, unit!.Id, unit.Name);
                (change.SubItems, change.LegalBasis, change.Responsibilities, change.Accountability, change.Status) = (subs, basisText, duties, blame, PowerItemStatus.InForce);
            }
        }
        if (checks.Errors.Count > before)
        {
            return null;
        }
        change.OrgUnitId = change.UnitId;
        return change;
    }

    /// <summary>Adds checked proposals to the open draft (made when there is none), numbering new items. The caller holds the transaction.</summary>
    internal async Task<PowerListVersion> AddChangesAsync(IReadOnlyList<PowerChange> changes, CancellationToken ct)
    {
        var draft = await db.PowerVersions.FirstOrDefaultAsync(v => v.Status == CertVersionStatus.Draft, ct);
        if (draft is null)
        {
            draft = new PowerListVersion { Number = (await db.PowerVersions.MaxAsync(v => (int?)v.Number, ct) ?? 0) + 1, Status = CertVersionStatus.Draft };
            db.PowerVersions.Add(draft);
        }
        foreach (var change in changes)
        {
            if (change.ItemCode.Length == 0)
            {
                change.ItemCode = (await numbers.NextAsync(db, ItemCodes.Key, new NumberScope(Today.Year), ct)).Number;
            }
            change.DraftVersionId = draft.Id;
            db.PowerChanges.Add(change);
        }
        await db.SaveChangesAsync(ct);
        return draft;
    }

    /// <summary>Whether a proposed change would leave the item as it is (the import skips such rows).</summary>
    public static bool SameContent(PowerItemContent a, PowerItemContent b) =>
        (a.MatterCode, a.Name, a.Kind, a.Level, a.UnitId, a.SubItems, a.LegalBasis, a.Responsibilities, a.Accountability, a.Status)
        == (b.MatterCode, b.Name, b.Kind, b.Level, b.UnitId, b.SubItems, b.LegalBasis, b.Responsibilities, b.Accountability, b.Status);


    public async Task<PowerChange> ReviewAsync(Guid id, CertReviewInput input, CancellationToken ct)
    {
        RequireOwner();
        var change = await db.PowerChanges.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw Refuse.NotFound("变更申请不存在或不在您的数据范围内。");
        var draft = await db.PowerVersions.AsNoTracking().FirstAsync(v => v.Id == change.DraftVersionId, ct);
        if (draft.Status != CertVersionStatus.Draft || change.ReviewStatus != CertChangeStatus.Pending)
        {
            throw Refuse.Conflict("该变更申请已审核，或所在版本已发布。");
        }
        if (input.Accept)
        {
            if (await db.PowerChanges.AnyAsync(c => c.DraftVersionId == draft.Id && c.ItemCode == change.ItemCode && c.ReviewStatus == CertChangeStatus.Accepted, ct))
            {
                throw Refuse.Conflict($"事项“{change.ItemCode}”在本版本中已有审核通过的变更。");
            }
            (change.ReviewStatus, change.ReviewNote) = (CertChangeStatus.Accepted, input.Note?.Trim() ?? "");
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

    /// <summary>Publishes the draft: refused while a proposal is unreviewed or none was accepted; the version is then immutable.</summary>
    public async Task<PowerListVersion> PublishAsync(CertPublishInput input, CancellationToken ct)
    {
        RequireOwner();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var draft = await db.PowerVersions.FirstOrDefaultAsync(v => v.Status == CertVersionStatus.Draft, ct) ?? throw Refuse.Conflict("没有待发布的草稿版本。");
        var changes = await db.PowerChanges.AsNoTracking().Where(c => c.DraftVersionId == draft.Id).ToListAsync(ct);
        if (changes.Count(c => c.ReviewStatus == CertChangeStatus.Pending) is > 0 and var pending)
        {
            throw Refuse.Conflict($"草稿中尚有 {pending} 项变更未经审核，不能发布：权责清单的调整须经清单管理部门审核后发布。");
        }
        var accepted = changes.Where(c => c.ReviewStatus == CertChangeStatus.Accepted).ToList();
        if (accepted.Count == 0)
        {
            throw Refuse.Conflict("草稿中没有审核通过的变更，不能发布新版本。");
        }
        var checks = new FieldChecks();
        DateRules.Check(checks, "effectiveOn", "生效日期", input.EffectiveOn);
        var effective = input.EffectiveOn ?? Today;
        var previous = await db.PowerVersions.AsNoTracking().Where(v => v.Status == CertVersionStatus.Published).OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        checks.When(previous?.EffectiveOn > effective, "effectiveOn", $"生效日期不能早于上一版本（第 {previous?.Number} 版）的生效日期。");
        var note = TextRules.Optional(checks, "note", "发布说明", input.Note, 2000);
        checks.ThrowIfAny("发布未执行。");
        var codes = accepted.Select(c => c.ItemCode).ToList();
        var open = await db.PowerItems.Where(r => codes.Contains(r.ItemCode) && r.ToVersion == null).ToDictionaryAsync(r => r.ItemCode, ct);
        foreach (var change in accepted)
        {
            if (open.TryGetValue(change.ItemCode, out var old))
            {
                old.ToVersion = draft.Number;
            }
            var revision = new PowerItemRevision { ItemCode = change.ItemCode, FromVersion = draft.Number, IsDemo = change.IsDemo };
            revision.CopyContentFrom(change);
            db.PowerItems.Add(revision);
        }
        // A new revision is checked anew: the old revision's legal-change flags go with it.
        var closed = open.Values.Select(o => o.Id).ToList();
        db.PowerFlags.RemoveRange(await db.PowerFlags.Where(f => closed.Contains(f.RevisionId)).ToListAsync(ct));
        (draft.Status, draft.EffectiveOn, draft.Note, draft.PublishedBy, draft.PublishedAt) = (CertVersionStatus.Published, effective, note ?? "", user.UserName ?? "system", DateTimeOffset.UtcNow);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return draft;
    }

    /// <summary>
    /// The legal-change check: each item in force is resolved on the day its version took effect; an article amended,
    /// removed or repealed since is flagged (once per revision and citation) with its state and the article in force today.
    /// </summary>
    public async Task<FlagRun> CheckLegalChangesAsync(CancellationToken ct)
    {
        var version = await VersionOnAsync(Today, ct);
        if (version is null)
        {
            return new FlagRun(0, 0, 0);
        }
        var dates = await db.PowerVersions.AsNoTracking().Where(v => v.Status == CertVersionStatus.Published).ToDictionaryAsync(v => v.Number, v => v.EffectiveOn ?? Today, ct);
        var items = await ItemsIn(version.Number).Where(r => r.Status == PowerItemStatus.InForce).Select(r => new { r.Id, r.ItemCode, r.LegalBasis, r.FromVersion }).ToListAsync(ct);
        // Each basis is cut before every 《 into pieces that cite one work each, and each distinct (piece, date) is resolved
        // once: a province's list cites a few hundred articles in tens of thousands of combinations (ADR 0044).
        var resolved = await laws.ResolveEachAsync(items.SelectMany(i => CitationPieces(i.LegalBasis).Select(p => ((string?)p, dates[i.FromVersion]))), ct);
        var existing = (await db.PowerFlags.ToListAsync(ct)).ToDictionary(f => (f.RevisionId, f.Citation));
        var live = items.Select(i => i.Id).ToHashSet();
        var (flagged, cleared) = (0, 0);
        var keep = new HashSet<(Guid, string)>();
        foreach (var item in items)
        {
            var on = dates[item.FromVersion];
            foreach (var r in CitationPieces(item.LegalBasis).SelectMany(p => resolved.For(p, on)).Where(r => r.State is ReferenceState.Amended or ReferenceState.Removed or ReferenceState.Repealed))
            {
                if (!keep.Add((item.Id, r.Citation)))
                {
                    continue;
                }
                if (!existing.ContainsKey((item.Id, r.Citation)))
                {
                    db.PowerFlags.Add(new PowerLegalFlag
                    {
                        RevisionId = item.Id, ItemCode = item.ItemCode, Citation = r.Citation, State = r.State.ToString(), StateLabel = r.StateLabel, Url = r.Url, CurrentUrl = r.CurrentUrl,
                        FlaggedOn = Today,
                    });
                    flagged++;
                }
            }
        }
        foreach (var stale in existing.Values.Where(f => !live.Contains(f.RevisionId) || !keep.Contains((f.RevisionId, f.Citation))))
        {
            db.PowerFlags.Remove(stale);
            cleared++;
        }
        await db.SaveChangesAsync(ct);
        return new FlagRun(items.Count, flagged, cleared);
    }

    /// <summary>
    /// A legal basis cut before each 《 (《行政处罚法》第十八条、《枣庄市城市绿化条例》第四十一条 → two pieces), so that each
    /// piece names its own work and the pieces together cite what the whole text cites; a piece without any citation
    /// (依据 before the first 《) resolves to nothing.
    /// </summary>
    internal static IEnumerable<string> CitationPieces(string? basis)
    {
        if (string.IsNullOrWhiteSpace(basis))
        {
            yield break;
        }
        var start = 0;
        for (var i = basis.IndexOf('《', 1); i > 0; i = basis.IndexOf('《', i + 1))
        {
            yield return basis[start..i];
            start = i;
        }
        yield return basis[start..];
    }

    /// <summary>市县同权: every matter of the list in force, with the city's and the counties' items side by side and the gaps.</summary>
    public async Task<List<ParityRow>> ParityAsync(string? keyword, CancellationToken ct)
    {
        var version = await VersionOnAsync(Today, ct);
        if (version is null)
        {
            return [];
        }
        var q = ItemsIn(version.Number).Where(r => r.Status == PowerItemStatus.InForce);
        if (!string.IsNullOrWhiteSpace(keyword))
        {
            var k = keyword.Trim();
            q = q.Where(r => r.Name.Contains(k) || r.MatterCode.Contains(k));
        }
        var items = await q.OrderBy(r => r.MatterCode).Take(5000).ToListAsync(ct);
        var counties = (await orgs.ActiveUnitsAsync(ct)).Where(u => u.Level == Fazhi.Platform.Features.OrgUnits.OrgLevel.County).Select(u => u.Name).Order().ToList();
        var delegations = await db.TownDelegations.AsNoTracking().Where(d => d.RevokedOn == null).ToListAsync(ct);
        return items.GroupBy(r => r.MatterCode).Select(g =>
        {
            var city = g.Where(r => r.Level == PowerLevel.City).ToList();
            var county = g.Where(r => r.Level == PowerLevel.County).ToList();
            var codes = g.Select(r => r.ItemCode).ToHashSet();
            var lacking = city.Count > 0 || county.Count > 0 ? counties.Where(c => county.All(r => r.UnitName != c)).ToList() : [];
            return new ParityRow(g.Key, g.First().Name, g.First().Kind, city, county, delegations.Where(d => codes.Contains(d.ItemCode)).ToList(), lacking,
                city.Count == 0 && county.Count > 0);
        }).ToList();
    }

    public Task<List<TownDelegation>> DelegationsAsync(CancellationToken ct) =>
        db.TownDelegations.AsNoTracking().OrderByDescending(d => d.DelegatedOn).ThenBy(d => d.ItemCode).ToListAsync(ct);

    /// <summary>Records a power delegated to a town by a document (文号 per GB/T 9704).</summary>
    public async Task<TownDelegation> DelegateAsync(DelegationInput input, CancellationToken ct)
    {
        RequireOwner();
        var checks = new FieldChecks();
        var code = TextRules.Required(checks, "itemCode", "事项编码", input.ItemCode, 40);
        var number = TextRules.Required(checks, "documentNumber", "赋权文件文号", input.DocumentNumber, 64);
        if (number.Length > 0)
        {
            var check = DocumentNumber.Validate(number);
            if (check.IsValid)
            {
                number = check.Normalized!;
            }
            else
            {
                checks.Add("documentNumber", check.Message ?? "文号格式不正确。");
            }
        }
        var title = TextRules.Required(checks, "documentTitle", "赋权文件标题", input.DocumentTitle, 200);
        DateRules.Check(checks, "delegatedOn", "赋权日期", input.DelegatedOn, Today);
        checks.When(input.DelegatedOn is null, "delegatedOn", "请填写赋权日期。");
        var item = code.Length == 0 ? null : await CurrentItemAsync(code, ct);
        if (code.Length > 0 && (item is null || item.Status != PowerItemStatus.InForce || item.Level == PowerLevel.Town))
        {
            checks.Add("itemCode", $"现行权责清单中没有可赋权的市、县级事项“{code}”。");
        }
        var town = input.TownUnitId is { } t ? await orgs.FindAsync(t, ct) : null;
        if (town is null || LevelOf(town) != PowerLevel.Town)
        {
            checks.Add("townUnitId", "请选择承接赋权的乡镇（街道）。");
        }
        checks.ThrowIfAny("赋权未登记。");
        var d = new TownDelegation
        {
            ItemCode = code, ItemName = item!.Name, TownUnitId = town!.Id, TownName = town.Name, DocumentNumber = number, DocumentTitle = title, DelegatedOn = input.DelegatedOn!.Value,
        };
        db.TownDelegations.Add(d);
        await db.SaveChangesAsync(ct);
        return d;
    }

    public static PowerLevel LevelOf(OrgUnitInfo unit) => unit.Level switch
    {
        Fazhi.Platform.Features.OrgUnits.OrgLevel.County => PowerLevel.County,
        Fazhi.Platform.Features.OrgUnits.OrgLevel.Town => PowerLevel.Town,
        _ => PowerLevel.City,
    };

    public static string LevelName(PowerLevel l) => l switch
    {
        PowerLevel.City => "市级",
        PowerLevel.County => "县级",
        _ => "乡镇（街道）",
    };

    public static string KindName(PowerKind k) => k switch
    {
        PowerKind.License => "行政许可",
        PowerKind.Penalty => "行政处罚",
        PowerKind.Coercion => "行政强制",
        PowerKind.Levy => "行政征收",
        PowerKind.Benefit => "行政给付",
        PowerKind.Inspection => "行政检查",
        PowerKind.Confirmation => "行政确认",
        PowerKind.Reward => "行政奖励",
        PowerKind.Adjudication => "行政裁决",
        _ => "其他",
    };
}
