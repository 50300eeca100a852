using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Attachments;
using Fazhi.Platform.Features.Audit;
using Fazhi.Platform.Features.Notifications;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Security;
using Fazhi.Platform.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Tests.Notifications;

[Collection(HostCollection.Name)]
public sealed class NotificationTests(FazhiFactory factory)
{
    [Fact]
    public async Task A_notice_reaches_only_its_recipient_and_can_be_marked_read()
    {
        var clerk = await factory.CreateUserAsync(BuiltInRoles.Staff, "370402");
        var other = await factory.CreateUserAsync(BuiltInRoles.Staff, "370402");
        var subject = Guid.NewGuid().ToString();

        var sent = await factory.InScopeAsync(sp => sp.GetRequiredService<INotifier>().NotifyAsync(
            [clerk.Id], new NotificationMessage("test.reminder", "案件即将到期", "枣非诉〔2026〕0001号 还有 2 个工作日到期。", "/disputes/cases", subject), default));
        Assert.Equal(1, sent);

        var api = await factory.ApiClientAsync(clerk);
        var inbox = await api.GetFromJsonAsync<JsonElement>("/api/platform/notifications?unread=true");
        var item = Assert.Single(inbox.GetProperty("items").EnumerateArray(), n => n.GetProperty("title").GetString() == "案件即将到期");
        Assert.Equal(1, inbox.GetProperty("unread").GetInt32());

        var otherApi = await factory.ApiClientAsync(other);
        var id = item.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await otherApi.PostAsync($"/api/platform/notifications/{id}/read", null)).StatusCode);
        Assert.Equal(0, (await otherApi.GetFromJsonAsync<JsonElement>("/api/platform/notifications")).GetProperty("total").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync($"/api/platform/notifications/{id}/read", null)).StatusCode);
        Assert.Equal(0, (await api.GetFromJsonAsync<JsonElement>("/api/platform/notifications")).GetProperty("unread").GetInt32());

        Assert.True(await factory.InScopeAsync(sp => sp.GetRequiredService<INotifier>().AlreadySentAsync("test.reminder", subject, DateTimeOffset.UtcNow.AddHours(-1), default)));
    }

    [Fact]
    public async Task A_long_subject_is_found_again_so_a_reminder_is_not_repeated()
    {
        var clerk = await factory.CreateUserAsync(BuiltInRoles.Staff, "370402");
        var subject = "【督办】" + string.Concat(Enumerable.Repeat(Guid.NewGuid().ToString("N"), 5));
        Assert.True(subject.Length > 100);

        await factory.InScopeAsync(sp => sp.GetRequiredService<INotifier>().NotifyAsync(
            [clerk.Id], new NotificationMessage("test.long-subject", "逾期督办", "请尽快办理。", null, subject), default));

        Assert.True(await factory.InScopeAsync(sp => sp.GetRequiredService<INotifier>().AlreadySentAsync("test.long-subject", subject, DateTimeOffset.UtcNow.AddHours(-1), default)));
        Assert.False(await factory.InScopeAsync(sp => sp.GetRequiredService<INotifier>().AlreadySentAsync("test.long-subject", "【督办】other", DateTimeOffset.UtcNow.AddHours(-1), default)));
    }

    [Fact]
    public async Task Leaders_of_a_unit_are_the_users_holding_the_permission_there()
    {
        var admin = await factory.CreateUserAsync(BuiltInRoles.SystemAdmin, "370403");
        var clerk = await factory.CreateUserAsync(BuiltInRoles.Staff, "370403");

        var holders = await factory.InScopeAsync(sp => sp.GetRequiredService<INotifier>().UsersWithPermissionAtAsync(admin.OrgUnitId, PlatformPermissions.UsersManage, default));

        Assert.Contains(admin.Id, holders);
        Assert.DoesNotContain(clerk.Id, holders);
    }

    [Fact]
    public async Task The_inbox_page_lists_the_users_notices()
    {
        var clerk = await factory.CreateUserAsync(BuiltInRoles.Staff, "370404");
        await factory.InScopeAsync(sp => sp.GetRequiredService<INotifier>().NotifyAsync(
            [clerk.Id], new NotificationMessage("test.page", "督办通知：请补充佐证材料", "指标 1.1.1 已逾期。", null), default));
        var browser = await factory.SignedInBrowserAsync(clerk);

        var html = await browser.GetStringAsync("/notifications");

        Assert.Contains("督办通知：请补充佐证材料", html);
        Assert.Contains("未读 1 条", html);

        // The home page's to-do panel counts it too (and only it: a staff member has no module work).
        var home = System.Net.WebUtility.HtmlDecode(await browser.GetStringAsync("/"));
        Assert.Contains("未读消息", home);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(home, "class=\"card-count\">1</div>"));
    }

    [Fact]
    public async Task Several_notices_are_marked_read_in_one_request_each_change_audited_and_another_users_notice_untouched()
    {
        var clerk = await factory.CreateUserAsync(BuiltInRoles.Staff, "370402");
        var other = await factory.CreateUserAsync(BuiltInRoles.Staff, "370402");
        foreach (var title in new[] { "待办一", "待办二", "待办三" })
        {
            await factory.InScopeAsync(sp => sp.GetRequiredService<INotifier>().NotifyAsync(
                [clerk.Id], new NotificationMessage("test.batch", title, "请办理。", "/disputes/cases"), default));
        }
        await factory.InScopeAsync(sp => sp.GetRequiredService<INotifier>().NotifyAsync(
            [other.Id], new NotificationMessage("test.batch", "他人的待办", "请办理。", null), default));
        var api = await factory.ApiClientAsync(clerk);
        var mine = (await api.GetFromJsonAsync<JsonElement>("/api/platform/notifications")).GetProperty("items").EnumerateArray()
            .ToDictionary(n => n.GetProperty("title").GetString()!, n => n.GetProperty("id").GetGuid());
        var otherApi = await factory.ApiClientAsync(other);
        var theirs = (await otherApi.GetFromJsonAsync<JsonElement>("/api/platform/notifications")).GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid();

        // Nothing ticked: refused naming the field, nothing marked.
        var empty = await api.PostAsJsonAsync("/api/platform/notifications/read", new { ids = Array.Empty<Guid>() });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var problem = JsonDocument.Parse(await empty.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("请勾选要标为已读的消息。", problem.GetProperty("errors").GetProperty("ids")[0].GetString());

        // Two of the clerk's and one of someone else's: the other user's id is passed over as if it did not exist.
        var marked = await api.PostAsJsonAsync("/api/platform/notifications/read", new { ids = new[] { mine["待办一"], mine["待办二"], theirs } });
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        Assert.Equal(2, (await marked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("marked").GetInt32());
        var after = await api.GetFromJsonAsync<JsonElement>("/api/platform/notifications?unread=true");
        Assert.Equal(mine["待办三"], Assert.Single(after.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(1, (await otherApi.GetFromJsonAsync<JsonElement>("/api/platform/notifications")).GetProperty("unread").GetInt32());

        // Each notice's change is in the audit trail, as any notice marked read, by the clerk.
        var audited = await factory.InScopeAsync(sp => sp.GetRequiredService<PlatformDb>().Set<AuditEntry>().AsNoTracking()
            .Where(a => a.EntityType == "Notification" && a.Action == "update").Select(a => new { a.EntityId, a.ActorId }).ToListAsync());
        Assert.Contains(audited, a => a.EntityId == mine["待办一"].ToString() && a.ActorId == clerk.Id);
        Assert.Contains(audited, a => a.EntityId == mine["待办二"].ToString() && a.ActorId == clerk.Id);
        Assert.DoesNotContain(audited, a => a.EntityId == theirs.ToString() || a.EntityId == mine["待办三"].ToString());
    }

    [Fact]
    public async Task The_inbox_page_marks_the_ticked_notices_or_the_whole_page_read()
    {
        var clerk = await factory.CreateUserAsync(BuiltInRoles.Staff, "370404");
        foreach (var title in new[] { "页面待办一", "页面待办二", "页面待办三" })
        {
            await factory.InScopeAsync(sp => sp.GetRequiredService<INotifier>().NotifyAsync(
                [clerk.Id], new NotificationMessage("test.page-batch", title, "请办理。", null), default));
        }
        var api = await factory.ApiClientAsync(clerk);
        var mine = (await api.GetFromJsonAsync<JsonElement>("/api/platform/notifications")).GetProperty("items").EnumerateArray()
            .ToDictionary(n => n.GetProperty("title").GetString()!, n => n.GetProperty("id").GetGuid());
        var browser = await factory.SignedInBrowserAsync(clerk);

        var nothing = await Forms.SubmitAsync(browser, "/notifications", "mark-read", new Dictionary<string, string> { ["scope"] = "selected" });
        Assert.Contains("请勾选要标为已读的消息", await nothing.Content.ReadAsStringAsync());

        var one = await Forms.SubmitAsync(browser, "/notifications", "mark-read", new Dictionary<string, string> { ["scope"] = "selected", ["ids"] = mine["页面待办二"].ToString() });
        var html = await one.Content.ReadAsStringAsync();
        Assert.Contains("已将 1 条消息标为已读", html);
        Assert.Contains("未读 2 条", html);

        var page = await browser.GetStringAsync("/notifications");
        var pageIds = System.Text.RegularExpressions.Regex.Matches(page, "name=\"page-ids\" value=\"([0-9a-f-]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(3, pageIds.Count);
        using var form = new FormUrlEncodedContent(pageIds.Select(v => new KeyValuePair<string, string>("page-ids", v))
            .Append(new("scope", "page")).Append(new("_handler", "mark-read"))
            .Append(new("__RequestVerificationToken", System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value))));
        var all = await (await browser.PostAsync("/notifications", form)).Content.ReadAsStringAsync();
        Assert.Contains("已将 2 条消息标为已读", all);
        Assert.Contains("未读 0 条", all);
    }

    [Fact]
    public async Task Modules_save_attachments_in_process_with_the_same_checks()
    {
        var clerk = await factory.CreateUserAsync(BuiltInRoles.Staff, "370402");
        byte[] pdf = [.. "%PDF-1.7\n"u8.ToArray(), .. Guid.NewGuid().ToByteArray()];

        var saved = await factory.InScopeAsync(async sp =>
        {
            using var content = new MemoryStream(pdf);
            return await sp.GetRequiredService<IAttachmentStore>().SaveAsync(content, "受理通知书.pdf", clerk.OrgUnitId, "TestCase", "store-1", default);
        });
        Assert.True(saved.Ok, saved.Refusal);
        var refused = await factory.InScopeAsync(async sp =>
        {
            using var content = new MemoryStream([(byte)'M', (byte)'Z', 0x90, 0]);
            return await sp.GetRequiredService<IAttachmentStore>().SaveAsync(content, "通知书.pdf", clerk.OrgUnitId, "TestCase", "store-1", default);
        });

        Assert.False(refused.Ok);
        Assert.Contains("文件内容与扩展名不符", refused.Refusal);
        var api = await factory.ApiClientAsync(clerk);
        Assert.Equal(pdf, await api.GetByteArrayAsync(AttachmentLinks.ContentUrl(saved.Saved!.Id)));
    }
}
