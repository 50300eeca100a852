using System.Globalization;
using System.Text.RegularExpressions;
using Fazhi.Disputes.Cases;
using Fazhi.Disputes.Data;
using Fazhi.Disputes.Domain;
using Fazhi.Disputes.Handling;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Disputes.Documents;

internal sealed record TemplateView(string Kind, string Name, string Title, string Body, string NumberPattern, string Issuer, string? Recipient, string Signature, string? DocxFileName, long Version);

/// <summary>A template's text. The 文号 pattern is not here: it is the numbering kit's (编号规则, ADR 0048).</summary>
internal sealed record TemplateRequest(string? Title, string? Body, string? Issuer, string? Recipient, string? Signature, long? Version = null);

internal sealed record IssueRequest(string? Kind);

/// <summary>A notice kind the case can issue now (its case type and its state allow it).</summary>
internal sealed record DocumentKindView(string Kind, string Name);

internal sealed record CaseDocumentView(Guid Id, string Kind, string Name, string Number, DateOnly IssuedOn, string Url);

/// <summary>The notices a case can issue, when each is allowed, and the default text (editable as data).</summary>
internal static partial class DocumentKinds
{
    public const string Acceptance = "acceptance";
    public const string Correction = "correction";
    public const string Rejection = "rejection";
    public const string Extension = "extension";
    public const string Agreement = "agreement";
    public const string AidGranted = "aid-granted";
    public const string AidRefused = "aid-refused";
    public const string Decision = "decision";

    /// <summary>Kind, name, number pattern, title, body (one paragraph a line).</summary>
    public static readonly (string Kind, string Name, string Pattern, string Title, string Body)[] Defaults =
    [
        // 本机构 is 本委员会 for a people's mediation case (a committee is no 机关, 人民调解法 第七条), 本机关 for 行政复议 …
        (Acceptance, "受理通知书", "枣非诉受字〔{year}〕{seq}号", "受理通知书",
            "{{申请人}}：\n你（单位）于{{收到日期}}提出的{{案件类型}}申请（案件编号 {{案件编号}}），经审查，{{受理依据}}{{本机构}}决定自{{受理日期}}起受理。\n本案承办人：{{承办人}}。{{受理告知}}"),
        (Correction, "补正通知书", "枣非诉补字〔{year}〕{seq}号", "补正通知书",
            "{{申请人}}：\n你（单位）于{{收到日期}}提出的{{案件类型}}申请（案件编号 {{案件编号}}），申请材料不齐全或者表述不清楚。根据《中华人民共和国行政复议法》第三十一条的规定，请你自收到本通知之日起{{补正期限}}内一次性补正下列事项：\n{{补正事项}}\n无正当理由逾期不补正的，视为放弃申请。"),
        (Rejection, "不予受理决定书", "枣非诉不受字〔{year}〕{seq}号", "不予受理决定书",
            "{{申请人}}：\n你（单位）于{{收到日期}}提出的{{案件类型}}申请（案件编号 {{案件编号}}），经审查，本机关决定不予受理。\n理由：{{不予受理理由}}\n如不服本决定，可以依法申请行政复议或者提起行政诉讼。"),
        (Extension, "延期审理通知书", "枣非诉延字〔{year}〕{seq}号", "延期审理通知书",
            "{{申请人}}、{{被申请人}}：\n{{案件类型}}案件（案件编号 {{案件编号}}）因{{延期理由}}，不能在规定期限内办结。经负责人批准，办理期限延长{{延长天数}}，延长后的期限届满日为{{届满日期}}。\n特此通知。"),
        // 人民调解法 第二十九条: 当事人的基本情况；纠纷的主要事实、争议事项；达成协议的内容，履行的方式、期限; signed by the
        // parties and the mediator, sealed by the committee. The facts are the mediator's, never the applicant's own account.
        (Agreement, "人民调解协议书", "枣非诉调字〔{year}〕{seq}号", "人民调解协议书",
            "当事人基本情况：\n{{当事人基本情况}}\n纠纷的主要事实、争议事项：\n{{纠纷主要事实}}\n经{{办理机构}}调解，各方当事人在平等协商的基础上自愿达成如下协议：\n{{调解协议内容}}\n履行方式、期限：{{履行方式和期限}}\n本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效（《中华人民共和国人民调解法》第二十九条），当事人应当按照约定履行（第三十一条）。双方当事人认为有必要的，可以自本协议生效之日起三十日内共同向人民法院申请司法确认（第三十三条）。\n当事人（签名、盖章或者按指印）：{{签名线}}\n人民调解员（签名）：{{签名线}}\n签署日期：{{协议签署日期}}"),
        (AidGranted, "法律援助决定书", "枣法援决字〔{year}〕{seq}号", "给予法律援助决定书",
            "{{申请人}}：\n你于{{收到日期}}提出的法律援助申请（案件编号 {{案件编号}}），经审查，符合法律援助条件。根据《中华人民共和国法律援助法》第四十三条的规定，决定给予法律援助，并将自本决定作出之日起三日内指派法律援助人员。"),
        (AidRefused, "不予法律援助决定书", "枣法援不字〔{year}〕{seq}号", "不予法律援助决定书",
            "{{申请人}}：\n你于{{收到日期}}提出的法律援助申请（案件编号 {{案件编号}}），经审查，决定不予法律援助。\n理由：{{不予受理理由}}\n根据《中华人民共和国法律援助法》第四十九条的规定，如对本决定有异议，可以向设立本法律援助机构的司法行政部门提出，司法行政部门应当自收到异议之日起{{异议审查期限}}内进行审查。"),
        (Decision, "行政复议决定书", "枣复决字〔{year}〕{seq}号", "行政复议决定书",
            "申请人：{{申请人}}。\n被申请人：{{被申请人}}。\n申请人不服被申请人作出的行政行为，于{{收到日期}}提出行政复议申请，本机关于{{受理日期}}依法受理（案件编号 {{案件编号}}）。\n申请人请求及事实：{{纠纷经过}}\n本机关决定：{{处理结果}}。{{结果摘要}}\n申请人如不服本决定，可以自收到本决定书之日起十五日内依法向人民法院提起行政诉讼。"),
    ];

