using Fazhi.Enforcement.Data;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Kit;

namespace Fazhi.Enforcement.Cases;

/// <summary>事先告知, the party's hearing request and the hearing (行政处罚法 第四十四条、第六十三条、第六十四条).</summary>
internal sealed class CaseHearings(EnforcementDb db, IDeadlineService deadlines, CaseProcedure procedure, CaseRulesService caseRules)
{
    /// <summary>行政处罚法 第四十四条、第六十二条、第六十三条: 告知拟处罚内容及陈述、申辩（和听证）权利.</summary>
    public async Task<PenaltyCase> NotifyAsync(Guid id, DateInput input, CancellationToken ct)
    {
        var c = await procedure.LoadAsync(id, ct);
        CaseProcedure.Require(c, CaseAction.Notify);
        procedure.FactDate("onDate", "告知日期", input.OnDate);
        var rules = await caseRules.RulesAsync(c.OrgUnitId, ct);
        var day = input.OnDate ?? deadlines.Today;
        if (day < c.OpenedOn || day > deadlines.Today)
        {
            throw Refuse.Field("onDate", $"告知日期须在立案日期（{c.OpenedOn:yyyy-MM-dd}）之后且不晚于今天。");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        c.NotifiedOn = day;
        // 第六十四条第一项: 当事人要求听证的，应当在行政机关告知后五日内提出 (第八十五条: 工作日).
        c.HearingRequestDueOn = c.HearingOffered ? (await deadlines.AddWorkingDaysAsync(day, rules.HearingRequestWorkingDays, ct)).Date : null;
        c.Stage = CaseStage.Notified;
        await procedure.StepAsync(c, "notify", day, c.HearingOffered
            ? $"送达行政处罚事先告知书（含听证权利），听证申请期限至 {c.HearingRequestDueOn:yyyy-MM-dd}（行政处罚法第六十三条、第六十四条）"
            : "送达行政处罚事先告知书（陈述、申辩权利，行政处罚法第四十四条）", [], ct);
        await procedure.SaveAsync(tx, ct);
        return c;
    }

    public async Task<PenaltyCase> RequestHearingAsync(Guid id, DateInput input, CancellationToken ct)
    {
        var c = await procedure.LoadAsync(id, ct);
        CaseProcedure.Require(c, CaseAction.RequestHearing);
        procedure.FactDate("onDate", "听证申请日期", input.OnDate);
        var day = input.OnDate ?? deadlines.Today;
        if (day > c.HearingRequestDueOn)
        {
            throw Refuse.Field("onDate", $"听证申请应在告知后 5 个工作日内（{c.HearingRequestDueOn:yyyy-MM-dd} 前）提出，已逾期（行政处罚法第六十四条第一项）。");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        c.HearingRequestedOn = day;
        c.Stage = CaseStage.Hearing;
        await procedure.StepAsync(c, "hearing-request", day, "当事人申请听证。" + (input.Summary ?? ""), [], ct);
        await procedure.SaveAsync(tx, ct);
        return c;
    }

    /// <summary>第六十四条第二项: 在举行听证的七日前，通知当事人 (working days, 第八十五条).</summary>
    public async Task<PenaltyCase> HearingAsync(Guid id, HearingInput input, CancellationToken ct)
    {
        var c = await procedure.LoadAsync(id, ct);
        CaseProcedure.Require(c, CaseAction.Hearing);
        CaseProcedure.PlausibleDate("noticeOn", "听证通知日期", input.NoticeOn);
        CaseProcedure.PlausibleDate("heldOn", "听证日期", input.HeldOn);
        var rules = await caseRules.RulesAsync(c.OrgUnitId, ct);
        var earliest = (await deadlines.AddWorkingDaysAsync(input.NoticeOn, rules.HearingNoticeWorkingDays, ct)).Date;
        if (input.HeldOn < earliest)
        {
            throw Refuse.Field("heldOn", $"听证通知须在举行听证的 {rules.HearingNoticeWorkingDays} 个工作日前送达；{input.NoticeOn:yyyy-MM-dd} 通知的，最早 {earliest:yyyy-MM-dd} 举行（行政处罚法第六十四条第二项）。");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        c.HearingNoticeOn = input.NoticeOn;
        c.HearingHeldOn = input.HeldOn;
        await procedure.StepAsync(c, "hearing", input.HeldOn, $"听证（{input.NoticeOn:yyyy-MM-dd} 通知）：{input.Summary}", [], ct);
        await procedure.SaveAsync(tx, ct);
        return c;
    }
}
