using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fazhi.Platform.Features.Users;

/// <summary>How an administration command ended; pages show <see cref="Detail"/>, the API maps it to a status code.</summary>
internal enum OutcomeKind
{
    Ok,
    NotFound,
    Invalid,
    Forbidden,
    Conflict,
}

/// <summary>The result of a user or role administration command, shared by the pages and the API.</summary>
internal sealed record AdminOutcome<T>(OutcomeKind Kind, T? Value, string? Detail, IReadOnlyDictionary<string, string[]>? Errors)
{
    public bool Succeeded => Kind == OutcomeKind.Ok;

    public static AdminOutcome<T> Ok(T value) => new(OutcomeKind.Ok, value, null, null);

    public static AdminOutcome<T> NotFound(string detail) => new(OutcomeKind.NotFound, default, detail, null);

    public static AdminOutcome<T> Forbidden(string detail) => new(OutcomeKind.Forbidden, default, detail, null);

    /// <summary>A stale edit: the record changed since the caller read it.</summary>
    public static AdminOutcome<T> Conflict() => new(OutcomeKind.Conflict, default, "该记录已被他人修改，请刷新后再保存。您的修改尚未保存。", null);

    /// <summary>A refusal tied to one field; the detail repeats the reason so a page can show it in one line.</summary>
    public static AdminOutcome<T> Invalid(string field, string message) =>
        new(OutcomeKind.Invalid, default, message, new Dictionary<string, string[]> { [field] = [message] });

    public static AdminOutcome<T> Invalid(IReadOnlyDictionary<string, string[]> errors, string detail) =>
        new(OutcomeKind.Invalid, default, detail, errors);

    public AdminOutcome<TOther> As<TOther>() => new(Kind, default, Detail, Errors);

    /// <summary>The message a page shows for a failed command (field messages joined).</summary>
    public string Message => Errors is { Count: > 0 } ? string.Join(" ", Errors.Values.SelectMany(v => v).Distinct()) : Detail ?? "";
}

/// <summary>Maps an <see cref="AdminOutcome{T}"/> to typed HTTP results with Chinese ProblemDetails.</summary>
internal static class AdminOutcomeResults
{
    public static Results<Ok<TResponse>, ValidationProblem, ProblemHttpResult> ToHttp<T, TResponse>(this AdminOutcome<T> outcome, Func<T, TResponse> map) =>
        outcome.Kind switch
        {
            OutcomeKind.Ok => TypedResults.Ok(map(outcome.Value!)),
            OutcomeKind.Invalid => TypedResults.ValidationProblem(outcome.Errors ?? new Dictionary<string, string[]>(), detail: outcome.Message, title: "请求被拒绝"),
            _ => Problem(outcome),
        };

    public static Results<NoContent, ValidationProblem, ProblemHttpResult> ToNoContent<T>(this AdminOutcome<T> outcome) =>
        outcome.Kind switch
        {
            OutcomeKind.Ok => TypedResults.NoContent(),
            OutcomeKind.Invalid => TypedResults.ValidationProblem(outcome.Errors ?? new Dictionary<string, string[]>(), detail: outcome.Message, title: "请求被拒绝"),
            _ => Problem(outcome),
        };

    public static ProblemHttpResult Problem<T>(AdminOutcome<T> outcome) => outcome.Kind switch
    {
        OutcomeKind.NotFound => TypedResults.Problem(title: "未找到", detail: outcome.Detail, statusCode: StatusCodes.Status404NotFound),
        OutcomeKind.Conflict => TypedResults.Problem(title: "修改冲突", detail: outcome.Detail, statusCode: StatusCodes.Status409Conflict),
        _ => TypedResults.Problem(title: "无权执行此操作", detail: outcome.Detail, statusCode: StatusCodes.Status403Forbidden),
    };
}
