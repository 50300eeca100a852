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

internal sealed record TemplateRequest(string? Title, string? Body, string? NumberPattern, string? Issuer, string? Recipient, string? Signature, long? Version = null);

internal sealed record IssueRequest(string? Kind);

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
        (Acceptance, "受理通知书", "枣非诉受字〔{year}〕{seq}号", "受理通知书",
            "{{申请人}}：\n你（单位）于{{收到日期}}提出的{{案件类型}}申请（案件编号 {{案件编号}}），经审查，符合受理条件，本机关决定自{{受理日期}}起受理。\n本案承办人：{{承办人}}。本案将依法在规定期限内办结，办理期限届满日为{{届满日期}}。"),
        (Correction, "补正通知书", "枣非诉补字〔{year}〕{seq}号", "补正通知书",
            "{{申请人}}：\n你（单位）于{{收到日期}}提出的{{案件类型}}申请（案件编号 {{案件编号}}），申请材料不齐全或者表述不清楚。根据《中华人民共和国行政复议法》第三十一条的规定，请你自收到本通知之日起{{补正期限}}内一次性补正下列事项：\n{{补正事项}}\n无正当理由逾期不补正的，视为放弃申请。"),
        (Rejection, "不予受理决定书", "枣非诉不受字〔{year}〕{seq}号", "不予受理决定书",
            "{{申请人}}：\n你（单位）于{{收到日期}}提出的{{案件类型}}申请（案件编号 {{案件编号}}），经审查，本机关决定不予受理。\n理由：{{不予受理理由}}\n如不服本决定，可以依法申请行政复议或者提起行政诉讼。"),
        (Extension, "延期审理通知书", "枣非诉延字〔{year}〕{seq}号", "延期审理通知书",
            "{{申请人}}、{{被申请人}}：\n{{案件类型}}案件（案件编号 {{案件编号}}）因{{延期理由}}，不能在规定期限内办结。经负责人批准，办理期限延长{{延长天数}}，延长后的期限届满日为{{届满日期}}。\n特此通知。"),
        (Agreement, "调解协议书", "枣非诉调字〔{year}〕{seq}号", "调解协议书",
            "当事人：{{申请人}}；{{被申请人}}。\n纠纷简要情况：{{纠纷经过}}\n经调解，双方自愿达成如下协议：\n{{调解协议内容}}\n本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖调解组织印章之日起生效（{{协议签署日期}}）。双方当事人认为有必要的，可以自本协议生效之日起三十日内共同向人民法院申请司法确认（《中华人民共和国人民调解法》第三十三条）。"),
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
internal sealed class DocumentService(DisputesDb db, ICurrentUser current, IDeadlineService deadlines)
{
    public const string DefaultIssuer = "枣庄市非诉讼纠纷化解服务中心";

    public async Task<IReadOnlyList<TemplateView>> TemplatesAsync(CancellationToken ct) =>
        (await db.Set<DocumentTemplate>().AsNoTracking().ToListAsync(ct))
            .OrderBy(t => Array.FindIndex(DocumentKinds.Defaults, d => d.Kind == t.Kind))
            .Select(t => new TemplateView(t.Kind, t.Name, t.Title, t.Body, t.NumberPattern, t.Issuer, t.Recipient, t.Signature, t.DocxFileName, t.Version)).ToList();

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
        var pattern = r.NumberPattern?.Trim() ?? "";
        if (!pattern.Contains("{seq}", StringComparison.Ordinal) || !pattern.Contains("{year}", StringComparison.Ordinal) || pattern.Length > 48)
        {
            errors["numberPattern"] = ["文号格式须包含 {year} 和 {seq}，例如 枣非诉〔{year}〕{seq}号。"];
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
        t.NumberPattern = pattern;
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
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO disputes_doc_counters (\"Kind\", \"Year\", \"Value\") VALUES ({0}, {1}, 0) ON CONFLICT (\"Kind\", \"Year\") DO NOTHING", [template.Kind, today.Year], ct);
        var seq = (await db.Database.SqlQueryRaw<int>(
            "UPDATE disputes_doc_counters SET \"Value\" = \"Value\" + 1 WHERE \"Kind\" = {0} AND \"Year\" = {1} RETURNING \"Value\"", template.Kind, today.Year).ToListAsync(ct)).Single();
        var doc = new CaseDocument
        {
            CaseId = caseId,
            OrgUnitId = c.OrgUnitId,
            Kind = template.Kind,
            Year = today.Year,
            Sequence = seq,
            IssuedOn = today,
            Number = template.NumberPattern.Replace("{year}", today.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{seq}", seq.ToString("0000", CultureInfo.InvariantCulture), StringComparison.Ordinal),
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
                Issuer = template.Issuer,
                DocNumber = doc.Number,
                Title = Fill(template.Title),
                Recipient = template.Recipient is null ? null : Fill(template.Recipient),
                Body = Fill(template.Body).Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList(),
                Signature = template.Signature,
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
            ["调解协议内容"] = After(CaseEventKind.Agreement, "生效（人民调解法 第二十九条）："),
            ["协议签署日期"] = Labels.Date(c.ClosedOn),
            ["处理结果"] = c.ResultName ?? "",
            ["结果摘要"] = closing.Contains('。', StringComparison.Ordinal) ? closing[(closing.IndexOf('。', StringComparison.Ordinal) + 1)..] : "",
            ["异议审查期限"] = Days(RuleKeys.Objection),
        };
    }
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
                Issuer = DocumentService.DefaultIssuer, Signature = DocumentService.DefaultIssuer,
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
