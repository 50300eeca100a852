using Fazhi.Disputes.Data;
using Fazhi.Disputes.Domain;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Setup;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Disputes.Handling;

/// <summary>Keys of <see cref="ProfileRule"/>: numbers of a profile beyond its stages' own limits.</summary>
internal static class RuleKeys
{
    /// <summary>行政复议法 第二十条第一款: 60 days from knowing of the act.</summary>
    public const string ApplicationWindow = "application.window";

    /// <summary>行政复议法 第二十条第二款: not told of the right: at most one year from knowing of the act.</summary>
    public const string ApplicationWindowUntold = "application.window.untold";

    /// <summary>行政复议法 第三十条: deemed accepted when the review lapses without a decision (1 = on).</summary>
    public const string DeemedAcceptance = "acceptance.deemed";

    /// <summary>行政复议法 第三十一条: how many correction notices (一次性).</summary>
    public const string CorrectionMaxNotices = "correction.max";

    /// <summary>行政复议法 第三十一条: the applicant's period to supply the materials.</summary>
    public const string CorrectionReply = "correction.reply";

    /// <summary>行政复议法 第四十八条: copy to the respondent.</summary>
    public const string RespondentCopy = "respondent.copy";

    /// <summary>行政复议法 第四十八条: the respondent's written answer.</summary>
    public const string RespondentAnswer = "respondent.answer";

    /// <summary>行政复议法 第五十三条: amount up to which the simplified procedure applies.</summary>
    public const string SimplifiedAmount = "simplified.amount";

    /// <summary>行政复议法 第五十四条: copy to the respondent in the simplified procedure.</summary>
    public const string SimplifiedCopy = "simplified.copy";

    /// <summary>行政复议法 第五十四条: answer in the simplified procedure.</summary>
    public const string SimplifiedAnswer = "simplified.answer";

    /// <summary>行政复议法 第六十二条第二款: decision in the simplified procedure.</summary>
    public const string SimplifiedDecision = "simplified.decision";

    /// <summary>An extension needs the approval of a holder of the approve permission (1 = yes).</summary>
    public const string ExtensionApproval = "extension.approval";

    /// <summary>法律援助法 第四十九条: objection to a refusal.</summary>
    public const string Objection = "objection";
}

internal sealed record RuleDefinition(string Key, int Value, DayKind? Kind, string Article);

internal sealed record OptionDefinition(ProfileOptionKind Kind, string Code, string Name, string? Article = null);

/// <summary>
/// The handling rules each case type ships with (seeded as <see cref="ProfileRule"/> and <see cref="ProfileOption"/> rows
/// for every profile version that lacks them). The numbers live here only as the seed.
/// </summary>
internal static class HandlingProfiles
{
    private const string Art88 = "（第八十八条：三日、五日、七日、十日指工作日）";

    private static readonly OptionDefinition[] GeneralSuspensions =
    [
        new(ProfileOptionKind.Suspension, "appraisal", "鉴定、检验期间", "鉴定、检验所需时间不计入办理期限（本地工作规范，可配置）"),
        new(ProfileOptionKind.Suspension, "force-majeure", "不可抗力", "因不可抗力不能继续办理的，期限中止（本地工作规范，可配置）"),
        new(ProfileOptionKind.Suspension, "party-request", "当事人申请暂缓", "当事人书面申请并经批准暂缓的期间不计入（本地工作规范，可配置）"),
    ];

    private static readonly OptionDefinition[] MediationOutcomes =
    [
        new(ProfileOptionKind.Result, "success", "调解成功", "达成调解协议"),
        new(ProfileOptionKind.Result, "failed", "调解不成", "调解不成的，告知当事人依法通过仲裁、行政、司法等途径解决"),
        new(ProfileOptionKind.Result, "litigation", "引导诉讼", "调解不成，引导当事人向人民法院提起诉讼"),
        new(ProfileOptionKind.Transfer, CaseTypes.Arbitration, "转仲裁"),
        new(ProfileOptionKind.Transfer, CaseTypes.LegalAid, "转法律援助"),
        new(ProfileOptionKind.Transfer, CaseTypes.AdministrativeAdjudication, "转行政裁决"),
    ];

