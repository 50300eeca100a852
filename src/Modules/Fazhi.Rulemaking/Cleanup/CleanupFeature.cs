using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Features.Jobs;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Fazhi.Platform.Web;
using Fazhi.Rulemaking.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Fazhi.Rulemaking.Cleanup;

internal sealed record PublishCampaignInput(long? Version);

/// <summary>
/// Registration of cleanup campaigns (清理, ADR 0036). The review office (<see cref="RulemakingPermissions.Review"/>) runs them;
/// a drafting unit (<see cref="RulemakingPermissions.Draft"/>) proposes for its own documents; the public reads the results.
/// </summary>
internal static class CleanupFeature
{
    public static void Add(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<CleanupService>();
        services.AddScoped<CleanupPublic>();
        services.AddScoped<CleanupReminders>();
        services.AddScoped<IDemoSeed, CleanupDemoSeed>();
        services.AddWorkSummary<CleanupWorkSummary>();
        services.AddFazhiJob<CleanupReminderJob>("0 25 8 ? * MON-FRI", "工作日 08:25 规范性文件清理意见期限提醒");
        services.AddPortalLinks(new PortalLink(PortalSection.Publications, "法规规章规范性文件清理结果", "/public/cleanup", 85, "Cleanup results",
            "市政府公布的法规、规章和行政规范性文件清理结果（保留、修改、废止、宣布失效）。", "Results of the city's cleanup of regulations, rules and normative documents."));
        services.AddNavItems(
            new NavItem("立法与合法性审核", "文件清理", "/rulemaking/cleanup", RulemakingPermissions.Draft, 35, "Cleanup campaigns"),
            new NavItem("立法与合法性审核", "清理结果公开", "/public/cleanup", null, 45, "Published cleanup results"));
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/public/cleanup", async (CleanupPublic p, CancellationToken ct) => TypedResults.Ok((await p.PublishedAsync(ct)).Select(c => new
        {
            c.Id, c.Title, kind = CleanupService.KindName(c.Kind), c.Basis, c.PublishedOn,
        }).ToList())).AllowAnonymous();
        api.MapGet("/public/cleanup/{id:guid}", async Task<Results<Ok<object>, NotFound>> (Guid id, CleanupPublic p, CancellationToken ct) =>
            await p.GetAsync(id, ct) is { } d ? TypedResults.Ok(PublicResult(d)) : TypedResults.NotFound()).AllowAnonymous();
        api.MapGet("/public/cleanup/{id:guid}/result.xlsx", async Task<Results<FileContentHttpResult, NotFound>> (Guid id, CleanupPublic p, CancellationToken ct) =>
            await p.GetAsync(id, ct) is { } d
                ? TypedResults.File(CleanupService.Workbook(d), XlsxWriter.ContentType, DownloadName.Safe($"清理结果-{d.Campaign.Title}.xlsx"))
                : TypedResults.NotFound()).AllowAnonymous();

        var g = api.MapGroup("/cleanup").RequirePermission(RulemakingPermissions.Draft);
        g.MapGet("/campaigns", async (CleanupService s, CancellationToken ct) => TypedResults.Ok((await s.CampaignsAsync(ct)).Select(x => new
        {
            x.Campaign.Id, x.Campaign.Title, x.Campaign.Kind, x.Campaign.StartedOn, x.Campaign.ProposalDueOn, x.Campaign.PublishedOn, x.Items, x.Proposed, x.Decided,
        }).ToList()));
        g.MapGet("/campaigns/{id:guid}", async (Guid id, CleanupService s, CancellationToken ct) => TypedResults.Ok(Detail(await s.GetAsync(id, ct))));
        g.MapGet("/campaigns/{id:guid}/result.xlsx", async (Guid id, CleanupService s, CancellationToken ct) =>
        {
            var (bytes, name) = await s.ExportAsync(id, ct);
            return TypedResults.File(bytes, XlsxWriter.ContentType, name);
        });
        g.MapPost("/items/{id:guid}/proposal", async (Guid id, ProposalInput i, CleanupService s, CancellationToken ct) => TypedResults.Ok(await s.ProposeAsync(id, i, ct)));

        var o = api.MapGroup("/cleanup").RequirePermission(RulemakingPermissions.Review);
        o.MapPost("/campaigns", async (CampaignInput i, CleanupService s, CancellationToken ct) => TypedResults.Created((string?)null, await s.CreateAsync(i, ct)));
        o.MapGet("/campaigns/{id:guid}/candidates", async (Guid id, CleanupService s, CancellationToken ct) => TypedResults.Ok(await s.CandidatesAsync(id, ct)));
        o.MapPost("/campaigns/{id:guid}/items", async (Guid id, ItemInput i, CleanupService s, CancellationToken ct) => TypedResults.Created((string?)null, await s.AddItemAsync(id, i, ct)));
        o.MapPost("/campaigns/{id:guid}/publish", async (Guid id, PublishCampaignInput i, CleanupService s, CancellationToken ct) => TypedResults.Ok(await s.PublishAsync(id, i.Version, ct)));
        o.MapPost("/items/{id:guid}/review", async (Guid id, ReviewInput i, CleanupService s, CancellationToken ct) => TypedResults.Ok(await s.ReviewAsync(id, i, ct)));
    }

    private static object Detail(CampaignDetail d) => new
    {
        campaign = d.Campaign,
        items = d.Items.Select(i => new
        {
            i.Id, i.SourceKind, i.SourceId, i.Title, i.DocumentNo, i.OrgUnitId, i.UnitName, i.ListedReason, i.State, i.Proposal, i.ProposalReason, i.ProposedOn, i.Decision,
            i.DecisionReason, i.DecidedOn, i.ReturnReason, overdue = d.IsOverdue(i), i.Version,
        }).ToList(),
        progress = d.Progress,
    };

    private static object PublicResult(CampaignDetail d) => new
    {
        d.Campaign.Id, d.Campaign.Title, kind = CleanupService.KindName(d.Campaign.Kind), d.Campaign.Basis, d.Campaign.PublishedOn,
        items = d.Items.Select(i => new
        {
            i.Title, i.DocumentNo, kind = CleanupService.SourceName(i.SourceKind), i.UnitName, result = CleanupService.OutcomeName(i.Decision), reason = i.DecisionReason,
        }).ToList(),
    };
}

