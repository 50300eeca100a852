using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Fazhi.Lists.Certificates;
using Fazhi.Lists.Data;
using Fazhi.Lists.Powers;
using Fazhi.Lists.Reports;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.PersonalData;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Fazhi.Lists.Appeals;

/// <summary>An appeal as the enterprise (portal), the hotline clerk or 12345 gives it. <paramref name="PowerItemCode"/> empty = 不清楚.</summary>
internal sealed record AppealInput(AppealKind? Kind, string? CreditCode, string? EnterpriseName, string? Subject, string? Content, string? PowerItemCode = null,
    string? ContactName = null, string? ContactPhone = null, string? ReferralId = null);

internal sealed record AppealReceipt(string Number, string QueryCode, DateOnly DueOn, string UnitName, string RoutingReason);

internal sealed record AppealOverrideInput(Guid? UnitId, string? Reason);

internal sealed record AppealCoHandlerInput(Guid? UnitId);

internal sealed record AppealOpinionInput(string? Opinion);

internal sealed record AppealReplyInput(string? Reply);

internal sealed record AppealFollowUpInput(AppealRating? Rating, string? Note);

internal sealed record AppealRateInput(string? Number, string? QueryCode, AppealRating? Rating, string? Comment);

internal sealed record AppealTracking(string Number, string KindName, string Subject, string UnitName, DateOnly ReceivedOn, DateOnly DueOn, string StatusName, string Reply,
    DateOnly? RepliedOn, string? RatingName, bool CanRate);

/// <summary>A kind's time limit; <paramref name="ExtensionWorkingDays"/> null keeps the extension as it is (0 = not extendable).</summary>
internal sealed record AppealTimeLimitInput(AppealKind Kind, int WorkingDays, long? Version = null, int? ExtensionWorkingDays = null);

internal sealed record AppealFilter(AppealStatus? Status = null, AppealKind? Kind = null, Guid? UnitId = null, bool OverdueOnly = false, bool OpenOnly = false);

/// <summary>A power-list item an enterprise may pick: its code, the matter and the unit that exercises it.</summary>
internal sealed record AppealMatterOption(string ItemCode, string Name, string UnitName)
{
    /// <summary>What the picker posts (the item code).</summary>
    public string Value => ItemCode;

    /// <summary>What the picker shows and the browser searches beside the code.</summary>
    public string Label => $"{Name}（{UnitName}）";
}

