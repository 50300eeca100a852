using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Platform.Features.Attachments;
using Fazhi.Platform.Features.Notifications;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Security;
using Fazhi.Platform.Tests.Infrastructure;
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
