using Fazhi.Oversight.Data;
using Fazhi.Oversight.Settings;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Oversight.Suggestions;

/// <summary>
/// Demo suggestions (演示) in every state for 薛城区 and two city departments: awaiting a reply, overdue, replied on time, replied
/// late, closed, an urgent procuratorial one; so both rates have records on both sides. Dates relative to today; idempotent.
/// </summary>
internal sealed class SuggestionDemoSeed(OversightDb db, SettingsService settings, IOrgDirectory orgs, IDeadlineService deadlines, TimeProvider clock) : IDemoSeed
{
    public async Task SeedAsync(CancellationToken ct)
    {
        var today = deadlines.Today;
        var rules = await settings.GetAsync(ct);
        var units = await orgs.FindByCodesAsync(["370403", "370400-SJJ", "370400-ZRZY"], ct);
        if (units.Count < 3)
        {
            return;
        }
        var y = today.Year;
        var n = 900;
        async Task Add(Guid unit, SuggestionKind kind, string issuer, string content, int receivedDaysAgo, bool urgent, int? repliedAfterDays, bool closed)
        {
            n++;
            var number = kind == SuggestionKind.Judicial ? $"枣中法建〔{y}〕{n}号" : $"薛检行建〔{y}〕{n}号";
            if (await db.Suggestions.AnyAsync(s => s.DocumentNumber == number && s.OrgUnitId == unit, ct))
            {
                return;
            }
            var received = today.AddDays(-receivedDaysAgo);
            var raw = urgent ? received.AddDays(rules.UrgentSuggestionDays) : received.AddMonths(rules.SuggestionReplyMonths);
            var due = (await deadlines.AddCalendarDaysAsync(raw.AddDays(-1), 1, ct)).Date;
            var s = new Suggestion
            {
                OrgUnitId = unit, Kind = kind, Issuer = issuer, DocumentNumber = number, Content = content + "（演示）", ReceivedOn = received, Urgent = urgent,
                DueBasis = urgent ? $"紧急检察建议 {rules.UrgentSuggestionDays} 日（检察公益诉讼解释第二十一条）"
                    : $"收到之日起 {rules.SuggestionReplyMonths} 个月（{(kind == SuggestionKind.Judicial ? "综合治理类司法建议规定第八条" : "检察公益诉讼解释第二十一条")}）",
                ReplyDueOn = due, Status = SuggestionStatus.Received, RegisteredAt = clock.GetUtcNow(),
            };
            if (repliedAfterDays is { } after)
            {
                s.RepliedOn = received.AddDays(after);
                s.Reply = "已研究建议内容并逐项落实（演示）";
                s.Rectification = "修订执法程序规定，组织执法人员专题培训（演示）";
                s.Status = SuggestionStatus.Replied;
                if (closed)
                {
                    s.ClosedOn = s.RepliedOn.Value.AddDays(3) > today ? today : s.RepliedOn.Value.AddDays(3);
                    s.Status = SuggestionStatus.Closed;
                }
            }
            db.Suggestions.Add(s);
        }
        var xuecheng = units["370403"].Id;
        const string Court = "枣庄市中级人民法院";
        const string Procuratorate = "薛城区人民检察院";
        await Add(xuecheng, SuggestionKind.Judicial, Court, "规范房屋征收补偿程序，依法履行告知义务", 10, false, null, false);
        await Add(xuecheng, SuggestionKind.Judicial, Court, "行政机关负责人未出庭应诉，建议落实负责人出庭应诉制度（出庭规定第十二条）", 75, false, null, false);
        await Add(xuecheng, SuggestionKind.Procuratorial, Procuratorate, "督促依法履行河道违法采砂监管职责", 50, false, 30, false);
        await Add(units["370400-SJJ"].Id, SuggestionKind.Judicial, Court, "完善行政处罚案件法制审核", 120, false, 80, true);
        await Add(units["370400-ZRZY"].Id, SuggestionKind.Procuratorial, Procuratorate, "督促整改违法占用耕地问题", 40, true, 10, true);
        await Add(units["370400-ZRZY"].Id, SuggestionKind.Judicial, Court, "规范不动产登记程序", 30, false, 20, false);
        await db.SaveChangesAsync(ct);
    }
}
