using Fazhi.Platform.Features.Calendar;

namespace Fazhi.Oversight.Disclosure;

/// <summary>The words and the clock of disclosure requests (政府信息公开条例 第二十九条至第三十七条).</summary>
internal static class DisclosureRules
{
    public static string StatusName(DisclosureStatus s) => s switch
    {
        DisclosureStatus.Open => "办理中",
        DisclosureStatus.AwaitingCorrection => "待补正",
        DisclosureStatus.Answered => "已答复",
        _ => "视为放弃申请",
    };

    public static string FormName(ProvisionForm f) => f switch
    {
        ProvisionForm.PaperByPost => "纸质，邮寄",
        ProvisionForm.PaperPickup => "纸质，自行领取",
        ProvisionForm.Email => "电子数据，电子邮件",
        _ => "电子数据，网上查看",
    };

    public static string ApplicantKindName(ApplicantKind k) => k == ApplicantKind.Citizen ? "公民" : "法人或者其他组织";

    public static string ChannelName(DisclosureChannel c) => c == DisclosureChannel.Online ? "网上申请" : "信函或当面申请";

    public static string ReplyKindName(DisclosureReplyKind k) => k switch
    {
        DisclosureReplyKind.Disclosed => "予以公开",
        DisclosureReplyKind.Partial => "部分公开",
        DisclosureReplyKind.AlreadyPublic => "已主动公开，告知获取途径",
        DisclosureReplyKind.Refused => "不予公开",
        DisclosureReplyKind.NotExist => "信息不存在",
        DisclosureReplyKind.NotResponsible => "非本机关负责公开",
        DisclosureReplyKind.Duplicate => "重复申请，不予重复处理",
        _ => "依照有关法律、行政法规办理",
    };

    /// <summary>The article a reply kind rests on.</summary>
    public static string ReplyKindArticle(DisclosureReplyKind k) => k switch
    {
        DisclosureReplyKind.Disclosed => "《政府信息公开条例》第三十六条第（二）项",
        DisclosureReplyKind.Partial => "《政府信息公开条例》第三十七条",
        DisclosureReplyKind.AlreadyPublic => "《政府信息公开条例》第三十六条第（一）项",
        DisclosureReplyKind.Refused => "《政府信息公开条例》第三十六条第（三）项",
        DisclosureReplyKind.NotExist => "《政府信息公开条例》第三十六条第（四）项",
        DisclosureReplyKind.NotResponsible => "《政府信息公开条例》第三十六条第（五）项",
        DisclosureReplyKind.Duplicate => "《政府信息公开条例》第三十六条第（六）项",
        _ => "《政府信息公开条例》第三十六条第（七）项",
    };

    /// <summary>
    /// The reply period as a calendar spec: <paramref name="replyDays"/> working days (第三十三条第二款: 20) from receipt, or
    /// from the receipt of the corrected request when there was a correction (第三十条: "答复期限自行政机关收到补正的申请之日起
    /// 计算"), plus the one extension (第三十三条第二款: at most 20 working days) counted from the end of the first period.
    /// </summary>
    public static DeadlineSpec Clock(DateOnly receivedOn, DateOnly? correctedOn, int replyDays, int extensionDays) =>
        new(correctedOn ?? receivedOn, DayKind.Working, replyDays)
        {
            Extensions = extensionDays > 0 ? [new DeadlineExtension(extensionDays)] : [],
        };

    /// <summary>The due date of a request on the calendar; null while the clock stands for a correction.</summary>
    public static async Task<DateOnly?> DueAsync(IDeadlineService deadlines, DisclosureRequest r, CancellationToken ct) =>
        r.Status == DisclosureStatus.AwaitingCorrection
            ? null
            : (await deadlines.ComputeAsync(Clock(r.ReceivedOn, r.CorrectedOn, r.ReplyWorkingDays, r.ExtensionDays), r.ReceivedOn, ct)).DueDate;
}
