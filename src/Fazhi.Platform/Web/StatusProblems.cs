using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Web;

/// <summary>An API answer with a status and no body (sign-in needed, no permission, no such route) as Chinese ProblemDetails.</summary>
internal static class StatusProblems
{
    /// <summary>The framework's English default titles, replaced wherever a ProblemDetails is written.</summary>
    public static void InChinese(ProblemDetailsContext context)
    {
        var p = context.ProblemDetails;
        p.Title = p.Title switch
        {
            null or "One or more validation errors occurred." or "Bad Request" => p.Status is null or 400 ? "请求被拒绝" : p.Title,
            "Unauthorized" => "需要登录",
            "Forbidden" => "无权访问",
            "Not Found" => "未找到",
            "Conflict" => "操作冲突",
            "An error occurred while processing your request." or "Internal Server Error" => "服务器内部错误",
            _ => p.Title,
        };
    }

    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var (title, detail) = http.Response.StatusCode switch
        {
            401 => ("需要登录", "请先登录（Cookie 或 Bearer 令牌）后再调用此接口。"),
            403 => ("无权访问", "您的角色没有执行此操作的权限。"),
            404 => ("未找到", "接口地址或记录不存在，或不在您的数据范围内。"),
            405 => ("请求方法不支持", "此接口不支持该 HTTP 方法。"),
            406 => ("无法提供所需格式", "此接口以 JSON 返回。"),
            415 => ("内容类型不支持", "请求内容类型须为 application/json（上传接口为 multipart/form-data）。"),
            429 => ("请求过于频繁", "请稍后再试。"),
            var s when s >= 500 => ("服务器内部错误", "处理请求时出错，已记录。请稍后重试或联系管理员。"),
            _ => ("请求无效", "请求无法处理。"),
        };
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = http.Response.StatusCode, Title = title, Detail = detail },
        });
    }
}
