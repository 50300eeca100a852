using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Platform.Kit;

/// <summary>Why a request was refused; the one exception handler maps each kind to its status code.</summary>
public enum RefusalKind
{
    /// <summary>The input breaks a rule: 400 with the reason per field.</summary>
    Invalid,

    /// <summary>The record does not exist or is outside the caller's data scope (the two are not told apart): 404.</summary>
    NotFound,

    /// <summary>The record's state does not allow it now, or it changed since the caller read it: 409.</summary>
    Conflict,

    /// <summary>The caller may not do this: 403.</summary>
    Forbidden,
}

/// <summary>
/// The one way a service refuses a request (ADR 0021). It carries a Chinese message, the reason per field (the keys of
/// the API's ValidationProblem and of a page's inline messages) and, where a statute sets the rule, the article.
/// Services throw it; the platform's exception handler turns it into ProblemDetails on the API, and pages show it inline
/// through <see cref="PageActions"/>. Nothing is saved: a refusal is thrown before SaveChanges or rolls the transaction back.
/// </summary>
public sealed class RefusalException : Exception
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    public RefusalException(RefusalKind kind, string message, IReadOnlyDictionary<string, string[]>? errors = null, string? rule = null)
        : base(message)
    {
        Kind = kind;
        Errors = errors ?? NoErrors;
        Rule = rule;
    }

    public RefusalKind Kind { get; }

    /// <summary>Reasons by field name (camelCase, as the API's JSON names the field).</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>The rule and article behind the refusal, e.g. "行政处罚法 第五十一条", when there is one.</summary>
    public string? Rule { get; }

    /// <summary>The message a page shows in one line: the field reasons joined, or the message.</summary>
    public string Summary => Errors.Count > 0 ? string.Join(" ", Errors.Values.SelectMany(v => v).Distinct()) : Message;

    /// <summary>The status code the handler answers with.</summary>
    public int StatusCode => Kind switch
    {
        RefusalKind.Invalid => 400,
        RefusalKind.NotFound => 404,
        RefusalKind.Conflict => 409,
        _ => 403,
    };

    /// <summary>The ProblemDetails title for the kind.</summary>
    public string Title => Kind switch
    {
        RefusalKind.Invalid => "请求被拒绝",
        RefusalKind.NotFound => "未找到",
        RefusalKind.Conflict => "操作冲突",
        _ => "无权执行此操作",
    };

    /// <summary>Maps the platform's cross-cutting failures (stale edit, out-of-scope write) to a refusal; null for anything else.</summary>
    public static RefusalException? From(Exception exception) => exception switch
    {
        RefusalException r => r,
        DbUpdateConcurrencyException => Refuse.Stale(),
        ScopeViolationException => Refuse.NotFound(),
        _ => null,
    };
}

/// <summary>Short factories for <see cref="RefusalException"/>: <c>throw Refuse.Field("name", "请填写姓名。")</c>.</summary>
public static class Refuse
{
    public const string NotFoundMessage = "记录不存在或不在您的数据范围内。";

    public const string StaleMessage = "该记录已被他人修改，请刷新后再保存。您的修改尚未保存。";

    /// <summary>One field breaks a rule.</summary>
    public static RefusalException Field(string field, string message, string? rule = null) =>
        new(RefusalKind.Invalid, message, new Dictionary<string, string[]> { [field] = [message] }, rule);

    /// <summary>Several fields break rules; <paramref name="message"/> summarises.</summary>
    public static RefusalException Fields(IReadOnlyDictionary<string, string[]> errors, string? message = null) =>
        new(RefusalKind.Invalid, message ?? string.Join(" ", errors.Values.SelectMany(v => v).Distinct()), errors);

    /// <summary>The request as a whole breaks a rule (no single field).</summary>
    public static RefusalException Invalid(string message, string? rule = null) => new(RefusalKind.Invalid, message, null, rule);

    public static RefusalException NotFound(string? message = null) => new(RefusalKind.NotFound, message ?? NotFoundMessage);

    /// <summary>The record's state does not allow the action now.</summary>
    public static RefusalException Conflict(string message, string? rule = null) => new(RefusalKind.Conflict, message, null, rule);

    public static RefusalException Stale() => new(RefusalKind.Conflict, StaleMessage);

    /// <summary>
    /// A change to a record must carry the version it was read at: without one the field <c>version</c> is refused (naming
    /// <paramref name="what"/>), with another one the change is stale (409), so nobody overwrites a change they have not seen.
    /// </summary>
    public static void UnlessVersion(long? given, long current, string what)
    {
        if (given is not { } v)
        {
            throw Field("version", $"请提供{what}的版本号（version，读取时返回），以免覆盖他人刚作的修改。");
        }
        if (v != current)
        {
            throw Stale();
        }
    }

    public static RefusalException Forbidden(string message) => new(RefusalKind.Forbidden, message);
}

/// <summary>
/// Collects field reasons while a service checks a request, then refuses them together:
/// <c>var check = new FieldChecks(); check.Add("name", "..."); check.ThrowIfAny();</c>
/// </summary>
public sealed class FieldChecks
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public bool Any => _errors.Count > 0;

    public FieldChecks Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(message);
        return this;
    }

    /// <summary>Adds <paramref name="message"/> when <paramref name="broken"/> is true.</summary>
    public FieldChecks When(bool broken, string field, string message) => broken ? Add(field, message) : this;

    public IReadOnlyDictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public void ThrowIfAny(string? message = null)
    {
        if (Any)
        {
            throw Refuse.Fields(Errors, message);
        }
    }
}

/// <summary>
/// The page side of a refusal: run a command and get the refusal back to show inline (with <c>FieldErrors</c> and
/// <c>Alert</c>), instead of each page catching each service's exceptions.
/// </summary>
public static class PageActions
{
    /// <summary>Runs <paramref name="action"/>; a refusal (or a stale edit, or an out-of-scope write) comes back, anything else propagates.</summary>
    public static async Task<RefusalException?> TryAsync(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception e) when (RefusalException.From(e) is { } refusal)
        {
            return refusal;
        }
    }

    /// <summary>Runs <paramref name="action"/> and returns its value, or the refusal.</summary>
    public static async Task<(T? Value, RefusalException? Refusal)> TryAsync<T>(Func<Task<T>> action)
    {
        try
        {
            return (await action(), null);
        }
        catch (Exception e) when (RefusalException.From(e) is { } refusal)
        {
            return (default, refusal);
        }
    }
}
