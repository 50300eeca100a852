using System.Net.Http.Json;
using Fazhi.Rulemaking.Legislation;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Rulemaking.Tests;

/// <summary>A citizen's comment as the public form makes it: a code asked for the mobile (read from the SMS), then the comment with it (ADR 0065).</summary>
internal static class CommentKit
{
    /// <summary>Asks for a comment code the way the public page does and reads it from the text message (sent to a recording gateway).</summary>
    public static Task<string> CodeAsync(FazhiFactory factory, string projectId, string phone, string? article = null) =>
        TextMessageCodes.ReadAsync(factory, "rulemaking.legislation-comment-code", (sp, sms) =>
            ActivatorUtilities.CreateInstance<LegislationService>(sp, sms).SendCodeAsync(Guid.Parse(projectId), new CommentCodeInput(phone, article), null, CancellationToken.None),
            Fazhi.Platform.Kit.MainlandMobile.Normalise(phone));

    /// <summary>Posts a comment from <paramref name="phone"/> with a fresh code for it.</summary>
    public static async Task<HttpResponseMessage> CommentAsync(FazhiFactory factory, HttpClient citizen, string projectId, string article, string text, string phone, string? name = null)
    {
        var code = await CodeAsync(factory, projectId, phone);
        return await citizen.PostAsJsonAsync("/api/rulemaking/public/legislation/comments", new { projectId, article, text, name, phone, code });
    }
}
