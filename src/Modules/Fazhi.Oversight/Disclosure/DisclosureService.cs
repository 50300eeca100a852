using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Fazhi.Oversight.Data;
using Fazhi.Oversight.Settings;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Features.PersonalData;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Oversight.Disclosure;

/// <summary>A request as the applicant writes it (第二十九条), on the public form or entered by staff from a letter.</summary>
internal sealed record DisclosureInput(Guid? AgencyId, ApplicantKind? ApplicantKind, string? ApplicantName, string? ContactPhone, string? ContactAddress,
    string? Email, string? Description, ProvisionForm? Form, DateOnly? ReceivedOn = null);

internal sealed record DisclosureReceipt(string Number, string QueryCode, DateOnly DueOn, string AgencyName);

internal sealed record DisclosureRegistered(Guid Id, string Number, DateOnly? DueOn);

internal sealed record CorrectionInput(long? Version, DateOnly? RequestedOn, string? Note, DateOnly? CorrectionDueOn);

internal sealed record CorrectedInput(long? Version, DateOnly? CorrectedOn, string? Description);

internal sealed record ExtensionInput(long? Version, int? Days, string? Reason, string? ApprovedBy);

internal sealed record DisclosureReplyInput(long? Version, DisclosureReplyKind? Kind, DateOnly? RepliedOn, string? Text, string? Basis, string? ResponsibleBody);

internal sealed record AbandonInput(long? Version);

/// <summary>
/// The appeals against a reply (《政府信息公开条例》第五十一条, ADR 0066): the lawsuit of this module by its case number (against the
/// agency that replied), and/or the dispute centre's reconsideration case by its id (or its page's link) and number. Empty
/// fields unlink.
/// </summary>
internal sealed record AppealLinkInput(long? Version, string? LawsuitCaseNumber, string? ReconsiderationCase, string? ReconsiderationCaseNumber);

/// <summary>An appeal linked to a request: the lawsuit (its page in this module) and the reconsideration case (its page in the dispute centre).</summary>
internal sealed record DisclosureAppeals(Guid? LawsuitId, string? LawsuitCaseNumber, string? LawsuitCourt, Guid? ReconsiderationCaseId, string? ReconsiderationCaseNumber);

internal sealed record DisclosureTracking(string Number, string AgencyName, DateOnly ReceivedOn, string StatusName, DateOnly? DueOn, bool Extended, string? ExtensionReason,
    string? CorrectionNote, DateOnly? CorrectionDueOn, string? ReplyKindName, string? ReplyText, string? ReplyBasis, string? ResponsibleBody, DateOnly? RepliedOn);

internal sealed record DisclosureView(Guid Id, string Number, Guid AgencyId, string Agency, DisclosureChannel Channel, ApplicantKind ApplicantKind, string ApplicantName,
    string? ContactPhone, string? ContactAddress, string? Email, string Description, ProvisionForm Form, DateOnly ReceivedOn, int ReplyWorkingDays, int ExtensionLimitDays,
    DateOnly CorrectionNoticeBy, DateOnly? CorrectionRequestedOn, string? CorrectionNote, DateOnly? CorrectionDueOn, DateOnly? CorrectedOn, int ExtensionDays,
    string? ExtensionReason, string? ExtensionApprovedBy, DateOnly? ExtendedOn, DateOnly? DueOn, DisclosureStatus Status, bool Overdue, bool RepliedLate,
    DisclosureReplyKind? ReplyKind, string? ReplyText, string? ReplyBasis, string? ResponsibleBody, DateOnly? RepliedOn, long Version,
    DisclosureAppeals? Appeals = null);

internal sealed record DisclosureRow(Guid Id, string Number, string ApplicantName, Guid AgencyId, string Agency, DateOnly ReceivedOn, DateOnly? DueOn,
    DisclosureStatus Status, bool Extended, DisclosureReplyKind? ReplyKind, DateOnly? RepliedOn);

internal sealed class DisclosureListQuery : DatedListQuery
{
    /// <summary>open | overdue | extended | correction | answered; anything else lists all.</summary>
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "view")]
    public string? View { get; set; }
}

