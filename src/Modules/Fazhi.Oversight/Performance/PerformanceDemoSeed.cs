using Fazhi.Oversight.Data;
using Fazhi.Oversight.Settings;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Oversight.Performance;

/// <summary>
/// Demo performance tasks (演示) in every state: one awaiting the unit (待指定被申请人单位, for demo-city), pending, overdue,
/// ordered under 第七十七条, reported, returned, performed on time and late, with a 意见书 awaiting its reply and one answered;
/// most for 薛城区 (demo-xuecheng). They stand for decisions of earlier years' paper files: no dispute case behind them (no
/// link), flagged <see cref="PerformanceTask.Demo"/>. Dates relative to today; idempotent by case number.
/// </summary>
internal sealed class PerformanceDemoSeed(OversightDb db, SettingsService settings, IOrgDirectory orgs, IDeadlineService deadlines, TimeProvider clock) : IDemoSeed
{
    public async Task SeedAsync(CancellationToken ct)
    {
        var today = deadlines.Today;
        var rules = await settings.GetAsync(ct);
        var units = await orgs.FindByCodesAsync(["370400", "370403", "370400-SJJ", "370400-ZRZY"], ct);
        if (units.Count < 4)
        {
            return;
        }
        var y = today.Year;
        var n = 800;
        var city = units["370400"];
        async Task<PerformanceTask?> Add(OrgUnitInfo? unit, string respondent, string code, string name, int decidedDaysAgo, PerformanceStatus status)
        {
            n++;
            var number = $"枣政复决字〔{y}〕{n}号（演示）";
            if (await db.PerformanceTasks.AnyAsync(t => t.CaseNumber == number, ct))
            {
                return null;
            }
            var decided = today.AddDays(-decidedDaysAgo);
            var t = new PerformanceTask
            {
                OrgUnitId = unit?.Id ?? city.Id, DecisionCaseId = Guid.CreateVersion7(), CaseNumber = number, HandlingUnitId = city.Id, Respondent = respondent,
                UnitBasis = unit is null ? "被申请人名称未唯一对应本系统单位，待复议机构指定" : "按被申请人名称唯一匹配", ResultCode = code, ResultName = name,
                DecidedOn = decided, DueOn = (await deadlines.AddCalendarDaysAsync(decided, rules.PerformanceDays, ct)).Date,
                DueBasis = $"决定书未载明期限的，自决定之日起 {rules.PerformanceDays} 日（本地工作规范，可在期限设置中修改）", Status = status,
                CreatedAt = clock.GetUtcNow(), Demo = true,
            };
            db.PerformanceTasks.Add(t);
            return t;
        }
        void Performed(PerformanceTask? t, int afterDays, bool confirmed)
        {
            if (t is null)
            {
                return;
            }
            t.PerformedOn = t.DecidedOn.AddDays(afterDays) > today ? today : t.DecidedOn.AddDays(afterDays);
            t.PerformanceNote = "已重新作出行政行为并送达申请人，相关款项已退还（演示）";
            if (confirmed)
            {
                (t.Status, t.ConfirmedOn) = (PerformanceStatus.Performed, t.PerformedOn.Value.AddDays(2) > today ? today : t.PerformedOn.Value.AddDays(2));
            }
        }
        var xuecheng = units["370403"];
        var xc = xuecheng.Name;
        await Add(null, "枣庄市城市管理局（演示）", "revoke", "撤销", 6, PerformanceStatus.Unassigned);
        await Add(xuecheng, xc, "perform", "责令履行", 10, PerformanceStatus.Pending);
        await Add(xuecheng, xc, "revoke", "撤销", 60, PerformanceStatus.Pending);
        var ordered = await Add(units["370400-ZRZY"], units["370400-ZRZY"].Name, "perform", "责令履行", 90, PerformanceStatus.Pending);
        if (ordered is not null)
        {
            (ordered.OrderedOn, ordered.OrderedDueOn, ordered.OrderNote) = (ordered.DueOn.AddDays(5), today.AddDays(10), "责令限期履行，并约谈单位主要负责人（演示）");
        }
        Performed(await Add(xuecheng, xc, "change", "变更", 25, PerformanceStatus.Reported), 12, false);
        var returned = await Add(units["370400-ZRZY"], units["370400-ZRZY"].Name, "revoke", "撤销", 20, PerformanceStatus.Pending);
        if (returned is not null)
        {
            returned.ReturnReason = "仅提交了情况说明，未提交重新作出的行政行为文书（演示）";
        }
        Performed(await Add(units["370400-SJJ"], units["370400-SJJ"].Name, "illegal", "确认违法", 120, PerformanceStatus.Reported), 20, true);
        Performed(await Add(xuecheng, xc, "revoke", "撤销", 150, PerformanceStatus.Reported), 45, true);
        var opinion = await Add(xuecheng, xc, "illegal", "确认违法", 40, PerformanceStatus.Reported);
        Performed(opinion, 15, true);
        if (opinion is not null)
        {
            (opinion.OpinionKind, opinion.OpinionNumber, opinion.OpinionContent, opinion.OpinionIssuedOn) =
                (OpinionKind.Opinion, $"枣政复意〔{y}〕{n}号（演示）", "行政处罚案件调查取证不规范，建议完善证据收集程序并开展专项整改（演示）", opinion.DecidedOn.AddDays(1));
            opinion.OpinionDueOn = (await deadlines.AddCalendarDaysAsync(opinion.OpinionIssuedOn.Value, rules.OpinionReplyDays, ct)).Date;
        }
        var answered = await Add(units["370400-SJJ"], units["370400-SJJ"].Name, "change", "变更", 200, PerformanceStatus.Reported);
        Performed(answered, 10, true);
        if (answered is not null)
        {
            (answered.OpinionKind, answered.OpinionNumber, answered.OpinionContent, answered.OpinionIssuedOn) =
                (OpinionKind.Suggestion, $"枣政复建〔{y}〕{n}号（演示）", "建议统一行政处罚裁量基准的适用（演示）", answered.DecidedOn.AddDays(3));
            answered.OpinionDueOn = (await deadlines.AddCalendarDaysAsync(answered.OpinionIssuedOn.Value, rules.OpinionReplyDays, ct)).Date;
            (answered.OpinionRepliedOn, answered.OpinionReply) = (answered.OpinionIssuedOn.Value.AddDays(30), "已修订裁量基准并组织培训（演示）");
        }
        await db.SaveChangesAsync(ct);
    }
}
