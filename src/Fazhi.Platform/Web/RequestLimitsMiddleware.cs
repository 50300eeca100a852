using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Platform.Web;

/// <summary>
/// Request size limits: JSON and form posts are small (1 MiB); only multipart uploads may approach Kestrel's global
/// limit, and the attachment service applies its own. A body over the limit gets 413 ProblemDetails before it is read.
/// </summary>
internal sealed class RequestLimitsMiddleware(RequestDelegate next)
{
    public const long SmallBodyLimit = 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var isUpload = context.Request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true;
        if (!isUpload)
        {
            if (context.Request.ContentLength > SmallBodyLimit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await context.Response.WriteAsJsonAsync(
                    new ProblemDetails { Status = 413, Title = "请求过大", Detail = $"请求内容超过 {SmallBodyLimit / 1024} KB 的限制。" },
                    options: null, contentType: "application/problem+json");
                return;
            }
            var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (feature is { IsReadOnly: false })
            {
                feature.MaxRequestBodySize = SmallBodyLimit;
            }
        }
        await next(context);
    }
}
