using Microsoft.Extensions.Logging;

namespace Fazhi.Platform.Features.Notifications;

/// <summary>
/// A short text message to someone without an account (a party, an applicant): case updates, a rating link. The message
/// is what the gateway sends; <see cref="Kind"/> and <see cref="Subject"/> say what it is about, for the gateway's log.
/// </summary>
public sealed record TextMessage(string Kind, string Phone, string Text, string? Subject = null);

/// <summary>
/// The SMS interface (短信接口) for people who are not users. Deployments register their operator's gateway; the platform
/// ships <see cref="LoggingTextMessageGateway"/>, which records what would be sent with the number masked. A module writes
/// what it sent into its own record (e.g. a case's handling record), so the history shows it whatever the gateway.
/// </summary>
public interface ITextMessageGateway
{
    string Name { get; }

    /// <summary>Sends the message; returns false when the gateway refused it (the caller records that it was not sent).</summary>
    Task<bool> SendAsync(TextMessage message, CancellationToken ct);
}

/// <summary>The shipped gateway: logs the message kind, the masked number and the length, never the text or the full number.</summary>
internal sealed class LoggingTextMessageGateway(ILogger<LoggingTextMessageGateway> log) : ITextMessageGateway
{
    public string Name => "log";

    public Task<bool> SendAsync(TextMessage message, CancellationToken ct)
    {
        log.LogInformation("Text message {Kind} about {Subject} to {Phone} ({Length} characters)", message.Kind, message.Subject ?? "-",
            Mask(message.Phone), message.Text.Length);
        return Task.FromResult(true);
    }

    /// <summary>138****2222.</summary>
    public static string Mask(string phone) => phone.Length >= 7 ? phone[..3] + "****" + phone[^4..] : "****";
}