    public static string Name(string kind) => Defaults.FirstOrDefault(d => d.Kind == kind).Name ?? kind;

    [GeneratedRegex(@"\{\{\s*([\p{L}\p{N}_.]+)\s*\}\}")]
    public static partial Regex Placeholder();
}

/// <summary>Issues numbered notices for cases from the templates, renders them as .docx, and lets administrators edit the templates.</summary>
internal sealed class DocumentService(DisputesDb db, ICurrentUser current, IDeadlineService deadlines, INumberSequence numbers, IOrgDirectory orgs)
{
    public const string DefaultIssuer = "枣庄市非诉讼纠纷化解服务中心";

    /// <summary>The issuer and signature of a seeded template: the unit handling the case (its committee for people's mediation).</summary>
    public const string HandlingBody = "{{办理机构}}";

    /// <summary>The numbering kit's sequence of a notice kind (its 文号 pattern is edited under 编号规则).</summary>
    public static string SequenceKey(string kind) => "disputes.doc-" + kind;

    /// <summary>Every notice kind's number sequence, declared at startup: the default pattern writes the serial without leading zeros (GB/T 9704 7.3.3).</summary>
    public static IEnumerable<NumberSequenceDefinition> Sequences() =>
        DocumentKinds.Defaults.Select(d => new NumberSequenceDefinition(SequenceKey(d.Kind), d.Name + "文号", d.Pattern));

    public async Task<IReadOnlyList<TemplateView>> TemplatesAsync(CancellationToken ct)
    {
        var templates = (await db.Set<DocumentTemplate>().AsNoTracking().ToListAsync(ct))
            .OrderBy(t => Array.FindIndex(DocumentKinds.Defaults, d => d.Kind == t.Kind)).ToList();
        var views = new List<TemplateView>(templates.Count);
        foreach (var t in templates)
        {
            // The pattern in force is the numbering kit's (the template's own column is no longer read).
            var (pattern, _) = await numbers.PatternAsync(db, SequenceKey(t.Kind), null, ct);
            views.Add(new TemplateView(t.Kind, t.Name, t.Title, t.Body, pattern, t.Issuer, t.Recipient, t.Signature, t.DocxFileName, t.Version));
        }
        return views;
    }

