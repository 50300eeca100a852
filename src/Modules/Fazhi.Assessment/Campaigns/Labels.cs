using System.Globalization;
using Fazhi.Assessment.Frameworks;

namespace Fazhi.Assessment.Campaigns;

/// <summary>Chinese labels for states and methods (page text keys; English in Text.en.resx).</summary>
internal static class Labels
{
    public static string Status(SubmissionStatus s) => s switch
    {
        SubmissionStatus.NotStarted => "未开始",
        SubmissionStatus.Draft => "填报中",
        SubmissionStatus.Submitted => "已报送",
        SubmissionStatus.Returned => "已退回",
        SubmissionStatus.Accepted => "审核通过",
        SubmissionStatus.Approved => "已审定",
        _ => s.ToString(),
    };

    public static string StatusTag(SubmissionStatus s) => s switch
    {
        SubmissionStatus.Returned => "tag tag-bad",
        SubmissionStatus.Accepted or SubmissionStatus.Approved => "tag tag-ok",
        SubmissionStatus.Submitted => "tag tag-warn",
        _ => "tag",
    };

    public static string Campaign(CampaignStatus s) => s switch
    {
        CampaignStatus.Active => "进行中",
        CampaignStatus.Closed => "已关闭",
        _ => "已归档",
    };

    public static string Method(ScoringMethod m) => FrameworkTransfer.MethodName(m);

    public static string Action(string action) => action switch
    {
        "submitted" => "报送",
        "returned" => "退回",
        "approved-up" => "逐级审核同意",
        "accepted" => "审核通过",
        "approved" => "审定锁定",
        "unlocked" => "解锁",
        "scored" => "评分",
        "appealed" => "申诉",
        "appeal-answered" => "答复申诉",
        _ => action,
    };

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Number(decimal? v) => v?.ToString("0.####", CultureInfo.InvariantCulture) ?? "—";
}
