using Fazhi.Disputes.Deadlines;
using Fazhi.Disputes.Documents;
using Fazhi.Platform.Features.Jobs;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Disputes.Handling;

/// <summary>Registers case handling, documents and deadline worklists/reminders (called from <see cref="DisputesModule"/>).</summary>
internal static class HandlingModule
{
    public static void Add(IServiceCollection services)
    {
        services.AddScoped<HandlingClock>();
        services.AddScoped<Fazhi.Platform.Features.Calendar.ICalendarChangeHandler, CalendarRecompute>();
        services.AddScoped<HandlingService>();
        services.AddScoped<Batch.BatchAssign>();
        services.AddScoped<HandOvers>();
        services.AddScoped<DocumentService>();
        services.AddScoped<Worklists>();
        // After the profile seed (registered before): rules and options go to the profiles it created.
        services.AddScoped<IModuleSeed, HandlingSeed>();
        services.AddScoped<IModuleSeed, DocumentTemplateSeed>();
        services.AddFazhiJob<DeadlineReminderJob>("0 0 7 * * ?", "每日 07:00 纠纷案件期限：视为受理/视为放弃、到期提醒、超期督办");
        services.AddModuleRoles(
            new ModuleRole("dispute-mediator", "调解员/承办人", "办理指派的纠纷案件：记录、调解听证、补正、中止、申请延期、转换类型、办结、制作文书。",
                [DisputesPermissions.CasesRead, DisputesPermissions.CasesHandle]),
            new ModuleRole("dispute-supervisor", "纠纷化解负责人", "批准延期，接收超期督办提醒，查看督办视图。",
                [DisputesPermissions.CasesRead, DisputesPermissions.CasesApprove, DisputesPermissions.CasesSupervise]),
            new ModuleRole("dispute-template-admin", "纠纷文书模板管理员", "编辑受理通知书、补正通知书等文书模板和文号格式。",
                [DisputesPermissions.CasesRead, DisputesPermissions.TemplatesManage]));
        services.AddNavItems(
            new NavItem("纠纷化解", "督办视图", "/disputes/supervision", DisputesPermissions.CasesSupervise, 105, "Supervision"),
            new NavItem("纠纷化解", "文书模板", "/disputes/templates", DisputesPermissions.TemplatesManage, 106, "Notice templates"));
    }

    public static void Map(RouteGroupBuilder api)
    {
        HandlingApi.Map(api);
        Batch.BatchAssign.Map(api);
        DocumentsApi.Map(api);
        api.MapGet("/worklist", async (Worklists w, string? view, string? type, string? status, string? unit, int? page, int? pageSize, string? q,
                DateOnly? from, DateOnly? to, string? sort, string? dir, CancellationToken ct) =>
            Microsoft.AspNetCore.Http.TypedResults.Ok(await w.ListAsync(view, type, status, unit, page ?? 1, pageSize ?? 20, ct, WorklistSearch.Read(q, from, to),
                SortOf(view, sort, dir))))
            .RequirePermission(DisputesPermissions.CasesRead);
        // The filtered list as .xlsx and as a print view (the kit's list output): the same filters and order as the list,
        // every row (over ListOutput.MaxRows refused, naming the count).
        api.MapGet("/worklist/export", async (Worklists w, string? view, string? type, string? status, string? unit, string? q, DateOnly? from, DateOnly? to,
                string? sort, string? dir, CancellationToken ct) =>
            ListOutput.Xlsx(await w.TableAsync(WorklistTitle, view, type, status, unit, WorklistSearch.Read(q, from, to), SortOf(view, sort, dir), ct)))
            .RequirePermission(DisputesPermissions.CasesRead);
        api.MapGet("/worklist/print", async (Worklists w, TimeProvider clock, string? view, string? type, string? status, string? unit, string? q,
                DateOnly? from, DateOnly? to, string? sort, string? dir, CancellationToken ct) =>
            ListOutput.Print(await w.TableAsync(WorklistTitle, view, type, status, unit, WorklistSearch.Read(q, from, to), SortOf(view, sort, dir), ct),
                clock.GetUtcNow().InChina()))
            .RequirePermission(DisputesPermissions.CasesRead);
    }

    /// <summary>The worklist's title on its export and print view.</summary>
    private const string WorklistTitle = "纠纷案件";

    /// <summary>The order asked for, checked by the worklists' shape (an unknown key or direction is refused naming it).</summary>
    private static WorklistSort SortOf(string? view, string? sort, string? dir) =>
        Worklists.SortOf(view, Worklists.Shape.Check(new ListQuery { Sort = sort, Dir = dir }), sort);
}
