using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Web;

/// <summary>
/// One line of the home page's to-do panel (待办): what needs the signed-in user's attention in a module, how many, and where
/// to go. <see cref="Title"/> is Chinese and goes through the localizer; <see cref="Urgent"/> marks overdue work.
/// </summary>
public sealed record WorkItem(string Group, string Title, int Count, string Href, bool Urgent = false, bool Capped = false);

/// <summary>
/// A module's contribution to the home page: counts for the signed-in user, within their permissions and data scope. It
/// runs on every visit of the home page, so it should be index counts, and it returns nothing the user may not see.
/// </summary>
public interface IWorkSummary
{
    Task<IReadOnlyList<WorkItem>> ItemsAsync(CancellationToken ct);
}

public static class WorkSummaryExtensions
{
    public static IServiceCollection AddWorkSummary<T>(this IServiceCollection services)
        where T : class, IWorkSummary => services.AddScoped<IWorkSummary, T>();
}
