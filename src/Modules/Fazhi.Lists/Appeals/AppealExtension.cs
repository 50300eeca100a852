using Fazhi.Lists.Data;
using Fazhi.Lists.Reports;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Lists.Appeals;

internal sealed record AppealExtensionInput(string? Reason);

internal sealed record AppealExtensionDecisionInput(bool? Approve, string? Note);

/// <summary>
/// The complaint extension (延期, ADR 0054): 《济南市优化营商环境条例》第六十二条 gives an enterprise complaint 5 working days,
/// and 10 more when it is complex. The handling unit asks once, with the reason, before the due date; the supervising office
/// (the list owner) approves or refuses; an approval moves the due date by the kind's configured extension days, counted on
/// the platform working-day calendar from the old due date. The on-time rate then counts against the extended date (the
/// late mark is set against <see cref="EnterpriseAppeal.DueOn"/>, and the daily run holds it while a request is pending).
/// </summary>
internal sealed partial class AppealService
{
    public const string ExtensionKind = "lists.appeal.extension";

    /// <summary>The rule of the extension, named by every refusal.</summary>
    public const string ExtensionRule = "《济南市优化营商环境条例》第六十二条";

    /// <summary>The default extension of a complaint (第六十二条: 情况复杂的，可以延长 10 个工作日); other kinds 0 (not extendable).</summary>
    public const int DefaultComplaintExtensionDays = 10;

    public static string ExtensionStatusName(AppealExtensionStatus s) => s switch
    {
        AppealExtensionStatus.Requested => "延期待审批",
        AppealExtensionStatus.Approved => "已批准延期",
        AppealExtensionStatus.Refused => "延期未批准",
        _ => "延期申请已撤回",
    };

    /// <summary>Why the handling unit cannot ask for an extension now (the domain's answer, shown on the disabled button); null when it can.</summary>
    public static string? ExtensionWhyNot(EnterpriseAppeal a, int extensionDays, DateOnly today)
    {
        if (a.ExtensionStatus is { } s)
        {
            return $"每件诉求只能申请一次延期（{ExtensionRule}：情况复杂的，可延长一次）；本件已于 {a.ExtensionRequestedOn:yyyy-MM-dd} 申请，{ExtensionStatusName(s)}。";
        }
        if (a.Status is not (AppealStatus.Routed or AppealStatus.Handling))
        {
            return "已答复或已办结的诉求不能申请延期。";
        }
        if (extensionDays <= 0)
        {
            return $"{KindName(a.Kind)}类诉求不能延期：办理时限设置中其延期工作日为 0（{ExtensionRule}只对企业投诉规定延期）。";
        }
        if (today > a.DueOn)
        {
            return $"已过答复期限（{a.DueOn:yyyy-MM-dd}），不能再申请延期：延期须在期限届满前申请（{ExtensionRule}）。";
        }
        return null;
    }

    /// <summary>Why the supervising office cannot decide now; null when a request waits and the appeal is open.</summary>
    public static string? DecisionWhyNot(EnterpriseAppeal a) =>
        a.ExtensionStatus != AppealExtensionStatus.Requested ? "没有待审批的延期申请。"
        : a.Status is not (AppealStatus.Routed or AppealStatus.Handling) ? "诉求已答复或已办结，无需延期。"
        : null;

    /// <summary>The working days an approved extension adds for the kind (its settings row; 0 = not extendable).</summary>
    public async Task<int> ExtensionDaysAsync(AppealKind kind, CancellationToken ct) =>
        (await db.AppealTimeLimits.AsNoTracking().FirstOrDefaultAsync(t => t.Kind == kind, ct))?.ExtensionWorkingDays ?? 0;