    public async Task<bool> SaveTemplateAsync(string kind, TemplateRequest r, CancellationToken ct)
    {
        var t = await db.Set<DocumentTemplate>().FirstOrDefaultAsync(x => x.Kind == kind, ct);
        if (t is null)
        {
            return false;
        }
        if (r.Version is { } v && v != t.Version)
        {
            throw new DbUpdateConcurrencyException("模板已被他人修改，请刷新后再操作。");
        }
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(r.Title) || r.Title.Trim().Length > 128)
        {
            errors["title"] = ["请填写文书标题（不超过 128 字）。"];
        }
        if (string.IsNullOrWhiteSpace(r.Body) || r.Body.Length > 20000)
        {
            errors["body"] = ["请填写正文（不超过 20000 字）。"];
        }
        if (string.IsNullOrWhiteSpace(r.Issuer) || string.IsNullOrWhiteSpace(r.Signature))
        {
            errors["issuer"] = ["请填写发文机关和落款。"];
        }
        if (errors.Count > 0)
        {
            throw Refuse.Fields(errors, "模板未保存：" + string.Join(" ", errors.Values.SelectMany(x => x)));
        }
        t.Title = r.Title!.Trim();
        t.Body = r.Body!.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        t.Issuer = r.Issuer!.Trim();
        t.Recipient = string.IsNullOrWhiteSpace(r.Recipient) ? null : r.Recipient.Trim();
        t.Signature = r.Signature!.Trim();
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Stores an uploaded Word template after checking it is a .docx that can be filled; null bytes clear it.</summary>
    /// <summary>The largest Word template accepted (5 MB): a notice template is a few dozen kilobytes.</summary>
    public const int MaxTemplateBytes = 5 * 1024 * 1024;

    public const string TemplateSizeRefusal = "请选择不超过 5 MB 的 .docx 模板。";

    /// <summary>An uploaded Word template (page or API): size checked before it is read, then <see cref="UploadTemplateAsync(string, byte[], string, CancellationToken)"/>.</summary>
    public async Task<string?> UploadTemplateAsync(string kind, Microsoft.AspNetCore.Http.IFormFile? file, CancellationToken ct)
    {
        if (file is not { Length: > 0 and <= MaxTemplateBytes })
        {
            return TemplateSizeRefusal;
        }
        using var ms = new MemoryStream();
        await file.CopyToAsync(ms, ct);
        return await UploadTemplateAsync(kind, ms.ToArray(), file.FileName, ct);
    }

    public async Task<string?> UploadTemplateAsync(string kind, byte[]? docx, string? fileName, CancellationToken ct)
    {
        if (docx is { Length: 0 or > MaxTemplateBytes })
        {
            return TemplateSizeRefusal;
        }
        var t = await db.Set<DocumentTemplate>().FirstOrDefaultAsync(x => x.Kind == kind, ct);
        if (t is null)
        {
            return "模板不存在。";
        }
        if (docx is not null)
        {
            try
            {
                DocxTemplate.Fill(docx, new DocxData());
            }
            // Not a zip (FileFormatException, a FormatException), not a Word package (OpenXmlPackageException), or broken XML.
            catch (Exception e) when (e is InvalidDataException or IOException or FormatException or ArgumentException or InvalidOperationException
                or System.Xml.XmlException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException)
            {
                return "上传的文件不是有效的 Word（.docx）文档。";
            }
        }
        t.DocxFile = docx;
        t.DocxFileName = docx is null ? null : Path.GetFileName(fileName ?? "template.docx");
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<IReadOnlyList<CaseDocumentView>> ForCaseAsync(Guid caseId, CancellationToken ct) =>
        (await db.Set<CaseDocument>().AsNoTracking().Where(d => d.CaseId == caseId).OrderBy(d => d.Id).ToListAsync(ct))
            .Select(d => new CaseDocumentView(d.Id, d.Kind, DocumentKinds.Name(d.Kind), d.Number, d.IssuedOn, Url(caseId, d.Id))).ToList();

    /// <summary>The notice kinds this case can issue now: a people's mediation case is never offered 行政复议决定书 or 法律援助决定书.</summary>
    public async Task<IReadOnlyList<DocumentKindView>> KindsForCaseAsync(Guid caseId, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null)
        {
            return [];
        }
        var events = await db.Set<CaseEvent>().AsNoTracking().Where(e => e.CaseId == caseId).Select(e => e.Kind).ToListAsync(ct);
        var templates = await db.Set<DocumentTemplate>().AsNoTracking().Select(t => new { t.Kind, t.Name }).ToListAsync(ct);
        return templates.Where(t => Precondition(t.Kind, c, events) is null)
            .OrderBy(t => Array.FindIndex(DocumentKinds.Defaults, d => d.Kind == t.Kind))
            .Select(t => new DocumentKindView(t.Kind, t.Name)).ToList();
    }

