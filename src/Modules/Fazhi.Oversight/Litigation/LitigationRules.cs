namespace Fazhi.Oversight.Litigation;

/// <summary>Names and pure rules of litigation response, shared by the service, the pages, the statistics and the seed.</summary>
internal static class LitigationRules
{
    /// <summary>
    /// 败诉: the court revoked the act, changed it, confirmed it illegal or void, or ordered the agency to perform
    /// (行政诉讼法 第七十条、第七十二条至第七十五条、第七十七条). Dismissal, rejection, settlement, withdrawal and an upheld
    /// first instance are not losses at this instance.
    /// </summary>
    public static bool IsLoss(ResultKind kind) => kind is ResultKind.Revoked or ResultKind.OrderedToPerform or ResultKind.ConfirmedIllegal or ResultKind.Changed;

    /// <summary>A ruling (裁定) rather than a judgment (判决) or a settlement.</summary>
    public static bool IsRuling(ResultKind kind) => kind is ResultKind.ComplaintRejected or ResultKind.Withdrawn;

    /// <summary>
    /// The appeal window, in days, that follows a decision at this level (行政诉讼法 第八十五条: 15 days for a judgment, 10
    /// for a ruling, of first instance only); null where none follows (a settlement, a withdrawal the plaintiff asked for,
    /// a second-instance or retrial decision, which is final here).
    /// </summary>
    public static int? AppealDays(LawsuitLevel level, ResultKind kind, int judgmentDays, int rulingDays) =>
        level != LawsuitLevel.FirstInstance || kind is ResultKind.Settled or ResultKind.Withdrawn or ResultKind.Upheld
            ? null
            : IsRuling(kind) ? rulingDays : judgmentDays;

    /// <summary>A responsible person appeared (出庭规定 第二条: the head, a deputy head or another responsible person in charge).</summary>
    public static bool IsResponsible(Appearance appearance) => appearance != Appearance.StaffOnly;

    /// <summary>A court case number in any bracket style, with full-width brackets and no spaces: (2026)鲁0403行初12号 → （2026）鲁0403行初12号.</summary>
    public static string NormaliseCaseNumber(string value)
    {
        var chars = value.Where(c => !char.IsWhiteSpace(c)).Select(c => c switch
        {
            '(' or '[' or '〔' or '【' or '［' => '（',
            ')' or ']' or '〕' or '】' or '］' => '）',
            _ => c,
        });
        return string.Concat(chars);
    }

    public static string LevelName(LawsuitLevel level) => level switch
    {
        LawsuitLevel.FirstInstance => "一审",
        LawsuitLevel.Appeal => "二审",
        _ => "再审",
    };

    public static string StatusName(LawsuitStatus status) => status switch
    {
        LawsuitStatus.Registered => "待答辩",
        LawsuitStatus.Answered => "已答辩",
        _ => "已结案",
    };

    public static string ActKindName(ActKind kind) => kind switch
    {
        ActKind.Penalty => "行政处罚",
        ActKind.Coercion => "行政强制",
        ActKind.Licensing => "行政许可",
        ActKind.Expropriation => "行政征收征用及补偿",
        ActKind.Registration => "行政确认登记",
        ActKind.InformationDisclosure => "政府信息公开",
        ActKind.Inaction => "不履行法定职责",
        ActKind.Agreement => "行政协议",
        ActKind.Reconsideration => "行政复议",
        _ => "其他",
    };

    public static string ResultName(ResultKind kind) => kind switch
    {
        ResultKind.Dismissed => "判决驳回诉讼请求",
        ResultKind.ComplaintRejected => "裁定驳回起诉",
        ResultKind.Revoked => "判决撤销",
        ResultKind.OrderedToPerform => "判决履行职责",
        ResultKind.ConfirmedIllegal => "判决确认违法或无效",
        ResultKind.Changed => "判决变更",
        ResultKind.Settled => "调解结案",
        ResultKind.Withdrawn => "原告撤诉",
        _ => "维持原判",
    };

    public static string AppearanceName(Appearance appearance) => appearance switch
    {
        Appearance.Head => "正职负责人出庭",
        Appearance.DeputyHead => "副职负责人出庭",
        Appearance.OtherResponsible => "其他分管负责人出庭",
        _ => "仅工作人员出庭",
    };
}
