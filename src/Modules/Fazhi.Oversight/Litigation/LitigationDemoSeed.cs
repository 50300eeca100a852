using Fazhi.Oversight.Data;
using Fazhi.Oversight.Settings;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Oversight.Litigation;

/// <summary>
/// Demo lawsuits (演示) in every state, against 薛城区 (the demo-xuecheng account's unit) and a few city departments: awaiting
/// the answer, answer overdue, a hearing coming, heard with the head, a deputy or only staff, decided, lost with the appeal
/// window open, withdrawn; so every figure of the rates page has records to open. Dates are relative to today. Idempotent
/// (keyed by case number and agency).
/// </summary>
internal sealed class LitigationDemoSeed(OversightDb db, SettingsService settings, IOrgDirectory orgs, IDeadlineService deadlines, TimeProvider clock) : IDemoSeed
{
    public async Task SeedAsync(CancellationToken ct)
    {
        var today = deadlines.Today;
        var rules = await settings.GetAsync(ct);
        var units = await orgs.FindByCodesAsync(["370403", "370402", "370400-SJJ", "370400-ZHZF"], ct);
        if (units.Count < 4)
        {
            return;
        }
        var xuecheng = units["370403"].Id;
        var town = (await orgs.ChildrenAsync(xuecheng, false, ct)).FirstOrDefault()?.Id ?? xuecheng;
        var y = today.Year;
        var n = 900;
        async Task<Lawsuit?> Suit(Guid unit, string court, string plaintiff, string act, ActKind kind, int receivedDaysAgo)
        {
            n++;
            var number = $"（{y}）鲁04{(unit == xuecheng || unit == town ? "03" : "02")}行初{n}号";
            if (await db.Lawsuits.AnyAsync(l => l.CaseNumber == number && l.OrgUnitId == unit, ct))
            {
                return null;
            }
            var received = today.AddDays(-receivedDaysAgo);
            var l = new Lawsuit
            {
                OrgUnitId = unit, Court = court, CaseNumber = number, Plaintiff = plaintiff + "（演示）", ActSued = act, ActKind = kind, Cause = "不服" + act,
                Level = LawsuitLevel.FirstInstance, FiledOn = received.AddDays(-4), ComplaintReceivedOn = received, AnswerDays = rules.AnswerDays,
                AnswerDueOn = (await deadlines.AddCalendarDaysAsync(received, rules.AnswerDays, ct)).Date, Status = LawsuitStatus.Registered,
                RegisteredAt = clock.GetUtcNow(),
            };
            db.Lawsuits.Add(l);
            return l;
        }
        void Answer(Lawsuit l, int daysAfterReceipt)
        {
            l.AnsweredOn = l.ComplaintReceivedOn.AddDays(daysAfterReceipt);
            l.Status = LawsuitStatus.Answered;
        }
        void Hear(Lawsuit l, int daysAgo, Appearance who, string name, string title, string? reason)
        {
            var held = today.AddDays(-daysAgo);
            db.Hearings.Add(new LawsuitHearing
            {
                LawsuitId = l.Id, OrgUnitId = l.OrgUnitId, HeldOn = held, Appearance = who, AppearedName = name, AppearedTitle = title, Reason = reason,
                RecordedAt = clock.GetUtcNow(),
            });
            l.FirstHearingOn = l.FirstHearingOn is { } f && f < held ? f : held;
            l.HeadAppeared |= LitigationRules.IsResponsible(who);
        }
        async Task Decide(Lawsuit l, ResultKind kind, int decidedDaysAgo, int servedDaysAgo)
        {
            l.Result = kind;
            l.DecidedOn = today.AddDays(-decidedDaysAgo);
            l.ServedOn = today.AddDays(-servedDaysAgo);
            l.Lost = LitigationRules.IsLoss(kind);
            l.AppealDays = LitigationRules.AppealDays(l.Level, kind, rules.JudgmentAppealDays, rules.RulingAppealDays);
            l.AppealDueOn = l.AppealDays is { } d ? (await deadlines.AddCalendarDaysAsync(l.ServedOn.Value, d, ct)).Date : null;
            l.Status = LawsuitStatus.Decided;
        }

        const string Xc = "薛城区人民法院";
        const string Yc = "峄城区人民法院";
        // Awaiting the answer, due in a few days.
        await Suit(xuecheng, Xc, "王某", "房屋征收补偿决定", ActKind.Expropriation, 10);
        // Answer overdue (第六十七条 period passed).
        await Suit(town, Xc, "李某", "责令限期拆除决定", ActKind.Coercion, 20);
        // Answered; a hearing coming in two days.
        if (await Suit(xuecheng, Xc, "枣庄某建材有限公司", "政府信息公开答复", ActKind.InformationDisclosure, 25) is { } coming)
        {
            Answer(coming, 12);
            coming.NextHearingOn = today.AddDays(2);
        }
        // Heard with only staff present: counts against the rate.
        if (await Suit(xuecheng, Xc, "赵某", "不履行法定职责", ActKind.Inaction, 70) is { } staffOnly)
        {
            Answer(staffOnly, 14);
            Hear(staffOnly, 30, Appearance.StaffOnly, "孙某", "区司法局应诉科科员", "区长参加全市防汛调度会议，已向法院书面说明并加盖公章（出庭规定第八条）");
        }
        // Heard with the head: counts for the rate.
        if (await Suit(units["370400-SJJ"].Id, Yc, "枣庄某食品有限公司", "行政处罚决定（罚款 5 万元）", ActKind.Penalty, 80) is { } head)
        {
            Answer(head, 10);
            Hear(head, 40, Appearance.Head, "周某", "局长", null);
        }
        // Heard with a deputy: counts for the rate (出庭规定第二条).
        if (await Suit(units["370402"].Id, Yc, "钱某", "工伤认定决定", ActKind.Registration, 75) is { } deputy)
        {
            Answer(deputy, 13);
            Hear(deputy, 35, Appearance.DeputyHead, "吴某", "副区长", "区长因公出差，由分管副区长出庭");
        }
        // Decided: dismissed after the head appeared.
        if (await Suit(units["370400-ZHZF"].Id, Yc, "郑某", "行政处罚决定（没收违法建筑）", ActKind.Penalty, 120) is { } dismissed)
        {
            Answer(dismissed, 9);
            Hear(dismissed, 70, Appearance.Head, "冯某", "局长", null);
            await Decide(dismissed, ResultKind.Dismissed, 40, 38);
        }
        // Lost at first instance (revoked), heard with staff only; the appeal window is open.
        if (await Suit(xuecheng, Xc, "陈某", "行政处罚决定（责令停产停业）", ActKind.Penalty, 110) is { } lost)
        {
            Answer(lost, 16);
            Hear(lost, 60, Appearance.StaffOnly, "褚某", "区市场监管局法制科科长", "区长列席市政府常务会议，已向法院说明");
            await Decide(lost, ResultKind.Revoked, 6, 5);
        }
        // Confirmed illegal, heard with another responsible person.
        if (await Suit(town, Xc, "卫某", "强制拆除行为", ActKind.Coercion, 140) is { } illegal)
        {
            Answer(illegal, 11);
            Hear(illegal, 90, Appearance.OtherResponsible, "蒋某", "镇党委委员、副镇长（分管城建）", "镇长因病住院，由分管负责人出庭");
            await Decide(illegal, ResultKind.ConfirmedIllegal, 50, 48);
        }
        // Withdrawn before any hearing: not heard, so outside the appearance rate.
        if (await Suit(units["370400-SJJ"].Id, Yc, "沈某", "行政许可（食品经营许可）不予许可决定", ActKind.Licensing, 60) is { } withdrawn)
        {
            Answer(withdrawn, 14);
            await Decide(withdrawn, ResultKind.Withdrawn, 20, 20);
        }
        await db.SaveChangesAsync(ct);
    }
}
