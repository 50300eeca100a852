using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Features.Attachments;

/// <summary>Attachments: byte-checked uploads into content-addressed storage, scoped by org unit, authorised downloads.</summary>
internal static class AttachmentsFeature
{
    public static void Add(WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AttachmentStorage>();
        builder.Services.AddScoped<AttachmentService>();
        builder.Services.AddScoped<IAttachmentStore, AttachmentStore>();
    }

    public static void Map(RouteGroupBuilder api) => AttachmentsApi.Map(api);
}
