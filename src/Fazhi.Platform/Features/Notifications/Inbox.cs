using Fazhi.Platform.Data;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Platform.Features.Notifications;

public sealed record NotificationDto(Guid Id, string Kind, string Title, string Body, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

public sealed record InboxList(IReadOnlyList<NotificationDto> Items, int Total, int Unread);

/// <summary>The notices to mark read at once (ticked rows, or every row of the page shown).</summary>
public sealed record MarkReadRequest(IReadOnlyList<Guid>? Ids);

/// <summary>The signed-in user's own notices; nobody reads another user's inbox.</summary>
internal sealed class Inbox(PlatformDb db, ICurrentUser current, TimeProvider clock)
{
    private IQueryable<Notification> Mine() =>
        db.Set<Notification>().Where(n => current.UserId != null && n.RecipientUserId == current.UserId);

    public Task<int> UnreadAsync(CancellationToken ct) => Mine().CountAsync(n => n.ReadAt == null, ct);

    public async Task<InboxList> ListAsync(bool unreadOnly, int page, int pageSize, CancellationToken ct)
    {
        var q = Mine();
        var unread = await q.CountAsync(n => n.ReadAt == null, ct);
        if (unreadOnly)
        {
            q = q.Where(n => n.ReadAt == null);
        }
        var total = unreadOnly ? unread : await q.CountAsync(ct);
        var items = await q.OrderByDescending(n => n.Id).Skip(Math.Max(0, page - 1) * pageSize).Take(pageSize)
            .Select(n => new NotificationDto(n.Id, n.Kind, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt))
            .ToListAsync(ct);
        return new InboxList(items, total, unread);
    }

    public Task<int> UnreadCountAsync(CancellationToken ct) => Mine().CountAsync(n => n.ReadAt == null, ct);

    /// <summary>Marks one notice (or, with null, all of them) read. False when the notice is not the caller's.</summary>
    public async Task<bool> MarkReadAsync(Guid? id, CancellationToken ct)
    {
        var q = Mine().Where(n => n.ReadAt == null);
        if (id is { } one)
        {
            q = q.Where(n => n.Id == one);
            if (!await Mine().AnyAsync(n => n.Id == one, ct))
            {
                return false;
            }
        }
        var now = clock.GetUtcNow();
        foreach (var n in await q.ToListAsync(ct))
        {
            n.ReadAt = now;
        }
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The most notices one batch marks: a page holds at most 200 rows.</summary>
    public const int MaxBatch = 200;

    /// <summary>
    /// Marks the given notices read in one save (each change audited as any notice's). Only the caller's own unread
    /// notices change; an id that is not the caller's is passed over as if it did not exist, so the answer says nothing
    /// about other people's inboxes. Refused when the list is empty or longer than <see cref="MaxBatch"/>.
    /// </summary>
    /// <returns>How many notices were marked read now.</returns>
    public async Task<int> MarkManyReadAsync(IReadOnlyList<Guid>? ids, CancellationToken ct)
    {
        var wanted = (ids ?? []).Where(i => i != Guid.Empty).Distinct().ToList();
        if (wanted.Count == 0)
        {
            throw Refuse.Field("ids", "请勾选要标为已读的消息。");
        }
        if (wanted.Count > MaxBatch)
        {
            throw Refuse.Field("ids", $"一次最多标记 {MaxBatch} 条消息，已选 {wanted.Count} 条。");
        }
        var now = clock.GetUtcNow();
        var unread = await Mine().Where(n => n.ReadAt == null && wanted.Contains(n.Id)).ToListAsync(ct);
        foreach (var n in unread)
        {
            n.ReadAt = now;
        }
        await db.SaveChangesAsync(ct);
        return unread.Count;
    }

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/notifications").WithTags("notifications").RequireAuthorization();
        g.MapGet("/", async (Inbox inbox, bool? unread, int? page, CancellationToken ct) =>
            TypedResults.Ok(await inbox.ListAsync(unread ?? false, Math.Max(1, page ?? 1), 20, ct)));
        g.MapPost("/{id:guid}/read", async Task<Results<NoContent, ProblemHttpResult>> (Inbox inbox, Guid id, CancellationToken ct) =>
            await inbox.MarkReadAsync(id, ct)
                ? TypedResults.NoContent()
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "未找到", detail: "没有这条消息，或它不是发给您的。"));
        g.MapPost("/read", async (Inbox inbox, MarkReadRequest request, CancellationToken ct) =>
            TypedResults.Ok(new { marked = await inbox.MarkManyReadAsync(request.Ids, ct) }))
            .WithDescription("将多条消息标为已读（勾选的消息或本页全部），只处理本人的未读消息；返回本次标记的条数。");
        g.MapPost("/read-all", async (Inbox inbox, CancellationToken ct) =>
        {
            await inbox.MarkReadAsync(null, ct);
            return TypedResults.NoContent();
        });
    }
}

/// <summary>The home page's to-do line for unread notices.</summary>
internal sealed class InboxWorkSummary(Inbox inbox, ICurrentUser current) : IWorkSummary
{
    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(CancellationToken ct)
    {
        if (current.UserId is null)
        {
            return [];
        }
        var unread = await inbox.UnreadAsync(ct);
        return [new WorkItem("个人中心", "未读消息", unread, "/notifications")];
    }
}