/// <summary>
/// Government information disclosure requests (政府信息公开申请, 《政府信息公开条例》第二十七条至第三十七条): the public form and
/// letters entered by staff, the reply clock of 20 working days from receipt (第三十三条) restarted from a corrected request
/// (第三十条) and extended once by at most 20 working days with approval (第三十三条), the reply kinds of 第三十六条 and
/// 第三十七条, the reply letter (告知书) as .docx, and the applicant's tracking by number and query code (stored hashed).
/// </summary>
internal sealed partial class DisclosureService(OversightDb db, ISystemWork systemWork, SettingsService settings, IDeadlineService deadlines, IOrgDirectory orgs,
    ICurrentUser current, INumberSequence numbers, IReminders reminders, TimeProvider clock, Fazhi.Disputes.Contracts.IReconsiderationDecisions reconsiderations)
{
    /// <summary>An applicant may seek reconsideration or sue over the disclosure work (《政府信息公开条例》第五十一条).</summary>
    public const string AppealRule = "《政府信息公开条例》第五十一条";

    public static readonly NumberSequenceDefinition Numbers = new("oversight.disclosure", "政府信息公开申请编号", "YSQGK{year}-{seq:00000}");

    public const string NewKind = "oversight.disclosure.new";

    private const string QueryAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static readonly ListShape<DisclosureRequest> Shape = new ListShape<DisclosureRequest>()
        .Search((q, k) => q.Where(r => r.Number.Contains(k) || r.ApplicantName.Contains(k) || r.Description.Contains(k)))
        .Dated(r => r.ReceivedOn)
        .SortBy("receivedOn", r => r.ReceivedOn, SortDirection.Desc, isDefault: true)
        .SortBy("dueOn", r => r.DueOn)
        .SortBy("number", r => r.Number)
        .ThenBy(r => r.Id);

    public DateOnly Today => deadlines.Today;

    public IQueryable<DisclosureRequest> Filtered(string? view)
    {
        var today = deadlines.Today;
        var q = db.DisclosureRequests.AsNoTracking();
        return view switch
        {
            "open" => q.Where(r => r.Status == DisclosureStatus.Open && r.DueOn >= today),
            "overdue" => q.Where(r => r.Status == DisclosureStatus.Open && r.DueOn < today),
            "extended" => q.Where(r => r.ExtensionDays > 0),
            "correction" => q.Where(r => r.Status == DisclosureStatus.AwaitingCorrection),
            "answered" => q.Where(r => r.Status == DisclosureStatus.Answered),
            _ => q,
        };
    }

    public async Task<Paged<DisclosureRow>> ListAsync(DisclosureListQuery query, ListRequest request, CancellationToken ct)
    {
        var page = await Shape.PageAsync(Filtered(query.View), request, ct);
        return new Paged<DisclosureRow>(await RowsAsync(page.Items, ct), page.Total, page.Page, page.PageSize);
    }

    public async Task<List<DisclosureRow>> ExportRowsAsync(DisclosureListQuery query, ListRequest request, CancellationToken ct) =>
        await RowsAsync(await ExactlyAsync(Shape.Apply(Filtered(query.View), request), ct), ct);

    /// <summary>Exactly the filtered rows for the export and print view (the kit's list output); over its limit refused with the count.</summary>
    private static async Task<List<T>> ExactlyAsync<T>(IQueryable<T> filtered, CancellationToken ct)
    {
        ListOutput.CheckSize(await filtered.CountAsync(ct));
        return await filtered.ToListAsync(ct);
    }

    private async Task<List<DisclosureRow>> RowsAsync(IReadOnlyList<DisclosureRequest> items, CancellationToken ct)
    {
        var names = await orgs.NamesAsync(items.Select(s => s.OrgUnitId).Distinct(), ct);
        return items.Select(r => new DisclosureRow(r.Id, r.Number, r.ApplicantName, r.OrgUnitId, names.GetValueOrDefault(r.OrgUnitId, ""), r.ReceivedOn, r.DueOn, r.Status,
            r.ExtensionDays > 0, r.ReplyKind, r.RepliedOn)).ToList();
    }

    /// <summary>The agencies a citizen may address (active units, by tree order).</summary>
    public async Task<IReadOnlyList<OrgUnitInfo>> AgenciesAsync(CancellationToken ct) =>
        (await orgs.ActiveUnitsAsync(ct)).OrderBy(u => u.Path, StringComparer.Ordinal).ToList();

    public async Task<DisclosureView?> GetAsync(Guid id, CancellationToken ct)
    {
        var r = await db.DisclosureRequests.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return r is null ? null : await ViewAsync(r, ct);
    }

    private async Task<DisclosureView> ViewAsync(DisclosureRequest r, CancellationToken ct)
    {
        var today = deadlines.Today;
        return new DisclosureView(r.Id, r.Number, r.OrgUnitId, (await orgs.FindAsync(r.OrgUnitId, ct))?.Name ?? "", r.Channel, r.ApplicantKind, r.ApplicantName,
            r.ContactPhone?.Masked, r.ContactAddress?.Masked, r.Email, r.Description, r.Form, r.ReceivedOn, r.ReplyWorkingDays, r.ExtensionLimitDays, r.CorrectionNoticeBy,
            r.CorrectionRequestedOn, r.CorrectionNote, r.CorrectionDueOn, r.CorrectedOn, r.ExtensionDays, r.ExtensionReason, r.ExtensionApprovedBy, r.ExtendedOn, r.DueOn,
            r.Status, r.Status == DisclosureStatus.Open && r.DueOn < today, r.RepliedOn > r.DueOn, r.ReplyKind, r.ReplyText, r.ReplyBasis, r.ResponsibleBody, r.RepliedOn,
            r.Version, await AppealsAsync(r, ct));
    }

    private async Task<DisclosureAppeals?> AppealsAsync(DisclosureRequest r, CancellationToken ct)
    {
        if (r.AppealLawsuitId is null && r.ReconsiderationCaseId is null)
        {
            return null;
        }
        // The lawsuit is the replying agency's, so in the scope of whoever reads the request.
        var suit = r.AppealLawsuitId is { } lawsuitId
            ? await db.Lawsuits.AsNoTracking().Where(l => l.Id == lawsuitId).Select(l => new { l.CaseNumber, l.Court }).FirstOrDefaultAsync(ct)
            : null;
        return new DisclosureAppeals(suit is null ? null : r.AppealLawsuitId, suit?.CaseNumber, suit?.Court, r.ReconsiderationCaseId, r.ReconsiderationCaseNumber);
    }

    /// <summary>
    /// Links (or unlinks) the appeals brought against the reply (《政府信息公开条例》第五十一条, ADR 0066): the lawsuit of this module
    /// by its case number among the replying agency's lawsuits (《行政诉讼法》第二十六条: the agency that acted is the
    /// defendant), and the dispute centre's reconsideration case by its id, checked through Fazhi.Disputes.Contracts, with its
    /// number. Only a request that has been answered has a reply to appeal.
    /// </summary>
    public async Task LinkAppealsAsync(Guid id, AppealLinkInput input, CancellationToken ct)
    {
        var r = await LoadAsync(id, input.Version, ct);
        if (r.Status != DisclosureStatus.Answered)
        {
            throw Refuse.Conflict($"只有已答复的申请才有可申请复议或起诉的答复（{AppealRule}）。", AppealRule);
        }
        var checks = new FieldChecks();
        var suitNumber = TextRules.Optional(checks, "lawsuitCaseNumber", "行政诉讼案号", input.LawsuitCaseNumber, 64);
        var caseText = TextRules.Optional(checks, "reconsiderationCase", "行政复议案件", input.ReconsiderationCase, 300);
        var caseNumber = TextRules.Optional(checks, "reconsiderationCaseNumber", "行政复议案号", input.ReconsiderationCaseNumber, 64);
        Guid? lawsuitId = null;
        if (suitNumber is not null)
        {
            lawsuitId = await db.Lawsuits.AsNoTracking().Where(l => l.CaseNumber == suitNumber && l.OrgUnitId == r.OrgUnitId).Select(l => (Guid?)l.Id).FirstOrDefaultAsync(ct);
            checks.When(lawsuitId is null, "lawsuitCaseNumber", $"未找到以本申请答复机关为被告、案号为 {suitNumber} 的行政诉讼案件，请先登记该案件（《行政诉讼法》第二十六条）。");
        }
        Guid? caseId = null;
        if (caseText is not null)
        {
            // The case's id, or its page's link (/disputes/cases/{id}) as staff copy it.
            var match = GuidPattern().Match(caseText);
            caseId = match.Success && Guid.TryParse(match.Value, out var parsed) ? parsed : null;
            checks.When(caseId is null, "reconsiderationCase", "行政复议案件须填写争议中心案件的链接（/disputes/cases/…）或案件ID。");
            checks.When(caseId is { } c && !await reconsiderations.ExistsAsync(c, ct), "reconsiderationCase", "争议中心没有该行政复议案件，请核对链接或案件ID。");
            checks.When(caseNumber is null, "reconsiderationCaseNumber", "关联行政复议案件的，请填写复议案号。");
        }
        else
        {
            checks.When(caseNumber is not null, "reconsiderationCase", "填写复议案号的，请同时填写争议中心案件的链接或案件ID。");
        }
        checks.ThrowIfAny("关联未保存，请按提示修改。");
        (r.AppealLawsuitId, r.ReconsiderationCaseId, r.ReconsiderationCaseNumber) = (lawsuitId, caseId, caseId is null ? null : caseNumber);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// A request from the public form (no account), as system work into the addressed agency's scope. Received on the day it
    /// is submitted (第三十一条第（三）项: an online request is received when both sides confirm it; the platform confirms at once).
    /// </summary>
    public async Task<DisclosureReceipt> SubmitAsync(DisclosureInput input, CancellationToken ct)
    {
        var checks = new FieldChecks();
        var fields = Check(checks, input);
        OrgUnitInfo? agency = null;
        if (input.AgencyId is not { } id || id == Guid.Empty)
        {
            checks.Add("agencyId", "请选择受理申请的行政机关。");
        }
        else if ((agency = await orgs.FindAsync(id, ct)) is not { IsActive: true })
        {
            checks.Add("agencyId", "所选行政机关不存在。");
        }
        checks.ThrowIfAny("申请未提交，请按提示修改。");
        await using var system = systemWork.Db<OversightDb>("政府信息公开申请");
        var code = RandomNumberGenerator.GetString(QueryAlphabet, 8);
        var r = await CreateAsync(system, fields, agency!.Id, DisclosureChannel.Online, Today, Hash(code), ct);
        await NotifyAsync(r, agency.Name, ct);
        return new DisclosureReceipt(r.Number, code, r.DueOn!.Value, agency.Name);
    }

    /// <summary>A request received by letter or in person, entered by the agency's staff with the day it was received (第三十一条).</summary>
    public async Task<(DisclosureRequest Request, string QueryCode)> RegisterAsync(DisclosureInput input, CancellationToken ct)
    {
        var checks = new FieldChecks();
        var fields = Check(checks, input);
        if (input.AgencyId is not { } id || id == Guid.Empty)
        {
            checks.Add("agencyId", "请选择受理申请的行政机关。");
        }
        else if (await orgs.FindAsync(id, ct) is not { IsActive: true } || !current.Scope.Allows(id))
        {
            checks.Add("agencyId", "行政机关不存在或不在您的数据范围内。");
        }
        checks.When(input.ReceivedOn is null, "receivedOn", "请填写收到申请的日期（《政府信息公开条例》第三十一条）。");
        DateRules.Check(checks, "receivedOn", "收到申请日期", input.ReceivedOn, Today);
        checks.ThrowIfAny("申请未登记，请按提示修改。");
        var code = RandomNumberGenerator.GetString(QueryAlphabet, 8);
        var r = await CreateAsync(db, fields, input.AgencyId!.Value, DisclosureChannel.Letter, input.ReceivedOn!.Value, Hash(code), ct);
        return (r, code);
    }

    private sealed record Fields(ApplicantKind Kind, string Name, SensitiveText? Phone, SensitiveText? Address, string? Email, string Description, ProvisionForm Form);

    private static Fields Check(FieldChecks checks, DisclosureInput input)
    {
        checks.When(input.ApplicantKind is null || !Enum.IsDefined(input.ApplicantKind.Value), "applicantKind", "请选择申请人类型（公民，或法人或者其他组织）。");
        var name = TextRules.Required(checks, "applicantName", "申请人姓名或者名称", input.ApplicantName, 100);
        SensitiveText? phone = null;
        var digits = (input.ContactPhone ?? "").Trim().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (digits.Length == 0)
        {
            checks.Add("contactPhone", "请填写联系电话（《政府信息公开条例》第二十九条：申请人的联系方式）。");
        }
        else if (!PhonePattern().IsMatch(digits))
        {
            checks.Add("contactPhone", "联系电话格式不正确（手机 11 位，或带区号的固定电话）。");
        }
        else
        {
            phone = SensitiveText.Phone(digits);
        }
        var address = TextRules.Optional(checks, "contactAddress", "通讯地址", input.ContactAddress, 200);
        var email = TextRules.Optional(checks, "email", "电子邮箱", input.Email, 100);
        checks.When(email is { Length: > 0 } e && !EmailPattern().IsMatch(e), "email", "电子邮箱格式不正确。");
        var description = TextRules.Required(checks, "description", "所需政府信息的名称、文号或者特征性描述", input.Description, 4000);
        checks.When(input.Form is null || !Enum.IsDefined(input.Form.Value), "form", "请选择获取信息的方式（《政府信息公开条例》第二十九条第二款第（三）项）。");
        checks.When(input.Form == ProvisionForm.PaperByPost && string.IsNullOrEmpty(address), "contactAddress", "选择邮寄的，请填写通讯地址。");
        checks.When(input.Form == ProvisionForm.Email && string.IsNullOrEmpty(email), "email", "选择电子邮件的，请填写电子邮箱。");
        return new Fields(input.ApplicantKind ?? ApplicantKind.Citizen, name, phone, string.IsNullOrEmpty(address) ? null : SensitiveText.Address(address), email,
            description, input.Form ?? ProvisionForm.Online);
    }

    private async Task<DisclosureRequest> CreateAsync(OversightDb target, Fields f, Guid agencyId, DisclosureChannel channel, DateOnly receivedOn, string codeHash,
        CancellationToken ct)
    {
        var rules = await settings.GetAsync(ct);
        var r = new DisclosureRequest
        {
            OrgUnitId = agencyId, QueryCodeHash = codeHash, Channel = channel, ApplicantKind = f.Kind, ApplicantName = f.Name, ContactPhone = f.Phone,
            ContactAddress = f.Address, Email = f.Email, Description = f.Description, Form = f.Form, ReceivedOn = receivedOn,
            ReplyWorkingDays = rules.DisclosureReplyWorkingDays, ExtensionLimitDays = rules.DisclosureExtensionWorkingDays,
            CorrectionNoticeBy = (await deadlines.AddWorkingDaysAsync(receivedOn, rules.DisclosureCorrectionNoticeWorkingDays, ct)).Date,
            Status = DisclosureStatus.Open, RegisteredAt = clock.GetUtcNow(),
        };
        r.DueOn = await DisclosureRules.DueAsync(deadlines, r, ct);
        await using (var tx = await target.Database.BeginTransactionAsync(ct))
        {
            r.Number = (await numbers.NextAsync(target, Numbers.Key, new NumberScope(receivedOn.Year), ct)).Number;
            target.DisclosureRequests.Add(r);
            await target.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        return r;
    }

    /// <summary>待办 for the agency's handlers the moment a request arrives (ADR 0022).</summary>
    private Task NotifyAsync(DisclosureRequest r, string agencyName, CancellationToken ct) =>
        reminders.SendAsync([new Reminder(NewKind, r.Id.ToString(), $"政府信息公开申请：{r.Number}",
            $"{r.ApplicantName}向{agencyName}申请公开政府信息，请于 {r.DueOn:yyyy-MM-dd} 前答复（《政府信息公开条例》第三十三条）。", $"/oversight/disclosures/{r.Id}", [],
            r.OrgUnitId, OversightPermissions.DisclosureHandle)], ct);

    /// <summary>The applicant's view by number and query code; null when either is wrong (one answer for both).</summary>
    public async Task<DisclosureTracking?> TrackAsync(string? number, string? queryCode, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(number) || string.IsNullOrWhiteSpace(queryCode) || number.Length > 40 || queryCode.Length > 40)
        {
            return null;
        }
        await using var system = systemWork.Db<OversightDb>("政府信息公开申请查询");
        var n = number.Trim().ToUpperInvariant();
        var r = await system.DisclosureRequests.AsNoTracking().FirstOrDefaultAsync(x => x.Number == n, ct);
        if (r is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(r.QueryCodeHash), Encoding.ASCII.GetBytes(Hash(queryCode.Trim().ToUpperInvariant()))))
        {
            return null;
        }
        var agency = await orgs.FindAsync(r.OrgUnitId, ct);
        return new DisclosureTracking(r.Number, agency?.Name ?? "", r.ReceivedOn, DisclosureRules.StatusName(r.Status), r.DueOn, r.ExtensionDays > 0, r.ExtensionReason,
            r.Status == DisclosureStatus.AwaitingCorrection ? r.CorrectionNote : null, r.Status == DisclosureStatus.AwaitingCorrection ? r.CorrectionDueOn : null,
            r.ReplyKind is { } k ? DisclosureRules.ReplyKindName(k) : null, r.ReplyText, r.ReplyBasis, r.ResponsibleBody, r.RepliedOn);
    }

    /// <summary>
    /// 补正: the agency tells the applicant, once and within 7 working days of receipt (the settings), what to correct and by
    /// when (《政府信息公开条例》第三十条). The reply clock stands until the corrected request is received.
    /// </summary>
    public async Task RequestCorrectionAsync(Guid id, CorrectionInput input, CancellationToken ct)
    {
        var r = await LoadAsync(id, input.Version, ct);
        if (r.Status != DisclosureStatus.Open)
        {
            throw Refuse.Conflict("只有办理中的申请可以要求补正。");
        }
        if (r.CorrectionRequestedOn is not null)
        {
            throw Refuse.Conflict("补正只能一次性告知（《政府信息公开条例》第三十条），本申请已告知过补正。", "政府信息公开条例第三十条");
        }
        var checks = new FieldChecks();
        checks.When(input.RequestedOn is null, "requestedOn", "请填写告知补正的日期。");
        DateRules.Check(checks, "requestedOn", "告知补正日期", input.RequestedOn, Today);
        checks.When(input.RequestedOn is { } d && d < r.ReceivedOn, "requestedOn", $"告知补正日期不能早于收到申请的日期（{r.ReceivedOn:yyyy-MM-dd}）。");
        checks.When(input.RequestedOn is { } late && late > r.CorrectionNoticeBy, "requestedOn",
            $"补正应当在收到申请之日起 {r.CorrectionNoticeBy:yyyy-MM-dd} 前（7 个工作日内）一次性告知（《政府信息公开条例》第三十条），已超过告知期限，请依申请内容答复。");
        var note = TextRules.Required(checks, "note", "需要补正的事项", input.Note, 2000);
        checks.When(input.CorrectionDueOn is null, "correctionDueOn", "请填写合理的补正期限（《政府信息公开条例》第三十条）。");
        DateRules.Check(checks, "correctionDueOn", "补正期限", input.CorrectionDueOn);
        checks.When(input.CorrectionDueOn is { } due && input.RequestedOn is { } req && due <= req, "correctionDueOn", "补正期限须晚于告知补正的日期。");
        checks.ThrowIfAny("补正告知未保存，请按提示修改。");
        (r.CorrectionRequestedOn, r.CorrectionNote, r.CorrectionDueOn, r.Status, r.DueOn) = (input.RequestedOn, note, input.CorrectionDueOn, DisclosureStatus.AwaitingCorrection, null);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The corrected request is received: the reply period runs again in full from that day (第三十条).</summary>
    public async Task CorrectedAsync(Guid id, CorrectedInput input, CancellationToken ct)
    {
        var r = await LoadAsync(id, input.Version, ct);
        if (r.Status != DisclosureStatus.AwaitingCorrection)
        {
            throw Refuse.Conflict("该申请不在待补正状态。");
        }
        var checks = new FieldChecks();
        checks.When(input.CorrectedOn is null, "correctedOn", "请填写收到补正申请的日期。");
        DateRules.Check(checks, "correctedOn", "收到补正日期", input.CorrectedOn, Today);
        checks.When(input.CorrectedOn is { } d && d < r.CorrectionRequestedOn, "correctedOn", $"收到补正日期不能早于告知补正的日期（{r.CorrectionRequestedOn:yyyy-MM-dd}）。");
        var description = TextRules.Optional(checks, "description", "补正后的申请内容", input.Description, 4000);
        checks.ThrowIfAny("补正未保存，请按提示修改。");
        (r.CorrectedOn, r.Status) = (input.CorrectedOn, DisclosureStatus.Open);
        if (!string.IsNullOrEmpty(description))
        {
            r.Description = description;
        }
        r.DueOn = await DisclosureRules.DueAsync(deadlines, r, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>视为放弃申请: the applicant did not correct by the period set (第三十条). Only after that period has passed.</summary>
    public async Task AbandonAsync(Guid id, AbandonInput input, CancellationToken ct)
    {
        var r = await LoadAsync(id, input.Version, ct);
        if (r.Status != DisclosureStatus.AwaitingCorrection || r.CorrectionDueOn is not { } due)
        {
            throw Refuse.Conflict("只有待补正的申请可以视为放弃。");
        }
        if (due >= Today)
        {
            throw Refuse.Conflict($"补正期限 {due:yyyy-MM-dd} 尚未届满，不能视为放弃申请（《政府信息公开条例》第三十条）。", "政府信息公开条例第三十条");
        }
        (r.Status, r.ClosedOn) = (DisclosureStatus.Abandoned, Today);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// 延长答复期限: once, by at most the settings' working days (20), with the approval of the head of the disclosure office
    /// and the reason told to the applicant, before the period runs out (《政府信息公开条例》第三十三条第二款).
    /// </summary>
    public async Task ExtendAsync(Guid id, ExtensionInput input, CancellationToken ct)
    {
        var r = await LoadAsync(id, input.Version, ct);
        if (r.ExtensionDays > 0)
        {
            throw Refuse.Conflict("答复期限只能延长一次（《政府信息公开条例》第三十三条第二款），本申请已延长过。", "政府信息公开条例第三十三条");
        }
        if (r.Status != DisclosureStatus.Open || r.DueOn is not { } due)
        {
            throw Refuse.Conflict("只有办理中的申请可以延长答复期限。");
        }
        if (due < Today)
        {
            throw Refuse.Conflict($"答复期限已于 {due:yyyy-MM-dd} 届满，不能再延长（《政府信息公开条例》第三十三条第二款：延长须在期限内决定并告知申请人）。",
                "政府信息公开条例第三十三条");
        }
        var checks = new FieldChecks();
        checks.When(input.Days is not { } days || days < 1 || days > r.ExtensionLimitDays, "days",
            $"延长的期限须为 1 至 {r.ExtensionLimitDays} 个工作日（《政府信息公开条例》第三十三条第二款：最长不得超过 20 个工作日）。");
        var reason = TextRules.Required(checks, "reason", "延长理由", input.Reason, 1000);
        var approvedBy = TextRules.Required(checks, "approvedBy", "同意延长的政府信息公开工作机构负责人", input.ApprovedBy, 64);
        checks.ThrowIfAny("延长未保存，请按提示修改。");
        (r.ExtensionDays, r.ExtensionReason, r.ExtensionApprovedBy, r.ExtendedOn) = (input.Days!.Value, reason, approvedBy, Today);
        r.DueOn = await DisclosureRules.DueAsync(deadlines, r, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The reply (第三十六条、第三十七条). A refusal or partial disclosure states the reason and its article; 非本机关负责 names the
    /// body responsible; a reply after the due date is recorded and marked late, not refused.
    /// </summary>
    public async Task ReplyAsync(Guid id, DisclosureReplyInput input, CancellationToken ct)
    {
        var r = await LoadAsync(id, input.Version, ct);
        if (r.Status == DisclosureStatus.Answered)
        {
            throw Refuse.Conflict("该申请已答复。");
        }
        if (r.Status != DisclosureStatus.Open)
        {
            throw Refuse.Conflict(r.Status == DisclosureStatus.AwaitingCorrection
                ? "申请人尚未补正，答复期限尚未重新起算：请先记录收到补正，或在补正期限届满后视为放弃（《政府信息公开条例》第三十条）。"
                : "该申请已视为放弃，不再答复。");
        }
        var checks = new FieldChecks();
        checks.When(input.Kind is null || !Enum.IsDefined(input.Kind.Value), "kind", "请选择答复类型（《政府信息公开条例》第三十六条）。");
        checks.When(input.RepliedOn is null, "repliedOn", "请填写答复日期。");
        DateRules.Check(checks, "repliedOn", "答复日期", input.RepliedOn, Today);
        var start = r.CorrectedOn ?? r.ReceivedOn;
        checks.When(input.RepliedOn is { } d && d < start, "repliedOn", $"答复日期不能早于收到申请（或补正）的日期（{start:yyyy-MM-dd}）。");
        var text = TextRules.Required(checks, "text", "答复内容", input.Text, 4000);
        var basis = TextRules.Optional(checks, "basis", "理由和依据", input.Basis, 1000);
        var responsible = TextRules.Optional(checks, "responsibleBody", "负责公开的行政机关及联系方式", input.ResponsibleBody, 400);
        checks.When(input.Kind is DisclosureReplyKind.Refused or DisclosureReplyKind.Partial && string.IsNullOrEmpty(basis), "basis",
            "不予公开或部分公开的，应当说明理由和所依据的条款（《政府信息公开条例》第三十六条第（三）项、第三十七条）。");
        checks.When(input.Kind == DisclosureReplyKind.NotResponsible && string.IsNullOrEmpty(responsible), "responsibleBody",
            "非本机关负责公开的，应当告知负责公开该政府信息的行政机关的名称、联系方式（《政府信息公开条例》第三十六条第（五）项）。");
        checks.ThrowIfAny("答复未保存，请按提示修改。");
        (r.ReplyKind, r.RepliedOn, r.ReplyText, r.ReplyBasis, r.ResponsibleBody, r.Status) =
            (input.Kind, input.RepliedOn, text, basis, responsible, DisclosureStatus.Answered);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The reply letter (政府信息公开申请答复告知书) as .docx in the official-notice layout; refused before the reply.</summary>
    public async Task<(byte[] Content, string FileName)> LetterAsync(Guid id, CancellationToken ct)
    {
        var r = await db.DisclosureRequests.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw Refuse.NotFound("申请不存在或不在您的数据范围内。");
        if (r.Status != DisclosureStatus.Answered || r.ReplyKind is not { } kind)
        {
            throw Refuse.Conflict("申请尚未答复，没有答复告知书。");
        }
        var agency = (await orgs.FindAsync(r.OrgUnitId, ct))?.Name ?? "";
        var body = new List<string>
        {
            $"本机关于{r.ReceivedOn:yyyy年M月d日}收到你{(r.ApplicantKind == ApplicantKind.Citizen ? "" : "单位")}提出的政府信息公开申请（申请编号 {r.Number}），申请获取：{r.Description}",
        };
        if (r.CorrectedOn is { } corrected)
        {
            body.Add($"经本机关告知补正，你{(r.ApplicantKind == ApplicantKind.Citizen ? "" : "单位")}于{corrected:yyyy年M月d日}提交了补正后的申请。");
        }
        if (r.ExtensionDays > 0)
        {
            body.Add($"经政府信息公开工作机构负责人同意，本机关已将答复期限延长 {r.ExtensionDays} 个工作日（理由：{r.ExtensionReason}）。");
        }
        body.Add($"经审查，根据{DisclosureRules.ReplyKindArticle(kind)}的规定，答复如下（{DisclosureRules.ReplyKindName(kind)}）：{r.ReplyText}");
        if (r.ReplyBasis is { Length: > 0 } basis)
        {
            body.Add($"理由和依据：{basis}");
        }
        if (r.ResponsibleBody is { Length: > 0 } responsible)
        {
            body.Add($"负责公开该政府信息的行政机关：{responsible}");
        }
        if (kind is DisclosureReplyKind.Disclosed or DisclosureReplyKind.Partial)
        {
            body.Add($"获取方式：{DisclosureRules.FormName(r.Form)}。");
        }
        body.Add("如对本答复不服，可以自收到本告知书之日起六十日内依法申请行政复议，或者六个月内依法提起行政诉讼（《政府信息公开条例》第五十一条，《行政复议法》第二十条，《行政诉讼法》第四十六条）。");
        var docx = DocxNotice.Create(new OfficialNotice
        {
            Issuer = agency, DocNumber = r.Number, Title = "政府信息公开申请答复告知书", Recipient = r.ApplicantName + "：", Body = body, Signature = agency, Date = r.RepliedOn,
        });
        return (docx, $"政府信息公开申请答复告知书-{r.Number}.docx");
    }

    private async Task<DisclosureRequest> LoadAsync(Guid id, long? version, CancellationToken ct)
    {
        var r = await db.DisclosureRequests.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw Refuse.NotFound("申请不存在或不在您的数据范围内。");
        Refuse.UnlessVersion(version, r.Version, "申请");
        return r;
    }

    internal static string Hash(string code) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code)));

    [GeneratedRegex("^(1[3-9][0-9]{9}|0[0-9]{2,3}[0-9]{7,8})$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidPattern();
}
