using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Fazhi.Lists.Data;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.PersonalData;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Fazhi.Lists.Reports;

/// <summary>A citizen's report: the unit (null = 不清楚), the matter, the certificate demanded, when, and how to reach them (optional).</summary>
internal sealed record ReportInput(Guid? UnitId, string? Matter, string? CertificateName, DateOnly? DemandedOn, string? Description, string? ReporterName = null,
    string? ContactPhone = null);

internal sealed record ReportAnswerInput(ReportFinding Finding, string? Answer);

internal sealed record ReportTransferInput(Guid? UnitId, string? Reason);

internal sealed record ReportReceipt(string Number, string QueryCode, DateOnly DueOn, string UnitName);

internal sealed record ReportTracking(string Number, string CertificateName, string UnitName, DateOnly ReceivedOn, DateOnly DueOn, string StatusName, string? FindingName,
    string Answer, DateOnly? AnsweredOn);

internal sealed record ListsSettingsInput(int ReportAnswerWorkingDays, string? IntakeUnitCode, long? Version = null);

/// <summary>
/// 清单之外无证明: reports of a certificate demanded outside the list (优化营商环境条例 第四十四条; 山东省优化营商环境条例 第三十九条),
/// routed to the unit named (or the intake unit), answered by it within the settings' working days, read by the citizen
/// with the number and query code. The unit's handlers are told at once and reminded before and after the due date.
/// </summary>
internal sealed partial class ReportService(ListsDb db, ISystemWork systemWork, ICurrentUser user, IDeadlineService clock, IOrgDirectory orgs, INumberSequence numbers,
    IReminders reminders)
{
    public static readonly NumberSequenceDefinition Numbers = new("lists.report", "清单外索要证明举报编号", "ZMJB{year}-{seq:00000}");

    public const string NewKind = "lists.report.new";

    public const string DueKind = "lists.report.due";

    private const string QueryAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static readonly ListShape<OutsideListReport> Shape = new ListShape<OutsideListReport>()
        .Search((q, k) => q.Where(r => r.Number.Contains(k) || r.CertificateName.Contains(k) || r.Matter.Contains(k) || r.UnitAsReported.Contains(k)))
        .Dated(r => r.ReceivedOn)
        .SortBy("dueOn", r => r.DueOn)
        .SortBy("receivedOn", r => r.ReceivedOn, SortDirection.Desc)
        .SortBy("number", r => r.Number)
        .ThenBy(r => r.Id);

    public DateOnly Today => clock.Today;

    public async Task<ListsSettings> SettingsAsync(CancellationToken ct) => await SettingsAsync(db, ct);

    private static async Task<ListsSettings> SettingsAsync(ListsDb source, CancellationToken ct) =>
        await source.Settings.AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(ct) ?? new ListsSettings();

    public async Task<ListsSettings> SaveSettingsAsync(ListsSettingsInput input, CancellationToken ct)
    {
        var checks = new FieldChecks();
        checks.When(input.ReportAnswerWorkingDays is < 1 or > 60, "reportAnswerWorkingDays", "答复期限应为 1–60 个工作日。");
        var code = TextRules.Required(checks, "intakeUnitCode", "受理单位机构代码", input.IntakeUnitCode, 64);
        if (code.Length > 0 && await orgs.FindByCodeAsync(code, ct) is not { IsActive: true })
        {
            checks.Add("intakeUnitCode", $"机构代码“{code}”不存在或已停用。");
        }
        checks.ThrowIfAny("设置未保存。");
        await db.SaveSettingsAsync<ListsSettings>(input.Version, s => (s.ReportAnswerWorkingDays, s.IntakeUnitCode) = (input.ReportAnswerWorkingDays, code), ct);
        return await SettingsAsync(ct);
    }

    /// <summary>The units a citizen may name (active units, by tree order).</summary>
    public async Task<IReadOnlyList<OrgUnitInfo>> UnitsAsync(CancellationToken ct) =>
        (await orgs.ActiveUnitsAsync(ct)).OrderBy(u => u.Path, StringComparer.Ordinal).ToList();

    /// <summary>A report from the public page (no account), as system work into the routed unit's scope.</summary>
    public async Task<ReportReceipt> SubmitAsync(ReportInput input, CancellationToken ct)
    {
        var checks = new FieldChecks();
        var matter = TextRules.Required(checks, "matter", "办理的事项", input.Matter, 400);
        var certificate = TextRules.Required(checks, "certificateName", "被索要的证明", input.CertificateName, 200);
        var description = TextRules.Optional(checks, "description", "情况说明", input.Description, 4000) ?? "";
        var name = TextRules.Optional(checks, "reporterName", "姓名", input.ReporterName, 64) ?? "";
        DateRules.Check(checks, "demandedOn", "被索要日期", input.DemandedOn, Today);
        checks.When(input.DemandedOn > Today, "demandedOn", "被索要日期不能晚于今天。");
        SensitiveText? phone = null;
        if (!string.IsNullOrWhiteSpace(input.ContactPhone))
        {
            var digits = input.ContactPhone.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
            if (!MobilePattern().IsMatch(digits))
            {
                checks.Add("contactPhone", "手机号码格式不正确（11 位，以 1 开头）。");
            }
            else
            {
                phone = SensitiveText.Phone(digits);
            }
        }
        await using var system = systemWork.Db<ListsDb>("清单外索要证明举报");
        var settings = await SettingsAsync(system, ct);
        OrgUnitInfo? unit;
        if (input.UnitId is { } id && id != Guid.Empty)
        {
            unit = await orgs.FindAsync(id, ct);
            if (unit is not { IsActive: true })
            {
                checks.Add("unitId", "所选单位不存在。");
            }
        }
        else
        {
            unit = await orgs.FindByCodeAsync(settings.IntakeUnitCode, ct);
        }
        checks.ThrowIfAny("举报未提交，请按提示修改。");
        if (unit is null)
        {
            throw Refuse.Conflict("受理单位未设置，请稍后再试或拨打 12345。");
        }
        var code = RandomNumberGenerator.GetString(QueryAlphabet, 8);
        var due = await clock.AddWorkingDaysAsync(Today, settings.ReportAnswerWorkingDays, ct);
        var report = new OutsideListReport
        {
            OrgUnitId = unit.Id, UnitAsReported = input.UnitId is null || input.UnitId == Guid.Empty ? "不清楚" : unit.Name, QueryCodeHash = Hash(code), ReporterName = name,
            ContactPhone = phone, Matter = matter, CertificateName = certificate, DemandedOn = input.DemandedOn, Description = description, ReceivedOn = Today,
            DueOn = due.Date, Status = ReportStatus.Open,
        };
        await using (var tx = await system.Database.BeginTransactionAsync(ct))
        {
            report.Number = (await numbers.NextAsync(system, Numbers.Key, new NumberScope(Today.Year), ct)).Number;
            system.Reports.Add(report);
            await system.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        // 待办 for the unit's handlers the moment it arrives (ADR 0022).
        await reminders.SendAsync([new Reminder(NewKind, report.Id.ToString(), $"清单外索要证明举报：{report.Number}",
            $"群众反映办理“{matter}”时被索要清单之外的证明“{certificate}”，请于 {report.DueOn:yyyy-MM-dd} 前核实并答复。", $"/lists/reports/{report.Id}", [], unit.Id,
            ListsPermissions.ReportsHandle)], ct);
        return new ReportReceipt(report.Number, code, report.DueOn, unit.Name);
    }

    /// <summary>The citizen's view by number and query code; null when either is wrong (one answer for both).</summary>
    public async Task<ReportTracking?> TrackAsync(string? number, string? queryCode, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(number) || string.IsNullOrWhiteSpace(queryCode) || number.Length > 40 || queryCode.Length > 40)
        {
            return null;
        }
        await using var system = systemWork.Db<ListsDb>("清单外索要证明举报查询");
        var n = number.Trim().ToUpperInvariant();
        var r = await system.Reports.AsNoTracking().FirstOrDefaultAsync(x => x.Number == n, ct);
        if (r is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(r.QueryCodeHash), Encoding.ASCII.GetBytes(Hash(queryCode.Trim().ToUpperInvariant()))))
        {
            return null;
        }
        var unit = await orgs.FindAsync(r.OrgUnitId, ct);
        return new ReportTracking(r.Number, r.CertificateName, unit?.Name ?? "", r.ReceivedOn, r.DueOn, StatusName(r.Status), r.Finding is { } f ? FindingName(f) : null, r.Answer,
            r.AnsweredOn);
    }

    public Task<Paged<OutsideListReport>> PageAsync(ListRequest request, ReportStatus? status, CancellationToken ct)
    {
        var q = db.Reports.AsNoTracking();
        if (status is { } s)
        {
            q = q.Where(r => r.Status == s);
        }
        return Shape.PageAsync(q, request, ct);
    }

    public async Task<OutsideListReport> GetAsync(Guid id, CancellationToken ct) =>
        await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw Refuse.NotFound("举报不存在或不在您的数据范围内。");

    /// <summary>The unit's answer, which the citizen reads with the query code.</summary>
    public async Task<OutsideListReport> AnswerAsync(Guid id, ReportAnswerInput input, CancellationToken ct)
    {
        var r = await db.Reports.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw Refuse.NotFound("举报不存在或不在您的数据范围内。");
        if (r.Status != ReportStatus.Open)
        {
            throw Refuse.Conflict("该举报已答复。");
        }
        var checks = new FieldChecks();
        var answer = TextRules.Required(checks, "answer", "答复内容", input.Answer, 4000);
        checks.ThrowIfAny("答复未保存。");
        (r.Status, r.Finding, r.Answer, r.AnsweredBy, r.AnsweredOn) = (ReportStatus.Answered, input.Finding, answer, user.UserName ?? "system", Today);
        await db.SaveChangesAsync(ct);
        return r;
    }

    /// <summary>
    /// 转办: the unit a report reached (the intake unit for "不清楚", or a unit wrongly named) passes it to the responsible
    /// unit with a reason; the answer period keeps running (the citizen's clock), and the new unit's handlers are told.
    /// </summary>
    public async Task<OutsideListReport> TransferAsync(Guid id, ReportTransferInput input, CancellationToken ct)
    {
        var r = await db.Reports.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw Refuse.NotFound("举报不存在或不在您的数据范围内。");
        if (r.Status != ReportStatus.Open)
        {
            throw Refuse.Conflict("已答复的举报不能转办。");
        }
        var checks = new FieldChecks();
        var reason = TextRules.Required(checks, "reason", "转办理由", input.Reason, 500);
        var to = input.UnitId is { } u && u != Guid.Empty ? await orgs.FindAsync(u, ct) : null;
        if (to is not { IsActive: true })
        {
            checks.Add("unitId", "请选择转办的单位。");
        }
        else if (to.Id == r.OrgUnitId)
        {
            checks.Add("unitId", "举报已在该单位办理。");
        }
        checks.ThrowIfAny("转办未执行。");
        var from = await orgs.FindAsync(r.OrgUnitId, ct);
        r.Transfers = (r.Transfers.Length > 0 ? r.Transfers + "\n" : "") + $"{Today:yyyy-MM-dd} {from?.Name} → {to!.Name}：{reason}（{user.UserName}）";
        r.OrgUnitId = to.Id;
        await db.SaveChangesAsync(ct);
        await reminders.SendAsync([new Reminder(NewKind, $"{r.Id}:{to.Id}", $"转办的清单外索要证明举报：{r.Number}",
            $"{from?.Name}转来举报：办理“{r.Matter}”时被索要“{r.CertificateName}”，请于 {r.DueOn:yyyy-MM-dd} 前核实并答复。转办理由：{reason}", $"/lists/reports/{r.Id}", [], to.Id,
            ListsPermissions.ReportsHandle)], ct);
        return r;
    }

    /// <summary>Open reports due by the next working day, or overdue, reminded to the unit's handlers (once per report and due date a day).</summary>
    public async Task<ReminderRun> RemindAsync(CancellationToken ct)
    {
        await using var system = systemWork.Db<ListsDb>("清单外索要证明举报提醒");
        var soon = (await clock.AddWorkingDaysAsync(Today, 1, ct)).Date;
        var due = await system.Reports.AsNoTracking().Where(r => r.Status == ReportStatus.Open && r.DueOn <= soon).OrderBy(r => r.DueOn).Take(1000)
            .Select(r => new { r.Id, r.Number, r.OrgUnitId, r.DueOn }).ToListAsync(ct);
        var today = Today;
        return await reminders.SendAsync(due.Select(r => new Reminder(DueKind, $"{r.Id}:{today:yyyyMMdd}",
            r.DueOn < today ? $"举报已超期未答复：{r.Number}" : $"举报即将到期：{r.Number}",
            r.DueOn < today ? $"清单外索要证明举报 {r.Number} 应于 {r.DueOn:yyyy-MM-dd} 前答复，已超期。" : $"清单外索要证明举报 {r.Number} 应于 {r.DueOn:yyyy-MM-dd} 前答复。",
            $"/lists/reports/{r.Id}", [], r.OrgUnitId, ListsPermissions.ReportsHandle)), ct);
    }

    public static string StatusName(ReportStatus s) => s == ReportStatus.Open ? "待答复" : "已答复";

    public static string FindingName(ReportFinding f) => f switch
    {
        ReportFinding.ConfirmedCorrected => "情况属实，已纠正，不再索要",
        ReportFinding.OnList => "该证明在清单内，依法可以索要",
        _ => "经核实情况不属实",
    };

    internal static string Hash(string code) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code)));

    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial Regex MobilePattern();
}

