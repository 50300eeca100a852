using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Jobs;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Fazhi.Platform.Web;
using Fazhi.Rulemaking.Data;
using Fazhi.Rulemaking.Decisions;
using Fazhi.Rulemaking.Legislation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Rulemaking.Hearings;

/// <summary>
/// Registration of hearings and expert meetings (ADR 0047): the units and offices that carry legislation projects and major
/// decisions (<see cref="RulemakingPermissions.Hearings"/>) announce and record them; the public reads hearing notices.
/// </summary>
internal static class HearingFeature
{
    public static void Add(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<HearingService>();
        services.AddScoped<IDemoSeed, HearingDemoSeed>();
        services.AddWorkSummary<HearingWorkSummary>();
        services.AddScoped<HearingReminders>();
        services.AddFazhiJob<HearingReminderJob>("0 35 8 ? * MON-FRI", "工作日 08:35 听证会公告期限、举行日期和待登记记录提醒");
        services.AddPortalLinks(new PortalLink(PortalSection.Participation, "听证会公告", "/public/hearings", 32, "Hearing notices",
            "立法项目和重大行政决策听证会的时间、地点、内容和报名方式，以及举行情况。", "Hearings on draft rules and major decisions: when, where, what, how to take part."));
        services.AddNavItems(
            new NavItem("立法与合法性审核", "听证会和专家论证会", "/rulemaking/hearings", RulemakingPermissions.Hearings, 55, "Hearings and expert meetings"),
            new NavItem("立法与合法性审核", "听证会公告", "/public/hearings", null, 96, "Hearing notices"));
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/public/hearings", async (HearingService s, CancellationToken ct) => TypedResults.Ok((await s.PublicAsync(ct)).Select(PublicView).ToList())).AllowAnonymous();
        api.MapGet("/public/hearings/{id:guid}", async Task<Results<Ok<object>, NotFound>> (Guid id, HearingService s, CancellationToken ct) =>
            await s.PublicGetAsync(id, ct) is { } h ? TypedResults.Ok(PublicView(h)) : TypedResults.NotFound()).AllowAnonymous();

        var g = api.MapGroup("/hearings").RequirePermission(RulemakingPermissions.Hearings);
        g.MapGet("/", async (HearingService s, CancellationToken ct) => TypedResults.Ok(await s.ListAsync(ct)));
        g.MapGet("/subjects", async (HearingService s, CancellationToken ct) => TypedResults.Ok(await s.SubjectsAsync(ct)));
        g.MapPost("/", async (HearingInput i, HearingService s, CancellationToken ct) => TypedResults.Created((string?)null, await s.AnnounceAsync(i, ct)));
        g.MapGet("/{id:guid}", async (Guid id, HearingService s, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(id, ct)));
        g.MapPost("/{id:guid}/minutes", UploadAsync).Accepts<IFormFile>("multipart/form-data").RequireAntiforgeryForCookies();
        g.MapPost("/{id:guid}/record", async (Guid id, HearingRecordInput i, HearingService s, CancellationToken ct) => TypedResults.Ok(await s.RecordAsync(id, i, ct)));
    }

    private static object PublicView(Hearing h) => new
    {
        h.Id, h.Title, subject = HearingService.SubjectName(h.Subject), h.SubjectTitle, h.UnitName, h.Content, h.AnnouncedOn, h.HeldOn, h.Place, h.Participants,
        state = HearingService.StateName(h.State), held = h.State == HearingState.Held,
    };

    /// <summary>Multipart field <c>file</c>. A bearer client gets the meeting back; a browser form goes back to the page.</summary>
    private static Task<IResult> UploadAsync(Guid id, HttpContext http, HearingService s, CancellationToken ct) =>
        FormUploads.HandleAsync(http, $"/rulemaking/hearings/{id}", "minutes", (_, stream, name) => s.AddMinutesAsync(id, stream, name, ct), async () => await s.GetAsync(id, ct), ct);
}

/// <summary>
/// The home page's lines: meetings whose date has passed without the record entered (urgent); major decisions that require a
/// hearing with none announced (urgent: 公众参与 cannot be completed without it, 重大行政决策程序暂行条例 第十八条).
/// </summary>
internal sealed class HearingWorkSummary(RulemakingDb db, ICurrentUser current, IDeadlineService clock) : IWorkSummary
{
    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(CancellationToken ct)
    {
        if (!current.Has(RulemakingPermissions.Hearings))
        {
            return [];
        }
        var today = clock.Today;
        var due = await db.Hearings.AsNoTracking().CountAsync(h => h.State == HearingState.Announced && h.HeldOn <= today, ct);
        var items = new List<WorkItem> { new("立法与合法性审核", "待登记记录的听证会和论证会", due, "/rulemaking/hearings", Urgent: due > 0) };
        if (current.Has(RulemakingPermissions.DecisionsWork))
        {
            var heard = db.Hearings.Where(h => h.Kind == HearingKind.Hearing && h.Subject == HearingSubject.MajorDecision).Select(h => h.SubjectId);
            var unannounced = await db.Decisions.AsNoTracking().CountAsync(d => d.HearingRequired && d.Status == DecisionStatus.InProgress && !heard.Contains(d.Id), ct);
            items.Add(new("立法与合法性审核", "须举行听证会尚未公告的决策", unannounced, "/rulemaking/decisions#decisions", Urgent: unannounced > 0));
        }
        return items;
    }
}

