using System.Globalization;
using Fazhi.Disputes.Domain;
using Fazhi.Disputes.FollowUp;
using Fazhi.Platform.Features.Notifications;

namespace Fazhi.Disputes.Referrals;

/// <summary>
/// 结果回传: when a referred case closes, the referring system's account (the API client the referral came in through) gets
/// the result in its platform inbox (<c>GET /api/platform/notifications</c>) and through the deployment's outbound channels:
/// its own id, our case number, the result and the day closed; never a party's personal data. Sent once per closing (the
/// follow-up record is created once per case).
/// </summary>
internal static class ReferralResults
{
    public const string NotificationKind = "disputes.referral.result";

    public static async Task NotifyAsync(INotifier notifier, DisputeCase c, FollowUpTask closing, CancellationToken ct)
    {
        if (c.Channel != IntakeChannel.Referral || c.ReferredByUserId is not { } referrer)
        {
            return;
        }
        var result = closing.ResultKind ?? c.ResultName ?? "未注明";
        await notifier.NotifyAsync([referrer], new NotificationMessage(NotificationKind, $"转办纠纷已办结：{c.ExternalSystem} {c.ExternalId}",
            $"贵方转办的纠纷（{c.ExternalSystem} 编号 {c.ExternalId}）已办结。中心案件编号 {c.CaseNumber}，办理结果：{result}，办结日期 "
            + closing.ClosedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "。", null, c.Id.ToString()), ct);
    }
}
