using System.Globalization;
using Fazhi.Disputes.Cases;
using Fazhi.Disputes.Data;
using Fazhi.Disputes.Domain;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Disputes.Routing;

internal sealed record RuleInput(int Priority, string? Name, string? Category, decimal? MinAmount, decimal? MaxAmount, string? ApplicantKind, string? PlaceCode, string? CaseTypeCode, string? HandlingUnitCode, string? Reason);

internal sealed record RuleView(Guid Id, int Priority, string Name, string? Category, decimal? MinAmount, decimal? MaxAmount, string? ApplicantKind, string? PlaceCode, string CaseTypeCode, string CaseTypeName, string HandlingUnitCode, string Reason, string Conditions);

internal sealed record RuleSetView(Guid Id, int Number, string Status, string StatusName, string? Note, DateTimeOffset? PublishedAt, string? PublishedBy, bool InForce, long Version, IReadOnlyList<RuleView> Rules);

internal sealed record SampleResult(int Line, string Sample, string? RuleName, string? CaseTypeName, string? HandlingUnitCode, string Reason, string? Error);

internal sealed record RoutingDecisionView(Guid Id, string Status, string StatusName, int? RuleSetNumber, string? RuleName, string? RecommendedCaseType, string? RecommendedCaseTypeName, string? RecommendedUnitCode, string Reason,
    string? ChosenCaseType, string? ChosenUnitCode, string? OverrideReason, string? DecidedBy, long Version, string? RecommendedUnitName = null, string? ChosenUnitName = null)
{
    /// <summary>The recommended unit as staff read it: its name, with the code in brackets.</summary>
    public string? RecommendedUnit => RecommendedUnitCode is null ? null : RecommendedUnitName is { } n ? $"{n}（{RecommendedUnitCode}）" : RecommendedUnitCode;
}

internal sealed record RoutingDecideRequest(string? CaseType, string? HandlingUnitCode, string? Reason, long? Version = null);

internal sealed record TestRequest(string? Samples);

