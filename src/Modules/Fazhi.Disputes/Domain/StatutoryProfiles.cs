using Fazhi.Platform.Features.Calendar;

namespace Fazhi.Disputes.Domain;

/// <summary>Case type codes: the ten functions of the centre.</summary>
internal static class CaseTypes
{
    public const string AdministrativeReconsideration = "AdministrativeReconsideration";
    public const string AdministrativeAdjudication = "AdministrativeAdjudication";
    public const string AdministrativeMediation = "AdministrativeMediation";
    public const string PeoplesMediation = "PeoplesMediation";
    public const string LawyerMediation = "LawyerMediation";
    public const string Notarization = "Notarization";
    public const string Arbitration = "Arbitration";
    public const string JudicialAppraisal = "JudicialAppraisal";
    public const string LegalAid = "LegalAid";
    public const string LegalHotline = "LegalHotline";
}

/// <summary>A stage as shipped (the seed); administrators publish later versions as data.</summary>
internal sealed record StageDefinition(string Code, string Name, int Days, DayKind Kind, string Article, bool Optional = false, int MaxExtensions = 0, int ExtensionDays = 0);

internal sealed record ProfileDefinition(string Code, string Name, string SourceNote, IReadOnlyList<StageDefinition> Stages);

/// <summary>
/// The first version of each case type, encoding the law in force on <see cref="EffectiveFrom"/>. The numbers live here only
/// as the seed: once seeded they are rows in <c>disputes_profile_stages</c>, and cases read them from there.
/// </summary>
internal static class StatutoryProfiles
{
    public static readonly DateOnly EffectiveFrom = new(2024, 1, 1);

    public const string Acceptance = "acceptance";

