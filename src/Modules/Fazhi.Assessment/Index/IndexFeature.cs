using System.Threading.RateLimiting;
using Fazhi.Assessment.Survey;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Assessment.Index;

/// <summary>Registers the rule-of-law index, the public satisfaction survey, and the progress board (ADR 0016).</summary>
internal static class IndexFeature
{
    /// <summary>Public survey answers take no account: submissions are limited per client address.</summary>
    public const string PublicRateLimit = "assessment-survey-public";

    public static IServiceCollection AddRuleOfLawIndex(this IServiceCollection services)
    {
        services.AddScoped<SurveyService>();
        services.AddScoped<IndexService>();
        services.AddScoped<Board.BoardView>();
        services.AddRateLimiter(o => o.AddPolicy(PublicRateLimit, http => HttpMethods.IsPost(http.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 30, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("read")));
        services.AddPortalLinkSource<OpenSurveyLinks>();
        services.AddNavItems(
            new NavItem("法治督察考评", "法治指数", "/assessment/index", AssessmentPermissions.Read, 40, "Rule-of-law index"),
            new NavItem("法治督察考评", "满意度调查", "/assessment/surveys", AssessmentPermissions.Read, 50, "Satisfaction surveys"));
        return services;
    }
}

/// <summary>The citizens' portal lists the satisfaction surveys open now (ADR 0029).</summary>
internal sealed class OpenSurveyLinks(SurveyService surveys) : IPortalLinkSource
{
    public async Task<IReadOnlyList<PortalLink>> LinksAsync(CancellationToken ct) =>
        (await surveys.OpenSurveysAsync(ct)).Select((s, i) => new PortalLink(PortalSection.Participation, s.Title, "/survey/" + s.Token, i,
            s.Title, "法治建设满意度调查，匿名填写。", "Rule-of-law satisfaction survey; anonymous.")).ToList();
}
