using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fazhi.Platform.Kit;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Fazhi.Platform.Web;

/// <summary>
/// The one place failures become answers (ADR 0021): a <see cref="RefusalException"/> (and the stale edit and the
/// out-of-scope write it stands for) becomes 400 with the reason per field, 404, 409 or 403; an unreadable request
/// (a query value that does not parse, malformed JSON, a wrong JSON type, a missing body) becomes 400 naming the field
/// and what was expected, in Chinese. Everything else is 500 without internals. API requests get ProblemDetails; a page
/// request falls through to the error page, which reads the same answer from <see cref="Describe"/>.
/// </summary>
internal sealed partial class FazhiExceptionHandler(IProblemDetailsService problems, ILogger<FazhiExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var answer = Describe(exception);
        if (answer.Status >= 500)
        {
            log.LogError(exception, "Unhandled exception on {Path}", http.Request.Path);
        }
        if (!IsApi(http))
        {
            return false; // the error page (UseExceptionHandler's path) shows it in the shell
        }
        http.Response.StatusCode = answer.Status;
        ProblemDetails details = answer.Errors is { Count: > 0 } errors
            ? new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value)) { Status = answer.Status, Title = answer.Title, Detail = answer.Detail }
            : new ProblemDetails { Status = answer.Status, Title = answer.Title, Detail = answer.Detail };
        if (answer.Rule is not null)
        {
            details.Extensions["rule"] = answer.Rule;
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, Exception = exception, ProblemDetails = details });
    }

    /// <summary>True for an API request; the middleware has already set the path to the error page, so the original path is read.</summary>
    internal static bool IsApi(HttpContext http)
    {
        var path = new PathString(http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path.Value);
        return path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi");
    }

    /// <summary>A failure as the user is told it: status, title, message, reasons per field, the rule.</summary>
    internal sealed record Answer(int Status, string Title, string Detail, IReadOnlyDictionary<string, string[]>? Errors = null, string? Rule = null);

    internal static Answer Describe(Exception exception)
    {
        if (RefusalException.From(exception) is { } refusal)
        {
            return new Answer(refusal.StatusCode, refusal.Title, refusal.Message, refusal.Errors, refusal.Rule);
        }
        return exception switch
        {
            BadHttpRequestException bad => BadRequest(bad),
            JsonException json => Json(json),
            // A handler reading the body itself (ReadFromJsonAsync) from a request that is not JSON.
            InvalidOperationException when exception.Message.StartsWith("Unable to read the request as JSON", StringComparison.Ordinal) =>
                new Answer(StatusCodes.Status415UnsupportedMediaType, BadTitle, "请求内容类型须为 application/json（上传文件时为 multipart/form-data）。"),
            // A multipart body that is not one (no boundary, cut short): the form reader's failure is the request's fault.
            InvalidDataException or IOException when exception.StackTrace?.Contains("FormFeature", StringComparison.Ordinal) == true || exception is InvalidDataException =>
                new Answer(400, BadTitle, "上传内容无法读取：请以 multipart/form-data 发送文件。"),
            _ => new Answer(StatusCodes.Status500InternalServerError, "服务器内部错误", "处理请求时出错，已记录。请稍后重试或联系管理员。"),
        };
    }

    private const string BadTitle = "请求无效";

    private static Answer BadRequest(BadHttpRequestException bad)
    {
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new Answer(413, "请求过大", "请求内容超过大小限制。");
        }
        if (bad.InnerException is JsonException json)
        {
            return Json(json);
        }
        var message = bad.Message;
        if (BindFailed().Match(message) is { Success: true } m)
        {
            var field = m.Groups["name"].Value;
            var text = $"参数 {field} 的值“{Shorten(m.Groups["value"].Value)}”无法识别：{Expected(m.Groups["type"].Value)}。";
            return Field(field, text);
        }
        if (RequiredMissing().Match(message) is { Success: true } r)
        {
            var field = r.Groups["name"].Value;
            return Field(field, r.Groups["source"].Value.Contains("body", StringComparison.OrdinalIgnoreCase)
                ? $"缺少请求内容 {field}：请求正文须为 JSON 对象，不能为空或 null。"
                : $"缺少必填参数 {field}。");
        }
        if (BodyNotProvided().Match(message) is { Success: true } b)
        {
            var field = b.Groups["name"].Value;
            return Field(field, $"缺少请求内容 {field}：请求正文须为 JSON 对象，不能为空或 null。");
        }
        if (message.Contains("JSON media type", StringComparison.OrdinalIgnoreCase))
        {
            return new Answer(StatusCodes.Status415UnsupportedMediaType, BadTitle, "请求内容类型须为 application/json。");
        }
        if (message.Contains("anti-forgery", StringComparison.OrdinalIgnoreCase) || message.Contains("antiforgery", StringComparison.OrdinalIgnoreCase))
        {
            return new Answer(400, BadTitle, "表单已过期或来源无法验证，请刷新页面后重试。");
        }
        if (message.Contains("form", StringComparison.OrdinalIgnoreCase))
        {
            return new Answer(400, BadTitle, "表单内容无法读取，请检查后重新提交。");
        }
        return new Answer(bad.StatusCode, BadTitle, "请求格式不正确，请检查后重试。");
    }

    private static Answer Field(string field, string message) =>
        new(400, BadTitle, message, new Dictionary<string, string[]> { [field] = [message] });

    private static Answer Json(JsonException json)
    {
        var field = FieldOf(json.Path);
        string message;
        if (json.InnerException is RefusalException { Errors.Count: > 0 } fields)
        {
            // Fields of an object at the path (a required field missing): named from the request's root.
            var prefix = field is "" ? "" : field + ".";
            var errors = fields.Errors.ToDictionary(e => prefix + e.Key, e => e.Value.Select(m => m.Replace(" " + e.Key, " " + prefix + e.Key, StringComparison.Ordinal)).ToArray());
            return new Answer(400, BadTitle, string.Join(" ", errors.Values.SelectMany(v => v)), errors);
        }
        if (json.InnerException is RefusalException inner)
        {
            message = field is "" ? inner.Message : $"字段 {field}：{inner.Message}";
        }
        else if (ConvertFailed().Match(json.Message) is { Success: true } m)
        {
            message = $"字段 {field} 的值无法识别：{Expected(m.Groups["type"].Value)}。";
        }
        else
        {
            message = field is "" ? "请求内容不是有效的 JSON。" : $"字段 {field} 附近的 JSON 格式不正确。";
        }
        return field is ""
            ? new Answer(400, BadTitle, message)
            : Field(field, message);
    }

    /// <summary>"$.applicant.kind" → "applicant.kind"; "$" or null → "".</summary>
    internal static string FieldOf(string? path) => path is null or "$" ? "" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;

    /// <summary>What a value of the given .NET type must look like, in Chinese.</summary>
    internal static string Expected(string typeName)
    {
        var bare = typeName.Replace("System.", "", StringComparison.Ordinal).TrimEnd('?');
        if (bare.StartsWith("Nullable`1[", StringComparison.Ordinal))
        {
            bare = bare["Nullable`1[".Length..].TrimEnd(']').Replace("System.", "", StringComparison.Ordinal);
        }
        return bare switch
        {
            "Int32" or "int" or "Int64" or "long" or "Int16" or "short" or "Byte" or "byte" => "应为整数",
            "Decimal" or "decimal" or "Double" or "double" or "Single" or "float" => "应为数字",
            "Boolean" or "bool" => "应为 true 或 false",
            "DateOnly" => "应为日期，格式 yyyy-MM-dd，且须为真实存在的日期",
            "DateTime" or "DateTimeOffset" => "应为日期时间，格式 yyyy-MM-ddTHH:mm:ss",
            "TimeOnly" => "应为时间，格式 HH:mm",
            "Guid" => "应为记录编号（GUID）",
            "String" or "string" => "应为文本",
            _ when EnumNames(bare) is { } names => "应为以下之一：" + names,
            _ when bare.Contains("[]", StringComparison.Ordinal) || bare.Contains("List", StringComparison.Ordinal) => "应为数组",
            _ => "类型不正确",
        };
    }

    private static readonly ConcurrentDictionary<string, string?> EnumNameCache = new();

    private static string? EnumNames(string typeName) => EnumNameCache.GetOrAdd(typeName, name =>
    {
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (!(assembly.GetName().Name ?? "").StartsWith("Fazhi", StringComparison.Ordinal))
            {
                continue;
            }
            var type = assembly.GetType(name, throwOnError: false)
                ?? assembly.GetTypes().FirstOrDefault(t => t.IsEnum && (t.FullName == name || t.Name == name));
            if (type is { IsEnum: true })
            {
                return string.Join("、", Enum.GetNames(type));
            }
        }
        return null;
    });

    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^"]+?) (?<name>[^" ]+)" from "(?<value>.*)"\.?$""", RegexOptions.Singleline)]
    private static partial Regex BindFailed();

    [GeneratedRegex("""^Required parameter "(?<type>[^"]+?) (?<name>[^" ]+)" was not provided from (?<source>[^.]+)""")]
    private static partial Regex RequiredMissing();

    [GeneratedRegex("""parameter "(?<type>[^"]+?) (?<name>[^" ]+)" but no body was provided""")]
    private static partial Regex BodyNotProvided();

    [GeneratedRegex("""could not be converted to (?<type>[^\s.]+(?:\.[^\s.]+)*)\.(?:\s|$)""")]
    private static partial Regex ConvertFailed();
}
