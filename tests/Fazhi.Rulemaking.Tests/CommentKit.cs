using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Fazhi.Platform.Features.Notifications;
using Fazhi.Rulemaking.Legislation;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Rulemaking.Tests;

/// <summary>A citizen's comment as the public form makes it: a code asked for the mobile (read from the SMS), then the comment with it (ADR 0065).</summary>
internal static partial class CommentKit
{
    /// <summary>Asks for a comment code the way the public page does and reads it from the text message (sent to a recording gateway).</summary>
    public static Task<string> CodeAsync(FazhiFactory factory, string projectId, string phone, string? article = null) => factory.InScopeAsync(async sp =>
    {
        var sms = new RecordingGateway();
        await ActivatorUtilities.CreateInstance<LegislationService>(sp, sms).SendCodeAsync(Guid.Parse(projectId), new CommentCodeInput(phone, article), null, CancellationToken.None);
        var message = Assert.Single(sms.Sent);
        Assert.Equal("rulemaking.legislation-comment-code", message.Kind);
        Assert.Equal(Fazhi.Platform.Kit.MainlandMobile.Normalise(phone), message.Phone);
        return CodeInText().Match(message.Text).Groups[1].Value;
    });

    /// <summary>Posts a comment from <paramref name="phone"/> with a fresh code for it.</summary>
    public static async Task<HttpResponseMessage> CommentAsync(FazhiFactory factory, HttpClient citizen, string projectId, string article, string text, string phone, string? name = null)
    {
        var code = await CodeAsync(factory, projectId, phone);
        return await citizen.PostAsJsonAsync("/api/rulemaking/public/legislation/comments", new { projectId, article, text, name, phone, code });
    }

    [GeneratedRegex("验证码 ([0-9]{6})")]
    private static partial Regex CodeInText();

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
