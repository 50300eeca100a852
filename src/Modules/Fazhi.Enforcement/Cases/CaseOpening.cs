using Fazhi.Enforcement.Data;
using Fazhi.Enforcement.Discretion;
using Fazhi.Enforcement.Registry;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Identifiers;
using Fazhi.Platform.Features.PersonalData;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Enforcement.Cases;

/// <summary>立案 and 当场处罚 (行政处罚法 第五十一条、第五十二条): the body, the party, eligible officers, the case number.</summary>
internal sealed class CaseOpening(EnforcementDb db, BenchmarkService benchmarks, IDeadlineService deadlines, ICurrentUser current, ICreditCodeCheck creditCodes,
    CaseProcedure procedure, CaseNumbering numbering, CaseRulesService caseRules)
{
    public async Task<PenaltyCase> OpenAsync(OpenCaseInput input, CancellationToken ct)
    {
        var body = await BodyForAsync(input.BodyId, ct);
        var matter = await benchmarks.MatterAsync(input.MatterId, ct) ?? throw Refuse.Field("matterId", "请选择执法事项。");
        var codeNote = await ValidatePartyAsync(input.Party, ct);
        procedure.FactDate("openedOn", "立案日期", input.OpenedOn);
        var opened = input.OpenedOn ?? deadlines.Today;
        var rules = await caseRules.RulesAsync(body.OrgUnitId, ct);
        var officers = await EligibleOfficersAsync(body, matter, input.OfficerIds, rules, ct);
        var c = NewCase(body, matter, input.Party, input.Summary);
        c.OpenedOn = opened;
        c.Stage = CaseStage.Opened;
        // 行政处罚法 第六十条: 自立案之日起九十日内作出决定.
        c.DecisionDueOn = (await deadlines.AddCalendarDaysAsync(opened, rules.DecisionCalendarDays, ct)).Date;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        c.Number = await numbering.NextCaseNumberAsync(body, opened, ct);
        db.Cases.Add(c);
        AddOfficers(c, officers);
        await procedure.StepAsync(c, "open", opened, $"立案：{matter.Name}；当事人 {CaseDisplay.PartyDisplay(c)}；执法人员 {string.Join("、", officers.Select(o => $"{o.Name}（{o.CertificateNumber}）"))}；{codeNote}{(codeNote is null ? "" : "；")}{input.Summary}".Trim('；'), [], ct);
        await procedure.SaveAsync(tx, ct);
        return c;
    }

    /// <summary>行政处罚法 第五十一条: 违法事实确凿并有法定依据，对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款或者警告的，可以当场作出.</summary>
    public async Task<PenaltyCase> OnTheSpotAsync(OnTheSpotInput input, CancellationToken ct)
    {
        var body = await BodyForAsync(input.BodyId, ct);
        var matter = await benchmarks.MatterAsync(input.MatterId, ct) ?? throw Refuse.Field("matterId", "请选择执法事项。");
        var codeNote = await ValidatePartyAsync(input.Party, ct);
        var rules = await caseRules.RulesAsync(body.OrgUnitId, ct);
        var cap = input.Party.Kind == PartyKind.Person ? rules.OnTheSpotPersonMax : rules.OnTheSpotOrganisationMax;
        procedure.FactDate("decidedOn", "决定日期", input.DecidedOn);
        CaseProcedure.Amount("fineAmount", "罚款金额", input.FineAmount);
        if (input.FineAmount > cap)
        {
            var who = input.Party.Kind == PartyKind.Person ? "公民" : "法人或者其他组织";
            throw Refuse.Field("fineAmount", $"当场处罚对{who}的罚款不得超过 {cap:0.##} 元（行政处罚法第五十一条），{input.FineAmount:0.##} 元须按普通程序立案办理。");
        }
        var typedNumber = CaseNumbering.TypedDecisionNumber(input.DecisionNumber, "当场处罚决定书文号");
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
        c.Number = await numbering.NextCaseNumberAsync(body, day, ct);
        // 第五十二条: 当场处罚决定书 with its number, unique within the body like any 文号.
        c.DecisionNumber = await numbering.DecisionNumberAsync(c, body, typedNumber, day, ct);
        db.Cases.Add(c);
        AddOfficers(c, officers);
        await procedure.StepAsync(c, "on-the-spot", day, $"当场处罚决定 {c.DecisionNumber}：{c.PenaltyText}；当事人 {CaseDisplay.PartyDisplay(c)}；当场交付（行政处罚法第五十一条、第五十二条）{(codeNote is null ? "" : "；" + codeNote)}", [], ct);
        await procedure.SaveAsync(tx, ct);
        return c;
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
        // 行政处罚法 第五十九条第一项: the decision states the party's address; optional when opening (it may be learnt later).
        TextRules.Optional(checks, "party.address", "当事人地址", party.Address, 200);
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
        PartyAddress = TextRules.Clean(party.Address) is { Length: > 0 } address ? SensitiveText.Address(address) : null,
        Summary = (summary ?? "").Trim(),
    };

    private void AddOfficers(PenaltyCase c, IEnumerable<EnforcementOfficer> officers)
    {
        foreach (var o in officers)
        {
            db.CaseOfficers.Add(new CaseOfficer { OrgUnitId = c.OrgUnitId, CaseId = c.Id, OfficerId = o.Id, Name = o.Name, CertificateNumber = o.CertificateNumber });
        }
    }
}
