using Fazhi.Disputes.Cases;
using Fazhi.Disputes.Data;
using Fazhi.Disputes.Domain;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Disputes.Handling;

/// <summary>
/// Hand-over messages (issue 13, ADR 0031): whoever work is handed to is told at once, in the inbox (a to-do with the case's
/// link) and through the notification channels: a new application at a unit, a case routed or re-routed to a unit, a case
/// assigned to a handler, 下派 to a unit below, 上报/退回 to the unit above, and the receipt of a dispatched case. Parties, who
/// have no account, get case updates by SMS (<see cref="ITextMessageGateway"/>), written into the handling record.
/// Sent after the change is committed: a message never announces work that was rolled back.
/// </summary>
internal sealed class HandOvers(DisputesDb db, INotifier notifier, ITextMessageGateway sms, IDeadlineService deadlines)
{
    public const string Kind = "disputes.handover";
    public const string PartyKind = "disputes.party";

    private static string Link(Guid caseId) => $"/disputes/cases/{caseId}";

    /// <summary>To everyone who may handle cases at exactly <paramref name="unitId"/> (the unit's clerks and mediators).</summary>
    public async Task<int> ToUnitAsync(Guid caseId, Guid unitId, string what, string title, string body, CancellationToken ct)
    {
        var to = await notifier.UsersWithPermissionAtAsync(unitId, DisputesPermissions.CasesHandle, ct);
        return await notifier.NotifyAsync(to, new NotificationMessage(Kind, title, body, Link(caseId), $"{caseId}:{what}"), ct);
    }

    public Task<int> ToUserAsync(Guid caseId, Guid userId, string what, string title, string body, CancellationToken ct) =>
        notifier.NotifyAsync([userId], new NotificationMessage(Kind, title, body, Link(caseId), $"{caseId}:{what}"), ct);

    public Task<int> NewApplicationAsync(DisputeCase c, CancellationToken ct) =>
        ToUnitAsync(c.Id, c.OrgUnitId, "new", $"新的纠纷申请：{c.CaseNumber}",
            $"{Labels.CaseTypeName(c.CaseTypeCode)}案件 {c.CaseNumber}（{c.Category}）已登记到本单位，请在期限内审查受理。", ct);

    /// <summary>
    /// SMS to the applicant (and the agent, when there is one with a phone): the message is recorded in the handling record
    /// as sent, or as not sent when nobody has a phone or the gateway refused. Returns the masked numbers it went to.
    /// </summary>
    /// <param name="recorded">What the handling record says was sent, when the text holds a secret (a rating link's token).</param>
    public async Task<IReadOnlyList<string>> ToPartiesAsync(Guid caseId, string what, string text, CancellationToken ct, string? recorded = null)
    {
        var c = await db.Cases.AsNoTracking().Include(x => x.Parties).FirstOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null)
        {
            return [];
        }
        var sent = new List<string>();
        foreach (var p in c.Parties.Where(p => p.Role is PartyRole.Applicant or PartyRole.Agent && p.Phone is not null))
        {
            if (await sms.SendAsync(new TextMessage(PartyKind, p.Phone!.Reveal(), text, $"{caseId}:{what}"), ct))
            {
                sent.Add(p.Phone.Masked);
            }
        }
        db.Set<CaseEvent>().Add(new CaseEvent
        {
            CaseId = c.Id,
            OrgUnitId = c.OrgUnitId,
            Kind = CaseEventKind.PartyMessage,
            OnDate = deadlines.Today,
            ActorName = "系统（短信）",
            Text = sent.Count > 0 ? $"短信告知当事人（{string.Join("、", sent)}）：{recorded ?? text}" : $"未能短信告知当事人（无手机号码或短信接口未发送）：{recorded ?? text}",
        });
        await db.SaveChangesAsync(ct);
        return sent;
    }
}