/// <summary>
/// <c>--demo</c>: a hearing announced 35 days ahead on the draft open for comment, and on the decision returned by 程序回流 a
/// hearing held with its minutes (the decision marked as requiring one), plus an expert meeting. Idempotent.
/// </summary>
internal sealed class HearingDemoSeed(RulemakingDb db, IDeadlineService clock, Fazhi.Platform.Features.Attachments.IAttachmentStore attachments) : IDemoSeed
{
    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Hearings.AnyAsync(h => h.IsDemo, ct))
        {
            return;
        }
        var today = clock.Today;
        var project = await db.LegislationProjects.AsNoTracking().Where(p => p.IsDemo && p.Stage == LegislationStage.PublicComment).OrderBy(p => p.Title).FirstOrDefaultAsync(ct);
        var decision = await db.Decisions.Where(d => d.IsDemo && d.Status == DecisionStatus.InProgress).OrderBy(d => d.Title).FirstOrDefaultAsync(ct);
        if (project is not null)
        {
            db.Hearings.Add(new Hearing
            {
                OrgUnitId = project.OrgUnitId, UnitName = project.UnitName, Kind = HearingKind.Hearing, Subject = HearingSubject.LegislationProject, SubjectId = project.Id,
                SubjectTitle = project.Title, Title = $"《{project.Title}》立法听证会", Content = "草案中收费项目、责任主体和罚则的设定。",
                AnnouncedOn = today, HeldOn = today.AddDays(35), Place = "枣庄市政务服务中心三楼听证室",
                Participants = "公开报名：持身份证件于举行 10 日前到市司法局立法科报名，按报名顺序和代表性确定听证参加人 15 名。", State = HearingState.Announced,
                AnnouncedBy = "demo-city", IsDemo = true,
            });
        }
        if (decision is not null)
        {
            var hearing = new Hearing
            {
                OrgUnitId = decision.OrgUnitId, UnitName = decision.UnitName, Kind = HearingKind.Hearing, Subject = HearingSubject.MajorDecision, SubjectId = decision.Id,
                SubjectTitle = decision.Title, Title = $"{decision.Title}听证会", Content = "收费标准调整方案及其测算依据。", AnnouncedOn = today.AddDays(-70),
                HeldOn = today.AddDays(-38), Place = "薛城区政府第一会议室", Participants = "经营者代表 4 名、消费者代表 6 名、人大代表和政协委员 3 名、专家 2 名。",
                State = HearingState.Held, Record = "听证参加人 15 名到会，9 人同意调整方案，4 人建议降低夜间收费，2 人反对；主持人归纳争议焦点 3 项。", RecordedOn = today.AddDays(-37),
                RecordedBy = "demo-xuecheng", AnnouncedBy = "demo-xuecheng", IsDemo = true,
            };
            db.Hearings.Add(hearing);
            db.Hearings.Add(new Hearing
            {
                OrgUnitId = decision.OrgUnitId, UnitName = decision.UnitName, Kind = HearingKind.ExpertMeeting, Subject = HearingSubject.MajorDecision, SubjectId = decision.Id,
                SubjectTitle = decision.Title, Title = $"{decision.Title}专家论证会（重新论证）", Content = "收费标准的合理性和对周边交通的影响；利害关系人回避后重新论证。",
                AnnouncedOn = today, HeldOn = today.AddDays(7), Place = "薛城区住建局会议室", Participants = "交通规划、价格、法律专家各 1 名。", State = HearingState.Announced,
                AnnouncedBy = "demo-xuecheng", IsDemo = true,
            });
            (decision.HearingRequired, decision.HearingRequiredReason) = (true, "涉及群众切身利益的收费标准调整，依《中华人民共和国价格法》第二十三条须举行听证会。");
            await db.SaveChangesAsync(ct);
            using var file = new MemoryStream(System.Text.Encoding.UTF8.GetBytes("%PDF-1.4\n听证笔录（演示材料）\n%%EOF"));
            await attachments.SaveAsync(file, "听证笔录.pdf", decision.OrgUnitId, HearingService.MinutesOwner, hearing.Id.ToString(), ct);
        }
        await db.SaveChangesAsync(ct);
    }
}
