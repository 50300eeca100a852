using Fazhi.Oversight.Data;
using Fazhi.Oversight.Litigation;
using Fazhi.Oversight.Settings;
using Fazhi.Platform.Features.Attachments;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Oversight.Suggestions;

internal sealed record SuggestionInput(Guid? AddresseeId, SuggestionKind? Kind, string? Issuer, string? DocumentNumber, string? Content,
    DateOnly? ReceivedOn, DateOnly? IssuerDueOn, bool? Urgent, Guid? LawsuitId);

internal sealed record ReplyInput(long? Version, DateOnly? RepliedOn, string? Reply, string? Rectification);

internal sealed record CloseInput(long? Version, DateOnly? ClosedOn);

internal sealed record SuggestionView(Guid Id, Guid AddresseeId, string Addressee, SuggestionKind Kind, string Issuer, string DocumentNumber, string Content,
    DateOnly ReceivedOn, DateOnly? IssuerDueOn, bool Urgent, string DueBasis, DateOnly ReplyDueOn, SuggestionStatus Status, bool Overdue, bool RepliedLate,
    DateOnly? RepliedOn, string? Reply, string? Rectification, DateOnly? ClosedOn, Guid? LawsuitId, long Version, IReadOnlyList<MaterialView> Materials);

internal sealed record SuggestionRow(Guid Id, SuggestionKind Kind, string DocumentNumber, string Issuer, Guid AddresseeId, string Addressee, DateOnly ReceivedOn,
    DateOnly ReplyDueOn, SuggestionStatus Status, DateOnly? RepliedOn);

internal sealed class SuggestionListQuery : DatedListQuery
{
    /// <summary>awaiting | overdue | replied | closed; anything else lists all.</summary>
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "view")]
    public string? View { get; set; }
}