/// <summary>Every working-day morning at 08:00: reports due soon or overdue.</summary>
internal sealed class ReportReminderJob(ReportService reports) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await reports.RemindAsync(cancellationToken);
}

/// <summary>The home page's lines: open reports of the unit (overdue ones urgent) and proposals awaiting the owner's review.</summary>
internal sealed class ListsWorkSummary(ListsDb db, ICurrentUser current, IDeadlineService clock) : Fazhi.Platform.Web.IWorkSummary
{
    public async Task<IReadOnlyList<Fazhi.Platform.Web.WorkItem>> ItemsAsync(CancellationToken ct)
    {
        var items = new List<Fazhi.Platform.Web.WorkItem>();
        if (current.Has(ListsPermissions.ReportsHandle))
        {
            var today = clock.Today;
            var open = await db.Reports.AsNoTracking().Where(r => r.Status == ReportStatus.Open).Select(r => r.DueOn).ToListAsync(ct);
            items.Add(new("清单与服务", "待答复的清单外索要证明举报", open.Count, "/lists/reports?status=Open", Urgent: open.Any(d => d < today)));
        }
        if (current.Has(ListsPermissions.CertManage))
        {
            var pending = await db.CertChanges.AsNoTracking().CountAsync(c => c.ReviewStatus == Certificates.CertChangeStatus.Pending, ct);
            items.Add(new("清单与服务", "待审核的证明事项清单变更", pending, "/lists/certificates/draft"));
        }
        return items;
    }
}