    public static string Url(Guid caseId, Guid docId) => $"/api/disputes/cases/{caseId}/documents/{docId}";

    /// <summary>Issues (numbers) a notice of <paramref name="kind"/> for the case, or returns the one already issued.</summary>
    public async Task<CaseDocumentView?> IssueAsync(Guid caseId, string? kind, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null)
        {
            return null;
        }
        var template = await db.Set<DocumentTemplate>().AsNoTracking().FirstOrDefaultAsync(t => t.Kind == kind, ct)
            ?? throw Refuse.Field("kind", "请选择文书种类。");
        var events = await db.Set<CaseEvent>().AsNoTracking().Where(e => e.CaseId == caseId).Select(e => e.Kind).ToListAsync(ct);
        var refusal = Precondition(template.Kind, c, events);
        if (refusal is not null)
        {
            throw Refuse.Field("kind", $"不能制作{template.Name}：{refusal}");
        }
        var existing = await db.Set<CaseDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.CaseId == caseId && d.Kind == template.Kind, ct);
        if (existing is not null)
        {
            return new CaseDocumentView(existing.Id, existing.Kind, template.Name, existing.Number, existing.IssuedOn, Url(caseId, existing.Id));
        }
        var today = deadlines.Today;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The 文号 comes from the numbering kit (编号规则): one series per notice kind and year. A serial an earlier
        // numbering (the module's own counter, before ADR 0048) already used that year is skipped.
        TakenNumber taken;
        var tries = 0;
        do
        {
            taken = await numbers.NextAsync(db, SequenceKey(template.Kind), new NumberScope(today.Year), ct);
        }
        while (await db.Set<CaseDocument>().AnyAsync(d => d.Kind == template.Kind && d.Year == today.Year && (d.Sequence == taken.Seq || d.Number == taken.Number), ct)
            && ++tries < 1000);
        var doc = new CaseDocument
        {
            CaseId = caseId,
            OrgUnitId = c.OrgUnitId,
            Kind = template.Kind,
            Year = today.Year,
            Sequence = checked((int)taken.Seq),
            IssuedOn = today,
            Number = taken.Number,
        };
        db.Set<CaseDocument>().Add(doc);
        db.Set<CaseEvent>().Add(new CaseEvent
        {
            CaseId = caseId, OrgUnitId = c.OrgUnitId, Kind = CaseEventKind.Document, OnDate = today, ActorUserId = current.UserId,
            ActorName = current.UserName ?? "system", Text = $"制作{template.Name}（{doc.Number}）",
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new CaseDocumentView(doc.Id, doc.Kind, template.Name, doc.Number, doc.IssuedOn, Url(caseId, doc.Id));
    }

    /// <summary>Renders an issued notice as .docx from the current template (uploaded Word file, or the text fields).</summary>
    public async Task<(string FileName, byte[] Content)?> RenderAsync(Guid caseId, Guid docId, CancellationToken ct)
    {
        var doc = await db.Set<CaseDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == docId && d.CaseId == caseId, ct);
        if (doc is null)
        {
            return null;
        }
        var c = await db.Cases.AsNoTracking().Include(x => x.Parties).Include(x => x.Stages).ThenInclude(s => s.Pauses)
            .Include(x => x.Stages).ThenInclude(s => s.Extensions).AsSplitQuery().FirstAsync(x => x.Id == caseId, ct);
        var template = await db.Set<DocumentTemplate>().AsNoTracking().FirstAsync(t => t.Kind == doc.Kind, ct);
        var values = await ValuesAsync(c, ct);
        byte[] bytes;
        if (template.DocxFile is { } file)
        {
            var data = new DocxData();
            foreach (var (k, v) in values)
            {
                data.Set(k, v);
            }
            data.Set("文号", doc.Number).Set("成文日期", DocxNotice.ChineseDate(doc.IssuedOn));
            bytes = DocxTemplate.Fill(file, data);
        }
        else
        {
            string Fill(string text) => DocumentKinds.Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);
            bytes = DocxNotice.Create(new OfficialNotice
            {
                Issuer = Fill(template.Issuer),
                DocNumber = doc.Number,
                Title = Fill(template.Title),
                Recipient = template.Recipient is null ? null : Fill(template.Recipient),
                Body = Fill(template.Body).Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList(),
                Signature = Fill(template.Signature),
                Date = doc.IssuedOn,
            });
        }
        return ($"{template.Name}-{c.CaseNumber}.docx", bytes);
    }

    private static string? Precondition(string kind, DisputeCase c, List<CaseEventKind> events)
    {
        var accepted = c.Status is CaseStatus.InProgress or CaseStatus.Closed && !events.Contains(CaseEventKind.Withdrawn);
        return kind switch
        {
            DocumentKinds.Acceptance when !accepted => "案件尚未受理。",
            DocumentKinds.Correction when !events.Contains(CaseEventKind.CorrectionNotice) => "本案未通知补正。",
            DocumentKinds.Rejection when c.Status != CaseStatus.Rejected => "本案未作出不予受理决定。",
            DocumentKinds.Extension when !events.Contains(CaseEventKind.ExtensionApproved) => "本案没有经批准的延期。",
            DocumentKinds.Agreement when !events.Contains(CaseEventKind.Agreement) => "本案未登记调解协议。",
            DocumentKinds.AidGranted when c.CaseTypeCode != CaseTypes.LegalAid || !accepted => "仅适用于已决定给予援助的法律援助案件。",
            DocumentKinds.AidRefused when c.CaseTypeCode != CaseTypes.LegalAid || c.Status != CaseStatus.Rejected => "仅适用于决定不予援助的法律援助案件（须写明理由，法律援助法 第四十三条）。",
            DocumentKinds.Decision when c.CaseTypeCode != CaseTypes.AdministrativeReconsideration || c.Status != CaseStatus.Closed || c.ResultCode is null or "withdrawn" =>
                "仅适用于已作出决定的行政复议案件。",
            _ => null,
        };
    }

    /// <summary>A blank for a handwritten signature (and 按指印) on the printed document.</summary>
    private const string SignatureLine = "＿＿＿＿＿＿＿＿　　＿＿＿＿＿＿＿＿";

    /// <summary>
    /// Who issues the case's documents: for a people's mediation case the people's mediation committee of the unit that
    /// handled it (人民调解法 第七条、第二十九条: the committee seals the agreement), e.g. 中心街街道人民调解委员会 — the street's,
    /// also when the city centre routed the case there; for the other case types the handling unit itself.
    /// </summary>
    public static string HandlingBodyName(string caseType, string unitName) =>
        caseType == CaseTypes.PeoplesMediation && !unitName.EndsWith("调解委员会", StringComparison.Ordinal) ? unitName + "人民调解委员会" : unitName;

    /// <summary>当事人的基本情况 (人民调解法 第二十九条第一项): role, name, identifier and phone as recorded (masked), the address by hand.</summary>
    private static string PartyParticulars(CaseParty p)
    {
        var who = p.Kind == PartyKind.Person
            ? $"{Labels.Role(p.Role)}：{p.Name}" + (p.IdNumber is { } id ? $"，公民身份号码：{id.Masked}" : "")
            : $"{Labels.Role(p.Role)}：{p.Name}" + (p.CreditCode is { Length: > 0 } code ? $"，统一社会信用代码：{code}" : "") + "，法定代表人或负责人：＿＿＿＿＿＿";
        return who + (p.Phone is { } phone ? $"，联系电话：{phone.Masked}" : "") + "，住所：＿＿＿＿＿＿＿＿＿＿＿＿";
    }

    private async Task<Dictionary<string, string>> ValuesAsync(DisputeCase c, CancellationToken ct)
    {
        var events = await db.Set<CaseEvent>().AsNoTracking().Where(e => e.CaseId == c.Id).OrderBy(e => e.Id).ToListAsync(ct);
        var rules = await db.Set<ProfileRule>().AsNoTracking().Where(r => r.ProfileId == c.ProfileId).ToDictionaryAsync(r => r.Key, ct);
        var calculator = new DeadlineCalculator(await deadlines.GetCalendarAsync(ct));
        var acceptance = c.Stages.Where(s => s.StageCode == StatutoryProfiles.Acceptance && s.EndedOn != null).OrderBy(s => s.StartedOn).LastOrDefault();
        var main = c.Stages.Where(s => s.StageCode != StatutoryProfiles.Acceptance && !s.StageCode.StartsWith("respondent", StringComparison.Ordinal)
            && s.StageCode != HandlingClock.CorrectionStage).OrderBy(s => s.StartedOn).LastOrDefault();
        var extension = c.Stages.SelectMany(s => s.Extensions).Where(e => e.Status == ExtensionStatus.Approved).OrderBy(e => e.DecidedOn).LastOrDefault();
        string After(CaseEventKind kind, string prefix)
        {
            var text = events.LastOrDefault(e => e.Kind == kind)?.Text ?? "";
            var i = text.IndexOf(prefix, StringComparison.Ordinal);
            return i >= 0 ? text[(i + prefix.Length)..] : text;
        }
        string Days(string key) => rules.TryGetValue(key, out var r) ? $"{r.Value}{(r.DayKind == DayKind.Working ? "个工作日" : "日")}" : "";
        var closing = events.LastOrDefault(e => e.Kind is CaseEventKind.Closed or CaseEventKind.Agreement)?.Text ?? "";
        var agreement = AgreementRecord.Read(events.LastOrDefault(e => e.Kind == CaseEventKind.Agreement)?.Text);
        var unit = await orgs.FindAsync(c.OrgUnitId, ct);
        var wording = AcceptanceWording.For(c.CaseTypeCode);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["案件编号"] = c.CaseNumber,
            ["案件类型"] = Labels.CaseTypeName(c.CaseTypeCode),
            ["申请人"] = string.Join("、", c.Parties.Where(p => p.Role == PartyRole.Applicant).Select(p => p.Name)),
            ["被申请人"] = string.Join("、", c.Parties.Where(p => p.Role == PartyRole.Respondent).Select(p => p.Name)) is { Length: > 0 } r ? r : "被申请人",
            ["收到日期"] = Labels.Date(c.ReceivedOn),
            ["受理日期"] = Labels.Date(acceptance?.EndedOn),
            ["纠纷经过"] = c.Description,
            ["承办人"] = c.AssigneeName ?? "（待指派）",
            ["届满日期"] = Labels.Date(main is null ? null : calculator.Compute(main.ToSpec(), deadlines.Today).DueDate),
            ["补正事项"] = After(CaseEventKind.CorrectionNotice, "补正事项："),
            ["补正期限"] = Days(RuleKeys.CorrectionReply),
            ["不予受理理由"] = c.RejectReason ?? "",
            ["延长天数"] = extension is null ? "" : $"{extension.Days}日",
            ["延期理由"] = extension?.Reason ?? "",
            ["调解协议内容"] = agreement.Content,
            ["纠纷主要事实"] = agreement.Facts,
            ["履行方式和期限"] = agreement.Performance,
            ["当事人基本情况"] = string.Join("\n", c.Parties.OrderBy(p => p.Role).Select(PartyParticulars)),
            ["签名线"] = SignatureLine,
            ["办理机构"] = HandlingBodyName(c.CaseTypeCode, unit?.Name ?? DefaultIssuer),
            ["本机构"] = wording.Self,
            ["受理依据"] = wording.Basis,
            ["受理告知"] = wording.Notice.Replace("{届满日期}", Labels.Date(main is null ? null : calculator.Compute(main.ToSpec(), deadlines.Today).DueDate), StringComparison.Ordinal),
            ["协议签署日期"] = Labels.Date(c.ClosedOn),
            ["处理结果"] = c.ResultName ?? "",
            ["结果摘要"] = closing.Contains('。', StringComparison.Ordinal) ? closing[(closing.IndexOf('。', StringComparison.Ordinal) + 1)..] : "",
            ["异议审查期限"] = Days(RuleKeys.Objection),
        };
    }
}

