using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fazhi.Platform.Features.Identifiers;

/// <summary><c>POST /api/platform/identifiers/validate</c>: checks a unified social credit code or a resident ID number for forms and clients.</summary>
internal static class IdentifiersFeature
{
    public const string Uscc = "uscc";

    public const string ResidentId = "resident-id";

    /// <param name="Kind"><c>uscc</c> or <c>resident-id</c>.</param>
    /// <param name="Value">The identifier as typed.</param>
    public sealed record ValidateRequest(string? Kind, string? Value);

    /// <param name="Valid">Whether the identifier is valid.</param>
    /// <param name="Message">In Chinese: "有效。" or what is wrong.</param>
    /// <param name="Normalized">The form to store (trimmed, upper-case).</param>
    /// <param name="Problem">None, Empty, WrongLength, IllegalCharacter, InvalidBirthDate or CheckDigitMismatch.</param>
    /// <param name="Overridable">True for a credit code that fails only its check character: a reviewed override with a reason may accept it.</param>
    public sealed record ValidateResponse(bool Valid, string Message, string Normalized, string Problem, bool Overridable);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/identifiers/validate", Validate)
            .RequireAuthorization()
            .WithTags("identifiers")
            .WithSummary("校验统一社会信用代码或公民身份号码");
    }

    private static Results<Ok<ValidateResponse>, ValidationProblem> Validate(ValidateRequest request)
    {
        IdentifierCheck? check = request.Kind?.Trim().ToLowerInvariant() switch
        {
            Uscc => UnifiedSocialCreditCode.Validate(request.Value),
            ResidentId => ResidentIdNumber.Validate(request.Value),
            _ => null,
        };
        if (check is null)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["kind"] = ["kind 须为 uscc（统一社会信用代码）或 resident-id（公民身份号码）。"] },
                detail: "未知的证件类型。");
        }
        var overridable = request.Kind!.Trim().Equals(Uscc, StringComparison.OrdinalIgnoreCase) && check.Problem == IdentifierProblem.CheckDigitMismatch;
        return TypedResults.Ok(new ValidateResponse(check.IsValid, check.Message, check.Normalized, check.Problem.ToString(), overridable));
    }
}
