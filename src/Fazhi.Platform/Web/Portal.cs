using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Web;

/// <summary>Where a portal link appears on the citizens' portal (anonymous <c>/</c>), in this order.</summary>
public enum PortalSection
{
    /// <summary>办事: apply, track, report.</summary>
    Services = 1,

    /// <summary>公开信息: the published lists and decisions.</summary>
    Publications = 2,

    /// <summary>参与: surveys and consultations.</summary>
    Participation = 3,
}

/// <summary>
/// One entry of the citizens' portal: a public page (no account needed) with a Chinese title and a one-line note, and their
/// English. Modules register theirs with <see cref="PortalExtensions.AddPortalLinks"/>; the host's portal renders them (ADR 0029).
/// </summary>
public sealed record PortalLink(PortalSection Section, string Title, string Href, int Order, string TitleEn, string Note = "", string NoteEn = "")
{
    public string TitleFor() => English ? TitleEn : Title;

    public string NoteFor() => English ? NoteEn : Note;

    private static bool English => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}

/// <summary>
/// Portal links that depend on data (e.g. the surveys open now). Runs for anonymous visitors, so it reads as system work and
/// returns only what is public anyway.
/// </summary>
public interface IPortalLinkSource
{
    Task<IReadOnlyList<PortalLink>> LinksAsync(CancellationToken ct);
}

public static class PortalExtensions
{
    public static IServiceCollection AddPortalLinks(this IServiceCollection services, params PortalLink[] links)
    {
        foreach (var link in links)
        {
            services.AddSingleton(link);
        }
        return services;
    }

    public static IServiceCollection AddPortalLinkSource<T>(this IServiceCollection services)
        where T : class, IPortalLinkSource => services.AddScoped<IPortalLinkSource, T>();
}