/// <summary>
/// The agreement as the handling record keeps it (人民调解法 第二十九条): the mediator's statement of the main facts and
/// issues, what was agreed, and the manner and time limits of performance, each under its own label in the agreement
/// entry's text. An entry written before ADR 0048 has the agreed content only.
/// </summary>
internal sealed record AgreementRecord(string Facts, string Content, string Performance)
{
    public const string Lead = "生效（人民调解法 第二十九条）：";
    public const string FactsLabel = "纠纷的主要事实、争议事项：";
    public const string ContentLabel = "协议内容：";
    public const string PerformanceLabel = "履行方式、期限：";

    public static string Write(DateOnly signed, string facts, string content, string performance) =>
        $"调解协议于{Labels.Date(signed)}经各方签名（盖章）{Lead}{FactsLabel}{facts}；{ContentLabel}{content}；{PerformanceLabel}{performance}";

    public static AgreementRecord Read(string? text)
    {
        var t = text ?? "";
        var lead = t.IndexOf(Lead, StringComparison.Ordinal);
        var rest = lead >= 0 ? t[(lead + Lead.Length)..] : t;
        var f = rest.IndexOf(FactsLabel, StringComparison.Ordinal);
        var c = rest.IndexOf(ContentLabel, StringComparison.Ordinal);
        var p = rest.IndexOf(PerformanceLabel, StringComparison.Ordinal);
        if (f != 0 || c < 0 || p < c)
        {
            return new AgreementRecord("", rest, "");
        }
        static string Part(string s) => s.TrimEnd('；').Trim();
        return new AgreementRecord(Part(rest[FactsLabel.Length..c]), Part(rest[(c + ContentLabel.Length)..p]), Part(rest[(p + PerformanceLabel.Length)..]));
    }
}

