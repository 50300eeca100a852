using System.Text.RegularExpressions;
using Fazhi.Platform.Features.Notifications;

namespace Fazhi.Testing;

/// <summary>
/// Reads a verification code from the text message a public page's "获取验证码" sends (the kit's phone check): the sending
/// service is built in a scope of the host with a recording gateway in place of the shipped logging one.
/// </summary>
public static partial class TextMessageCodes
{
    /// <summary>
    /// Runs <paramref name="send"/> (a service built with the gateway it is given, asked to send a code), asserts that exactly
    /// one message of <paramref name="kind"/> went out (to <paramref name="phone"/> when given) and returns its 6-digit code.
    /// </summary>
    public static Task<string> ReadAsync(FazhiFactory factory, string kind, Func<IServiceProvider, ITextMessageGateway, Task> send, string? phone = null) =>
        factory.InScopeAsync(async sp =>
        {
            var sms = new RecordingGateway();
            await send(sp, sms);
            var message = Assert.Single(sms.Sent);
            Assert.Equal(kind, message.Kind);
            if (phone is not null)
            {
                Assert.Equal(phone, message.Phone);
            }
            return CodeInText().Match(message.Text).Groups[1].Value;
        });

    [GeneratedRegex("验证码 ([0-9]{6})")]
    private static partial Regex CodeInText();

    /// <summary>A text-message gateway that keeps what it is given.</summary>
    public sealed class RecordingGateway : ITextMessageGateway
    {
        public List<TextMessage> Sent { get; } = [];

        public string Name => "test";

        public Task<bool> SendAsync(TextMessage message, CancellationToken ct)
        {
            Sent.Add(message);
            return Task.FromResult(true);
        }
    }
}