    public static IReadOnlyList<ProfileDefinition> All { get; } =
    [
        new(CaseTypes.AdministrativeReconsideration, "行政复议", "《中华人民共和国行政复议法》（2023年9月1日修订，2024年1月1日施行）",
        [
            new(Acceptance, "受理审查", 5, DayKind.Working,
                "行政复议法 第三十条：行政复议机关收到行政复议申请后，应当在五日内进行审查；期限届满未作出不予受理决定的，审查期限届满之日起视为受理。（第八十八条：五日为工作日）"),
            new("correction", "补正", 5, DayKind.Working,
                "行政复议法 第三十一条：申请材料不齐全或者表述不清楚的，应当自收到申请之日起五日内书面通知申请人补正，一次性载明需要补正的事项；申请人应当自收到补正通知之日起十日内提交补正材料，无正当理由逾期不补正的视为放弃申请。（第八十八条：工作日）",
                Optional: true),
            new("decision", "审理决定", 60, DayKind.Calendar,
                "行政复议法 第六十二条：适用普通程序审理的行政复议案件，行政复议机关应当自受理申请之日起六十日内作出行政复议决定；情况复杂的，经负责人批准可以适当延长，延长期限最多不得超过三十日。",
                MaxExtensions: 1, ExtensionDays: 30),
        ]),
        new(CaseTypes.AdministrativeAdjudication, "行政裁决", "行政裁决无统一法定期限，依各单行法律法规；此处为本地工作规范默认值（可配置），参照中办国办《关于健全行政裁决制度加强行政裁决工作的意见》（2019）。",
        [
            new(Acceptance, "受理审查", 5, DayKind.Working, "本地工作规范：收到申请后五个工作日内决定是否受理（可配置）。"),
            new("adjudication", "审理裁决", 60, DayKind.Calendar, "本地工作规范：受理之日起六十日内作出裁决；单行法律法规另有规定的从其规定（可配置）。", MaxExtensions: 1, ExtensionDays: 30),
        ]),
        new(CaseTypes.AdministrativeMediation, "行政调解", "本地工作规范默认值（可配置），参照《山东省多元化解纠纷促进条例》。",
        [
            new(Acceptance, "受理审查", 5, DayKind.Working, "本地工作规范：收到申请后五个工作日内决定是否受理（可配置）。"),
            new("mediation", "调解", 30, DayKind.Calendar, "本地工作规范：受理之日起三十日内调解终结；双方同意可延长（可配置）。", MaxExtensions: 1, ExtensionDays: 15),
        ]),
        new(CaseTypes.PeoplesMediation, "人民调解", "《中华人民共和国人民调解法》（2011年1月1日施行）；受理、调解期限为本地工作规范（可配置）。",
        [
            new(Acceptance, "受理审查", 3, DayKind.Working, "本地工作规范：三个工作日内决定是否受理；人民调解法 第十七条：当事人一方明确拒绝调解的，不得调解。"),
            new("mediation", "调解", 30, DayKind.Calendar, "本地工作规范：一般在受理之日起三十日内调结（可配置）；人民调解法 第二十八条至第三十条：达成协议的可制作调解协议书，自各方签名、盖章或按指印之日起生效。"),
            new("confirmation", "司法确认提醒", 30, DayKind.Calendar,
                "人民调解法 第三十三条：经人民调解委员会调解达成调解协议后，双方当事人认为有必要的，可以自调解协议生效之日起三十日内共同向人民法院申请司法确认。",
                Optional: true),
        ]),
        new(CaseTypes.LawyerMediation, "律师调解", "最高人民法院、司法部《关于开展律师调解试点工作的意见》（2017）；期限为本地工作规范默认值（可配置）。",
        [
            new(Acceptance, "受理审查", 3, DayKind.Working, "本地工作规范：三个工作日内决定是否受理（可配置）。"),
            new("mediation", "调解", 30, DayKind.Calendar, "本地工作规范：受理之日起三十日内调解终结，双方同意可延长（可配置）。", MaxExtensions: 1, ExtensionDays: 30),
        ]),
        new(CaseTypes.Notarization, "公证", "《公证程序规则》（司法部令第145号，2020年修正）。",
        [
            new(Acceptance, "受理审查", 5, DayKind.Working, "本地工作规范：收到申请后五个工作日内决定是否受理（可配置）。"),
            new("issuance", "出具公证书", 15, DayKind.Working, "公证程序规则 第三十五条：公证机构应当自受理公证申请之日起十五个工作日内向当事人出具公证书（核实、鉴定等所需时间不计算在内）。"),
        ]),
        new(CaseTypes.Arbitration, "仲裁", "《中华人民共和国劳动争议调解仲裁法》（劳动人事争议仲裁）；商事仲裁依仲裁委员会仲裁规则另行配置。",
        [
            new(Acceptance, "受理审查", 5, DayKind.Calendar, "劳动争议调解仲裁法 第二十九条：劳动争议仲裁委员会收到仲裁申请之日起五日内，认为符合受理条件的，应当受理；不符合的，书面通知申请人不予受理并说明理由。"),
            new("award", "审理裁决", 45, DayKind.Calendar, "劳动争议调解仲裁法 第四十三条：仲裁庭裁决劳动争议案件，应当自劳动争议仲裁委员会受理仲裁申请之日起四十五日内结束；案情复杂需要延期的，经批准可以延期，延长期限不得超过十五日。", MaxExtensions: 1, ExtensionDays: 15),
        ]),
        new(CaseTypes.JudicialAppraisal, "司法鉴定", "《司法鉴定程序通则》（司法部令第132号，2016年5月1日施行）。",
        [
            new(Acceptance, "受理审查", 7, DayKind.Working, "司法鉴定程序通则 第十三条：司法鉴定机构应当自收到委托之日起七个工作日内作出是否受理的决定。"),
            new("appraisal", "鉴定", 30, DayKind.Working, "司法鉴定程序通则 第二十八条：司法鉴定机构应当自司法鉴定委托书生效之日起三十个工作日内完成鉴定；复杂、疑难、特殊技术问题或者需要较长时间检验的，经负责人批准可以延长，延长时限一般不得超过三十个工作日。", MaxExtensions: 1, ExtensionDays: 30),
        ]),
        new(CaseTypes.LegalAid, "法律援助", "《中华人民共和国法律援助法》（2022年1月1日施行）；“日”按工作日计（山东省实施办法口径，可配置）。",
        [
            new(Acceptance, "审查决定", 7, DayKind.Working, "法律援助法 第四十三条：法律援助机构应当自收到法律援助申请之日起七日内进行审查，作出是否给予法律援助的决定；决定不给予的，应当书面告知申请人并说明理由。（第四十九条：申请人有异议的可以向司法行政部门提出）"),
            new("assignment", "指派承办", 3, DayKind.Working, "法律援助法 第四十三条：决定给予法律援助的，应当自作出决定之日起三日内指派法律援助人员为受援人提供法律援助。"),
        ]),
        new(CaseTypes.LegalHotline, "12348热线咨询", "司法部《12348中国法网、12348热线服务规范》；答复时限为本地工作规范（可配置）。",
        [
            new(Acceptance, "登记受理", 1, DayKind.Working, "本地工作规范：来电当日登记，一个工作日内受理（可配置）。"),
            new("reply", "答复", 3, DayKind.Working, "本地工作规范：不能当场解答的，受理之日起三个工作日内回复（可配置）。"),
        ]),
    ];
}
