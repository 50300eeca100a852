using Fazhi.Platform.Security;

namespace Fazhi.Rulemaking;

/// <summary>
/// The rulemaking module's permissions. A drafting unit submits its own normative-document drafts and sees only those (data
/// scope by org unit); the review office (合法性审核机构, the justice bureau's legislation and review office) reviews every
/// draft in its scope, registers, publishes and files them and sets the module's time limits. The public reads published
/// documents without an account.
/// </summary>
internal static class RulemakingPermissions
{
    /// <summary>Submit the unit's normative-document drafts with basis, drafting explanation and comment record; run the pre-check.</summary>
    public const string Draft = "rulemaking.draft";

    /// <summary>Legality review: decide findings, per-article opinions, conclusions; registration, publication, filing; settings.</summary>
    public const string Review = "rulemaking.review";

    /// <summary>Carry out a major decision's steps as its 承办单位 (evidence, completion, statutory not-required).</summary>
    public const string DecisionsWork = "rulemaking.decisions";

    /// <summary>The government office: the catalogue, decisions, 程序回流, the meeting and publication.</summary>
    public const string DecisionsManage = "rulemaking.decisions.manage";

    /// <summary>A legislation project's drafting unit: its projects, draft versions and the answers to comments.</summary>
    public const string LegislationWork = "rulemaking.legislation";

    /// <summary>The legislation office: the yearly plan and its changes, stages, comment periods, publication, filing, contact points, settings.</summary>
    public const string LegislationManage = "rulemaking.legislation.manage";

    /// <summary>A grassroots legislative contact point's account: submits gathered comments on drafts in bulk.</summary>
    public const string LegislationContact = "rulemaking.legislation.contact";

    /// <summary>A unit's use of the legal advisers: request opinions for its units, read them (ADR 0036).</summary>
    public const string AdvisersRequest = "rulemaking.advisers";

    /// <summary>The legal advisers' office: the register, engagements, every request in scope and the counts.</summary>
    public const string AdvisersManage = "rulemaking.advisers.manage";

    /// <summary>A legal adviser's own account: sees and answers only the requests sent to it.</summary>
    public const string Adviser = "rulemaking.adviser";

    /// <summary>Announce and record hearings and expert meetings on the legislation projects and decisions the account works on (ADR 0047).</summary>
    public const string Hearings = "rulemaking.hearings";

    public static PermissionDefinition[] All { get; } =
    [
        new(Hearings, "rulemaking", "为本单位承办的立法项目、重大行政决策公告听证会和专家论证会，登记笔录和论证意见"),
        new(AdvisersRequest, "rulemaking", "向聘期内的法律顾问征询书面法律意见，查看本单位的征询和意见"),
        new(AdvisersManage, "rulemaking", "管理政府法律顾问名册和各单位的聘任，查看全部意见征询和统计"),
        new(Adviser, "rulemaking", "法律顾问本人：查看发给自己的意见征询并出具法律意见"),
        new(Draft, "rulemaking", "起草并报送本单位行政规范性文件草案，运行合法性预审"),
        new(DecisionsWork, "rulemaking", "承办重大行政决策事项：上传各程序的证明材料，完成程序步骤"),
        new(DecisionsManage, "rulemaking", "管理重大行政决策：决策事项目录、程序回流、集体讨论决定、决策公布"),
        new(LegislationWork, "rulemaking", "承办立法项目：提交草案稿本、比较稿本、答复征求意见"),
        new(LegislationManage, "rulemaking", "管理立法工作：年度立法计划及调整、立法程序各阶段、征求意见期限、公布、备案、基层立法联系点和期限设置"),
        new(LegislationContact, "rulemaking", "基层立法联系点：汇总报送对立法草案的意见"),
        new(Review, "rulemaking", "合法性审核（预审问题认定、逐条意见、审核结论）、统一登记、公布、备案和期限设置"),
    ];
}
