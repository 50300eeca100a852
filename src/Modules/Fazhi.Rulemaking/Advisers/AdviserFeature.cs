using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Jobs;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Fazhi.Platform.Web;
using Fazhi.Rulemaking.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Fazhi.Rulemaking.Advisers;

/// <summary>
/// Registration of government legal advisers (政府法律顾问, ADR 0036): the office keeps the register and the engagements and
/// sees the counts; units request opinions; an adviser's account sees and answers only the requests sent to it.
/// </summary>
internal static class AdviserFeature
{
    public static void Add(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<AdviserService>();
        services.AddScoped<AdviserReminders>();
        services.AddNumberSequence(AdviserService.RequestNumbers);
        services.AddScoped<IDemoSeed, AdviserDemoSeed>();
        services.AddWorkSummary<AdviserWorkSummary>();
        services.AddFazhiJob<AdviserReminderJob>("0 30 8 ? * MON-FRI", "工作日 08:30 法律顾问出具意见期限提醒");
        services.AddModuleRoles(
            new ModuleRole("rulemaking-advisers-office", "法律顾问工作机构", "司法局：登记政府法律顾问（公职律师、外聘律师、律师事务所、专家学者）及各单位的聘任和聘期，查看各单位、各顾问的意见征询和出具情况。",
                [RulemakingPermissions.AdvisersRequest, RulemakingPermissions.AdvisersManage]),
            new ModuleRole("rulemaking-advisers-unit", "法律顾问使用单位", "就重大行政决策、行政规范性文件、立法项目、合同或案件向本单位（或上级）聘任的法律顾问征询书面法律意见，设定期限，查看意见。",
                [RulemakingPermissions.AdvisersRequest]),
            new ModuleRole("rulemaking-legal-adviser", "政府法律顾问", "法律顾问本人的账号：只看到发给自己的意见征询，按期出具书面法律意见。",
                [RulemakingPermissions.Adviser]));
        services.AddDemoRoleAssignments(
            new DemoRoleAssignment("demo-city", "rulemaking-advisers-office", "370400"),
            new DemoRoleAssignment("demo-xuecheng", "rulemaking-advisers-unit", "370403"),
            new DemoRoleAssignment("demo-shizhong", "rulemaking-legal-adviser", "370402"));
        services.AddNavItems(
            new NavItem("立法与合法性审核", "法律顾问", "/rulemaking/advisers", RulemakingPermissions.AdvisersRequest, 100, "Legal advisers"),
            new NavItem("立法与合法性审核", "法律意见征询", "/rulemaking/advisers/requests", RulemakingPermissions.AdvisersRequest, 105, "Requests for legal opinions"),
            new NavItem("立法与合法性审核", "我的意见征询", "/rulemaking/advisers/mine", RulemakingPermissions.Adviser, 110, "Opinions asked of me"));
    }

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/advisers").RequirePermission(RulemakingPermissions.AdvisersRequest);
        g.MapGet("/", async (AdviserService s, CancellationToken ct) => TypedResults.Ok((await s.AdvisersAsync(ct)).Select(v => new
        {
            v.Adviser.Id, v.Adviser.Name, v.Adviser.Kind, v.Adviser.Organisation, v.Adviser.Specialty, v.Adviser.UserName,
            engagements = v.Engagements.Select(e => new { e.Id, e.OrgUnitId, e.UnitName, e.From, e.To, e.ContractNo }).ToList(),
        }).ToList()));
        g.MapGet("/engaged", async (Guid orgUnitId, AdviserService s, CancellationToken ct) =>
            TypedResults.Ok((await s.EngagedForAsync(orgUnitId, s.Today, ct)).Select(a => new { a.Id, a.Name, a.Kind, a.Organisation }).ToList()));
        // The subject picker's search (ADR 0069): { value, label } of the decisions, normative documents and legislation projects in scope.
        g.MapGet("/subjects", async (string? q, string? kind, int? limit, AdviserService s, CancellationToken ct) =>
        {
            OpinionSubject? only = null;
            if (!string.IsNullOrWhiteSpace(kind))
            {
                only = Enum.TryParse<OpinionSubject>(kind, ignoreCase: true, out var k) && Enum.IsDefined(k) && AdviserService.IsRecord(k)
                    ? k : throw Refuse.Field("kind", "事项类别应为重大行政决策（Decision）、行政规范性文件（NormativeDocument）或立法项目（LegislationProject）。");
            }
            return TypedResults.Ok((await s.SearchSubjectsAsync(q, only, limit, ct)).Select(p => new { value = p.Value, label = p.Label }).ToList());
        });
        g.MapGet("/requests", async (AdviserService s, CancellationToken ct) => TypedResults.Ok((await s.RequestsAsync(ct)).Select(r => View(r, s.Today)).ToList()));
        g.MapGet("/requests/{id:guid}", async (Guid id, AdviserService s, CancellationToken ct) => TypedResults.Ok(View(await s.GetAsync(id, ct), s.Today)));
        g.MapPost("/requests", async (OpinionRequestInput i, AdviserService s, CancellationToken ct) => TypedResults.Created((string?)null, View(await s.RequestAsync(i, ct), s.Today)));

