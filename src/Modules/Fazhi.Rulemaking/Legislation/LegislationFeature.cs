using System.Threading.RateLimiting;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Jobs;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Fazhi.Platform.Web;
using Fazhi.Rulemaking.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Fazhi.Rulemaking.Legislation;

/// <summary>Registration of the legislation-projects feature (ADR 0034).</summary>
internal static class LegislationFeature
{
    public const string PublicRateLimit = "rulemaking-legislation-public";

    public static void Add(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<LegislationService>();
        services.AddScoped<LegislationReminders>();
        services.AddNumberSequence(LegislationService.CommentNumbers);
        services.AddScoped<IModuleSeed, LegislationSettingsSeed>();
        services.AddScoped<IDemoSeed, LegislationDemoSeed>();
        services.AddWorkSummary<LegislationWorkSummary>();
        services.AddFazhiJob<LegislationReminderJob>("0 20 8 ? * MON-FRI", "工作日 08:20 立法项目备案期限和待答复意见提醒");
        // The comment page takes no account: comments and query-code guesses are limited per client address.
        var permits = builder.Configuration.GetValue("Rulemaking:PublicPostsPerMinute", 20);
        services.AddRateLimiter(o => o.AddPolicy(PublicRateLimit, http => HttpMethods.IsPost(http.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("read")));
        services.AddPortalLinks(
            new PortalLink(PortalSection.Participation, "立法草案征求意见", "/public/legislation", 30, "Draft laws open for comment",
                "对正在公开征求意见的地方性法规、政府规章草案逐条提出意见，无需注册。", "Comment article by article on draft regulations and rules; no account needed."),
            new PortalLink(PortalSection.Participation, "查询立法意见答复", "/public/legislation/track", 31, "Read the answer to your comment",
                "凭意见编号和查询码查看采纳情况。", "With the comment number and query code."));
        services.AddModuleRoles(
            new ModuleRole("rulemaking-legislation-office", "立法工作机构", "司法局立法科：编制和调整年度立法计划，推进立法项目各阶段，公开征求意见，公布、备案，管理基层立法联系点和立法期限。",
                [RulemakingPermissions.LegislationWork, RulemakingPermissions.LegislationManage, RulemakingPermissions.Hearings]),
            new ModuleRole("rulemaking-legislation-drafter", "立法项目起草单位", "起草本单位承担的地方性法规、政府规章草案，提交稿本，逐条答复征求意见。",
                [RulemakingPermissions.LegislationWork, RulemakingPermissions.Hearings]),
            new ModuleRole("rulemaking-contact-point", "基层立法联系点", "汇总群众对立法草案的意见，按条文批量报送，查看采纳情况。",
                [RulemakingPermissions.LegislationContact]));
        services.AddDemoRoleAssignments(
            new DemoRoleAssignment("demo-city", "rulemaking-legislation-office", "370400"),
            new DemoRoleAssignment("demo-town", "rulemaking-contact-point", "370402001"));
        services.AddNavItems(
            new NavItem("立法与合法性审核", "立法计划和项目", "/rulemaking/legislation", RulemakingPermissions.LegislationWork, 70, "Legislative plan and projects"),
            new NavItem("立法与合法性审核", "基层立法联系点", "/rulemaking/legislation/contact-points", RulemakingPermissions.LegislationManage, 80, "Legislative contact points"),
            new NavItem("立法与合法性审核", "立法期限", "/rulemaking/legislation/settings", RulemakingPermissions.LegislationManage, 90, "Legislation time limits"),
            new NavItem("立法与合法性审核", "报送立法意见", "/rulemaking/legislation/contact", RulemakingPermissions.LegislationContact, 85, "Submit gathered comments"),
            new NavItem("立法与合法性审核", "立法草案征求意见", "/public/legislation", null, 95, "Draft laws open for comment"));
    }
}

/// <summary>The settings row with its defaults; idempotent.</summary>
internal sealed class LegislationSettingsSeed(RulemakingDb db) : IModuleSeed
{
    public async Task SeedAsync(CancellationToken ct)
    {
        if (!await db.LegislationSettings.AnyAsync(ct))
        {
            db.LegislationSettings.Add(new LegislationSettings());
            await db.SaveChangesAsync(ct);
        }
    }
}

/// <summary>
/// Reminders (ADR 0022) to the legislation office: a filing due within 5 days or overdue (规章制定程序条例 第三十四条；法规规章备案
/// 审查条例 第四条), and a comment period that has ended with comments still unanswered (to the drafting unit too).
/// </summary>
internal sealed class LegislationReminders(ISystemWork systemWork, IDeadlineService clock, IReminders reminders)
{
    public async Task<ReminderRun> RemindAsync(CancellationToken ct)
    {
        await using var system = systemWork.Db<RulemakingDb>("立法项目期限提醒");
        var today = clock.Today;
        var soon = today.AddDays(5);
        var list = new List<Reminder>();
        var filings = await system.LegislationProjects.AsNoTracking().Where(p => p.Stage == LegislationStage.Published && p.FilingDueOn <= soon).OrderBy(p => p.FilingDueOn).ThenBy(p => p.Id).Take(1000).ToListAsync(ct);
        foreach (var p in filings)
        {
            var late = p.FilingDueOn < today;
            list.Add(new Reminder("rulemaking.legislation-filing", $"{p.Id}:{(late ? "late" : "due")}", late ? $"立法项目备案已逾期：{p.Title}" : $"立法项目即将到备案期限：{p.Title}",
                $"《{p.Title}》（{p.DocumentNo}）于 {p.PublishedOn:yyyy-MM-dd} 公布，应于 {p.FilingDueOn:yyyy-MM-dd} 前报送备案（规章制定程序条例第三十四条）。",
                $"/rulemaking/legislation/{p.Id}", [], null, RulemakingPermissions.LegislationManage));
        }
        // The current round ended, at 征求意见 (第十五条) or at 审查 (a later round, 第二十一条; ADR 0069); one reminder per round's end.
        var ended = await system.LegislationProjects.AsNoTracking()
            .Where(p => (p.Stage == LegislationStage.PublicComment || p.Stage == LegislationStage.Review) && p.CommentTo < today)
            .OrderBy(p => p.CommentTo).ThenBy(p => p.Id).Take(1000).ToListAsync(ct);
        foreach (var p in ended)
        {
            var open = await system.LegislationComments.CountAsync(c => c.ProjectId == p.Id && c.Answer == null, ct);
            if (open > 0)
            {
                list.Add(new Reminder("rulemaking.legislation-answers", $"{p.Id}:{p.CommentTo:yyyyMMdd}", $"征求意见已结束，{open} 条意见待答复：{p.Title}",
                    $"《{p.Title}》征求意见于 {p.CommentTo:yyyy-MM-dd} 结束，尚有 {open} 条意见未答复。", $"/rulemaking/legislation/{p.Id}", [], p.OrgUnitId, RulemakingPermissions.LegislationWork));
            }
        }
        return await reminders.SendAsync(list, ct);
    }
}

internal sealed class LegislationReminderJob(LegislationReminders reminders) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await reminders.RemindAsync(cancellationToken);
}

/// <summary>The home page's lines: comments awaiting an answer; filings due (overdue urgent) for the legislation office.</summary>
internal sealed class LegislationWorkSummary(RulemakingDb db, ICurrentUser current, IDeadlineService clock) : IWorkSummary
{
    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(CancellationToken ct)
    {
        var items = new List<WorkItem>();
        if (!current.Has(RulemakingPermissions.LegislationWork))
        {
            return items;
        }
        var today = clock.Today;
        var unanswered = await db.LegislationComments.AsNoTracking().CountAsync(c => c.Answer == null, ct);
        items.Add(new("立法与合法性审核", "待答复的立法征求意见", unanswered, "/rulemaking/legislation#unanswered"));
        if (current.Has(RulemakingPermissions.LegislationManage))
        {
            var due = await db.LegislationProjects.AsNoTracking().Where(p => p.Stage == LegislationStage.Published).Select(p => p.FilingDueOn).ToListAsync(ct);
            items.Add(new("立法与合法性审核", "待报送备案的法规规章", due.Count, "/rulemaking/legislation#filing", Urgent: due.Any(d => d < today)));
        }
        return items;
    }
}