/// <summary>
/// 引导分流: routing rules as data (drafted, tested against sample cases, published as an immutable numbered set), the
/// recommendation recorded at intake, and the staff decision on it — confirm, or override with a mandatory reason.
/// </summary>
internal sealed class RoutingService(DisputesDb db, IOrgDirectory orgs, ICurrentUser current, IDeadlineService deadlines, FrontDesk.FrontDeskCache cache,
    Handling.HandOvers handOvers, Fazhi.Platform.Features.Attachments.IAttachmentStore attachments)
{
    /// <summary>The published set in force (highest number) with its rules, or null when none is published.</summary>
    public static async Task<RoutingRuleSet?> InForceAsync(DisputesDb target, CancellationToken ct) =>
        await target.Set<RoutingRuleSet>().AsNoTracking().Include(s => s.Rules)
            .Where(s => s.Status == RuleSetStatus.Published).OrderByDescending(s => s.Number).FirstOrDefaultAsync(ct);

    public async Task<RoutingRecommendation> RecommendAsync(RoutingInput input, CancellationToken ct)
    {
        var (set, _) = await cache.GetAsync(db, ct);
        return set is null ? new RoutingRecommendation(null, "尚未发布分流规则，请人工分流。") : RoutingEngine.Recommend(set.Rules, input);
    }

    /// <summary>At intake: records the recommendation for <paramref name="dispute"/> (saved by the caller's transaction).</summary>
    public static async Task RecordAsync(DisputesDb target, IOrgDirectory orgs, RoutingRuleSet? set, DisputeCase dispute, CancellationToken ct)
    {
        var place = dispute.PlaceOrgUnitId is { } p ? (await orgs.FindAsync(p, ct))?.Code : null;
        var applicant = dispute.Parties.FirstOrDefault(x => x.Role == PartyRole.Applicant);
        var recommendation = set is null
            ? new RoutingRecommendation(null, "尚未发布分流规则，请人工分流。")
            : RoutingEngine.Recommend(set.Rules, new RoutingInput(dispute.Category, dispute.Amount, applicant?.Kind, place));
        target.Set<RoutingDecision>().Add(new RoutingDecision
        {
            CaseId = dispute.Id,
            OrgUnitId = dispute.OrgUnitId,
            RuleSetNumber = set?.Number,
            RuleName = recommendation.Rule?.Name,
            RecommendedCaseType = recommendation.CaseTypeCode,
            RecommendedUnitCode = recommendation.HandlingUnitCode,
            Reason = recommendation.Reason,
        });
        // Saved by the caller with the case (intake: one save).
    }

    public async Task<RoutingDecisionView?> DecisionAsync(Guid caseId, CancellationToken ct)
    {
        var d = await db.Set<RoutingDecision>().AsNoTracking().FirstOrDefaultAsync(x => x.CaseId == caseId, ct);
        if (d is null)
        {
            return null;
        }
        // Unit names are public directory data (the org tree), shown beside the codes the rules use.
        string?[] codes = [d.RecommendedUnitCode, d.ChosenUnitCode];
        var names = await orgs.FindByCodesAsync(codes, ct);
        return new RoutingDecisionView(d.Id, d.Status.ToString(), DecisionStatusName(d.Status), d.RuleSetNumber, d.RuleName, d.RecommendedCaseType,
            d.RecommendedCaseType is null ? null : Labels.CaseTypeName(d.RecommendedCaseType), d.RecommendedUnitCode, d.Reason, d.ChosenCaseType, d.ChosenUnitCode, d.OverrideReason, d.DecidedBy, d.Version,
            d.RecommendedUnitCode is { } r ? names.GetValueOrDefault(r)?.Name : null, d.ChosenUnitCode is { } c ? names.GetValueOrDefault(c)?.Name : null);
    }

    /// <summary>
    /// 确认分流 / 改派: while the case awaits acceptance, staff confirm the recommendation (applied as recommended) or choose another
    /// case type and/or handling unit — which needs a reason. A changed case type pins the new type's profile and restarts the
    /// acceptance review under it; a changed unit moves the case (the unit must be within the caller's scope).
    /// </summary>
    public async Task<bool> DecideAsync(Guid caseId, bool confirm, RoutingDecideRequest request, CancellationToken ct)
    {
        var decision = await db.Set<RoutingDecision>().FirstOrDefaultAsync(x => x.CaseId == caseId, ct);
        var dispute = await db.Cases.Include(c => c.Stages).Include(c => c.Parties).FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (decision is null || dispute is null)
        {
            return false;
        }
        if (request.Version is { } v && v != decision.Version)
        {
            throw new DbUpdateConcurrencyException("分流记录已被他人修改，请刷新后再操作。");
        }
        if (dispute.Status != CaseStatus.Pending)
        {
            throw Refuse.Conflict($"案件当前状态为“{Labels.Status(dispute.Status)}”，只有待受理的案件可以分流。");
        }
        if (decision.Status != RoutingDecisionStatus.Pending)
        {
            throw Refuse.Conflict($"该案件已{DecisionStatusName(decision.Status)}，分流结果不再更改；如需移交请走转办。");
        }
        string? type;
        string? unitCode;
        if (confirm)
        {
            if (decision.RecommendedCaseType is null)
            {
                throw Refuse.Field("caseType", "没有分流建议可确认，请选择案件类型和办理单位并写明理由。");
            }
            type = decision.RecommendedCaseType;
            unitCode = decision.RecommendedUnitCode;
        }
        else
        {
            type = string.IsNullOrWhiteSpace(request.CaseType) ? dispute.CaseTypeCode : request.CaseType.Trim();
            unitCode = string.IsNullOrWhiteSpace(request.HandlingUnitCode) ? null : request.HandlingUnitCode.Trim();
            if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Trim().Length < 4)
            {
                throw Refuse.Field("reason", "不采纳分流建议须写明理由（至少 4 个字），理由记入案件分流记录。");
            }
        }
        var errors = new Dictionary<string, string[]>();
        var today = deadlines.Today;
        CaseTypeProfile? profile = null;
        if (type != dispute.CaseTypeCode)
        {
            profile = await db.Profiles.AsNoTracking().Include(p => p.Stages)
                .Where(p => p.Code == type && p.EffectiveFrom <= today).OrderByDescending(p => p.ProfileVersion).FirstOrDefaultAsync(ct);
            if (profile is null)
            {
                errors["caseType"] = ["案件类型不存在或尚未生效。"];
            }
        }
        Guid? unitId = null;
        if (unitCode is not null)
        {
            unitId = (await orgs.FindByCodeAsync(unitCode, ct))?.Id;
            if (unitId is null || !current.Scope.Allows(unitId.Value))
            {
                errors["handlingUnit"] = [$"办理单位 {unitCode} 不存在或不在您的数据范围内，不能分流到该单位。"];
            }
        }
        if (errors.Count > 0)
        {
            throw Refuse.Fields(errors, "未分流：" + string.Join(" ", errors.Values.SelectMany(x => x)));
        }

        if (profile is not null)
        {
            var open = dispute.Stages.FirstOrDefault(s => s.EndedOn == null);
            if (open is not null)
            {
                open.EndedOn = today;
                open.Outcome = $"分流改为{profile.Name}";
            }
            var first = profile.Stages.OrderBy(s => s.Order).First();
            dispute.CaseTypeCode = profile.Code;
            dispute.ProfileId = profile.Id;
            dispute.ProfileVersion = profile.ProfileVersion;
            db.Stages.Add(new CaseStage
            {
                CaseId = dispute.Id, OrgUnitId = dispute.OrgUnitId, StageCode = first.Code, StageName = first.Name, StartedOn = today,
                Days = first.Days, DayKind = first.DayKind, Article = first.Article,
            });
        }
        var movedFrom = dispute.OrgUnitId;
        if (unitId is { } target && target != dispute.OrgUnitId)
        {
            await Handling.CaseMove.ToUnitAsync(db, dispute, target, ct);
        }
        decision.Status = confirm ? RoutingDecisionStatus.Confirmed : RoutingDecisionStatus.Overridden;
        decision.ChosenCaseType = dispute.CaseTypeCode;
        decision.ChosenUnitCode = unitCode;
        decision.OverrideReason = confirm ? null : request.Reason!.Trim();
        decision.DecidedBy = current.UserName;
        decision.DecidedAt = DateTimeOffset.UtcNow;
        // The handling record shows the front desk's decision (issue 13: 分流 and 改派 were missing from it).
        var unitName = (await orgs.FindAsync(dispute.OrgUnitId, ct))?.Name;
        db.Set<Handling.CaseEvent>().Add(new Handling.CaseEvent
        {
            CaseId = dispute.Id,
            OrgUnitId = dispute.OrgUnitId,
            Kind = Handling.CaseEventKind.Routed,
            OnDate = today,
            ActorUserId = current.UserId,
            ActorName = current.UserName ?? "system",
            Text = confirm
                ? $"确认分流：{Labels.CaseTypeName(dispute.CaseTypeCode)}，由{unitName}办理"
                : $"改派：{Labels.CaseTypeName(dispute.CaseTypeCode)}，由{unitName}办理；理由：{decision.OverrideReason}",
        });
        await db.SaveChangesAsync(ct);
        if (dispute.OrgUnitId != movedFrom)
        {
            await Handling.CaseMove.FilesToUnitAsync(attachments, dispute.Id, dispute.OrgUnitId, "纠纷案件分流改派", ct);
            await handOvers.ToUnitAsync(dispute.Id, dispute.OrgUnitId, "routed", $"分流到本单位的案件：{dispute.CaseNumber}",
                $"{Labels.CaseTypeName(dispute.CaseTypeCode)}案件 {dispute.CaseNumber}（{dispute.Category}）已分流到本单位，请在期限内审查受理。", ct);
        }
        return true;
    }

    // ---- administration of rule sets ----

    public async Task<IReadOnlyList<RuleSetView>> ListSetsAsync(CancellationToken ct)
    {
        var sets = await db.Set<RoutingRuleSet>().AsNoTracking().Include(s => s.Rules).OrderByDescending(s => s.Number).Take(20).ToListAsync(ct);
        var inForce = sets.Where(s => s.Status == RuleSetStatus.Published).Select(s => (int?)s.Number).Max();
        return sets.Select(s => ToView(s, s.Number == inForce)).ToList();
    }

    public async Task<RuleSetView?> GetSetAsync(Guid id, CancellationToken ct)
    {
        var set = await db.Set<RoutingRuleSet>().AsNoTracking().Include(s => s.Rules).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (set is null)
        {
            return null;
        }
        var inForce = await db.Set<RoutingRuleSet>().Where(s => s.Status == RuleSetStatus.Published).MaxAsync(s => (int?)s.Number, ct);
        return ToView(set, set.Number == inForce);
    }

    /// <summary>A new draft, copying the rules of the set in force (or empty). At most one draft at a time.</summary>
    public async Task<Guid> CreateDraftAsync(string? note, CancellationToken ct)
    {
        var existing = await db.Set<RoutingRuleSet>().Where(s => s.Status == RuleSetStatus.Draft).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
        if (existing is { } id)
        {
            return id;
        }
        var source = await InForceAsync(db, ct);
        var number = (await db.Set<RoutingRuleSet>().MaxAsync(s => (int?)s.Number, ct) ?? 0) + 1;
        var set = new RoutingRuleSet { Number = number, Note = string.IsNullOrWhiteSpace(note) ? $"基于第 {source?.Number} 版" : note.Trim() };
        db.Set<RoutingRuleSet>().Add(set);
        foreach (var r in source?.Rules ?? [])
        {
            db.Set<RoutingRule>().Add(new RoutingRule
            {
                RuleSetId = set.Id, Priority = r.Priority, Name = r.Name, Category = r.Category, MinAmount = r.MinAmount, MaxAmount = r.MaxAmount,
                ApplicantKind = r.ApplicantKind, PlaceCode = r.PlaceCode, CaseTypeCode = r.CaseTypeCode, HandlingUnitCode = r.HandlingUnitCode, Reason = r.Reason,
            });
        }
        await db.SaveChangesAsync(ct);
        return set.Id;
    }

    public async Task<Guid?> AddRuleAsync(Guid setId, RuleInput input, CancellationToken ct)
    {
        var set = await DraftAsync(setId, ct);
        if (set is null)
        {
            return null;
        }
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors["name"] = ["请填写规则名称。"];
        }
        if (string.IsNullOrWhiteSpace(input.Reason) || input.Reason.Trim().Length < 4)
        {
            errors["reason"] = ["请写明分流理由（至少 4 个字），向工作人员展示，宜引用法律依据。"];
        }
        if (input.Category is { Length: > 0 } c && !Labels.Categories.Contains(c))
        {
            errors["category"] = ["纠纷类别不在类别表中。"];
        }
        if (input.MinAmount is < 0 || input.MaxAmount is < 0 || (input.MinAmount is { } min && input.MaxAmount is { } max && min > max))
        {
            errors["amount"] = ["金额范围无效：下限不能大于上限，且不能为负数。"];
        }
        PartyKind? kind = null;
        if (!string.IsNullOrWhiteSpace(input.ApplicantKind))
        {
            if (Enum.TryParse<PartyKind>(input.ApplicantKind, ignoreCase: true, out var k))
            {
                kind = k;
            }
            else
            {
                errors["applicantKind"] = ["申请人类型只能是自然人（Person）或单位（Organisation）。"];
            }
        }
        if (string.IsNullOrWhiteSpace(input.CaseTypeCode) || !StatutoryProfiles.All.Any(p => p.Code == input.CaseTypeCode))
        {
            errors["caseType"] = ["请选择建议的案件类型。"];
        }
        var codes = new[] { input.HandlingUnitCode, input.PlaceCode }.Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => x!.Trim()).ToList();
        var known = (await orgs.FindByCodesAsync(codes, ct)).Keys.ToList();
        if (string.IsNullOrWhiteSpace(input.HandlingUnitCode) || !known.Contains(input.HandlingUnitCode.Trim()))
        {
            errors["handlingUnit"] = ["建议办理单位的代码不存在。"];
        }
        if (!string.IsNullOrWhiteSpace(input.PlaceCode) && !known.Contains(input.PlaceCode.Trim()))
        {
            errors["place"] = ["发生地代码不存在。"];
        }
        if (errors.Count > 0)
        {
            throw Refuse.Fields(errors, "规则未保存：" + string.Join(" ", errors.Values.SelectMany(x => x)));
        }
        var rule = new RoutingRule
        {
            RuleSetId = set.Id, Priority = input.Priority, Name = input.Name!.Trim(), Category = string.IsNullOrWhiteSpace(input.Category) ? null : input.Category,
            MinAmount = input.MinAmount, MaxAmount = input.MaxAmount, ApplicantKind = kind, PlaceCode = string.IsNullOrWhiteSpace(input.PlaceCode) ? null : input.PlaceCode.Trim(),
            CaseTypeCode = input.CaseTypeCode!, HandlingUnitCode = input.HandlingUnitCode!.Trim(), Reason = input.Reason!.Trim(),
        };
        db.Set<RoutingRule>().Add(rule);
        await db.SaveChangesAsync(ct);
        return rule.Id;
    }

    public async Task<bool> DeleteRuleAsync(Guid setId, Guid ruleId, CancellationToken ct)
    {
        var set = await DraftAsync(setId, ct);
        var rule = set is null ? null : await db.Set<RoutingRule>().FirstOrDefaultAsync(r => r.Id == ruleId && r.RuleSetId == setId, ct);
        if (rule is null)
        {
            return false;
        }
        db.Set<RoutingRule>().Remove(rule);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Runs each sample (one a line: 类别,金额,申请人类型,发生地代码 — blanks allowed) through the set's rules and says which rule
    /// matched. Works on drafts and published sets alike; nothing is saved.
    /// </summary>
    public async Task<IReadOnlyList<SampleResult>?> TestAsync(Guid setId, string? samples, CancellationToken ct)
    {
        var set = await db.Set<RoutingRuleSet>().AsNoTracking().Include(s => s.Rules).FirstOrDefaultAsync(s => s.Id == setId, ct);
        if (set is null)
        {
            return null;
        }
        var results = new List<SampleResult>();
        var lines = (samples ?? "").Split('\n').Select(l => l.Trim()).ToList();
        for (var i = 0; i < lines.Count && results.Count < 200; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }
            var cells = lines[i].Split([',', '，']).Select(x => x.Trim()).ToArray();
            string? Cell(int n) => n < cells.Length && cells[n].Length > 0 ? cells[n] : null;
            decimal? amount = null;
            if (Cell(1) is { } a)
            {
                if (!decimal.TryParse(a, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
                {
                    results.Add(new SampleResult(i + 1, lines[i], null, null, null, "", "金额不是数字。"));
                    continue;
                }
                amount = parsed;
            }
            PartyKind? kind = Cell(2) switch
            {
                null => null,
                "自然人" or "Person" or "person" => PartyKind.Person,
                "单位" or "Organisation" or "organisation" => PartyKind.Organisation,
                _ => (PartyKind)0,
            };
            if (kind == 0)
            {
                results.Add(new SampleResult(i + 1, lines[i], null, null, null, "", "申请人类型应为“自然人”或“单位”。"));
                continue;
            }
            var r = RoutingEngine.Recommend(set.Rules, new RoutingInput(Cell(0), amount, kind, Cell(3)));
            results.Add(new SampleResult(i + 1, lines[i], r.Rule?.Name, r.CaseTypeCode is null ? null : Labels.CaseTypeName(r.CaseTypeCode), r.HandlingUnitCode, r.Reason, null));
        }
        return results;
    }

    /// <summary>发布: the draft becomes the set in force and can no longer change. An empty set is refused.</summary>
    public async Task<bool> PublishAsync(Guid setId, long? version, CancellationToken ct)
    {
        var set = await DraftAsync(setId, ct);
        if (set is null)
        {
            return false;
        }
        if (version is { } v && v != set.Version)
        {
            throw new DbUpdateConcurrencyException("规则草稿已被他人修改，请刷新后再发布。");
        }
        if (!await db.Set<RoutingRule>().AnyAsync(r => r.RuleSetId == setId, ct))
        {
            throw Refuse.Field("rules", "规则集没有任何规则，不能发布。");
        }
        set.Status = RuleSetStatus.Published;
        set.PublishedAt = DateTimeOffset.UtcNow;
        set.PublishedBy = current.UserName;
        await db.SaveChangesAsync(ct);
        await db.WriteAuditEventAsync("disputes.routing.publish", nameof(RoutingRuleSet), set.Id.ToString(), new { set.Number }, ct);
        cache.Clear();
        return true;
    }

    public static string DecisionStatusName(RoutingDecisionStatus s) => s switch
    {
        RoutingDecisionStatus.Pending => "待确认",
        RoutingDecisionStatus.Confirmed => "已确认",
        RoutingDecisionStatus.Overridden => "已改派",
        _ => s.ToString(),
    };

    private async Task<RoutingRuleSet?> DraftAsync(Guid setId, CancellationToken ct)
    {
        var set = await db.Set<RoutingRuleSet>().FirstOrDefaultAsync(s => s.Id == setId, ct);
        if (set is { Status: RuleSetStatus.Published })
        {
            throw Refuse.Field("rules", $"第 {set.Number} 版规则已发布，发布后不可修改；请新建草稿。");
        }
        return set;
    }

    private static RuleSetView ToView(RoutingRuleSet s, bool inForce) => new(s.Id, s.Number, s.Status.ToString(), s.Status == RuleSetStatus.Draft ? "草稿" : "已发布",
        s.Note, s.PublishedAt, s.PublishedBy, inForce, s.Version,
        s.Rules.OrderBy(r => r.Priority).ThenBy(r => r.Id).Select(r => new RuleView(r.Id, r.Priority, r.Name, r.Category, r.MinAmount, r.MaxAmount,
            r.ApplicantKind?.ToString(), r.PlaceCode, r.CaseTypeCode, Labels.CaseTypeName(r.CaseTypeCode), r.HandlingUnitCode, r.Reason, RoutingEngine.Conditions(r))).ToList());
}
