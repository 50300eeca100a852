

namespace Fazhi.Enforcement.Cases;

/// <summary>How a case reads on pages, in the API and in public: stage and opinion names, the masked party, running due dates.</summary>
internal static class CaseDisplay
{
    /// <summary>Masked for public pages and lists: a person's name keeps its first character (张**); an organisation's name is kept.</summary>
    public static string PartyDisplay(PenaltyCase c) => c.PartyKind == PartyKind.Person ? MaskName(c.PartyName) : c.PartyName;

    public static string MaskName(string name)
    {
        var t = name.Trim();
        return t.Length <= 1 ? "*" : t[..1] + new string('*', Math.Min(t.Length - 1, 3));
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
}
