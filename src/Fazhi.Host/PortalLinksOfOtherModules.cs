using Fazhi.Platform.Web;

namespace Fazhi.Host;

/// <summary>
/// Portal entries for the public pages of the library and lists modules, registered by the host until those modules
/// register their own with <see cref="PortalExtensions.AddPortalLinks"/> (then this file goes). ADR 0029.
/// </summary>
internal static class PortalLinksOfOtherModules
{
    public static IServiceCollection AddPortalLinksOfOtherModules(this IServiceCollection services) => services.AddPortalLinks(
        new PortalLink(PortalSection.Publications, "法律法规查询", "/public/library", 50, "Laws and regulations",
            "现行法律、法规、规章和规范性文件全文检索。", "Full-text search of the laws, regulations and rules in force."),
        new PortalLink(PortalSection.Publications, "证明事项清单", "/public/certificates", 60, "Certification items",
            "办事需要哪些证明，哪些实行告知承诺制。", "Which certificates a service may ask for, and which you may replace by a commitment."),
        new PortalLink(PortalSection.Publications, "应急预案", "/public/emergency-plans", 70, "Emergency plans",
            "公开的突发事件应急预案。", "Published emergency plans."),
        new PortalLink(PortalSection.Services, "清单之外索要证明反映", "/public/certificates/report", 50, "Report a certificate demanded outside the list",
            "被要求提供清单之外的证明，可在此反映。", "Asked for a certificate that is not on the list? Tell us here."),
        new PortalLink(PortalSection.Services, "反映办理结果查询", "/public/certificates/track", 60, "Track a report",
            "凭查询码查询反映的答复。", "Read the answer with your query code."));
}