        var m = api.MapGroup("/advisers").RequirePermission(RulemakingPermissions.AdvisersManage);
        m.MapPost("/", async (AdviserInput i, AdviserService s, CancellationToken ct) => TypedResults.Created((string?)null, await s.CreateAdviserAsync(i, ct)));
        m.MapPost("/{id:guid}/engagements", async (Guid id, EngagementInput i, AdviserService s, CancellationToken ct) => TypedResults.Created((string?)null, await s.EngageAsync(id, i, ct)));
        m.MapGet("/counts", async (AdviserService s, CancellationToken ct) =>
        {
            var (byAdviser, byUnit) = await s.CountsAsync(ct);
            return TypedResults.Ok(new { byAdviser, byUnit });
        });

        var a = api.MapGroup("/adviser").RequirePermission(RulemakingPermissions.Adviser);
        a.MapGet("/requests", async (AdviserService s, CancellationToken ct) => TypedResults.Ok((await s.MineAsync(ct)).Select(r => View(r, s.Today)).ToList()));
        a.MapGet("/requests/{id:guid}", async (Guid id, AdviserService s, CancellationToken ct) => TypedResults.Ok(View(await s.GetAsync(id, ct), s.Today)));
        a.MapPost("/requests/{id:guid}/opinion", async (Guid id, OpinionInput i, AdviserService s, CancellationToken ct) => TypedResults.Ok(View(await s.AnswerAsync(id, i, ct), s.Today)));
    }

    internal static object View(OpinionRequest r, DateOnly today) => new
    {
        r.Id, r.Number, r.OrgUnitId, r.UnitName, r.AdviserId, r.AdviserName, r.Subject, r.SubjectId, r.SubjectTitle, subjectUrl = AdviserService.SubjectUrl(r.Subject, r.SubjectId), r.Question, r.RequestedOn, r.DueOn, r.Opinion, r.AnsweredOn,
        state = AdviserService.StateName(r, today), overdue = r.AnsweredOn is null && r.DueOn < today, r.Version,
    };
}

/// <summary>
/// Reminders (ADR 0022): to the adviser's account when an opinion is due within 2 days or overdue; once overdue, also to the
/// requesting unit.
/// </summary>
internal sealed class AdviserReminders(ISystemWork systemWork, IDeadlineService clock, IReminders reminders)
{
    public async Task<ReminderRun> RemindAsync(CancellationToken ct)
    {
        await using var system = systemWork.Db<RulemakingDb>("法律意见期限提醒");
        var today = clock.Today;
        var open = await system.OpinionRequests.AsNoTracking().Where(r => r.AnsweredOn == null && r.DueOn <= today.AddDays(2)).OrderBy(r => r.DueOn).ThenBy(r => r.Id).Take(1000).ToListAsync(ct);
        var list = new List<Reminder>();
        foreach (var r in open)
        {
            var late = r.DueOn < today;
            if (r.AdviserUserId is { } adviser)
            {
                list.Add(new Reminder("rulemaking.legal-opinion", $"{r.Id}:{(late ? "late" : "due")}", late ? $"法律意见已逾期：{r.SubjectTitle}" : $"请按期出具法律意见：{r.SubjectTitle}",
                    $"{r.UnitName}征询（{r.Number}），期限 {r.DueOn:yyyy-MM-dd}。", "/rulemaking/advisers/mine", [adviser]));
            }
            if (late)
            {
                list.Add(new Reminder("rulemaking.legal-opinion-unit", $"{r.Id}:late", $"法律顾问逾期未出具意见：{r.SubjectTitle}",
                    $"{r.AdviserName}应于 {r.DueOn:yyyy-MM-dd} 前出具意见（{r.Number}）。", "/rulemaking/advisers/requests", [], r.OrgUnitId, RulemakingPermissions.AdvisersRequest));
            }
        }
        return await reminders.SendAsync(list, ct);
    }
}

internal sealed class AdviserReminderJob(AdviserReminders reminders) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await reminders.RemindAsync(cancellationToken);
}

/// <summary>The home page's line for an adviser: opinions to write (urgent when one is overdue).</summary>
internal sealed class AdviserWorkSummary(AdviserService service) : IWorkSummary
{
    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(CancellationToken ct)
    {
        if (!service.IsAdviser)
        {
            return [];
        }
        var open = (await service.MineAsync(ct)).Where(r => r.AnsweredOn is null).ToList();
        return [new("立法与合法性审核", "待出具的法律意见", open.Count, "/rulemaking/advisers/mine", Urgent: open.Any(r => r.DueOn < service.Today))];
    }
}
