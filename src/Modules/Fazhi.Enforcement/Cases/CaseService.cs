using System.Text.Json;
using Fazhi.Enforcement.Data;
using Fazhi.Enforcement.Discretion;
using Fazhi.Enforcement.Publicity;
using Fazhi.Enforcement.Registry;
using Fazhi.Platform.Features.Attachments;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Identifiers;
using Fazhi.Platform.Features.PersonalData;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Enforcement.Cases;

internal sealed record PartyInput(PartyKind Kind, string Name, string? IdNumber, string? CreditCode);

internal sealed record OpenCaseInput(Guid? BodyId, Guid MatterId, PartyInput Party, string Summary, DateOnly? OpenedOn, IReadOnlyList<Guid> OfficerIds);

internal sealed record OnTheSpotInput(Guid? BodyId, Guid MatterId, PartyInput Party, string Summary, decimal FineAmount, string? PenaltyText, string? DecisionNumber,
    DateOnly? DecidedOn, IReadOnlyList<Guid> OfficerIds);

/// <summary>An audio/video recording reference (执法记录仪 file id, storage location) with its hash when known.</summary>
internal sealed record RecordingRef(string Kind, string Reference, string? Sm3);

internal sealed record StepInput(string Summary, DateOnly? OnDate, IReadOnlyList<Guid>? AttachmentIds, IReadOnlyList<RecordingRef>? Recordings);

internal sealed record ProposeInput(DiscretionFacts Facts, DiscretionTier? ProposedTier, decimal? FineAmount, string? PenaltyText, string? WrittenReason,
    bool IsMajor, bool IsSerious, bool OfferHearing);

internal sealed record DateInput(DateOnly? OnDate, string? Summary);

internal sealed record HearingInput(DateOnly NoticeOn, DateOnly HeldOn, string Summary);

internal sealed record ExtensionInput(int Days, string Reason, string ApprovedBy);

internal sealed record CollectiveInput(DateOnly OnDate, string Participants, string Conclusion);

internal sealed record DecideInput(DateOnly? DecidedOn, string? DecisionNumber);

internal sealed record OpinionInput(ReviewOpinion Opinion, string Reason);

internal sealed record CaseRulesInput(Guid? OrgUnitId, long Version, decimal LargeFinePerson, decimal LargeFineOrganisation, int HearingRequestWorkingDays,
    int HearingNoticeWorkingDays, int DecisionCalendarDays, int ServiceWorkingDays, int PaymentCalendarDays, decimal SurchargePercentPerDay,
    decimal OnTheSpotPersonMax, decimal OnTheSpotOrganisationMax, int PublicationWorkingDays, int WarnDaysBeforeDecisionDeadline, int MinimumOfficers);

internal sealed record EvidenceItem(string Type, string Reference, string FileName, string Sm3);

