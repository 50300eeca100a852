using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fazhi.Platform.Features.Notifications;

/// <summary>In-app inbox plus pluggable outbound channels (the shipped one logs).</summary>
internal static class NotificationsFeature
{
    public static void Add(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<INotifier, Notifier>();
        builder.Services.AddScoped<Inbox>();
        builder.Services.AddWorkSummary<InboxWorkSummary>();
        builder.Services.AddSingleton<INotificationChannel, LoggingNotificationChannel>();
        builder.Services.AddSingleton<TextMessageOutbox>();
        builder.Services.AddSingleton<LoggingTextMessageGateway>();
        // The outbox is decided at the first send, after start-up has applied the --demo default (PlatformStartup).
        builder.Services.TryAddSingleton<ITextMessageGateway>(sp => sp.GetRequiredService<TextMessageOutbox>().IsOn
            ? ActivatorUtilities.CreateInstance<OutboxTextMessageGateway>(sp)
            : sp.GetRequiredService<LoggingTextMessageGateway>());
        builder.Services.AddNavItems(new NavItem("个人中心", "我的消息", "/notifications", null, 5, "My notices"));
    }

    public static void Map(RouteGroupBuilder api) => Inbox.Map(api);
}