/// <summary>
/// Reminders (ADR 0022) to each owning unit whose documents in an open campaign still lack a proposal: when the proposal
/// deadline is within 3 days, and once it has passed (【督办】 to the review office above, through the kit).
/// </summary>
internal sealed class CleanupReminders(ISystemWork systemWork, IDeadlineService clock, IReminders reminders, IOrgDirectory orgs)
{
    public async Task<ReminderRun> RemindAsync(CancellationToken ct)
    {
        await using var system = systemWork.Db<RulemakingDb>("文件清理期限提醒");
        var today = clock.Today;
        var campaigns = await system.CleanupCampaigns.AsNoTracking().Where(c => c.PublishedOn == null && c.ProposalDueOn <= today.AddDays(3)).OrderBy(c => c.ProposalDueOn).ThenBy(c => c.Id).Take(100).ToListAsync(ct);
        var list = new List<Reminder>();
        foreach (var c in campaigns)
        {
            var units = await system.CleanupItems.AsNoTracking()
                .Where(i => i.CampaignId == c.Id && (i.State == CleanupItemState.Pending || i.State == CleanupItemState.Returned))
                .GroupBy(i => new { i.OrgUnitId, i.UnitName }).Select(g => new { g.Key.OrgUnitId, g.Key.UnitName, Count = g.Count() }).ToListAsync(ct);
            foreach (var u in units)
            {
                var late = c.ProposalDueOn < today;
                // The subject stays under the notification's 100 characters with the supervision suffix (":" + a unit id) added.
                var reminder = new Reminder("rulemaking.cleanup-proposal", $"{c.Id:N}:{u.OrgUnitId.ToString("N")[..12]}:{(late ? "late" : "due")}",
                    late ? $"清理意见已逾期：{c.Title}" : $"请按期提出清理意见：{c.Title}",
                    $"{u.UnitName}有 {u.Count} 件文件尚未提出清理意见（保留、修改、废止或宣布失效及理由），期限 {c.ProposalDueOn:yyyy-MM-dd}。",
                    $"/rulemaking/cleanup/{c.Id}", [], u.OrgUnitId, RulemakingPermissions.Draft);
                // Past the deadline, 【督办】 also to the review office above the unit.
                await list.AddWithSupervisionAsync(orgs, reminder, late, RulemakingPermissions.Review, ct);
            }
        }
        return await reminders.SendAsync(list, ct);
    }
}

internal sealed class CleanupReminderJob(CleanupReminders reminders) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await reminders.RemindAsync(cancellationToken);
}

/// <summary>The home page's lines: a unit's documents awaiting its proposal (urgent past the deadline); the office's proposals awaiting review.</summary>
internal sealed class CleanupWorkSummary(RulemakingDb db, ICurrentUser current, IDeadlineService clock) : IWorkSummary
{
    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(CancellationToken ct)
    {
        var items = new List<WorkItem>();
        var open = db.CleanupItems.AsNoTracking().Join(db.CleanupCampaigns.AsNoTracking().Where(c => c.PublishedOn == null), i => i.CampaignId, c => c.Id, (i, c) => new { i.State, c.ProposalDueOn });
        if (current.Has(RulemakingPermissions.Review))
        {
            var proposed = await open.CountAsync(x => x.State == CleanupItemState.Proposed, ct);
            items.Add(new("立法与合法性审核", "待审核的清理意见", proposed, "/rulemaking/cleanup"));
        }
        else if (current.Has(RulemakingPermissions.Draft))
        {
            var due = await open.Where(x => x.State == CleanupItemState.Pending || x.State == CleanupItemState.Returned).Select(x => x.ProposalDueOn).ToListAsync(ct);
            items.Add(new("立法与合法性审核", "待提出清理意见的文件", due.Count, "/rulemaking/cleanup", Urgent: due.Any(d => d < clock.Today)));
        }
        return items;
    }
}