/// <summary>How an acceptance notice speaks for the body that accepted the case: a people's mediation committee is not a 机关.</summary>
internal sealed record AcceptanceWording(string Self, string Basis, string Notice)
{
    private const string Deadline = "本案将在规定期限内办结，办理期限届满日为{届满日期}。";

    public static AcceptanceWording For(string caseType) => caseType switch
    {
        // 人民调解法 第四条: 人民调解委员会调解民间纠纷，不收取任何费用; 第十七条: 当事人一方明确拒绝调解的，不得调解.
        CaseTypes.PeoplesMediation => new("本委员会", "根据《中华人民共和国人民调解法》第十七条的规定，",
            "人民调解不收取任何费用（人民调解法 第四条）。调解中你（单位）享有自主决定接受、不接受或者终止调解的权利（第二十三条）。"),
        // 行政复议法 第三十条: 行政复议机关收到申请后五日内审查，决定是否受理.
        CaseTypes.AdministrativeReconsideration => new("本机关", "符合《中华人民共和国行政复议法》第三十条规定的受理条件，", Deadline),
        CaseTypes.AdministrativeAdjudication or CaseTypes.AdministrativeMediation => new("本机关", "符合受理条件，", Deadline),
        CaseTypes.LegalAid => new("本机构", "符合《中华人民共和国法律援助法》规定的受理条件，", Deadline),
        CaseTypes.Arbitration => new("本委员会", "符合受理条件，", Deadline),
        CaseTypes.Notarization => new("本公证机构", "符合受理条件，", Deadline),
        CaseTypes.JudicialAppraisal => new("本鉴定机构", "符合受理条件，", Deadline),
        CaseTypes.LawyerMediation => new("本调解组织", "符合受理条件，", Deadline),
        _ => new("本中心", "符合受理条件，", Deadline),
    };
}

/// <summary>Seeds the default text of every notice kind that has no template yet (never overwrites an edited one).</summary>
internal sealed class DocumentTemplateSeed(DisputesDb db) : IModuleSeed
{
    public async Task SeedAsync(CancellationToken ct)
    {
        var have = await db.Set<DocumentTemplate>().Select(t => t.Kind).ToListAsync(ct);
        foreach (var d in DocumentKinds.Defaults.Where(d => !have.Contains(d.Kind)))
        {
            db.Set<DocumentTemplate>().Add(new DocumentTemplate
            {
                Kind = d.Kind, Name = d.Name, Title = d.Title, Body = d.Body, NumberPattern = d.Pattern,
                Issuer = DocumentService.HandlingBody,
                Signature = DocumentService.HandlingBody + (d.Kind == DocumentKinds.Agreement ? "（印章）" : ""),
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
