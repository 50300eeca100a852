using Fazhi.Enforcement.Data;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Kit;

namespace Fazhi.Enforcement.Cases;

/// <summary>送达, payment with the late-payment surcharge, and 强制执行 (行政处罚法 第六十一条、第六十七条、第七十二条).</summary>
internal sealed class CaseExecution(EnforcementDb db, IDeadlineService deadlines, CaseProcedure procedure, CaseRulesService caseRules)
{
    public async Task<PenaltyCase> ServeAsync(Guid id, DateInput input, CancellationToken ct)
    {
        var c = await procedure.LoadAsync(id, ct);
        CaseProcedure.Require(c, CaseAction.Serve);
        procedure.FactDate("onDate", "送达日期", input.OnDate);
        var day = input.OnDate ?? deadlines.Today;
        var rules = await caseRules.RulesAsync(c.OrgUnitId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        c.ServedOn = day;
        // 第六十七条第三款: 自收到行政处罚决定书之日起十五日内缴纳罚款.
        c.PaymentDueOn = c.FineAmount > 0 ? (await deadlines.AddCalendarDaysAsync(day, rules.PaymentCalendarDays, ct)).Date : null;
        c.Stage = CaseStage.Served;
        var late = day > c.ServiceDueOn ? $"（超过送达期限 {c.ServiceDueOn:yyyy-MM-dd}）" : "";
        await procedure.StepAsync(c, "serve", day, $"送达行政处罚决定书{late}" + (c.PaymentDueOn is { } p ? $"，缴款期限至 {p:yyyy-MM-dd}" : "") + "。" + (input.Summary ?? ""), [], ct);
        await procedure.SaveAsync(tx, ct);
        return c;
    }

    /// <summary>Payment; a late payment carries the 第七十二条 surcharge (3% a day, capped at the fine).</summary>
    public async Task<PenaltyCase> PayAsync(Guid id, DateInput input, CancellationToken ct)
    {
        var c = await procedure.LoadAsync(id, ct);
        CaseProcedure.Require(c, CaseAction.Pay);
        procedure.FactDate("onDate", "缴款日期", input.OnDate);
        var day = input.OnDate ?? deadlines.Today;
        var rules = await caseRules.RulesAsync(c.OrgUnitId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        c.PaidOn = day;
        c.Surcharge = PenaltyArithmetic.Surcharge(c.FineAmount!.Value, c.PaymentDueOn!.Value, day, rules.SurchargePercentPerDay);
        c.ExecutedOn = day;
        c.Stage = CaseStage.Executed;
        await procedure.StepAsync(c, "pay", day, $"缴纳罚款 {c.FineAmount:0.##} 元" + (c.Surcharge > 0 ? $"，加处罚款 {c.Surcharge:0.##} 元（行政处罚法第七十二条）" : ""), [], ct);
        await procedure.SaveAsync(tx, ct);
        return c;
    }

    /// <summary>行政处罚法 第七十二条: 强制执行 (申请人民法院强制执行 or by the body where the law allows).</summary>
    public async Task<PenaltyCase> EnforceAsync(Guid id, StepInput input, CancellationToken ct)
    {
        var c = await procedure.LoadAsync(id, ct);
        CaseProcedure.Require(c, CaseAction.Enforce);
        procedure.FactDate("onDate", "执行日期", input.OnDate);
        if (string.IsNullOrWhiteSpace(input.Summary))
        {
            throw Refuse.Field("summary", "请填写强制执行情况。");
        }
        var evidence = await procedure.EvidenceAsync(c, input, ct);
        var day = input.OnDate ?? deadlines.Today;
        var rules = await caseRules.RulesAsync(c.OrgUnitId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (c.FineAmount > 0 && c.PaymentDueOn is { } due)
        {
            c.Surcharge = PenaltyArithmetic.Surcharge(c.FineAmount.Value, due, day, rules.SurchargePercentPerDay);
        }
        c.ExecutedOn = day;
        c.Stage = CaseStage.Executed;
        await procedure.StepAsync(c, "enforce", day, $"强制执行：{input.Summary.Trim()}" + (c.Surcharge > 0 ? $"；加处罚款 {c.Surcharge:0.##} 元" : ""), evidence, ct);
        await procedure.SaveAsync(tx, ct);
        return c;
    }
}