/// <summary>
/// Enterprise appeals (企业诉求; 优化营商环境条例 第四十八、四十九条; 山东省优化营商环境条例 第五十六条): intake from the portal, the
/// hotline and 12345; routing to the unit of the matter in the published power list; confirmation or override with a
/// reason; co-handling units; the reply within the kind's time limit on the working-day calendar; 回访 and the enterprise's
/// rating (an unsatisfied one reopens the appeal); overdue ones raised to the supervising office by a daily job.
/// A unit reads its own appeals and those it co-handles; the supervising office (scope over the city) reads all.
/// </summary>
internal sealed partial class AppealService(ListsDb db, ISystemWork systemWork, ICurrentUser user, IDeadlineService clock, IOrgDirectory orgs, INumberSequence numbers,
    IReminders reminders, ICreditCodeCheck creditCodes)
{
    public static readonly NumberSequenceDefinition Numbers = new("lists.appeal", "企业诉求编号", "QYSQ{year}-{seq:00000}");

    public const string NewKind = "lists.appeal.new";

    public const string DueKind = "lists.appeal.due";

    public const string EscalateKind = "lists.appeal.escalate";

    private const string QueryAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static readonly ListShape<EnterpriseAppeal> Shape = new ListShape<EnterpriseAppeal>()
        .Search((q, k) => q.Where(a => a.Number.Contains(k) || a.EnterpriseName.Contains(k) || a.Subject.Contains(k) || a.CreditCode.Contains(k) || a.PowerItemName.Contains(k)))
        .Dated(a => a.ReceivedOn)
        .SortBy("receivedOn", a => a.ReceivedOn, SortDirection.Desc)
        .SortBy("dueOn", a => a.DueOn)
        .SortBy("number", a => a.Number)
        .ThenBy(a => a.Id);

    /// <summary>The default time limits: 济南市优化营商环境条例 第六十二条 (enterprise complaints: 5 working days, +10 if complex; domain.md §2).</summary>
    public const int DefaultWorkingDays = 5;

    public const string DefaultBasis = "参照《济南市优化营商环境条例》第六十二条（企业投诉 5 个工作日，情况复杂的可延长 10 个工作日）；可调整";

    public DateOnly Today => clock.Today;

    // ---- settings rows: the time limit per kind -------------------------------------------------------------------

    public async Task<List<AppealTimeLimit>> TimeLimitsAsync(CancellationToken ct) =>
        (await db.AppealTimeLimits.AsNoTracking().ToListAsync(ct)).OrderBy(t => t.Kind).ToList();

    public async Task<AppealTimeLimit> SaveTimeLimitAsync(AppealTimeLimitInput input, CancellationToken ct)
    {
        var checks = new FieldChecks();
        checks.When(!Enum.IsDefined(input.Kind), "kind", "诉求类别不正确。");
        checks.When(input.WorkingDays is < 1 or > 60, "workingDays", "办理时限应为 1–60 个工作日。");
        checks.When(input.ExtensionWorkingDays is < 0 or > 60, "extensionWorkingDays", "延期工作日应为 0–60（0 表示不能延期）。");
        checks.ThrowIfAny("时限未保存。");
        var row = await db.AppealTimeLimits.FirstOrDefaultAsync(t => t.Kind == input.Kind, ct);
        if (row is null)
        {
            row = new AppealTimeLimit { Kind = input.Kind, Basis = DefaultBasis, ExtensionWorkingDays = input.Kind == AppealKind.Complaint ? DefaultComplaintExtensionDays : 0 };
            db.AppealTimeLimits.Add(row);
        }
        else if (input.Version is { } v && v != row.Version)
        {
            throw Refuse.Conflict("时限已被他人修改，请刷新后重试。");
        }
        row.WorkingDays = input.WorkingDays;
        row.ExtensionWorkingDays = input.ExtensionWorkingDays ?? row.ExtensionWorkingDays;
        await db.SaveChangesAsync(ct);
        return row;
    }

    private static async Task<int> WorkingDaysAsync(ListsDb source, AppealKind kind, CancellationToken ct) =>
        (await source.AppealTimeLimits.AsNoTracking().FirstOrDefaultAsync(t => t.Kind == kind, ct))?.WorkingDays ?? DefaultWorkingDays;

    // ---- intake ------------------------------------------------------------------------------------------------------

    public async Task<IReadOnlyList<OrgUnitInfo>> UnitsAsync(CancellationToken ct) =>
        (await orgs.ActiveUnitsAsync(ct)).OrderBy(u => u.Path, StringComparer.Ordinal).ToList();

    private async Task<int?> CurrentPowerVersionAsync(ListsDb source, CancellationToken ct) =>
        await source.PowerVersions.AsNoTracking().Where(v => v.Status == CertVersionStatus.Published && v.EffectiveOn <= Today).OrderByDescending(v => v.Number)
            .Select(v => (int?)v.Number).FirstOrDefaultAsync(ct);

    private static IQueryable<PowerItemRevision> PowerItemsIn(ListsDb source, int number) =>
        source.PowerItems.AsNoTracking().Where(r => r.FromVersion <= number && (r.ToVersion == null || r.ToVersion > number) && r.Status == PowerItemStatus.InForce);

    /// <summary>From the public form (no account): system work into the routed unit's scope.</summary>
    public Task<AppealReceipt> SubmitAsync(AppealInput input, CancellationToken ct) => IntakeAsync(input, AppealChannel.Portal, ct);

    /// <summary>Entered by staff from a hotline call (热线); the receipt's query code is read to the caller.</summary>
    public Task<AppealReceipt> HotlineAsync(AppealInput input, CancellationToken ct) => IntakeAsync(input, AppealChannel.Hotline, ct);

    /// <summary>Referred by 12345 with its work-order id; a second referral with the same id is refused (409), naming the first.</summary>
    public Task<AppealReceipt> ReferAsync(AppealInput input, CancellationToken ct) => IntakeAsync(input, AppealChannel.Referral, ct);

    private async Task<AppealReceipt> IntakeAsync(AppealInput input, AppealChannel channel, CancellationToken ct)
    {
        var checks = new FieldChecks();
        checks.When(input.Kind is not { } k || !Enum.IsDefined(k), "kind", "请选择诉求类别（咨询、求助、投诉、建议）。");
        var enterprise = TextRules.Required(checks, "enterpriseName", "企业名称", input.EnterpriseName, 200);
        var subject = TextRules.Required(checks, "subject", "诉求标题", input.Subject, 200);
        var content = TextRules.Required(checks, "content", "诉求内容", input.Content, 4000);
        var contact = TextRules.Optional(checks, "contactName", "联系人", input.ContactName, 64) ?? "";
        var itemCode = TextRules.Optional(checks, "powerItemCode", "涉及的事项", input.PowerItemCode, 40) ?? "";
        var referral = TextRules.Optional(checks, "referralId", "12345 工单编号", input.ReferralId, 64)?.ToUpperInvariant();
        if (channel == AppealChannel.Referral && referral is null)
        {
            checks.Add("referralId", "12345 转办须填写工单编号，以便回传结果。");
        }
        var credit = await creditCodes.CheckAsync(input.CreditCode, ct);
        if (string.IsNullOrWhiteSpace(input.CreditCode))
        {
            checks.Add("creditCode", "请填写统一社会信用代码。");
        }
        else if (!credit.IsValid)
        {
            checks.Add("creditCode", credit.Message);
        }
        SensitiveText? phone = null;
        if (!string.IsNullOrWhiteSpace(input.ContactPhone))
        {
            var digits = input.ContactPhone.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
            if (!PhonePattern().IsMatch(digits))
            {
                checks.Add("contactPhone", "联系电话格式不正确（手机 11 位，或带区号的固定电话）。");
            }
            else
            {
                phone = SensitiveText.Phone(digits);
            }
        }
        await using var system = systemWork.Db<ListsDb>(channel switch
        {
            AppealChannel.Portal => "企业诉求网上提交",
            AppealChannel.Hotline => "企业诉求热线登记",
            _ => "企业诉求 12345 转办",
        });
        // Routing by the power list: the unit that exercises the matter in the list in force today.
        OrgUnitInfo? unit = null;
        string reason;
        string itemName = "";
        if (itemCode.Length > 0)
        {
            var version = await CurrentPowerVersionAsync(system, ct);
            var item = version is { } v ? await PowerItemsIn(system, v).FirstOrDefaultAsync(r => r.ItemCode == itemCode, ct) : null;
            if (item is null)
            {
                checks.Add("powerItemCode", $"权责清单现行版本中没有事项“{itemCode}”。");
                reason = "";
            }
            else
            {
                unit = await orgs.FindAsync(item.UnitId, ct);
                itemName = item.Name;
                reason = $"按权责清单第 {version} 版事项 {item.ItemCode}“{item.Name}”的实施主体（{item.UnitName}）分办。";
            }
        }
        else
        {
            var settings = await system.Settings.AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(ct) ?? new ListsSettings();
            unit = await orgs.FindByCodeAsync(settings.IntakeUnitCode, ct);
            reason = $"未指明权责清单事项，由受理单位（{unit?.Name}）确认分办。";
        }
        checks.ThrowIfAny("诉求未提交，请按提示修改。");
        if (unit is not { IsActive: true })
        {
            throw Refuse.Conflict("受理单位未设置或已停用，请拨打 12345 反映。");
        }
        if (referral is not null && await system.Appeals.AsNoTracking().Where(a => a.ReferralId == referral).Select(a => a.Number).FirstOrDefaultAsync(ct) is { } earlier)
        {
            throw Refuse.Conflict($"12345 工单 {referral} 已转来，登记为 {earlier}，不重复受理。");
        }
        var kind = input.Kind!.Value;
        var days = await WorkingDaysAsync(system, kind, ct);
        var due = await clock.AddWorkingDaysAsync(Today, days, ct);
        var code = RandomNumberGenerator.GetString(QueryAlphabet, 8);
        var appeal = new EnterpriseAppeal
        {
            OrgUnitId = unit.Id, Channel = channel, ReferralId = referral, Kind = kind, CreditCode = credit.Normalized, EnterpriseName = enterprise, ContactName = contact,
            ContactPhone = phone, Subject = subject, Content = content, PowerItemCode = itemCode, PowerItemName = itemName, RoutingReason = reason,
            RoutingLog = $"{Today:yyyy-MM-dd} 系统分办至 {unit.Name}：{reason}", QueryCodeHash = ReportService.Hash(code), ReceivedOn = Today, DueOn = due.Date,
            Status = AppealStatus.Routed, ReferrerUserId = channel == AppealChannel.Referral ? user.UserId : null,
        };
        await using (var tx = await system.Database.BeginTransactionAsync(ct))
        {
            appeal.Number = (await numbers.NextAsync(system, Numbers.Key, new NumberScope(Today.Year), ct)).Number;
            system.Appeals.Add(appeal);
            await system.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        await reminders.SendAsync([new Reminder(NewKind, appeal.Id.ToString(), $"企业诉求：{appeal.Number}",
            $"{enterprise}（{KindName(kind)}）：{subject}。请确认分办并于 {appeal.DueOn:yyyy-MM-dd} 前答复。{reason}", $"/lists/appeals/{appeal.Id}", [], unit.Id,
            ListsPermissions.AppealsHandle)], ct);
        return new AppealReceipt(appeal.Number, code, appeal.DueOn, unit.Name, reason);
    }

    // ---- reading (own and co-handled) -------------------------------------------------------------------------------

    /// <summary>The appeals the caller may read: those of the units in scope and those a unit in scope co-handles.</summary>
    private IQueryable<EnterpriseAppeal> Visible(ListsDb source)
    {
        var scope = user.Scope;
        if (scope.Unrestricted)
        {
            return source.Appeals.AsNoTracking();
        }
        var ids = scope.UnitIds;
        return source.Appeals.AsNoTracking().Where(a => ids.Contains(a.OrgUnitId) || source.AppealCoHandlers.Any(c => c.AppealId == a.Id && ids.Contains(c.OrgUnitId)));
    }

    private static IQueryable<EnterpriseAppeal> Filter(IQueryable<EnterpriseAppeal> q, AppealFilter filter, DateOnly today)
    {
        if (filter.Status is { } s)
        {
            q = q.Where(a => a.Status == s);
        }
        if (filter.Kind is { } k)
        {
            q = q.Where(a => a.Kind == k);
        }
        if (filter.UnitId is { } u)
        {
            q = q.Where(a => a.OrgUnitId == u);
        }
        if (filter.OpenOnly)
        {
            q = q.Where(a => a.Status == AppealStatus.Routed || a.Status == AppealStatus.Handling);
        }
        if (filter.OverdueOnly)
        {
            q = q.Where(a => (a.Status == AppealStatus.Routed || a.Status == AppealStatus.Handling) && a.DueOn < today);
        }
        return q;
    }

    public async Task<Paged<EnterpriseAppeal>> PageAsync(ListRequest request, AppealFilter filter, CancellationToken ct)
    {
        await using var system = systemWork.Db<ListsDb>("企业诉求列表（本单位及协办）");
        return await Shape.PageAsync(Filter(Visible(system), filter, Today), request, ct);
    }

    public async Task<List<EnterpriseAppeal>> ExportRowsAsync(ListRequest request, AppealFilter filter, CancellationToken ct)
    {
        await using var system = systemWork.Db<ListsDb>("企业诉求导出（本单位及协办）");
        var page = await Shape.PageAsync(Filter(Visible(system), filter, Today), request with { Page = new PageRequest(1, 10000) }, ct);
        return page.Items.ToList();
    }

    public async Task<(EnterpriseAppeal Appeal, List<AppealCoHandler> CoHandlers, bool Handles)> GetAsync(Guid id, CancellationToken ct)
    {
        await using var system = systemWork.Db<ListsDb>("企业诉求查看（本单位及协办）");
        var appeal = await Visible(system).FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw Refuse.NotFound("诉求不存在或不在您的数据范围内。");
        var co = await system.AppealCoHandlers.AsNoTracking().Where(c => c.AppealId == id).OrderBy(c => c.AddedOn).ThenBy(c => c.Id).ToListAsync(ct);
        return (appeal, co, user.Scope.Allows(appeal.OrgUnitId));
    }

    // ---- handling (the handling unit, through its scoped context) --------------------------------------------------------

    private async Task<EnterpriseAppeal> OwnAsync(Guid id, CancellationToken ct) =>
        await db.Appeals.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw Refuse.NotFound("诉求不存在或不由本单位承办。");

    /// <summary>受理: the handling unit (or the office above it) confirms the unit the power list gave.</summary>
    public async Task<EnterpriseAppeal> ConfirmAsync(Guid id, CancellationToken ct)
    {
        var a = await OwnAsync(id, ct);
        if (a.Status != AppealStatus.Routed)
        {
            throw Refuse.Conflict("只有待确认分办的诉求可以确认。");
        }
        a.Status = AppealStatus.Handling;
        a.RoutingLog += $"\n{Today:yyyy-MM-dd} {user.UserName} 确认由本单位办理";
        await db.SaveChangesAsync(ct);
        return a;
    }

    /// <summary>
    /// 改派: staff send the appeal to another unit with a reason (a wrong or missing power-list match). The new unit may sit
    /// outside the caller's scope, so the write is system work after the caller's own read proved the appeal theirs.
    /// </summary>
    public async Task<EnterpriseAppeal> OverrideAsync(Guid id, AppealOverrideInput input, CancellationToken ct)
    {
        var own = await OwnAsync(id, ct);
        if (own.Status is not (AppealStatus.Routed or AppealStatus.Handling))
        {
            throw Refuse.Conflict("已答复或已办结的诉求不能改派。");
        }
        var checks = new FieldChecks();
        var reason = TextRules.Required(checks, "reason", "改派理由", input.Reason, 500);
        var to = input.UnitId is { } u && u != Guid.Empty ? await orgs.FindAsync(u, ct) : null;
        if (to is not { IsActive: true })
        {
            checks.Add("unitId", "请选择承办单位。");
        }
        else if (to.Id == own.OrgUnitId)
        {
            checks.Add("unitId", "诉求已由该单位承办。");
        }
        checks.ThrowIfAny("改派未执行。");
        var from = await orgs.FindAsync(own.OrgUnitId, ct);
        await using var system = systemWork.Db<ListsDb>("企业诉求改派");
        var a = await system.Appeals.FirstOrDefaultAsync(x => x.Id == id && x.Version == own.Version, ct)
            ?? throw Refuse.Conflict("诉求已被他人修改，请刷新后重试。");
        a.OrgUnitId = to!.Id;
        a.Status = AppealStatus.Routed;
        a.RoutingReason = $"由 {from?.Name} 改派：{reason}";
        a.RoutingLog += $"\n{Today:yyyy-MM-dd} {user.UserName}（{from?.Name}）改派至 {to.Name}：{reason}";
        await system.SaveChangesAsync(ct);
        await reminders.SendAsync([new Reminder(NewKind, $"{a.Id}:{to.Id}", $"改派的企业诉求：{a.Number}",
            $"{from?.Name}改派来企业诉求“{a.Subject}”，请确认并于 {a.DueOn:yyyy-MM-dd} 前答复。改派理由：{reason}", $"/lists/appeals/{a.Id}", [], to.Id,
            ListsPermissions.AppealsHandle)], ct);
        return a;
    }

    /// <summary>协办: the handling unit adds a co-handling unit, which then reads the appeal and gives its opinion.</summary>
    public async Task<AppealCoHandler> AddCoHandlerAsync(Guid id, AppealCoHandlerInput input, CancellationToken ct)
    {
        var a = await OwnAsync(id, ct);
        if (a.Status is AppealStatus.Closed)
        {
            throw Refuse.Conflict("已办结的诉求不能再增加协办单位。");
        }
        var checks = new FieldChecks();
        var to = input.UnitId is { } u && u != Guid.Empty ? await orgs.FindAsync(u, ct) : null;
        if (to is not { IsActive: true })
        {
            checks.Add("unitId", "请选择协办单位。");
        }
        else if (to.Id == a.OrgUnitId)
        {
            checks.Add("unitId", "承办单位不能同时是协办单位。");
        }
        checks.ThrowIfAny("协办单位未添加。");
        await using var system = systemWork.Db<ListsDb>("企业诉求增加协办单位");
        if (await system.AppealCoHandlers.AnyAsync(c => c.AppealId == id && c.OrgUnitId == to!.Id, ct))
        {
            throw Refuse.Field("unitId", $"{to!.Name} 已是协办单位。");
        }
        var row = new AppealCoHandler { AppealId = id, OrgUnitId = to!.Id, UnitName = to.Name, AddedBy = user.UserName ?? "", AddedOn = Today };
        system.AppealCoHandlers.Add(row);
        await system.SaveChangesAsync(ct);
        await reminders.SendAsync([new Reminder(NewKind, $"{a.Id}:co:{to.Id}", $"请协办企业诉求：{a.Number}",
            $"企业诉求“{a.Subject}”请贵单位协办，于 {a.DueOn:yyyy-MM-dd} 前提出意见。", $"/lists/appeals/{a.Id}", [], to.Id, ListsPermissions.AppealsHandle)], ct);
        return row;
    }

    /// <summary>The co-handling unit's opinion, on its own row (its scope).</summary>
    public async Task<AppealCoHandler> OpinionAsync(Guid id, AppealOpinionInput input, CancellationToken ct)
    {
        var row = await db.AppealCoHandlers.FirstOrDefaultAsync(c => c.AppealId == id, ct) ?? throw Refuse.NotFound("本单位不是该诉求的协办单位。");
        var checks = new FieldChecks();
        var opinion = TextRules.Required(checks, "opinion", "协办意见", input.Opinion, 2000);
        checks.ThrowIfAny("协办意见未保存。");
        (row.Opinion, row.OpinionOn) = (opinion, Today);
        await db.SaveChangesAsync(ct);
        return row;
    }

    /// <summary>答复: the handling unit replies; the enterprise reads it with the query code and rates it.</summary>
    public async Task<EnterpriseAppeal> ReplyAsync(Guid id, AppealReplyInput input, CancellationToken ct)
    {
        var a = await OwnAsync(id, ct);
        if (a.Status != AppealStatus.Handling)
        {
            throw Refuse.Conflict(a.Status == AppealStatus.Routed ? "请先确认分办，再答复。" : "该诉求已答复。");
        }
        var checks = new FieldChecks();
        var reply = TextRules.Required(checks, "reply", "答复内容", input.Reply, 4000);
        checks.ThrowIfAny("答复未保存。");
        (a.Status, a.Reply, a.RepliedBy, a.RepliedOn) = (AppealStatus.Replied, reply, user.UserName ?? "", Today);
        a.WasLate |= Today > a.DueOn;
        if (a.ExtensionStatus == AppealExtensionStatus.Requested)
        {
            // Replied before the office decided: the request has nothing left to extend.
            a.ExtensionStatus = AppealExtensionStatus.Withdrawn;
            a.RoutingLog += $"\n{Today:yyyy-MM-dd} 已答复，延期申请撤回";
        }
        await db.SaveChangesAsync(ct);
        return a;
    }

    /// <summary>回访 by the handling unit: a note of the call and, if the enterprise gave one, its rating.</summary>
    public async Task<EnterpriseAppeal> FollowUpAsync(Guid id, AppealFollowUpInput input, CancellationToken ct)
    {
        var a = await OwnAsync(id, ct);
        if (a.Status != AppealStatus.Replied)
        {
            throw Refuse.Conflict("只有已答复、待评价的诉求可以回访。");
        }
        var checks = new FieldChecks();
        var note = TextRules.Required(checks, "note", "回访记录", input.Note, 1000);
        checks.When(input.Rating is { } r && !Enum.IsDefined(r), "rating", "评价不正确。");
        checks.ThrowIfAny("回访未保存。");
        a.FollowUpNote = $"{Today:yyyy-MM-dd} {user.UserName}：{note}";
        var reopened = input.Rating is { } rating && await ApplyRatingAsync(db, a, rating, note, ct);
        await db.SaveChangesAsync(ct);
        if (reopened)
        {
            await RemindReopenedAsync(a, note, ct);
        }
        return a;
    }

    /// <summary>The enterprise's view by number and query code; null when either is wrong (one answer for both).</summary>
    public async Task<AppealTracking?> TrackAsync(string? number, string? queryCode, CancellationToken ct)
    {
        await using var system = systemWork.Db<ListsDb>("企业诉求查询");
        var a = await FindByCodeAsync(system, number, queryCode, ct);
        if (a is null)
        {
            return null;
        }
        var unit = await orgs.FindAsync(a.OrgUnitId, ct);
        return new AppealTracking(a.Number, KindName(a.Kind), a.Subject, unit?.Name ?? "", a.ReceivedOn, a.DueOn, StatusName(a.Status), a.Reply, a.RepliedOn,
            a.Rating is { } r ? RatingName(r) : null, a.Status == AppealStatus.Replied);
    }

    /// <summary>The enterprise rates the reply; 不满意 reopens the appeal with a new time limit from today.</summary>
    public async Task<AppealTracking> RateAsync(AppealRateInput input, CancellationToken ct)
    {
        var checks = new FieldChecks();
        checks.When(input.Rating is not { } r || !Enum.IsDefined(r), "rating", "请选择满意、基本满意或不满意。");
        var comment = TextRules.Optional(checks, "comment", "评价意见", input.Comment, 1000) ?? "";
        checks.When(input.Rating == AppealRating.Unsatisfied && comment.Length == 0, "comment", "不满意的，请写明原因，以便重新办理。");
        await using var system = systemWork.Db<ListsDb>("企业诉求评价");
        var a = await FindByCodeAsync(system, input.Number, input.QueryCode, ct, track: true) ?? throw Refuse.NotFound("诉求编号或查询码不正确，请核对后重试。");
        checks.ThrowIfAny("评价未提交。");
        if (a.Status != AppealStatus.Replied)
        {
            throw Refuse.Conflict("该诉求尚未答复或已评价。");
        }
        var reopened = await ApplyRatingAsync(system, a, input.Rating!.Value, comment, ct);
        await system.SaveChangesAsync(ct);
        if (reopened)
        {
            await RemindReopenedAsync(a, comment, ct);
        }
        return (await TrackAsync(input.Number, input.QueryCode, ct))!;
    }

    /// <summary>Applies the rating; true when 不满意 reopened the appeal (the caller tells the unit after saving).</summary>
    private async Task<bool> ApplyRatingAsync(ListsDb target, EnterpriseAppeal a, AppealRating rating, string comment, CancellationToken ct)
    {
        (a.Rating, a.RatingComment, a.RatedOn) = (rating, comment, Today);
        if (rating == AppealRating.Unsatisfied)
        {
            // 不满意: back to the unit, with the kind's full time limit again from today.
            var days = await WorkingDaysAsync(target, a.Kind, ct);
            a.DueOn = (await clock.AddWorkingDaysAsync(Today, days, ct)).Date;
            a.Status = AppealStatus.Handling;
            a.ReopenCount++;
            a.RoutingLog += $"\n{Today:yyyy-MM-dd} 企业评价不满意，重新办理（第 {a.ReopenCount} 次）：{comment}";
            return true;
        }
        a.Status = AppealStatus.Closed;
        a.ClosedOn = Today;
        return false;
    }

    private async Task RemindReopenedAsync(EnterpriseAppeal a, string comment, CancellationToken ct) =>
        await reminders.SendAsync([new Reminder(NewKind, $"{a.Id}:reopen:{a.ReopenCount}", $"企业不满意，诉求重新办理：{a.Number}",
            $"企业对“{a.Subject}”的答复不满意：{comment}。请于 {a.DueOn:yyyy-MM-dd} 前重新答复。", $"/lists/appeals/{a.Id}", [], a.OrgUnitId,
            ListsPermissions.AppealsHandle)], ct);

    private static async Task<EnterpriseAppeal?> FindByCodeAsync(ListsDb source, string? number, string? queryCode, CancellationToken ct, bool track = false)
    {
        if (string.IsNullOrWhiteSpace(number) || string.IsNullOrWhiteSpace(queryCode) || number.Length > 40 || queryCode.Length > 40)
        {
            return null;
        }
        var n = number.Trim().ToUpperInvariant();
        var q = track ? source.Appeals : source.Appeals.AsNoTracking();
        var a = await q.FirstOrDefaultAsync(x => x.Number == n, ct);
        return a is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a.QueryCodeHash),
            Encoding.ASCII.GetBytes(ReportService.Hash(queryCode.Trim().ToUpperInvariant())))
            ? null
            : a;
    }

    // ---- overdue: the daily job -------------------------------------------------------------------------------------

    /// <summary>
    /// The daily run as system work: open appeals due by the next working day are reminded to their unit; overdue ones are
    /// marked late and raised to the supervising office (the intake unit of the settings) once, and reminded daily.
    /// </summary>
    public async Task<ReminderRun> RunOverdueAsync(CancellationToken ct)
    {
        await using var system = systemWork.Db<ListsDb>("企业诉求超期督办");
        var today = Today;
        var soon = (await clock.AddWorkingDaysAsync(today, 1, ct)).Date;
        var open = await system.Appeals.Where(a => (a.Status == AppealStatus.Routed || a.Status == AppealStatus.Handling) && a.DueOn <= soon)
            .OrderBy(a => a.DueOn).Take(1000).ToListAsync(ct);
        var settings = await system.Settings.AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(ct) ?? new ListsSettings();
        var office = await orgs.FindByCodeAsync(settings.IntakeUnitCode, ct);
        var list = new List<Reminder>();
        foreach (var a in open)
        {
            var overdue = a.DueOn < today;
            list.Add(new Reminder(DueKind, $"{a.Id}:{today:yyyyMMdd}", overdue ? $"企业诉求已超期：{a.Number}" : $"企业诉求即将到期：{a.Number}",
                $"企业诉求 {a.Number}“{a.Subject}”应于 {a.DueOn:yyyy-MM-dd} 前答复{(!overdue ? "" : a.ExtensionStatus == AppealExtensionStatus.Requested ? "，延期申请待审批" : "，已超期，已报督办单位")}。", $"/lists/appeals/{a.Id}", [], a.OrgUnitId,
                ListsPermissions.AppealsHandle));
            // An extension asked in time and not yet decided holds the late mark: approval moves the due date (ADR 0054).
            if (overdue && a.ExtensionStatus != AppealExtensionStatus.Requested)
            {
                a.WasLate = true;
                if (a.EscalatedOn is null)
                {
                    a.EscalatedOn = today;
                    a.RoutingLog += $"\n{today:yyyy-MM-dd} 超期未答复，报督办单位（{office?.Name}）";
                }
                if (office is not null)
                {
                    list.Add(new Reminder(EscalateKind, $"{a.Id}:{today:yyyyMMdd}", $"督办：企业诉求超期 {a.Number}",
                        $"企业诉求 {a.Number}“{a.Subject}”应于 {a.DueOn:yyyy-MM-dd} 前答复，已超期。", $"/lists/appeals/{a.Id}", [], office.Id,
                        ListsPermissions.AppealsSupervise));
                }
            }
        }
        await system.SaveChangesAsync(ct);
        return await reminders.SendAsync(list, ct);
    }

    // ---- names ------------------------------------------------------------------------------------------------------

    public static string KindName(AppealKind k) => k switch
    {
        AppealKind.Consult => "咨询",
        AppealKind.Help => "求助",
        AppealKind.Complaint => "投诉",
        _ => "建议",
    };

    public static string ChannelName(AppealChannel c) => c switch
    {
        AppealChannel.Portal => "网上提交",
        AppealChannel.Hotline => "热线登记",
        _ => "12345 转办",
    };

    public static string StatusName(AppealStatus s) => s switch
    {
        AppealStatus.Routed => "待确认分办",
        AppealStatus.Handling => "办理中",
        AppealStatus.Replied => "已答复待评价",
        _ => "已办结",
    };

    public static string RatingName(AppealRating r) => r switch
    {
        AppealRating.Satisfied => "满意",
        AppealRating.BasicallySatisfied => "基本满意",
        _ => "不满意",
    };

    [GeneratedRegex("^(1[3-9][0-9]{9}|0[0-9]{9,11})$")]
    private static partial Regex PhonePattern();
}