/// <summary>
/// The penalty procedure (行政处罚法 第五章): every action checks its statutory precondition, records a hashed step
/// (全过程记录) and writes the platform audit trail, all in one transaction. Refusals throw <see cref="RefusalException"/>
/// before anything is saved.
/// </summary>
internal sealed class CaseService(EnforcementDb db, BenchmarkService benchmarks, IDeadlineService deadlines, ICurrentUser current, IAttachmentStore attachments, TimeProvider clock,
    INumberSequence numbers, ICreditCodeCheck creditCodes)
{
    public const string AttachmentOwner = "enforcement.case";

    /// <summary>Case numbers, per body (its unit) and year; the default keeps the numbers issued before: <c>370400-SJJ-2026-000001</c>.</summary>
    public static readonly NumberSequenceDefinition CaseNumbers = new("enforcement.case", "行政处罚案件编号", "{unit}-{year}-{seq:000000}");

    /// <summary>行政处罚决定书文号 (GB/T 9704-2012 §7.3.3), per body and year: <c>枣市监罚〔2026〕12号</c> once the body's abbreviation is set.</summary>
    public static readonly NumberSequenceDefinition DecisionNumbers = new("enforcement.decision", "行政处罚决定书文号", "{prefix}罚〔{year}〕{seq}号");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static readonly CaseStage[] Undecided = CaseActions.Undecided;

    public static readonly CaseStage[] DecidedStages = CaseActions.DecidedStages;

    /// <summary>The rules row for a body's unit, else the default row, else the statutory defaults.</summary>
    public async Task<CaseRulesProfile> RulesAsync(Guid orgUnitId, CancellationToken ct)
    {
        var rows = await db.CaseRules.AsNoTracking().Where(r => r.OrgUnitId == orgUnitId || r.OrgUnitId == null).ToListAsync(ct);
        return rows.FirstOrDefault(r => r.OrgUnitId == orgUnitId) ?? rows.FirstOrDefault() ?? new CaseRulesProfile();
    }

    /// <summary>Creates or changes the rules row of an authority (or the default row when <paramref name="input"/> has no unit).</summary>
    public async Task<CaseRulesProfile> SaveRulesAsync(CaseRulesInput input, CancellationToken ct)
    {
        if (input.LargeFinePerson <= 0 || input.LargeFineOrganisation <= 0 || input.OnTheSpotPersonMax < 0 || input.OnTheSpotOrganisationMax < 0
            || input.SurchargePercentPerDay is < 0 or > 100 || input.DecisionCalendarDays < 1 || input.HearingRequestWorkingDays < 1 || input.HearingNoticeWorkingDays < 1
            || input.ServiceWorkingDays < 1 || input.PaymentCalendarDays < 1 || input.PublicationWorkingDays < 1 || input.MinimumOfficers < 1)
        {
            throw Refuse.Field("rules", "参数无效：金额须为正数，天数和人数至少为 1，加处罚款比例在 0 至 100 之间（行政处罚法第五十一条、第六十条、第六十三条、第六十四条、第七十二条）。");
        }
        var row = await db.CaseRules.FirstOrDefaultAsync(r => r.OrgUnitId == input.OrgUnitId, ct);
        if (row is null)
        {
            row = new CaseRulesProfile { OrgUnitId = input.OrgUnitId };
            db.CaseRules.Add(row);
        }
        else
        {
            db.Entry(row).Property(r => r.Version).OriginalValue = input.Version;
        }
        row.LargeFinePerson = input.LargeFinePerson;
        row.LargeFineOrganisation = input.LargeFineOrganisation;
        row.HearingRequestWorkingDays = input.HearingRequestWorkingDays;
        row.HearingNoticeWorkingDays = input.HearingNoticeWorkingDays;
        row.DecisionCalendarDays = input.DecisionCalendarDays;
        row.ServiceWorkingDays = input.ServiceWorkingDays;
        row.PaymentCalendarDays = input.PaymentCalendarDays;
        row.SurchargePercentPerDay = input.SurchargePercentPerDay;
        row.OnTheSpotPersonMax = input.OnTheSpotPersonMax;
        row.OnTheSpotOrganisationMax = input.OnTheSpotOrganisationMax;
        row.PublicationWorkingDays = input.PublicationWorkingDays;
        row.WarnDaysBeforeDecisionDeadline = input.WarnDaysBeforeDecisionDeadline;
        row.MinimumOfficers = input.MinimumOfficers;
        await db.SaveChangesAsync(ct);
        return row;
    }

    public Task<PenaltyCase?> GetAsync(Guid id, CancellationToken ct) => db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);

    /// <summary>The case's published decision (also when withdrawn), or null. Read after the case itself (scope checked there).</summary>
    public Task<PublishedDecision?> PublicationAsync(Guid caseId, CancellationToken ct) =>
        db.PublishedDecisions.AsNoTracking().FirstOrDefaultAsync(p => p.CaseId == caseId, ct);

    public Task<List<CaseStep>> StepsAsync(Guid id, CancellationToken ct) => db.CaseSteps.AsNoTracking().Where(s => s.CaseId == id).OrderBy(s => s.Seq).ToListAsync(ct);

    public Task<List<CaseOfficer>> OfficersAsync(Guid id, CancellationToken ct) => db.CaseOfficers.AsNoTracking().Where(o => o.CaseId == id).OrderBy(o => o.Name).ToListAsync(ct);

    public Task<List<LegalReview>> ReviewsAsync(Guid id, CancellationToken ct) => db.LegalReviews.AsNoTracking().Where(r => r.CaseId == id).OrderBy(r => r.Id).ToListAsync(ct);

    public async Task<List<PenaltyCase>> ListAsync(string? q, CaseStage? stage, int skip, int take, CancellationToken ct) =>
        await Filter(q, stage).OrderByDescending(c => c.Id).Skip(skip).Take(take).ToListAsync(ct);

    /// <summary>One page (from 1) of the cases in scope matching <paramref name="q"/> and <paramref name="stage"/>, with the total.</summary>
    public async Task<Paged<PenaltyCase>> PageAsync(string? q, CaseStage? stage, int page, int pageSize, CancellationToken ct)
    {
        var query = Filter(q, stage);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(c => c.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<PenaltyCase>(rows, total, page, pageSize);
    }

    private IQueryable<PenaltyCase> Filter(string? q, CaseStage? stage)
    {
        var query = db.Cases.AsNoTracking();
        if (stage is { } s)
        {
            query = query.Where(c => c.Stage == s);
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(c => c.Number.Contains(term) || c.PartyName.Contains(term) || c.MatterName.Contains(term));
        }
        return query;
    }

    private async Task<EnforcementBody> BodyForAsync(Guid? bodyId, CancellationToken ct)
    {
        if (bodyId is { } id)
        {
            return await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id && b.Active, ct)
                ?? throw Refuse.Field("bodyId", "执法主体不存在或已停用。");
        }
        var unit = current.OrgUnitId;
        return await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.OrgUnitId == unit && b.Active, ct)
            ?? throw Refuse.Field("bodyId", "您所在单位未登记为执法主体，请选择执法主体。");
    }

    /// <summary>Checks the party; returns the override note when the credit code passed through a confirmed reviewed override (issue 12).</summary>
    private async Task<string?> ValidatePartyAsync(PartyInput party, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(TextRules.Clean(party.Name)))
        {
            throw Refuse.Field("party.name", "请填写当事人姓名或名称。");
        }
        var checks = new FieldChecks();
        TextRules.Required(checks, "party.name", "当事人姓名或名称", party.Name, 128);
        checks.ThrowIfAny();
        if (party.Kind == PartyKind.Person)
        {
            var check = ResidentIdNumber.Validate(party.IdNumber);
            if (!check.IsValid)
            {
                throw Refuse.Field("party.idNumber", "公民身份号码无效：" + check.Message);
            }
        }
        else
        {
            var check = await creditCodes.CheckAsync(party.CreditCode, ct);
            if (!check.IsValid)
            {
                throw Refuse.Field("party.creditCode", "统一社会信用代码无效：" + check.Message);
            }
            return check.AcceptedByOverride ? $"统一社会信用代码 {check.Normalized} {check.Message}" : null;
        }
        return null;
    }

    /// <summary>行政处罚法 第四十二条: 执法人员不得少于两人，且具有行政执法资格 (valid certificate covering the matter).</summary>
    private async Task<List<EnforcementOfficer>> EligibleOfficersAsync(EnforcementBody body, EnforcementMatter matter, IReadOnlyList<Guid> ids, CaseRulesProfile rules, CancellationToken ct)
    {
        var distinct = (ids ?? []).Distinct().ToList();
        var officers = await db.Officers.AsNoTracking().Where(o => distinct.Contains(o.Id)).ToListAsync(ct);
        if (officers.Count != distinct.Count)
        {
            throw Refuse.Field("officerIds", "所选执法人员不存在或不在您的管理范围内。");
        }
        var today = deadlines.Today;
        foreach (var o in officers)
        {
            if (o.IneligibleReason(today) is { } reason)
            {
                throw Refuse.Field("officerIds", reason);
            }
            if (o.BodyId != body.Id)
            {
                throw Refuse.Field("officerIds", $"执法人员 {o.Name} 不属于 {body.Name}。");
            }
            if (!o.Covers(matter.Code, matter.Kind.ToString()))
            {
                throw Refuse.Field("officerIds", $"执法人员 {o.Name} 的执法证件范围（{o.Scope}）不含事项 {matter.Code}。");
            }
        }
        if (officers.Count < rules.MinimumOfficers)
        {
            throw Refuse.Field("officerIds", $"执法人员不得少于 {rules.MinimumOfficers} 人，且须持有有效执法证件（行政处罚法第四十二条）。");
        }
        return officers;
    }

    /// <summary>Takes the case number in the case's own transaction: two officers opening cases at once get two numbers.</summary>
    private async Task<string> NextNumberAsync(EnforcementBody body, DateOnly day, CancellationToken ct) =>
        (await numbers.NextAsync(db, CaseNumbers.Key, new NumberScope(day.Year, body.OrgUnitId, body.OrgCode, body.Name), ct)).Number;

    /// <summary>A 文号 typed by hand must be well formed; blank means the body's next number (taken in the transaction).</summary>
    private static string? TypedDecisionNumber(string? typed, string label)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }
        var check = DocumentNumber.Validate(typed, label);
        return check.Normalized ?? throw Refuse.Field("decisionNumber", check.Message!);
    }

    /// <summary>
    /// The decision's 文号, unique within the body: the typed one when no other case of the body has it, else the body's next
    /// unused number. Inside the transaction, after the body's lock, so two decisions cannot take one number.
    /// </summary>
    private async Task<string> DecisionNumberAsync(PenaltyCase c, EnforcementBody body, string? typed, DateOnly day, CancellationToken ct)
    {
        await db.LockForDecisionAsync("enforcement.decision-number:" + body.Id, ct);
        Task<bool> InUseAsync(string number) =>
            db.Cases.IgnoreQueryFilters().AnyAsync(x => x.BodyId == body.Id && x.DecisionNumber == number && x.Id != c.Id, ct);
        if (typed is not null)
        {
            if (await InUseAsync(typed))
            {
                throw Refuse.Field("decisionNumber", $"文号“{typed}”已被{body.Name}的其他案件使用，同一机关的文号不能重复。");
            }
            return typed;
        }
        return (await numbers.NextUnusedAsync(db, DecisionNumbers.Key, new NumberScope(day.Year, body.OrgUnitId, body.OrgCode, body.Name), InUseAsync, ct)).Number;
    }

    /// <summary>The number the decision form suggests (not taken: the decision takes it, or the next free one).</summary>
    public async Task<string> SuggestedDecisionNumberAsync(PenaltyCase c, CancellationToken ct)
    {
        var body = await db.Bodies.AsNoTracking().FirstAsync(b => b.Id == c.BodyId, ct);
        return await numbers.PeekAsync(db, DecisionNumbers.Key, new NumberScope(deadlines.Today.Year, body.OrgUnitId, body.OrgCode, body.Name), ct);
    }

    public async Task<PenaltyCase> OpenAsync(OpenCaseInput input, CancellationToken ct)
    {
        var body = await BodyForAsync(input.BodyId, ct);
        var matter = await benchmarks.MatterAsync(input.MatterId, ct) ?? throw Refuse.Field("matterId", "请选择执法事项。");
        var codeNote = await ValidatePartyAsync(input.Party, ct);
        FactDate("openedOn", "立案日期", input.OpenedOn);
        var opened = input.OpenedOn ?? deadlines.Today;
        var rules = await RulesAsync(body.OrgUnitId, ct);
        var officers = await EligibleOfficersAsync(body, matter, input.OfficerIds, rules, ct);
        var c = NewCase(body, matter, input.Party, input.Summary);
        c.OpenedOn = opened;
        c.Stage = CaseStage.Opened;
        // 行政处罚法 第六十条: 自立案之日起九十日内作出决定.
        c.DecisionDueOn = (await deadlines.AddCalendarDaysAsync(opened, rules.DecisionCalendarDays, ct)).Date;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        c.Number = await NextNumberAsync(body, opened, ct);
        db.Cases.Add(c);
        AddOfficers(c, officers);
        await StepAsync(c, "open", opened, $"立案：{matter.Name}；当事人 {PartyDisplay(c)}；执法人员 {string.Join("、", officers.Select(o => $"{o.Name}（{o.CertificateNumber}）"))}；{codeNote}{(codeNote is null ? "" : "；")}{input.Summary}".Trim('；'), [], ct);
        await SaveAsync(tx, ct);
        return c;
    }

    /// <summary>行政处罚法 第五十一条: 违法事实确凿并有法定依据，对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款或者警告的，可以当场作出.</summary>
    public async Task<PenaltyCase> OnTheSpotAsync(OnTheSpotInput input, CancellationToken ct)
    {
        var body = await BodyForAsync(input.BodyId, ct);
        var matter = await benchmarks.MatterAsync(input.MatterId, ct) ?? throw Refuse.Field("matterId", "请选择执法事项。");
        var codeNote = await ValidatePartyAsync(input.Party, ct);
        var rules = await RulesAsync(body.OrgUnitId, ct);
        var cap = input.Party.Kind == PartyKind.Person ? rules.OnTheSpotPersonMax : rules.OnTheSpotOrganisationMax;
        FactDate("decidedOn", "决定日期", input.DecidedOn);
        Amount("fineAmount", "罚款金额", input.FineAmount);
        if (input.FineAmount > cap)
        {
            var who = input.Party.Kind == PartyKind.Person ? "公民" : "法人或者其他组织";
            throw Refuse.Field("fineAmount", $"当场处罚对{who}的罚款不得超过 {cap:0.##} 元（行政处罚法第五十一条），{input.FineAmount:0.##} 元须按普通程序立案办理。");
        }
        var typedNumber = TypedDecisionNumber(input.DecisionNumber, "当场处罚决定书文号");
        var officers = await EligibleOfficersAsync(body, matter, input.OfficerIds, rules, ct);
        var day = input.DecidedOn ?? deadlines.Today;
        var c = NewCase(body, matter, input.Party, input.Summary);
        c.OnTheSpot = true;
        c.OpenedOn = day;
        c.DecisionDueOn = day;
        c.FineAmount = input.FineAmount;
        c.PenaltyText = string.IsNullOrWhiteSpace(input.PenaltyText) ? (input.FineAmount > 0 ? $"罚款 {input.FineAmount:0.##} 元" : "警告") : input.PenaltyText.Trim();
        c.DecidedOn = day;
        // 第五十二条: 当场交付当事人.
        c.ServedOn = day;
        c.Stage = CaseStage.Served;
        c.PaymentDueOn = input.FineAmount > 0 ? (await deadlines.AddCalendarDaysAsync(day, rules.PaymentCalendarDays, ct)).Date : null;
        c.PublicationDueOn = (await deadlines.AddWorkingDaysAsync(day, rules.PublicationWorkingDays, ct)).Date;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        c.Number = await NextNumberAsync(body, day, ct);
        // 第五十二条: 当场处罚决定书 with its number, unique within the body like any 文号.
        c.DecisionNumber = await DecisionNumberAsync(c, body, typedNumber, day, ct);
        db.Cases.Add(c);
        AddOfficers(c, officers);
        await StepAsync(c, "on-the-spot", day, $"当场处罚决定 {c.DecisionNumber}：{c.PenaltyText}；当事人 {PartyDisplay(c)}；当场交付（行政处罚法第五十一条、第五十二条）{(codeNote is null ? "" : "；" + codeNote)}", [], ct);
        await SaveAsync(tx, ct);
        return c;
    }

    private PenaltyCase NewCase(EnforcementBody body, EnforcementMatter matter, PartyInput party, string summary) => new()
    {
        OrgUnitId = body.OrgUnitId,
        BodyId = body.Id,
        MatterId = matter.Id,
        MatterName = matter.Name,
        PartyKind = party.Kind,
        PartyName = TextRules.Clean(party.Name) ?? "",
        PartyIdNumber = party.Kind == PartyKind.Person ? SensitiveText.IdNumber(party.IdNumber!) : null,
        PartyCreditCode = party.Kind == PartyKind.Organisation ? UnifiedSocialCreditCode.Validate(party.CreditCode).Normalized : null,
        Summary = (summary ?? "").Trim(),
    };

    private void AddOfficers(PenaltyCase c, IEnumerable<EnforcementOfficer> officers)
    {
        foreach (var o in officers)
        {
            db.CaseOfficers.Add(new CaseOfficer { OrgUnitId = c.OrgUnitId, CaseId = c.Id, OfficerId = o.Id, Name = o.Name, CertificateNumber = o.CertificateNumber });
        }
    }

    /// <summary>Masked for public pages and lists: a person's name keeps its first character (张**); an organisation's name is kept.</summary>
    public static string PartyDisplay(PenaltyCase c) => c.PartyKind == PartyKind.Person ? MaskName(c.PartyName) : c.PartyName;

    public static string MaskName(string name)
    {
        var t = name.Trim();
        return t.Length <= 1 ? "*" : t[..1] + new string('*', Math.Min(t.Length - 1, 3));
    }

    private async Task<PenaltyCase> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Cases.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw Refuse.NotFound("案件不存在或不在您的数据范围内。");

    /// <summary>Refuses an action the case does not have open now, with the case's reason.</summary>
    private static void Require(PenaltyCase c, CaseAction action)
    {
        if (c.State(action) is { Open: false, WhyNot: var why })
        {
            throw Refuse.Field("stage", why ?? "");
        }
    }

    /// <summary>The largest amount (fine, illegal gains) the forms accept, in yuan: 1,000 亿元, above any fine ever imposed.</summary>
    public const decimal MaxAmount = 100_000_000_000m;

    /// <summary>A date of a fact (the act, the opening, the decision, the receipt): plausible (1900-2100) and not after today.</summary>
    private void FactDate(string field, string label, DateOnly? date)
    {
        var checks = new FieldChecks();
        DateRules.Check(checks, field, label, date, deadlines.Today);
        checks.ThrowIfAny();
    }

    /// <summary>A date that may lie ahead (a planned decision date, a hearing): plausible (1900-2100) only.</summary>
    private static void PlausibleDate(string field, string label, DateOnly? date)
    {
        var checks = new FieldChecks();
        DateRules.Check(checks, field, label, date);
        checks.ThrowIfAny();
    }

    /// <summary>An amount in yuan: not negative, at most <see cref="MaxAmount"/>.</summary>
    private static void Amount(string field, string label, decimal? value)
    {
        var checks = new FieldChecks();
        NumberRules.Quantity(checks, field, label, value, MaxAmount);
        checks.ThrowIfAny();
    }

    /// <summary>调查取证 or any other recorded step with evidence (attachments of this case, recording references).</summary>
    public async Task<PenaltyCase> InvestigateAsync(Guid id, StepInput input, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        Require(c, CaseAction.Investigate);
        FactDate("onDate", "调查取证日期", input.OnDate);
        if (string.IsNullOrWhiteSpace(input.Summary))
        {
            throw Refuse.Field("summary", "请填写调查取证情况。");
        }
        var evidence = await EvidenceAsync(c, input, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        c.Stage = c.Stage == CaseStage.Opened ? CaseStage.Investigating : c.Stage;
        await StepAsync(c, "investigate", input.OnDate ?? deadlines.Today, input.Summary.Trim(), evidence, ct);
        await SaveAsync(tx, ct);
        return c;
    }

    private async Task<List<EvidenceItem>> EvidenceAsync(PenaltyCase c, StepInput input, CancellationToken ct)
    {
        var items = new List<EvidenceItem>();
        foreach (var aid in input.AttachmentIds ?? [])
        {
            var a = await attachments.GetAsync(aid, ct);
            if (a is null || a.OwnerType != AttachmentOwner || a.OwnerId != c.Id.ToString())
            {
                throw Refuse.Field("attachmentIds", "所附证据文件不存在或不属于本案。");
            }
            items.Add(new("file", a.Id.ToString(), a.FileName, a.Sm3));
        }
        foreach (var r in input.Recordings ?? [])
        {
            if (string.IsNullOrWhiteSpace(r.Reference))
            {
                throw Refuse.Field("recordings", "音像记录须填写存储位置或编号。");
            }
            items.Add(new(r.Kind is "audio" or "video" ? r.Kind : "recording", r.Reference.Trim(), "", (r.Sm3 ?? "").Trim()));
        }
        return items;
    }

    /// <summary>Uploads one evidence file (platform attachment store: allow-list, SM3) and records it as a step.</summary>
    public async Task<(PenaltyCase? Case, string? Refusal)> AddEvidenceFileAsync(Guid id, Stream content, string fileName, string summary, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        var saved = await attachments.SaveAsync(content, fileName, c.OrgUnitId, AttachmentOwner, c.Id.ToString(), ct);
        if (!saved.Ok)
        {
            return (null, saved.Refusal);
        }
        var a = saved.Saved!;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await StepAsync(c, "evidence", deadlines.Today, string.IsNullOrWhiteSpace(summary) ? $"证据：{a.FileName}" : summary.Trim(), [new("file", a.Id.ToString(), a.FileName, a.Sm3)], ct);
        await SaveAsync(tx, ct);
        return (c, null);
    }

    /// <summary>山东省: 作出不予处罚、减轻处罚决定前，应当责令当事人改正并记录在案 (行政处罚法 第二十八条: 责令改正).</summary>
    public async Task<PenaltyCase> OrderToCorrectAsync(Guid id, DateInput input, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        Require(c, CaseAction.OrderToCorrect);
        FactDate("onDate", "责令改正日期", input.OnDate);
        var day = input.OnDate ?? deadlines.Today;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        c.OrderToCorrectOn = day;
        await StepAsync(c, "order-to-correct", day, "责令改正：" + (input.Summary ?? "").Trim(), [], ct);
        await SaveAsync(tx, ct);
        return c;
    }

    /// <summary>The proposed decision with the discretion engine's advice; deviations need a written reason and are flagged.</summary>
    public async Task<(PenaltyCase Case, DiscretionResult Result)> ProposeAsync(Guid id, ProposeInput input, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        Require(c, CaseAction.Propose);
        Amount("fineAmount", "罚款金额", input.FineAmount);
        Amount("facts.illegalGains", "违法所得", input.Facts.IllegalGains);
        if (input.Facts.PartyAge is < 0 or > 150)
        {
            throw Refuse.Field("facts.partyAge", "当事人年龄须在 0 至 150 岁之间。");
        }
        var facts = input.Facts with
        {
            DecisionDate = input.Facts.DecisionDate == default ? deadlines.Today : input.Facts.DecisionDate,
            DiscoveredOn = input.Facts.DiscoveredOn ?? c.OpenedOn,
            PartyAge = c.PartyKind == PartyKind.Organisation ? null : input.Facts.PartyAge,
            OrderToCorrectRecorded = c.OrderToCorrectOn is not null,
            ProposedTier = input.ProposedTier,
            ProposedAmount = input.FineAmount,
            WrittenReason = input.WrittenReason,
        };
        if (facts.ActDate == default)
        {
            throw Refuse.Field("facts.actDate", "请填写违法行为发生日期。");
        }
        FactDate("facts.actDate", "违法行为发生日期", facts.ActDate);
        FactDate("facts.actEndDate", "违法行为终了日期", facts.ActEndDate);
        FactDate("facts.discoveredOn", "发现日期", facts.DiscoveredOn);
        PlausibleDate("facts.decisionDate", "拟决定日期", facts.DecisionDate);
        var (benchmark, result) = await benchmarks.ApplicableAsync(c.MatterId, facts, ct)
            ?? throw Refuse.Field("matterId", "该执法事项在违法行为发生时和拟决定日期均没有生效的裁量基准。");
        if (result.TimeBarred)
        {
            throw Refuse.Field("facts.actDate", "已超过追责期限，不再给予行政处罚（行政处罚法第三十六条）。");
        }
        if (!result.CanDecide)
        {
            throw Refuse.Field("facts", string.Join(" ", result.BlockingRequirements));
        }
        var rules = await RulesAsync(c.OrgUnitId, ct);
        var large = input.FineAmount is { } amount && rules.IsLargeFine(c.PartyKind, amount);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        c.FactsJson = JsonSerializer.Serialize(facts, Json);
        c.BenchmarkId = benchmark.Id;
        c.BenchmarkNumber = benchmark.Number;
        c.EngineTier = result.Tier;
        c.EngineRangeText = result.Range?.Text ?? "";
        c.EngineRulesJson = JsonSerializer.Serialize(result.Rules, Json);
        c.ProposedTier = input.ProposedTier ?? result.Tier;
        c.FineAmount = input.FineAmount;
        // A blank field (the page sends "") means: describe the penalty from the fine, or the tier when there is none.
        c.PenaltyText = string.IsNullOrWhiteSpace(input.PenaltyText)
            ? (input.FineAmount > 0 ? $"罚款 {input.FineAmount:0.##} 元" : DiscretionEngine.TierName(c.ProposedTier!.Value))
            : input.PenaltyText.Trim();
        c.WrittenReason = (input.WrittenReason ?? "").Trim();
        c.SupervisionFlag = result.SupervisionFlags.Count > 0;
        c.SupervisionNotes = string.Join("\n", result.SupervisionFlags);
        // 第五十八条: 重大执法决定须法制审核; a large fine (第六十三条) is treated as major as well.
        c.IsMajor = input.IsMajor || large;
        c.IsSerious = input.IsSerious;
        c.HearingOffered = input.OfferHearing || large;
        c.Stage = CaseStage.Proposed;
        var tierText = c.ProposedTier is { } pt ? DiscretionEngine.TierName(pt) : "";
        await StepAsync(c, "propose", facts.DecisionDate,
            $"拟处罚意见：{tierText}，{c.PenaltyText}；裁量建议：{(result.Tier is { } t ? DiscretionEngine.TierName(t) : "")}（{c.EngineRangeText}，基准第 {benchmark.Number} 版）"
            + (c.SupervisionFlag ? $"；偏离说明：{c.WrittenReason}" : ""), [], ct);
        await SaveAsync(tx, ct);
        return (c, result);
    }

    /// <summary>行政处罚法 第四十四条、第六十二条、第六十三条: 告知拟处罚内容及陈述、申辩（和听证）权利.</summary>
    public async Task<PenaltyCase> NotifyAsync(Guid id, DateInput input, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        Require(c, CaseAction.Notify);
        FactDate("onDate", "告知日期", input.OnDate);
        var rules = await RulesAsync(c.OrgUnitId, ct);
        var day = input.OnDate ?? deadlines.Today;
        if (day < c.OpenedOn || day > deadlines.Today)
        {
            throw Refuse.Field("onDate", $"告知日期须在立案日期（{c.OpenedOn:yyyy-MM-dd}）之后且不晚于今天。");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        c.NotifiedOn = day;
        // 第六十四条第一项: 当事人要求听证的，应当在行政机关告知后五日内提出 (第八十五条: 工作日).
        c.HearingRequestDueOn = c.HearingOffered ? (await deadlines.AddWorkingDaysAsync(day, rules.HearingRequestWorkingDays, ct)).Date : null;
        c.Stage = CaseStage.Notified;
        await StepAsync(c, "notify", day, c.HearingOffered
            ? $"送达行政处罚事先告知书（含听证权利），听证申请期限至 {c.HearingRequestDueOn:yyyy-MM-dd}（行政处罚法第六十三条、第六十四条）"
            : "送达行政处罚事先告知书（陈述、申辩权利，行政处罚法第四十四条）", [], ct);
        await SaveAsync(tx, ct);
        return c;
    }

    public async Task<PenaltyCase> RequestHearingAsync(Guid id, DateInput input, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        Require(c, CaseAction.RequestHearing);
        FactDate("onDate", "听证申请日期", input.OnDate);
        var day = input.OnDate ?? deadlines.Today;
        if (day > c.HearingRequestDueOn)
        {
            throw Refuse.Field("onDate", $"听证申请应在告知后 5 个工作日内（{c.HearingRequestDueOn:yyyy-MM-dd} 前）提出，已逾期（行政处罚法第六十四条第一项）。");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        c.HearingRequestedOn = day;
        c.Stage = CaseStage.Hearing;
        await StepAsync(c, "hearing-request", day, "当事人申请听证。" + (input.Summary ?? ""), [], ct);
        await SaveAsync(tx, ct);
        return c;
    }

    /// <summary>第六十四条第二项: 在举行听证的七日前，通知当事人 (working days, 第八十五条).</summary>
    public async Task<PenaltyCase> HearingAsync(Guid id, HearingInput input, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        Require(c, CaseAction.Hearing);
        PlausibleDate("noticeOn", "听证通知日期", input.NoticeOn);
        PlausibleDate("heldOn", "听证日期", input.HeldOn);
        var rules = await RulesAsync(c.OrgUnitId, ct);
        var earliest = (await deadlines.AddWorkingDaysAsync(input.NoticeOn, rules.HearingNoticeWorkingDays, ct)).Date;
        if (input.HeldOn < earliest)
        {
            throw Refuse.Field("heldOn", $"听证通知须在举行听证的 {rules.HearingNoticeWorkingDays} 个工作日前送达；{input.NoticeOn:yyyy-MM-dd} 通知的，最早 {earliest:yyyy-MM-dd} 举行（行政处罚法第六十四条第二项）。");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        c.HearingNoticeOn = input.NoticeOn;
        c.HearingHeldOn = input.HeldOn;
        await StepAsync(c, "hearing", input.HeldOn, $"听证（{input.NoticeOn:yyyy-MM-dd} 通知）：{input.Summary}", [], ct);
        await SaveAsync(tx, ct);
        return c;
    }

    /// <summary>行政处罚法 第五十八条: 重大执法决定在作出决定前，应当进行法制审核.</summary>
    public async Task<LegalReview> RequestReviewAsync(Guid id, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        Require(c, CaseAction.RequestReview);
        if (await db.LegalReviews.AnyAsync(r => r.CaseId == c.Id && r.Opinion == ReviewOpinion.Pending, ct))
        {
            throw Refuse.Field("stage", "本案已有待审核的法制审核申请。");
        }
        var review = new LegalReview { OrgUnitId = c.OrgUnitId, CaseId = c.Id, RequestedAtUtc = Now(), RequestedBy = current.UserName ?? "" };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.LegalReviews.Add(review);
        c.Stage = CaseStage.LegalReview;
        await StepAsync(c, "legal-review-request", deadlines.Today, "提请法制审核（行政处罚法第五十八条）。", [], ct);
        await SaveAsync(tx, ct);
        return review;
    }

    public Task<List<LegalReview>> ReviewQueueAsync(CancellationToken ct) =>
        db.LegalReviews.AsNoTracking().Where(r => r.Opinion == ReviewOpinion.Pending).OrderBy(r => r.Id).ToListAsync(ct);

    /// <summary>A reviewer's opinion: pass lets the decision be issued; revise or fail sends the case back to investigation.</summary>
    public async Task<LegalReview> ReviewAsync(Guid reviewId, OpinionInput input, CancellationToken ct)
    {
        var review = await db.LegalReviews.FirstOrDefaultAsync(r => r.Id == reviewId, ct) ?? throw Refuse.NotFound("案件不存在或不在您的数据范围内。");
        if (review.Opinion != ReviewOpinion.Pending)
        {
            throw Refuse.Field("opinion", "该审核已出具意见。");
        }
        if (input.Opinion == ReviewOpinion.Pending)
        {
            throw Refuse.Field("opinion", "请选择审核意见：通过、修改或不通过。");
        }
        if (string.IsNullOrWhiteSpace(input.Reason))
        {
            throw Refuse.Field("reason", "请填写审核理由。");
        }
        var c = await LoadAsync(review.CaseId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        review.Opinion = input.Opinion;
        review.Reason = input.Reason.Trim();
        review.Reviewer = current.UserName ?? "";
        review.DecidedAtUtc = Now();
        if (input.Opinion != ReviewOpinion.Pass)
        {
            c.Stage = CaseStage.Investigating;
        }
        else
        {
            c.LegalReviewPassed = true;
        }
        await StepAsync(c, "legal-review-opinion", deadlines.Today, $"法制审核意见：{OpinionName(input.Opinion)}；理由：{review.Reason}", [], ct);
        await SaveAsync(tx, ct);
        return review;
    }

    /// <summary>行政处罚法 第五十七条第二款: 对情节复杂或者重大违法行为给予行政处罚，行政机关负责人应当集体讨论决定.</summary>
    public async Task<PenaltyCase> CollectiveAsync(Guid id, CollectiveInput input, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        Require(c, CaseAction.Collective);
        PlausibleDate("onDate", "集体讨论日期", input.OnDate);
        if (string.IsNullOrWhiteSpace(input.Participants) || string.IsNullOrWhiteSpace(input.Conclusion))
        {
            throw Refuse.Field("participants", "请填写参加集体讨论的负责人和讨论结论。");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        c.CollectiveDecisionOn = input.OnDate;
        await StepAsync(c, "collective", input.OnDate, $"负责人集体讨论（{input.Participants.Trim()}）：{input.Conclusion.Trim()}", [], ct);
        await SaveAsync(tx, ct);
        return c;
    }

    /// <summary>行政处罚法 第六十条: 法律、法规、规章另有规定的，从其规定 — an extension is recorded with its reason and approver.</summary>
    public async Task<PenaltyCase> ExtendAsync(Guid id, ExtensionInput input, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        Require(c, CaseAction.Extend);
        if (input.Days is < 1 or > 365 || string.IsNullOrWhiteSpace(input.Reason) || string.IsNullOrWhiteSpace(input.ApprovedBy))
        {
            throw Refuse.Field("days", "延期须填写天数（1-365）、理由和批准人（行政处罚法第六十条）。");
        }
        var rules = await RulesAsync(c.OrgUnitId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        c.ExtensionDays += input.Days;
        c.DecisionDueOn = (await deadlines.AddCalendarDaysAsync(c.OpenedOn, rules.DecisionCalendarDays + c.ExtensionDays, ct)).Date;
        await StepAsync(c, "extend", deadlines.Today, $"延长办案期限 {input.Days} 日至 {c.DecisionDueOn:yyyy-MM-dd}；理由：{input.Reason.Trim()}；批准：{input.ApprovedBy.Trim()}", [], ct);
        await SaveAsync(tx, ct);
        return c;
    }

    public async Task<PenaltyCase> DecideAsync(Guid id, DecideInput input, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        // 第六十二条: 未告知拟处罚内容及权利的，不得作出行政处罚决定.
        Require(c, CaseAction.Decide);
        FactDate("decidedOn", "决定日期", input.DecidedOn);
        var day = input.DecidedOn ?? deadlines.Today;
        if (day < (c.NotifiedOn ?? c.OpenedOn) || day > deadlines.Today)
        {
            throw Refuse.Field("decidedOn", $"决定日期须在告知日期（{c.NotifiedOn:yyyy-MM-dd}）之后且不晚于今天。");
        }
        var typedNumber = TypedDecisionNumber(input.DecisionNumber, "行政处罚决定书文号");
        if (day > c.DecisionDueOn)
        {
            throw Refuse.Field("decidedOn", $"已超过办案期限（{c.DecisionDueOn:yyyy-MM-dd}，自立案之日起 90 日{(c.ExtensionDays > 0 ? $"并延期 {c.ExtensionDays} 日" : "")}），且无延期记录，不能作出决定（行政处罚法第六十条）。");
        }
        if (c.HearingRequestedOn is null && c.HearingRequestDueOn is { } due && day <= due && c.HearingOffered)
        {
            throw Refuse.Field("decidedOn", $"听证申请期限至 {due:yyyy-MM-dd} 尚未届满，不能作出决定（行政处罚法第六十四条第一项）。");
        }
        if (c.HearingRequestedOn is not null && c.HearingHeldOn is null)
        {
            throw Refuse.Field("stage", "当事人已申请听证，须先举行听证（行政处罚法第六十三条）。");
        }
        if (c.IsMajor && !await db.LegalReviews.AnyAsync(r => r.CaseId == c.Id && r.Opinion == ReviewOpinion.Pass, ct))
        {
            throw Refuse.Field("legalReview", "重大执法决定未经法制审核或审核未通过的，不得作出决定（行政处罚法第五十八条）。");
        }
        if (c.IsSerious && c.CollectiveDecisionOn is null)
        {
            throw Refuse.Field("collective", "情节复杂或者重大违法行为的处罚，应当由行政机关负责人集体讨论决定（行政处罚法第五十七条第二款）。");
        }
        var profile = await benchmarks.ProfileAsync(ct);
        if (profile.OrderToCorrectBeforeLeniency && c.ProposedTier is DiscretionTier.NoPenalty or DiscretionTier.Exempted or DiscretionTier.Mitigated && c.OrderToCorrectOn is null)
        {
            throw Refuse.Field("orderToCorrect", "作出不予处罚或减轻处罚决定前，须先责令当事人改正并记录在案（山东省规定）。");
        }
        var rules = await RulesAsync(c.OrgUnitId, ct);
        var body = await db.Bodies.AsNoTracking().FirstAsync(b => b.Id == c.BodyId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        c.DecisionNumber = await DecisionNumberAsync(c, body, typedNumber, day, ct);
        c.DecidedOn = day;
        c.Stage = CaseStage.Decided;
        // 第六十一条: 当事人不在场的，应当在七日内送达 (工作日).
        c.ServiceDueOn = (await deadlines.AddWorkingDaysAsync(day, rules.ServiceWorkingDays, ct)).Date;
        c.PublicationDueOn = (await deadlines.AddWorkingDaysAsync(day, rules.PublicationWorkingDays, ct)).Date;
        await StepAsync(c, "decide", day, $"作出行政处罚决定 {c.DecisionNumber}：{c.PenaltyText}", [], ct);
        await SaveAsync(tx, ct);
        return c;
    }

    public async Task<PenaltyCase> ServeAsync(Guid id, DateInput input, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        Require(c, CaseAction.Serve);
        FactDate("onDate", "送达日期", input.OnDate);
        var day = input.OnDate ?? deadlines.Today;
        var rules = await RulesAsync(c.OrgUnitId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        c.ServedOn = day;
        // 第六十七条第三款: 自收到行政处罚决定书之日起十五日内缴纳罚款.
        c.PaymentDueOn = c.FineAmount > 0 ? (await deadlines.AddCalendarDaysAsync(day, rules.PaymentCalendarDays, ct)).Date : null;
        c.Stage = CaseStage.Served;
        var late = day > c.ServiceDueOn ? $"（超过送达期限 {c.ServiceDueOn:yyyy-MM-dd}）" : "";
        await StepAsync(c, "serve", day, $"送达行政处罚决定书{late}" + (c.PaymentDueOn is { } p ? $"，缴款期限至 {p:yyyy-MM-dd}" : "") + "。" + (input.Summary ?? ""), [], ct);
        await SaveAsync(tx, ct);
        return c;
    }

    /// <summary>Payment; a late payment carries the 第七十二条 surcharge (3% a day, capped at the fine).</summary>
    public async Task<PenaltyCase> PayAsync(Guid id, DateInput input, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        Require(c, CaseAction.Pay);
        FactDate("onDate", "缴款日期", input.OnDate);
        var day = input.OnDate ?? deadlines.Today;
        var rules = await RulesAsync(c.OrgUnitId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        c.PaidOn = day;
        c.Surcharge = PenaltyArithmetic.Surcharge(c.FineAmount!.Value, c.PaymentDueOn!.Value, day, rules.SurchargePercentPerDay);
        c.ExecutedOn = day;
        c.Stage = CaseStage.Executed;
        await StepAsync(c, "pay", day, $"缴纳罚款 {c.FineAmount:0.##} 元" + (c.Surcharge > 0 ? $"，加处罚款 {c.Surcharge:0.##} 元（行政处罚法第七十二条）" : ""), [], ct);
        await SaveAsync(tx, ct);
        return c;
    }

    /// <summary>行政处罚法 第七十二条: 强制执行 (申请人民法院强制执行 or by the body where the law allows).</summary>
    public async Task<PenaltyCase> EnforceAsync(Guid id, StepInput input, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        Require(c, CaseAction.Enforce);
        FactDate("onDate", "执行日期", input.OnDate);
        if (string.IsNullOrWhiteSpace(input.Summary))
        {
            throw Refuse.Field("summary", "请填写强制执行情况。");
        }
        var evidence = await EvidenceAsync(c, input, ct);
        var day = input.OnDate ?? deadlines.Today;
        var rules = await RulesAsync(c.OrgUnitId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (c.FineAmount > 0 && c.PaymentDueOn is { } due)
        {
            c.Surcharge = PenaltyArithmetic.Surcharge(c.FineAmount.Value, due, day, rules.SurchargePercentPerDay);
        }
        c.ExecutedOn = day;
        c.Stage = CaseStage.Executed;
        await StepAsync(c, "enforce", day, $"强制执行：{input.Summary.Trim()}" + (c.Surcharge > 0 ? $"；加处罚款 {c.Surcharge:0.##} 元" : ""), evidence, ct);
        await SaveAsync(tx, ct);
        return c;
    }

    public async Task<PenaltyCase> CloseAsync(Guid id, DateInput input, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        Require(c, CaseAction.Close);
        FactDate("onDate", "结案日期", input.OnDate);
        var day = input.OnDate ?? deadlines.Today;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        c.ClosedOn = day;
        c.Stage = CaseStage.Closed;
        await StepAsync(c, "close", day, "结案。" + (input.Summary ?? ""), [], ct);
        await SaveAsync(tx, ct);
        return c;
    }

    /// <summary>The decision is revoked (by the body, on reconsideration or by a court); its publication is withdrawn.</summary>
    public async Task<PenaltyCase> RevokeAsync(Guid id, DateInput input, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        Require(c, CaseAction.Revoke);
        FactDate("onDate", "撤销日期", input.OnDate);
        if (string.IsNullOrWhiteSpace(input.Summary))
        {
            throw Refuse.Field("summary", "请填写撤销依据（如复议决定书、判决书文号）。");
        }
        var day = input.OnDate ?? deadlines.Today;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        c.RevokedOn = day;
        c.Stage = CaseStage.Revoked;
        var published = await db.PublishedDecisions.FirstOrDefaultAsync(p => p.CaseId == c.Id && p.WithdrawnOn == null, ct);
        if (published is not null)
        {
            published.WithdrawnOn = day;
            published.WithdrawnBecause = WithdrawalReason.Revoked;
        }
        await StepAsync(c, "revoke", day, $"处罚决定被撤销：{input.Summary.Trim()}" + (published is not null ? "；已撤回公示" : ""), [], ct);
        await SaveAsync(tx, ct);
        return c;
    }

    /// <summary>行政处罚决定公开 (行政处罚法 第四十八条): 具有一定社会影响的行政处罚决定应当依法公开; within 7 working days (三项制度).</summary>
    public async Task<PublishedDecision> PublishAsync(Guid id, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        Require(c, CaseAction.Publish);
        if (await db.PublishedDecisions.AnyAsync(p => p.CaseId == c.Id, ct))
        {
            throw Refuse.Field("stage", "该处罚决定已公示。");
        }
        var body = await db.Bodies.AsNoTracking().FirstAsync(b => b.Id == c.BodyId, ct);
        var day = deadlines.Today;
        var p = new PublishedDecision
        {
            CaseId = c.Id,
            OrgUnitId = c.OrgUnitId,
            BodyName = body.Name,
            DecisionNumber = c.DecisionNumber,
            PartyDisplay = PartyDisplay(c),
            PartyCreditCode = c.PartyCreditCode,
            MatterName = c.MatterName,
            PenaltyText = c.PenaltyText,
            DecidedOn = c.DecidedOn!.Value,
            PublishedOn = day,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.PublishedDecisions.Add(p);
        foreach (var term in PublicSearch.Terms(p))
        {
            db.PublishedTerms.Add(new PublishedDecisionTerm { DecisionId = p.Id, Term = term });
        }
        c.PublishedOn = day;
        c.PublishedLate = day > c.PublicationDueOn;
        var late = day > c.PublicationDueOn ? $"（超过公示期限 {c.PublicationDueOn:yyyy-MM-dd}）" : "";
        await StepAsync(c, "publish", day, $"公示行政处罚决定{late}：当事人显示为 {p.PartyDisplay}", [], ct);
        await SaveAsync(tx, ct);
        return p;
    }

    private DateTime Now()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
    }

    /// <summary>Appends a step to the case's SM3 chain and the platform audit trail.</summary>
    private async Task StepAsync(PenaltyCase c, string kind, DateOnly? onDate, string summary, IReadOnlyList<EvidenceItem> evidence, CancellationToken ct)
    {
        var step = new CaseStep
        {
            OrgUnitId = c.OrgUnitId,
            CaseId = c.Id,
            Seq = c.StepCount + 1,
            Kind = kind,
            RecordedAtUtc = Now(),
            OnDate = onDate,
            Actor = current.UserName ?? "system",
            Summary = summary.Length > 4000 ? summary[..4000] : summary,
            EvidenceJson = JsonSerializer.Serialize(evidence, Json),
            PrevHash = c.HeadHash,
        };
        step.Hash = CaseRecord.HashOf(c.Id, step.Seq, step.Kind, step.RecordedAtUtc, step.OnDate, step.Actor, step.Summary, step.EvidenceJson, step.PrevHash);
        c.StepCount = step.Seq;
        c.HeadHash = step.Hash;
        db.CaseSteps.Add(step);
        await db.SaveChangesAsync(ct);
        await db.WriteAuditEventAsync("enforcement.case." + kind, nameof(PenaltyCase), c.Id.ToString(), new { c.Number, step.Seq, step.Hash, step.PrevHash, evidence }, ct);
    }

    private async Task SaveAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction tx, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The decision due date (行政处罚法 第六十条) while that period still runs: no decision, not closed or revoked.</summary>
    public static DateOnly? RunningDecisionDue(PenaltyCase c) => c.DecidedOn is null && c.ClosedOn is null && c.RevokedOn is null ? c.DecisionDueOn : null;

    /// <summary>The publication due date while the decision still awaits publication (not published, not revoked).</summary>
    public static DateOnly? RunningPublicationDue(PenaltyCase c) => c.PublishedOn is null && c.RevokedOn is null ? c.PublicationDueOn : null;

    public static string StageName(CaseStage s) => s switch
    {
        CaseStage.Opened => "立案",
        CaseStage.Investigating => "调查取证",
        CaseStage.Proposed => "拟处罚",
        CaseStage.Notified => "已告知",
        CaseStage.Hearing => "听证",
        CaseStage.LegalReview => "法制审核",
        CaseStage.Decided => "已决定",
        CaseStage.Served => "已送达",
        CaseStage.Executed => "执行完毕",
        CaseStage.Closed => "已结案",
        CaseStage.Revoked => "已撤销",
        _ => s.ToString(),
    };

    public static string OpinionName(ReviewOpinion o) => o switch
    {
        ReviewOpinion.Pending => "待审核",
        ReviewOpinion.Pass => "通过",
        ReviewOpinion.Revise => "修改后再审",
        ReviewOpinion.Fail => "不通过",
        _ => o.ToString(),
    };

    /// <summary>The case's history as one file with the chain's hashes.</summary>
    public async Task<CaseRecordExport?> ExportAsync(Guid id, CancellationToken ct)
    {
        var c = await GetAsync(id, ct);
        if (c is null)
        {
            return null;
        }
        var body = await db.Bodies.AsNoTracking().Where(b => b.Id == c.BodyId).Select(b => b.Name).FirstOrDefaultAsync(ct) ?? "";
        var steps = (await StepsAsync(id, ct)).Select(s => new StepRecord(s.Seq, s.Kind, DateTime.SpecifyKind(s.RecordedAtUtc, DateTimeKind.Utc), s.OnDate, s.Actor, s.Summary, s.EvidenceJson, s.PrevHash, s.Hash)).ToList();
        await db.WriteAuditEventAsync("enforcement.case.record-exported", nameof(PenaltyCase), c.Id.ToString(), new { c.Number, c.HeadHash, steps = steps.Count }, ct);
        return new CaseRecordExport(CaseRecord.Format, c.Id, c.Number, body, c.MatterName, PartyDisplay(c), StageName(c.Stage), Now(),
            "SM3", CaseRecord.HowToVerify, steps, c.HeadHash);
    }

    /// <summary>Verifies an exported record's chain, and compares its head with the stored one when the case is visible.</summary>
    public async Task<VerifyResult> VerifyAsync(CaseRecordExport record, CancellationToken ct)
    {
        var result = CaseRecord.Verify(record.CaseId, record.Steps, record.HeadHash);
        var stored = await db.Cases.AsNoTracking().Where(c => c.Id == record.CaseId).Select(c => new { c.HeadHash, c.StepCount }).FirstOrDefaultAsync(ct);
        if (stored is null)
        {
            return result;
        }
        // A record exported before later steps is still genuine if its head is one of the stored steps' hashes.
        var matches = record.HeadHash == stored.HeadHash
            || await db.CaseSteps.AsNoTracking().AnyAsync(s => s.CaseId == record.CaseId && s.Seq == record.Steps.Count && s.Hash == record.HeadHash, ct);
        return result with { MatchesStoredHead = matches };
    }
}
