using Fazhi.Disputes.Cases;
using Fazhi.Disputes.Data;
using Fazhi.Disputes.Handling;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Disputes.Batch;

/// <summary>指派 several cases to one handler: the ticked cases and the handler's sign-in name (the user picker posts it).</summary>
internal sealed record BatchAssignRequest(IReadOnlyList<Guid>? CaseIds, string? UserName);

/// <summary>One case of a batch: assigned, or why not (the case's own refusal), named by its number.</summary>
internal sealed record BatchItemResult(Guid CaseId, string CaseNumber, bool Done, string? Reason);

internal sealed record BatchAssignResult(int Done, int Refused, IReadOnlyList<BatchItemResult> Items);

/// <summary>
/// Batch assignment on the worklist (ADR 0048). Each case goes through the same domain rule and service action as the case
/// page (<see cref="HandlingService.AssignAsync"/>: open now, the handler must handle cases at that case's unit), one case
/// per transaction; a case that cannot be assigned is reported by its number and the others proceed (not all-or-nothing:
/// a clerk assigning twenty cases should not redo nineteen because one was closed meanwhile).
/// </summary>
internal sealed class BatchAssign(HandlingService handling, DisputesDb db, IUserDirectory users)
{
    /// <summary>The most cases one batch takes (a worklist page shows 20; the API is not a bulk loader).</summary>
    public const int MaxCases = 100;

    public async Task<BatchAssignResult> AssignAsync(BatchAssignRequest r, CancellationToken ct)
    {
        var ids = (r.CaseIds ?? []).Distinct().ToList();
        if (ids.Count == 0)
        {
            throw Refuse.Field("caseIds", "请勾选要指派的案件。");
        }
        if (ids.Count > MaxCases)
        {
            throw Refuse.Field("caseIds", $"一次最多批量指派 {MaxCases} 件案件。");
        }
        var user = string.IsNullOrWhiteSpace(r.UserName) ? null : await users.FindByUserNameAsync(r.UserName.Trim(), ct);
        if (user is not { IsActive: true })
        {
            throw Refuse.Field("userName", "请从列表中选择承办人（有效的登录名）。");
        }
        // Only cases in the caller's data scope are found (the query filter); others are reported as not found.
        var numbers = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.CaseNumber }).ToDictionaryAsync(c => c.Id, c => c.CaseNumber, ct);
        var items = new List<BatchItemResult>(ids.Count);
        foreach (var id in ids)
        {
            if (!numbers.TryGetValue(id, out var number))
            {
                items.Add(new BatchItemResult(id, "—", false, "案件不存在或不在您的数据范围内。"));
                continue;
            }
            var (ok, refusal) = await PageActions.TryAsync(() => handling.AssignAsync(id, new AssignRequest(user.Id), ct));
            // Each case its own transaction (the service's); a refused one leaves nothing tracked behind for the next.
            db.ChangeTracker.Clear();
            items.Add(new BatchItemResult(id, number, ok, ok ? null : refusal?.Message ?? "案件不存在或不在您的数据范围内。"));
        }
        return new BatchAssignResult(items.Count(i => i.Done), items.Count(i => !i.Done), items);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/cases/batch/assign", async Task<Ok<BatchAssignResult>> (BatchAssignRequest? request, BatchAssign batch, CancellationToken ct) =>
            TypedResults.Ok(await batch.AssignAsync(RequestBody.Required(request), ct)))
            .RequirePermission(DisputesPermissions.CasesHandle);
}