    public static IReadOnlyDictionary<string, (RuleDefinition[] Rules, OptionDefinition[] Options)> All { get; } =
        new Dictionary<string, (RuleDefinition[], OptionDefinition[])>
        {
            [CaseTypes.AdministrativeReconsideration] = (
            [
                new(RuleKeys.ApplicationWindow, 60, DayKind.Calendar, "行政复议法 第二十条第一款：公民、法人或者其他组织认为行政行为侵犯其合法权益的，可以自知道或者应当知道该行政行为之日起六十日内提出行政复议申请。"),
                new(RuleKeys.ApplicationWindowUntold, 365, DayKind.Calendar, "行政复议法 第二十条第二款：行政机关作出行政行为时，未告知申请行政复议的权利、行政复议机关和申请期限的，申请期限自知道或者应当知道申请行政复议的权利、行政复议机关和申请期限之日起计算，但是自知道或者应当知道行政行为内容之日起最长不得超过一年。"),
                new(RuleKeys.DeemedAcceptance, 1, null, "行政复议法 第三十条第三款：行政复议机关审查期限届满未作出不予受理决定的，审查期限届满之日起视为受理。"),
                new(RuleKeys.CorrectionMaxNotices, 1, null, "行政复议法 第三十一条：应当一次性载明需要补正的事项。"),
                new(RuleKeys.CorrectionReply, 10, DayKind.Working, "行政复议法 第三十一条：申请人应当自收到补正通知之日起十日内提交补正材料；无正当理由逾期不补正的，视为申请人放弃行政复议申请。" + Art88),
                new(RuleKeys.RespondentCopy, 7, DayKind.Working, "行政复议法 第四十八条：行政复议机构应当自行政复议申请受理之日起七日内，将行政复议申请书副本或者行政复议申请笔录复印件发送被申请人。" + Art88),
                new(RuleKeys.RespondentAnswer, 10, DayKind.Working, "行政复议法 第四十八条：被申请人应当自收到申请书副本或者申请笔录复印件之日起十日内，提出书面答复，并提交作出行政行为的证据、依据和其他有关材料。" + Art88),
                new(RuleKeys.SimplifiedAmount, 3000, null, "行政复议法 第五十三条：案件涉及款额三千元以下的（或当场作出、警告或通报批评、政府信息公开、当事人各方同意），可以适用简易程序。"),
                new(RuleKeys.SimplifiedCopy, 3, DayKind.Working, "行政复议法 第五十四条：适用简易程序的，行政复议机构应当自受理之日起三日内将申请书副本发送被申请人。" + Art88),
                new(RuleKeys.SimplifiedAnswer, 5, DayKind.Working, "行政复议法 第五十四条：被申请人应当自收到申请书副本之日起五日内提出书面答复。" + Art88),
                new(RuleKeys.SimplifiedDecision, 30, DayKind.Calendar, "行政复议法 第六十二条第二款：适用简易程序审理的行政复议案件，行政复议机关应当自受理申请之日起三十日内作出行政复议决定。"),
                new(RuleKeys.ExtensionApproval, 1, null, "行政复议法 第六十二条第一款：情况复杂，不能在规定期限内作出行政复议决定的，经行政复议机构的负责人批准，可以适当延长，并书面告知当事人；但是延长期限最多不得超过三十日。"),
            ],
            [
                new(ProfileOptionKind.Result, "maintain", "维持", "行政复议法 第六十八条"),
                new(ProfileOptionKind.Result, "change", "变更", "行政复议法 第六十三条"),
                new(ProfileOptionKind.Result, "revoke", "撤销", "行政复议法 第六十四条"),
                new(ProfileOptionKind.Result, "illegal", "确认违法", "行政复议法 第六十五条"),
                new(ProfileOptionKind.Result, "perform", "责令履行", "行政复议法 第六十六条"),
                new(ProfileOptionKind.Result, "reject", "驳回复议请求", "行政复议法 第六十九条"),
                new(ProfileOptionKind.Result, "mediated", "调解结案", "行政复议法 第七十三条"),
                new(ProfileOptionKind.Result, "terminated", "终止", "行政复议法 第四十一条"),
                new(ProfileOptionKind.Suspension, "death", "申请人死亡，近亲属尚未确定是否参加", "行政复议法 第三十九条第一款第（一）项"),
                new(ProfileOptionKind.Suspension, "incapacity", "申请人丧失参加行政复议的行为能力", "行政复议法 第三十九条第一款第（二）项"),
                new(ProfileOptionKind.Suspension, "force-majeure", "因不可抗力等正当理由不能参加", "行政复议法 第三十九条第一款第（五）项"),
                new(ProfileOptionKind.Suspension, "interpretation", "需要有权机关作出解释或者确认", "行政复议法 第三十九条第一款第（七）项"),
                new(ProfileOptionKind.Suspension, "other-case", "以其他尚未审结案件的结果为依据", "行政复议法 第三十九条第一款第（八）项"),
            ]),
            [CaseTypes.AdministrativeAdjudication] = (
            [
                new(RuleKeys.ExtensionApproval, 1, null, "本地工作规范：延期须经单位负责人批准（可配置）。"),
            ],
            [
                new(ProfileOptionKind.Result, "awarded", "作出裁决"),
                new(ProfileOptionKind.Result, "mediated", "调解结案"),
                new(ProfileOptionKind.Result, "terminated", "终止"),
                .. GeneralSuspensions,
            ]),
            [CaseTypes.AdministrativeMediation] = ([new(RuleKeys.ExtensionApproval, 1, null, "本地工作规范：延期须经单位负责人批准（可配置）。")], [.. MediationOutcomes, .. GeneralSuspensions]),
            [CaseTypes.PeoplesMediation] = ([],
            [
                new(ProfileOptionKind.Result, "success", "调解成功", "人民调解法 第二十八条至第三十条：调解协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效"),
                new(ProfileOptionKind.Result, "party-refused", "当事人拒绝调解，终止调解", "人民调解法 第十七条：当事人一方明确拒绝调解的，不得调解；第二十六条：调解不成的，应当终止调解"),
                .. MediationOutcomes.Where(o => o.Code != "success"),
                .. GeneralSuspensions,
            ]),
            [CaseTypes.LawyerMediation] = ([new(RuleKeys.ExtensionApproval, 1, null, "本地工作规范：双方同意并经负责人批准可延长（可配置）。")], [.. MediationOutcomes, .. GeneralSuspensions]),
            [CaseTypes.Notarization] = ([],
            [
                new(ProfileOptionKind.Result, "issued", "出具公证书", "公证程序规则 第三十五条"),
                new(ProfileOptionKind.Result, "refused", "不予办理公证", "公证程序规则 第四十八条"),
                new(ProfileOptionKind.Result, "terminated", "终止公证", "公证程序规则 第五十条"),
                .. GeneralSuspensions,
            ]),
            [CaseTypes.Arbitration] = ([new(RuleKeys.ExtensionApproval, 1, null, "劳动争议调解仲裁法 第四十三条：案情复杂需要延期的，经劳动争议仲裁委员会主任批准，可以延期并书面通知当事人。")],
            [
                new(ProfileOptionKind.Result, "award", "作出裁决", "劳动争议调解仲裁法 第四十三条"),
                new(ProfileOptionKind.Result, "mediated", "调解结案", "劳动争议调解仲裁法 第四十二条"),
                new(ProfileOptionKind.Result, "withdrawn", "撤回申请", "劳动争议调解仲裁法 第四十一条"),
                .. GeneralSuspensions,
            ]),
            [CaseTypes.JudicialAppraisal] = ([new(RuleKeys.ExtensionApproval, 1, null, "司法鉴定程序通则 第二十八条：经本机构负责人批准可以延长。")],
            [
                new(ProfileOptionKind.Result, "opinion", "出具鉴定意见", "司法鉴定程序通则 第三十六条"),
                new(ProfileOptionKind.Result, "terminated", "终止鉴定", "司法鉴定程序通则 第二十九条"),
                .. GeneralSuspensions,
            ]),
            [CaseTypes.LegalAid] = (
            [
                new(RuleKeys.Objection, 5, DayKind.Working, "法律援助法 第四十九条：申请人对法律援助机构不予法律援助的决定有异议的，可以向设立该法律援助机构的司法行政部门提出；司法行政部门应当自收到异议之日起五日内进行审查，作出维持法律援助机构决定或者责令法律援助机构改正的决定。"),
            ],
            [
                new(ProfileOptionKind.Result, "assigned", "已指派，援助事项办结", "法律援助法 第四十三条"),
                new(ProfileOptionKind.Result, "terminated", "终止法律援助", "法律援助法 第四十八条"),
                .. GeneralSuspensions,
            ]),
            [CaseTypes.LegalHotline] = ([],
            [
                new(ProfileOptionKind.Result, "answered", "已答复"),
                new(ProfileOptionKind.Result, "guided", "引导至相应渠道办理"),
                new(ProfileOptionKind.Transfer, CaseTypes.PeoplesMediation, "转人民调解"),
                new(ProfileOptionKind.Transfer, CaseTypes.LegalAid, "转法律援助"),
            ]),
        };
}