/// <summary>
/// Judicial and procuratorial suggestions (司法建议、检察建议): received for an agency in scope with the reply deadline (the
/// issuer's, else the settings' default: two months, 15 days when urgent), the agency's reply and rectification with
/// evidence, and the justice bureau's closing, which is refused while no reply is recorded.
/// </summary>
internal sealed class SuggestionService(OversightDb db, SettingsService settings, IDeadlineService deadlines, IOrgDirectory orgs,
    ICurrentUser current, IAttachmentStore attachments, TimeProvider clock)
{
    /// <summary>A suggestion's materials by kind.</summary>
    public static readonly MaterialSet Materials = new("oversight.suggestion", [("letter", "建议书"), ("reply", "答复函"), ("evidence", "整改材料")],
        "/api/oversight/suggestions", "/oversight/suggestions");

    public static readonly ListShape<Suggestion> Shape = new ListShape<Suggestion>()
        .Search((q, k) =>
        {
            var number = LitigationRules.NormaliseCaseNumber(k);
            return q.Where(s => s.DocumentNumber.Contains(number) || s.Issuer.Contains(k) || s.Content.Contains(k));
        })
        .Dated(s => s.ReceivedOn)
        .SortBy("receivedOn", s => s.ReceivedOn, SortDirection.Desc, isDefault: true)
        .SortBy("replyDueOn", s => s.ReplyDueOn)
        .SortBy("documentNumber", s => s.DocumentNumber)
        .ThenBy(s => s.Id);

    public DateOnly Today => deadlines.Today;

    public static string KindName(SuggestionKind kind) => kind == SuggestionKind.Judicial ? "司法建议" : "检察建议";

    public static string StatusName(SuggestionStatus status) => status switch
    {
        SuggestionStatus.Received => "待答复",
        SuggestionStatus.Replied => "已答复",
        _ => "已办结",
    };

    public IQueryable<Suggestion> Filtered(string? view)
    {
        var today = deadlines.Today;
        var q = db.Suggestions.AsNoTracking();
        return view switch
        {
            "awaiting" => q.Where(s => s.Status == SuggestionStatus.Received && s.ReplyDueOn >= today),
            "overdue" => q.Where(s => s.Status == SuggestionStatus.Received && s.ReplyDueOn < today),
            "replied" => q.Where(s => s.Status == SuggestionStatus.Replied),
            "closed" => q.Where(s => s.Status == SuggestionStatus.Closed),
            _ => q,
        };
    }

    public async Task<Paged<SuggestionRow>> ListAsync(SuggestionListQuery query, ListRequest request, CancellationToken ct)
    {
        var page = await Shape.PageAsync(Filtered(query.View), request, ct);
        return new Paged<SuggestionRow>(await RowsAsync(page.Items, ct), page.Total, page.Page, page.PageSize);
    }

    public async Task<List<SuggestionRow>> ExportRowsAsync(SuggestionListQuery query, ListRequest request, CancellationToken ct) =>
        await RowsAsync(await ExactlyAsync(Shape.Apply(Filtered(query.View), request), ct), ct);

    /// <summary>Exactly the filtered rows for the export and print view (the kit's list output); over its limit refused with the count.</summary>
    private static async Task<List<T>> ExactlyAsync<T>(IQueryable<T> filtered, CancellationToken ct)
    {
        ListOutput.CheckSize(await filtered.CountAsync(ct));
        return await filtered.ToListAsync(ct);
    }

    private async Task<List<SuggestionRow>> RowsAsync(IReadOnlyList<Suggestion> items, CancellationToken ct)
    {
        var names = await orgs.NamesAsync(items.Select(s => s.OrgUnitId).Distinct(), ct);
        return items.Select(s => new SuggestionRow(s.Id, s.Kind, s.DocumentNumber, s.Issuer, s.OrgUnitId, names.GetValueOrDefault(s.OrgUnitId, ""), s.ReceivedOn,
            s.ReplyDueOn, s.Status, s.RepliedOn)).ToList();
    }

    public async Task<SuggestionView?> GetAsync(Guid id, CancellationToken ct)
    {
        var s = await db.Suggestions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null)
        {
            return null;
        }
        var materials = await Materials.ListAsync(attachments, id, ct);
        var today = deadlines.Today;
        return new SuggestionView(s.Id, s.OrgUnitId, (await orgs.FindAsync(s.OrgUnitId, ct))?.Name ?? "", s.Kind, s.Issuer, s.DocumentNumber, s.Content,
            s.ReceivedOn, s.IssuerDueOn, s.Urgent, s.DueBasis, s.ReplyDueOn, s.Status, s.Status == SuggestionStatus.Received && s.ReplyDueOn < today,
            s.RepliedOn > s.ReplyDueOn, s.RepliedOn, s.Reply, s.Rectification, s.ClosedOn, s.LawsuitId, s.Version, materials);
    }

    /// <summary>
    /// Registers a received suggestion. The reply is due on the issuer's date when the letter sets one; otherwise the
    /// settings' months after receipt (两个月: 综合治理类司法建议规定 第八条; 检察公益诉讼解释 第二十一条), or their days when an
    /// urgent procuratorial suggestion (15 日); a last day on a rest day moves to the next working day.
    /// </summary>
    public async Task<Suggestion> RegisterAsync(SuggestionInput input, CancellationToken ct)
    {
        var today = deadlines.Today;
        var checks = new FieldChecks();
        if (input.AddresseeId is not { } unitId || unitId == Guid.Empty)
        {
            checks.Add("addresseeId", "请选择被建议单位。");
        }
        else if (await orgs.FindAsync(unitId, ct) is not { IsActive: true } || !current.Scope.Allows(unitId))
        {
            checks.Add("addresseeId", "被建议单位不存在或不在您的数据范围内。");
        }
        checks.When(input.Kind is null, "kind", "请选择建议类别（司法建议或检察建议）。");
        var issuer = TextRules.Required(checks, "issuer", "发出机关", input.Issuer, 100);
        var number = LitigationRules.NormaliseCaseNumber(TextRules.Required(checks, "documentNumber", "建议书文号", input.DocumentNumber, 64));
        var content = TextRules.Required(checks, "content", "建议内容", input.Content, 4000);
        checks.When(input.ReceivedOn is null, "receivedOn", "请填写收到建议书的日期。");
        DateRules.Check(checks, "receivedOn", "收到日期", input.ReceivedOn, today);
        DateRules.Check(checks, "issuerDueOn", "建议书载明的答复期限", input.IssuerDueOn);
        checks.When(input.IssuerDueOn is { } d && input.ReceivedOn is { } r && d <= r, "issuerDueOn", "建议书载明的答复期限须晚于收到日期。");
        checks.When(input.Urgent == true && input.Kind == SuggestionKind.Judicial, "urgent", "紧急答复期限（15 日）适用于检察建议（检察公益诉讼解释第二十一条）。");
        if (input.LawsuitId is { } lawsuitId && !await db.Lawsuits.AnyAsync(l => l.Id == lawsuitId && l.OrgUnitId == input.AddresseeId, ct))
        {
            checks.Add("lawsuitId", "关联的应诉案件不存在，或不是该单位的案件。");
        }
        checks.ThrowIfAny("建议未登记，请按提示修改。");
        if (await db.Suggestions.AnyAsync(s => s.DocumentNumber == number && s.OrgUnitId == input.AddresseeId, ct))
        {
            throw Refuse.Field("documentNumber", $"该单位已登记文号为 {number} 的建议。");
        }
        var rules = await settings.GetAsync(ct);
        var received = input.ReceivedOn!.Value;
        var urgent = input.Urgent == true;
        var (raw, basis) = input.IssuerDueOn is { } issuerDue
            ? (issuerDue, "建议书载明的期限")
            : urgent
                ? (received.AddDays(rules.UrgentSuggestionDays), $"紧急检察建议 {rules.UrgentSuggestionDays} 日（检察公益诉讼解释第二十一条）")
                : (received.AddMonths(rules.SuggestionReplyMonths), $"收到之日起 {rules.SuggestionReplyMonths} 个月（{(input.Kind == SuggestionKind.Judicial ? "综合治理类司法建议规定第八条" : "检察公益诉讼解释第二十一条")}）");
        // A last day on a rest day moves to the next working day: the period "one calendar day after the day before".
        var due = input.IssuerDueOn is null ? (await deadlines.AddCalendarDaysAsync(raw.AddDays(-1), 1, ct)).Date : raw;
        var s = new Suggestion
        {
            OrgUnitId = input.AddresseeId!.Value, Kind = input.Kind!.Value, Issuer = issuer, DocumentNumber = number, Content = content, ReceivedOn = received,
            IssuerDueOn = input.IssuerDueOn, Urgent = urgent, DueBasis = basis, ReplyDueOn = due, Status = SuggestionStatus.Received,
            LawsuitId = input.LawsuitId, RegisteredAt = clock.GetUtcNow(),
        };
        db.Suggestions.Add(s);
        await db.SaveChangesAsync(ct);
        return s;
    }

    /// <summary>Records the agency's reply and rectification; a reply after the deadline is recorded and marked late.</summary>
    public async Task ReplyAsync(Guid id, ReplyInput input, CancellationToken ct)
    {
        var s = await LoadAsync(id, input.Version, ct);
        if (s.Status != SuggestionStatus.Received)
        {
            throw Refuse.Conflict("该建议已答复，不能重复答复。");
        }
        var checks = new FieldChecks();
        checks.When(input.RepliedOn is null, "repliedOn", "请填写答复日期。");
        DateRules.Check(checks, "repliedOn", "答复日期", input.RepliedOn, deadlines.Today);
        checks.When(input.RepliedOn is { } r && r < s.ReceivedOn, "repliedOn", $"答复日期不能早于收到建议的日期（{s.ReceivedOn:yyyy-MM-dd}）。");
        var reply = TextRules.Required(checks, "reply", "答复内容", input.Reply, 4000);
        var rectification = TextRules.Required(checks, "rectification", "整改措施及成效", input.Rectification, 4000);
        checks.ThrowIfAny("答复未保存，请按提示修改。");
        (s.RepliedOn, s.Reply, s.Rectification, s.Status) = (input.RepliedOn, reply, rectification, SuggestionStatus.Replied);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Closes a suggestion (办结). Refused while no reply is recorded: a suggestion is handled only when the addressee has
    /// answered in writing (综合治理类司法建议规定 第八条; 检察公益诉讼解释 第二十一条).
    /// </summary>
    public async Task CloseAsync(Guid id, CloseInput input, CancellationToken ct)
    {
        var s = await LoadAsync(id, input.Version, ct);
        if (s.Status == SuggestionStatus.Closed)
        {
            throw Refuse.Conflict("该建议已办结。");
        }
        if (s.Status != SuggestionStatus.Replied || s.RepliedOn is null)
        {
            throw Refuse.Conflict("尚未答复的建议不能办结：被建议单位须在期限内书面答复（综合治理类司法建议规定第八条、检察公益诉讼解释第二十一条），请先记录答复及整改情况。",
                "综合治理类司法建议规定第八条");
        }
        var checks = new FieldChecks();
        checks.When(input.ClosedOn is null, "closedOn", "请填写办结日期。");
        DateRules.Check(checks, "closedOn", "办结日期", input.ClosedOn, deadlines.Today);
        checks.When(input.ClosedOn is { } c && c < s.RepliedOn, "closedOn", $"办结日期不能早于答复日期（{s.RepliedOn:yyyy-MM-dd}）。");
        checks.ThrowIfAny("未办结，请按提示修改。");
        (s.ClosedOn, s.Status) = (input.ClosedOn, SuggestionStatus.Closed);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds a material of one kind; refused (with the platform's reason) for a disallowed or empty file.</summary>
    public async Task AddMaterialAsync(Guid id, string kind, Stream content, string fileName, CancellationToken ct)
    {
        var s = await db.Suggestions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw Refuse.NotFound("建议不存在或不在您的数据范围内。");
        await Materials.AddAsync(attachments, id, s.OrgUnitId, kind, content, fileName, ct);
    }

    /// <summary>A material of this suggestion, for whoever may read it (the store checks the scope again).</summary>
    public async Task<(AttachmentDto Meta, Stream Content)?> OpenMaterialAsync(Guid id, Guid attachmentId, CancellationToken ct) =>
        await db.Suggestions.AnyAsync(x => x.Id == id, ct) ? await Materials.OpenAsync(attachments, id, attachmentId, ct) : null;

    private async Task<Suggestion> LoadAsync(Guid id, long? version, CancellationToken ct)
    {
        var s = await db.Suggestions.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw Refuse.NotFound("建议不存在或不在您的数据范围内。");
        Refuse.UnlessVersion(version, s.Version, "建议");
        return s;
    }
}