    /// <summary>申请延期: the handling unit, once, with the reason, before the due date; the supervising office is told.</summary>
    public async Task<EnterpriseAppeal> RequestExtensionAsync(Guid id, AppealExtensionInput input, CancellationToken ct)
    {
        var a = await OwnAsync(id, ct);
        if (ExtensionWhyNot(a, await ExtensionDaysAsync(a.Kind, ct), Today) is { } why)
        {
            throw Refuse.Conflict(why, ExtensionRule);
        }
        var checks = new FieldChecks();
        var reason = TextRules.Required(checks, "reason", "延期理由", input.Reason, 1000);
        checks.ThrowIfAny($"延期申请未提交：须写明情况复杂的理由（{ExtensionRule}）。");
        (a.ExtensionStatus, a.ExtensionReason, a.ExtensionRequestedBy, a.ExtensionRequestedOn) = (AppealExtensionStatus.Requested, reason, user.UserName ?? "", Today);
        a.RoutingLog += $"\n{Today:yyyy-MM-dd} {user.UserName} 申请延期：{reason}";
        await db.SaveChangesAsync(ct);
        var office = await OfficeAsync(ct);
        if (office is not null)
        {
            await reminders.SendAsync([new Reminder(ExtensionKind, $"{a.Id}:request", $"企业诉求延期申请待审批：{a.Number}",
                $"企业诉求 {a.Number}“{a.Subject}”（期限 {a.DueOn:yyyy-MM-dd}）申请延期：{reason}", $"/lists/appeals/{a.Id}", [], office.Id,
                ListsPermissions.AppealsSupervise)], ct);
        }
        return a;
    }

    /// <summary>审批延期: the supervising office approves (the due date moves by the kind's extension days) or refuses with a reason.</summary>
    public async Task<EnterpriseAppeal> DecideExtensionAsync(Guid id, AppealExtensionDecisionInput input, CancellationToken ct)
    {
        if (!user.Has(ListsPermissions.AppealsSupervise))
        {
            throw Refuse.Forbidden("只有督办单位可以审批延期。");
        }
        var a = await db.Appeals.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw Refuse.NotFound("诉求不存在或不在您的数据范围内。");
        var checks = new FieldChecks();
        checks.When(input.Approve is null, "approve", "请选择批准或不批准延期。");
        var note = TextRules.Optional(checks, "note", "审批意见", input.Note, 1000) ?? "";
        checks.When(input.Approve == false && note.Length == 0, "note", "不批准延期的，请写明理由。");
        if (DecisionWhyNot(a) is { } why)
        {
            throw Refuse.Conflict(why, ExtensionRule);
        }
        checks.ThrowIfAny("延期审批未保存。");
        if (input.Approve == true)
        {
            var days = await ExtensionDaysAsync(a.Kind, ct);
            if (days <= 0)
            {
                throw Refuse.Conflict($"{KindName(a.Kind)}类诉求的延期工作日已设为 0，不能批准延期（{ExtensionRule}）。", ExtensionRule);
            }
            a.DueOnBeforeExtension = a.DueOn;
            a.DueOn = (await clock.AddWorkingDaysAsync(a.DueOn, days, ct)).Date;
            (a.ExtensionStatus, a.ExtensionDays) = (AppealExtensionStatus.Approved, days);
            a.RoutingLog += $"\n{Today:yyyy-MM-dd} {user.UserName} 批准延期 {days} 个工作日，期限由 {a.DueOnBeforeExtension:yyyy-MM-dd} 延至 {a.DueOn:yyyy-MM-dd}{(note.Length > 0 ? "：" + note : "")}";
        }
        else
        {
            a.ExtensionStatus = AppealExtensionStatus.Refused;
            a.RoutingLog += $"\n{Today:yyyy-MM-dd} {user.UserName} 不批准延期：{note}";
        }
        (a.ExtensionDecidedBy, a.ExtensionDecidedOn, a.ExtensionDecisionNote) = (user.UserName ?? "", Today, note);
        await db.SaveChangesAsync(ct);
        await reminders.SendAsync([new Reminder(ExtensionKind, $"{a.Id}:decision", $"企业诉求延期{(a.ExtensionStatus == AppealExtensionStatus.Approved ? "已批准" : "未批准")}：{a.Number}",
            $"企业诉求 {a.Number}“{a.Subject}”{ExtensionStatusName(a.ExtensionStatus!.Value)}，请于 {a.DueOn:yyyy-MM-dd} 前答复。{note}", $"/lists/appeals/{a.Id}", [], a.OrgUnitId,
            ListsPermissions.AppealsHandle)], ct);
        return a;
    }

    /// <summary>The supervising office: the intake unit of the module's settings (the list owner).</summary>
    private async Task<Fazhi.Platform.Kit.OrgUnitInfo?> OfficeAsync(CancellationToken ct)
    {
        await using var system = systemWork.Db<ListsDb>("企业诉求督办单位");
        var settings = await system.Settings.AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(ct) ?? new ListsSettings();
        return await orgs.FindByCodeAsync(settings.IntakeUnitCode, ct);
    }
}
