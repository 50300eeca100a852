using Fazhi.Platform.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Fazhi.Platform.Web;

/// <summary>
/// The one place unexpected and cross-cutting failures become ProblemDetails: stale edits 409, out-of-scope writes 404,
/// unreadable requests 400. Everything else is 500 without internals.
/// </summary>
internal sealed class FazhiExceptionHandler(IProblemDetailsService problems, ILogger<FazhiExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var (status, title, detail) = exception switch
        {
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "修改冲突", "该记录已被他人修改，请刷新后再保存。您的修改尚未保存。"),
            ScopeViolationException => (StatusCodes.Status404NotFound, "未找到", "记录不存在或不在您的数据范围内。"),
            BadHttpRequestException bad => (bad.StatusCode, "请求无效", BadRequestDetail(bad)),
            System.Text.Json.JsonException => (StatusCodes.Status400BadRequest, "请求无效", "请求内容不是有效的 JSON。"),
            _ => (StatusCodes.Status500InternalServerError, "服务器内部错误", "处理请求时出错，已记录。请稍后重试或联系管理员。"),
        };
        if (status >= 500)
        {
            log.LogError(exception, "Unhandled exception on {Path}", http.Request.Path);
        }
        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    private static string BadRequestDetail(BadHttpRequestException bad) => bad.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => "请求内容超过大小限制。",
        _ when bad.InnerException is System.Text.Json.JsonException => "请求内容不是有效的 JSON。",
        _ => "请求格式不正确：" + bad.Message,
    };
}
