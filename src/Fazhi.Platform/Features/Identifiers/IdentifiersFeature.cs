using Fazhi.Platform.Features.OrgUnits;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Features.Identifiers;

/// <summary>
/// <c>POST /api/platform/identifiers/validate</c>: checks a unified social credit code or a resident ID number for forms and clients;
/// <c>/api/platform/identifiers/overrides</c>: the reviewed override of a credit code failing its check character (issue 12).
/// </summary>
internal static class IdentifiersFeature
{
    public const string Uscc = "uscc";

    public const string ResidentId = "resident-id";

    public const string ReviewerRole = "identifier-reviewer";

    public static void Add(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<ICreditCodeCheck, CreditCodeCheck>();
        services.AddScoped<CreditCodeOverrides>();
        services.AddModuleRoles(new ModuleRole(ReviewerRole, "统一社会信用代码核实人",
            "确认或驳回他人提交的统一社会信用代码核实放行申请（早期赋码校验码不符但真实存在的代码）。",
            [PlatformPermissions.IdentifiersReview]));
        services.AddDemoRoleAssignments(new DemoRoleAssignment("demo-city", ReviewerRole, OrgUnitSeed.CityCode));
        services.AddNavItems(new NavItem("系统管理", "信用代码核实", "/admin/credit-code-overrides", PlatformPermissions.IdentifiersReview, 50, "Credit code overrides"));
    }

    /// <param name="Kind"><c>uscc</c> or <c>resident-id</c>.</param>
    /// <param name="Value">The identifier as typed.</param>
    public sealed record ValidateRequest(string? Kind, string? Value);

    /// <param name="Valid">Whether the identifier is valid.</param>
    /// <param name="Message">In Chinese: "有效。" or what is wrong.</param>
    /// <param name="Normalized">The form to store (trimmed, upper-case).</param>
    /// <param name="Problem">None, Empty, WrongLength, IllegalCharacter, InvalidBirthDate or CheckDigitMismatch.</param>
    /// <param name="Overridable">True for a credit code that fails only its check character: a reviewed override with a reason may accept it.</param>
    public sealed record ValidateResponse(bool Valid, string Message, string Normalized, string Problem, bool Overridable);

    /// <param name="Code">The credit code that fails only its check character.</param>
    /// <param name="Reason">What it was compared with, e.g. 已核对营业执照原件.</param>
    public sealed record OverrideRequest(string? Code, string? Reason);

    /// <param name="Version">The version read (optional; a stale one is refused with 409).</param>
    /// <param name="Note">The reviewer's note; required when rejecting.</param>
    public sealed record ReviewRequest(long? Version, string? Note);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/identifiers/validate", ValidateAsync)
            .RequireAuthorization()
            .WithTags("identifiers")
            .WithSummary("校验统一社会信用代码或公民身份号码");
        var g = api.MapGroup("/identifiers/overrides").WithTags("identifiers");
        g.MapPost("", RequestAsync).RequireAuthorization().WithSummary("申请核实放行校验码不符的统一社会信用代码");
        g.MapGet("", ListAsync).RequireAuthorization().WithSummary("核实放行申请（待确认在前）");
        g.MapPost("/{id:guid}/confirm", ConfirmAsync).RequirePermission(PlatformPermissions.IdentifiersReview).WithSummary("确认核实放行（须为申请人以外的人员）");
        g.MapPost("/{id:guid}/reject", RejectAsync).RequirePermission(PlatformPermissions.IdentifiersReview).WithSummary("驳回核实放行申请");
    }

    private static async Task<Ok<ValidateResponse>> ValidateAsync(ValidateRequest request, ICreditCodeCheck creditCodes, CancellationToken ct)
    {
        IdentifierCheck? check = request.Kind?.Trim().ToLowerInvariant() switch
        {
            Uscc => await creditCodes.CheckAsync(request.Value, ct),
            ResidentId => ResidentIdNumber.Validate(request.Value),
            _ => null,
        };
        if (check is null)
        {
            throw Refuse.Field("kind", "kind 须为 uscc（统一社会信用代码）或 resident-id（公民身份号码）。");
        }
        var overridable = request.Kind!.Trim().Equals(Uscc, StringComparison.OrdinalIgnoreCase) && check.Problem == IdentifierProblem.CheckDigitMismatch && !check.AcceptedByOverride;
        return TypedResults.Ok(new ValidateResponse(check.IsValid, check.Message, check.Normalized, check.Problem.ToString(), overridable));
    }

    private static async Task<Created<CreditCodeOverrideView>> RequestAsync(OverrideRequest request, CreditCodeOverrides overrides, CancellationToken ct)
    {
        var entry = await overrides.RequestAsync(request.Code, request.Reason, ct);
        return TypedResults.Created($"/api/platform/identifiers/overrides/{entry.Id}", CreditCodeOverrides.ToView(entry));
    }

    private static async Task<Ok<Paged<CreditCodeOverrideView>>> ListAsync(int? page, int? pageSize, CreditCodeOverrides overrides, CancellationToken ct) =>
        TypedResults.Ok(await overrides.ListAsync(PageRequest.Of(page, pageSize), ct));

    private static async Task<Ok<CreditCodeOverrideView>> ConfirmAsync(Guid id, ReviewRequest? request, CreditCodeOverrides overrides, CancellationToken ct) =>
        TypedResults.Ok(CreditCodeOverrides.ToView(await overrides.ConfirmAsync(id, request?.Version, request?.Note, ct)));

    private static async Task<Ok<CreditCodeOverrideView>> RejectAsync(Guid id, ReviewRequest? request, CreditCodeOverrides overrides, CancellationToken ct) =>
        TypedResults.Ok(CreditCodeOverrides.ToView(await overrides.RejectAsync(id, request?.Version, request?.Note, ct)));
}
