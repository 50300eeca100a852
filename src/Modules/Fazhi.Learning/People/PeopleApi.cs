using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fazhi.Learning.People;

internal sealed record PersonResponse(Guid Id, string Name, Guid OrgUnitId, string UnitName, string Post, bool IsLeader, string Level, string UserName, bool HasAccount, long Version);

internal sealed record PersonUpdateInput(string? Name, Guid? OrgUnitId, string? Post, bool IsLeader, string? Level, string? UserName, long? Version);

/// <summary>/api/learning/people: the personnel register (the office everyone, a unit its own people), and /me for a taker.</summary>
internal static class PeopleApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/me", async (PeopleService s, CancellationToken ct) =>
            await s.MeAsync(ct) is { } p ? TypedResults.Ok(ToResponse(p)) : throw Refuse.NotFound("您的账号尚未登记在学法考法人员名册中，请联系本单位。")).RequireAuthorization();
        var g = api.MapGroup("/people").RequirePermission(LearningPermissions.Unit);
        g.MapGet("/", async ([AsParameters] ListQuery list, bool? leaders, PeopleService s, CancellationToken ct) =>
        {
            var page = await s.PageAsync(PeopleService.Shape.Check(list), leaders, ct);
            return TypedResults.Ok(new Paged<PersonResponse>(page.Items.Select(ToResponse).ToList(), page.Total, page.Page, page.PageSize));
        });
        g.MapGet("/{id:guid}", async (Guid id, PeopleService s, CancellationToken ct) => TypedResults.Ok(ToResponse(await s.GetAsync(id, ct))));
        g.MapPost("/", async (PersonInput i, PeopleService s, CancellationToken ct) => TypedResults.Created((string?)null, ToResponse(await s.CreateAsync(i, ct))));
        g.MapPut("/{id:guid}", async (Guid id, PersonUpdateInput i, PeopleService s, CancellationToken ct) =>
            TypedResults.Ok(ToResponse(await s.UpdateAsync(id, new PersonInput(i.Name, i.OrgUnitId, i.Post, i.IsLeader, i.Level, i.UserName), i.Version, ct))));
        g.MapGet("/export", async (PeopleService s, CancellationToken ct) => TypedResults.File(await s.ExportAsync(ct), XlsxWriter.ContentType, "人员名册.xlsx"));
        g.MapPost("/import", async (HttpContext http, PeopleService s, CancellationToken ct) =>
        {
            var (_, file) = await ImportUploads.ReadAsync(http, ct);
            await using var stream = file.OpenReadStream();
            return TypedResults.Ok(await s.ImportAsync(stream, ct));
        }).RequireAntiforgeryForCookies();
    }

    internal static PersonResponse ToResponse(Person p) => new(p.Id, p.Name, p.OrgUnitId, p.UnitName, p.Post, p.IsLeader, p.Level, p.UserName, p.UserId is not null, p.Version);
}
