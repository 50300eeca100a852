using System.Text.Json;
using Fazhi.Enforcement.Data;
using Fazhi.Enforcement.Discretion;
using Fazhi.Platform.Features.Attachments;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Enforcement.Cases;

/// <summary>调查取证, evidence files, 责令改正 and the proposed decision with the discretion engine's advice.</summary>
internal sealed class CaseInvestigation(EnforcementDb db, BenchmarkService benchmarks, IDeadlineService deadlines, IAttachmentStore attachments,
    CaseProcedure procedure, CaseRulesService caseRules)
{
    /// <summary>调查取证 or any other recorded step with evidence (attachments of this case, recording references).</summary>
    public async Task<PenaltyCase> InvestigateAsync(Guid id, StepInput input, CancellationToken ct)
    {
        var c = await procedure.LoadAsync(id, ct);
        CaseProcedure.Require(c, CaseAction.Investigate);
        procedure.FactDate("onDate", "调查取证日期", input.OnDate);
        if (string.IsNullOrWhiteSpace(input.Summary))
        {
            throw Refuse.Field("summary", "请填写调查取证情况。");
        }
        var evidence = await procedure.EvidenceAsync(c, input, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        c.Stage = c.Stage == CaseStage.Opened ? CaseStage.Investigating : c.Stage;
        await procedure.StepAsync(c, "investigate", input.OnDate ?? deadlines.Today, input.Summary.Trim(), evidence, ct);
        await procedure.SaveAsync(tx, ct);
        return c;
    }

    /// <summary>Uploads one evidence file (platform attachment store: allow-list, SM3) and records it as a step.</summary>
    public async Task<(PenaltyCase? Case, string? Refusal)> AddEvidenceFileAsync(Guid id, Stream content, string fileName, string summary, CancellationToken ct)
    {
        var c = await procedure.LoadAsync(id, ct);
        var saved = await attachments.SaveAsync(content, fileName, c.OrgUnitId, CaseProcedure.AttachmentOwner, c.Id.ToString(), ct);
        if (!saved.Ok)
        {
            return (null, saved.Refusal);
        }
        var a = saved.Saved!;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await procedure.StepAsync(c, "evidence", deadlines.Today, string.IsNullOrWhiteSpace(summary) ? $"证据：{a.FileName}" : summary.Trim(), [new("file", a.Id.ToString(), a.FileName, a.Sm3)], ct);
        await procedure.SaveAsync(tx, ct);
        return (c, null);
    }

    /// <summary>山东省: 作出不予处罚、减轻处罚决定前，应当责令当事人改正并记录在案 (行政处罚法 第二十八条: 责令改正).</summary>
    public async Task<PenaltyCase> OrderToCorrectAsync(Guid id, DateInput input, CancellationToken ct)
    {
        var c = await procedure.LoadAsync(id, ct);
        CaseProcedure.Require(c, CaseAction.OrderToCorrect);
        procedure.FactDate("onDate", "责令改正日期", input.OnDate);
        var day = input.OnDate ?? deadlines.Today;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        c.OrderToCorrectOn = day;
        await procedure.StepAsync(c, "order-to-correct", day, "责令改正：" + (input.Summary ?? "").Trim(), [], ct);
        await procedure.SaveAsync(tx, ct);
        return c;
    }

    /// <summary>The proposed decision with the discretion engine's advice; deviations need a written reason and are flagged.</summary>
    public async Task<(PenaltyCase Case, DiscretionResult Result)> ProposeAsync(Guid id, ProposeInput input, CancellationToken ct)
    {
        var c = await procedure.LoadAsync(id, ct);
        CaseProcedure.Require(c, CaseAction.Propose);
        CaseProcedure.Amount("fineAmount", "罚款金额", input.FineAmount);
        CaseProcedure.Amount("facts.illegalGains", "违法所得", input.Facts.IllegalGains);
        if (input.Facts.PartyAge is < 0 or > 150)
        {
            throw Refuse.Field("facts.partyAge", "当事人年龄须在 0 至 150 岁之间。");
        }
        var facts = input.Facts with
        {
            DecisionDate = input.Facts.DecisionDate == default ? deadlines.Today : input.Facts.DecisionDate,
            DiscoveredOn = input.Facts.DiscoveredOn ?? c.OpenedOn,
            PartyAge = c.PartyKind == PartyKind.Organisation ? null : input.Facts.PartyAge,
            OrderToCorrectRecorded = c.OrderToCorrectOn is not null,
            ProposedTier = input.ProposedTier,
            ProposedAmount = input.FineAmount,
            WrittenReason = input.WrittenReason,
        };
        if (facts.ActDate == default)
        {
            throw Refuse.Field("facts.actDate", "请填写违法行为发生日期。");
        }
        procedure.FactDate("facts.actDate", "违法行为发生日期", facts.ActDate);
        procedure.FactDate("facts.actEndDate", "违法行为终了日期", facts.ActEndDate);
        procedure.FactDate("facts.discoveredOn", "发现日期", facts.DiscoveredOn);
        CaseProcedure.PlausibleDate("facts.decisionDate", "拟决定日期", facts.DecisionDate);
        var (benchmark, result) = await benchmarks.ApplicableAsync(c.MatterId, facts, ct)
            ?? throw Refuse.Field("matterId", "该执法事项在违法行为发生时和拟决定日期均没有生效的裁量基准。");
        if (result.TimeBarred)
        {
            throw Refuse.Field("facts.actDate", "已超过追责期限，不再给予行政处罚（行政处罚法第三十六条）。");
        }
        if (!result.CanDecide)
        {
            throw Refuse.Field("facts", string.Join(" ", result.BlockingRequirements));
        }
        var rules = await caseRules.RulesAsync(c.OrgUnitId, ct);
        var large = input.FineAmount is { } amount && rules.IsLargeFine(c.PartyKind, amount);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        c.FactsJson = JsonSerializer.Serialize(facts, CaseProcedure.Json);
        c.BenchmarkId = benchmark.Id;
        c.BenchmarkNumber = benchmark.Number;
        c.EngineTier = result.Tier;
        c.EngineRangeText = result.Range?.Text ?? "";
        c.EngineRulesJson = JsonSerializer.Serialize(result.Rules, CaseProcedure.Json);
        c.ProposedTier = input.ProposedTier ?? result.Tier;
        c.FineAmount = input.FineAmount;
        // A blank field (the page sends "") means: describe the penalty from the fine, or the tier when there is none.
        c.PenaltyText = string.IsNullOrWhiteSpace(input.PenaltyText)
            ? (input.FineAmount > 0 ? $"罚款 {input.FineAmount:0.##} 元" : DiscretionEngine.TierName(c.ProposedTier!.Value))
            : input.PenaltyText.Trim();
        c.WrittenReason = (input.WrittenReason ?? "").Trim();
        c.SupervisionFlag = result.SupervisionFlags.Count > 0;
        c.SupervisionNotes = string.Join("\n", result.SupervisionFlags);
        // 第五十八条: 重大执法决定须法制审核; a large fine (第六十三条) is treated as major as well.
        c.IsMajor = input.IsMajor || large;
        c.IsSerious = input.IsSerious;
        c.HearingOffered = input.OfferHearing || large;
        c.Stage = CaseStage.Proposed;
        var tierText = c.ProposedTier is { } pt ? DiscretionEngine.TierName(pt) : "";
        await procedure.StepAsync(c, "propose", facts.DecisionDate,
            $"拟处罚意见：{tierText}，{c.PenaltyText}；裁量建议：{(result.Tier is { } t ? DiscretionEngine.TierName(t) : "")}（{c.EngineRangeText}，基准第 {benchmark.Number} 版）"
            + (c.SupervisionFlag ? $"；偏离说明：{c.WrittenReason}" : ""), [], ct);
        await procedure.SaveAsync(tx, ct);
        return (c, result);
    }
}