/// <summary>Every working-day morning at 08:10: appeals due soon or overdue; overdue ones raised to the supervising office.</summary>
internal sealed class AppealOverdueJob(AppealService appeals) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await appeals.RunOverdueAsync(cancellationToken);
}

/// <summary>The home page's lines: the unit's open appeals (overdue urgent) and, for the supervising office, the overdue ones raised to it.</summary>
internal sealed class AppealsWorkSummary(ListsDb db, ICurrentUser current, IDeadlineService clock) : Fazhi.Platform.Web.IWorkSummary
{
    public async Task<IReadOnlyList<Fazhi.Platform.Web.WorkItem>> ItemsAsync(CancellationToken ct)
    {
        var items = new List<Fazhi.Platform.Web.WorkItem>();
        var today = clock.Today;
        if (current.Has(ListsPermissions.AppealsHandle))
        {
            var open = await db.Appeals.AsNoTracking().Where(a => a.Status == AppealStatus.Routed || a.Status == AppealStatus.Handling).Select(a => a.DueOn).ToListAsync(ct);
            items.Add(new("清单与服务", "待办理的企业诉求", open.Count, "/lists/appeals?open=true", Urgent: open.Any(d => d < today)));
        }
        if (current.Has(ListsPermissions.AppealsSupervise))
        {
            var overdue = await db.Appeals.AsNoTracking().CountAsync(a => (a.Status == AppealStatus.Routed || a.Status == AppealStatus.Handling) && a.DueOn < today, ct);
            items.Add(new("清单与服务", "超期未答复的企业诉求（督办）", overdue, "/lists/appeals?overdue=true", Urgent: overdue > 0));
        }
        return items;
    }
}
