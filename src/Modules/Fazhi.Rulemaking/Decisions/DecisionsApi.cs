using Fazhi.Platform.Kit;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fazhi.Rulemaking.Decisions;

/// <summary>/api/rulemaking/decisions: the catalogue, the decisions and their steps, 程序回流, the meeting, publication; the public catalogue.</summary>
internal static class DecisionsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/public/decisions", async (DecisionService s, CancellationToken ct) => TypedResults.Ok((await s.PublicAsync(ct)).Select(c => new
        {
            c.Catalogue.Year, c.Catalogue.Title, c.Catalogue.PublishedOn,
            decisions = c.Decisions.Select(d => new { d.Title, d.UnitName, d.Status, d.DecidedOn, d.PublishedOn }).ToList(),
        }).ToList())).AllowAnonymous();

        var g = api.MapGroup("/decisions").RequirePermission(RulemakingPermissions.DecisionsWork);
        g.MapGet("/", async (DecisionService s, CancellationToken ct) => TypedResults.Ok(await s.ListAsync(ct)));
        g.MapGet("/catalogues", async (DecisionService s, CancellationToken ct) => TypedResults.Ok(await s.CataloguesAsync(ct)));
        g.MapPost("/catalogues", async (CatalogueInput i, DecisionService s, CancellationToken ct) => TypedResults.Created((string?)null, await s.CreateCatalogueAsync(i, ct)))
            .RequirePermission(RulemakingPermissions.DecisionsManage);
        g.MapPost("/catalogues/{id:guid}/publish", async (Guid id, DecisionService s, CancellationToken ct) => TypedResults.Ok(await s.PublishCatalogueAsync(id, ct)))
            .RequirePermission(RulemakingPermissions.DecisionsManage);
        g.MapPost("/", async (DecisionInput i, DecisionService s, CancellationToken ct) => TypedResults.Created((string?)null, await DetailAsync(s, (await s.AddAsync(i, ct)).Id, ct)))
            .RequirePermission(RulemakingPermissions.DecisionsManage);
        g.MapGet("/{id:guid}", async (Guid id, DecisionService s, CancellationToken ct) => TypedResults.Ok(await DetailAsync(s, id, ct)));
        g.MapPost("/{id:guid}/evidence", UploadAsync).Accepts<IFormFile>("multipart/form-data").RequireAntiforgeryForCookies();
        g.MapPost("/{id:guid}/steps/{step}/complete", async (Guid id, string step, StepInput i, DecisionService s, CancellationToken ct) =>
        {
            await s.CompleteAsync(id, Step(step), i, ct);
            return TypedResults.Ok(await DetailAsync(s, id, ct));
        });
        g.MapPost("/{id:guid}/steps/{step}/not-required", async (Guid id, string step, NotRequiredInput i, DecisionService s, CancellationToken ct) =>
        {
            await s.NotRequiredAsync(id, Step(step), i, ct);
            return TypedResults.Ok(await DetailAsync(s, id, ct));
        });
        var m = g.MapGroup("/{id:guid}").RequirePermission(RulemakingPermissions.DecisionsManage);
        m.MapPost("/hearing-required", async (Guid id, HearingRequiredInput i, DecisionService s, CancellationToken ct) =>
        {
            await s.SetHearingRequiredAsync(id, i, ct);
            return TypedResults.Ok(await DetailAsync(s, id, ct));
        });
        m.MapPost("/return", async (Guid id, ReturnInput i, DecisionService s, CancellationToken ct) => TypedResults.Ok(await s.ReturnAsync(id, i, ct)));
        m.MapPost("/meeting", async (Guid id, MeetingInput i, DecisionService s, CancellationToken ct) =>
        {
            await s.MeetingAsync(id, i, ct);
            return TypedResults.Ok(await DetailAsync(s, id, ct));
        });
        m.MapPost("/publish", async (Guid id, DecisionPublishInput i, DecisionService s, CancellationToken ct) =>
        {
            await s.PublishAsync(id, i, ct);
            return TypedResults.Ok(await DetailAsync(s, id, ct));
        });
    }

    private static DecisionStep Step(string step) =>
        Enum.TryParse<DecisionStep>(step, false, out var s) && Enum.IsDefined(s) ? s : throw Refuse.Field("step", "程序步骤不正确。");

    private static async Task<object> DetailAsync(DecisionService s, Guid id, CancellationToken ct)
    {
        var d = await s.GetAsync(id, ct);
        return new
        {
            decision = d.Decision, catalogue = d.Catalogue,
            steps = d.Steps.Select(x => new { x.Step, name = DecisionProcedure.Name(x.Step), x.State, x.StartedOn, x.EndedOn, x.Note, x.Reason, evidence = d.Evidence.Count(e => e.Step == x.Step) }).ToList(),
            evidence = d.Evidence, returns = d.Returns,
        };
    }

    /// <summary>Multipart fields <c>file</c> and <c>step</c>. A bearer client gets the decision back; a browser form goes back to the page.</summary>
    private static Task<IResult> UploadAsync(Guid id, HttpContext http, DecisionService s, CancellationToken ct) =>
        FormUploads.HandleAsync(http, $"/rulemaking/decisions/{id}", "evidence", (form, stream, name) => s.AddEvidenceAsync(id, form["step"].ToString(), stream, name, ct), async () => await DetailAsync(s, id, ct), ct);
}