/// <summary>Adds the handling rules and options to every profile version that lacks them (idempotent; never changes existing rows).</summary>
internal sealed class HandlingSeed(DisputesDb db) : IModuleSeed
{
    public async Task SeedAsync(CancellationToken ct)
    {
        var profiles = await db.Profiles.AsNoTracking().Select(p => new { p.Id, p.Code }).ToListAsync(ct);
        var rules = await db.Set<ProfileRule>().AsNoTracking().Select(r => new { r.ProfileId, r.Key }).ToListAsync(ct);
        var options = await db.Set<ProfileOption>().AsNoTracking().Select(o => new { o.ProfileId, o.Kind, o.Code }).ToListAsync(ct);
        var haveRules = rules.Select(r => (r.ProfileId, r.Key)).ToHashSet();
        var haveOptions = options.Select(o => (o.ProfileId, o.Kind, o.Code)).ToHashSet();
        foreach (var p in profiles)
        {
            if (!HandlingProfiles.All.TryGetValue(p.Code, out var def))
            {
                continue;
            }
            foreach (var r in def.Rules.Where(r => !haveRules.Contains((p.Id, r.Key))))
            {
                db.Set<ProfileRule>().Add(new ProfileRule { ProfileId = p.Id, Key = r.Key, Value = r.Value, DayKind = r.Kind, Article = r.Article });
            }
            var order = 0;
            foreach (var o in def.Options)
            {
                order++;
                if (!haveOptions.Contains((p.Id, o.Kind, o.Code)))
                {
                    db.Set<ProfileOption>().Add(new ProfileOption { ProfileId = p.Id, Kind = o.Kind, Code = o.Code, Name = o.Name, Article = o.Article, Order = order });
                }
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
