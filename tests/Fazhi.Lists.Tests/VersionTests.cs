using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Fazhi.Lists.Tests;

/// <summary>The list as it stood on any date, and the difference between two versions (its own host: versions take effect on set dates).</summary>
public sealed class VersionTests(ListsHost host) : IClassFixture<ListsHost>
{
    [Fact]
    public async Task The_list_on_a_date_is_the_version_then_in_force_and_the_diff_names_every_change()
    {
        var owner = await host.OwnerAsync();
        var xuecheng = await host.Factory.UnitIdAsync("370403");
        var first = new DateOnly(2026, 1, 1);
        var second = new DateOnly(2026, 3, 1);
        foreach (var name in new[] { "版本甲证明", "版本乙证明", "版本丙证明" })
        {
            (await owner.PostAsJsonAsync("/api/lists/certificates/changes", new { kind = "Add", itemCode = "V-" + name[2], item = ListsHost.Item(name, xuecheng) })).EnsureSuccessStatusCode();
        }
        var v1 = await ListsHost.AcceptAndPublishAsync(owner, first);

        // Version 2: 甲 changes its issuing unit and leaves notify-and-commit, 乙 is cancelled, 丁 is added.
        var changed = ListsHost.Item("版本甲证明", xuecheng, notify: false);
        (await owner.PostAsJsonAsync("/api/lists/certificates/changes", new { kind = "Change", itemCode = "V-甲", item = changed, reason = "改为核查" })).EnsureSuccessStatusCode();
        (await owner.PostAsJsonAsync("/api/lists/certificates/changes", new { kind = "Cancel", itemCode = "V-乙", cancelledOn = second, cancelReason = "部门间核查替代" })).EnsureSuccessStatusCode();
        (await owner.PostAsJsonAsync("/api/lists/certificates/changes", new { kind = "Add", itemCode = "V-丁", item = ListsHost.Item("版本丁证明", xuecheng) })).EnsureSuccessStatusCode();
        // An earlier effective date than the version before is refused.
        (await owner.PostAsync("/api/lists/certificates/draft/accept-all", null)).EnsureSuccessStatusCode();
        await (await owner.PostAsJsonAsync("/api/lists/certificates/draft/publish", new { effectiveOn = first.AddDays(-1) })).AssertRefusedNamingAsync("effectiveOn");
        var v2 = await ListsHost.AcceptAndPublishAsync(owner, second);
        Assert.Equal(v1 + 1, v2);

        var anonymous = host.Factory.CreateClient();
        var onFeb = await ListsHost.ListAsync(anonymous, "版本", new DateOnly(2026, 2, 15));
        Assert.Equal(v1, onFeb.GetProperty("version").GetInt32());
        Assert.Equal(new[] { "版本甲证明", "版本乙证明", "版本丙证明" }.Order(), Names(onFeb).Order());
        var onMarch = await ListsHost.ListAsync(anonymous, "版本", second);
        Assert.Equal(v2, onMarch.GetProperty("version").GetInt32());
        Assert.Equal(new[] { "版本甲证明", "版本丙证明", "版本丁证明" }.Order(), Names(onMarch).Order());
        var cancelled = await ListsHost.ListAsync(anonymous, "版本", second, "Cancelled");
        Assert.Equal(["版本乙证明"], Names(cancelled));
        var before = await ListsHost.ListAsync(anonymous, "版本", new DateOnly(2025, 12, 31));
        Assert.Equal(JsonValueKind.Null, before.GetProperty("version").ValueKind);

        var diff = await anonymous.GetFromJsonAsync<JsonElement>($"/api/lists/certificates/diff?from={v1}&to={v2}");
        var entries = diff.GetProperty("entries").EnumerateArray().ToDictionary(e => e.GetProperty("itemCode").GetString()!);
        Assert.Equal("变更", entries["V-甲"].GetProperty("kind").GetString());
        var fields = entries["V-甲"].GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("label").GetString()!);
        Assert.Equal("是", fields["告知承诺制"].GetProperty("old").GetString());
        Assert.Equal("否", fields["告知承诺制"].GetProperty("new").GetString());
        Assert.Equal("取消", entries["V-乙"].GetProperty("kind").GetString());
        Assert.Equal("新增", entries["V-丁"].GetProperty("kind").GetString());
        Assert.False(entries.ContainsKey("V-丙"));
        await (await anonymous.GetAsync($"/api/lists/certificates/diff?from={v1}&to=999")).AssertRefusedNamingAsync("to");

        // The diff page shows the same.
        var browser = await host.Factory.SignedInBrowserAsync(await host.Factory.CreateUserAsync("lists-unit", "370403"));
        var html = WebUtility.HtmlDecode(await browser.GetStringAsync($"/lists/certificates/versions?from={v1}&to={v2}"));
        Assert.Contains("版本丁证明", html);
        Assert.Contains("部门间核查替代", html);
        Assert.Contains($"/api/lists/certificates/versions/{v2}/notice", html);

        // The version's public notice (.docx): official layout, a 文号 from the numbering kit kept across downloads, and the
        // version's additions, changes and cancellations (and nothing it did not touch).
        var notice = await anonymous.GetAsync($"/api/lists/certificates/versions/{v2}/notice");
        Assert.Equal(HttpStatusCode.OK, notice.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", notice.Content.Headers.ContentType?.MediaType);
        var (text, fonts) = NoticeText.Read(await notice.Content.ReadAsByteArrayAsync());
        Assert.Contains("仿宋", fonts);
        var number = System.Text.RegularExpressions.Regex.Match(text, "枣清单〔\\d{4}〕\\d+号").Value;
        Assert.NotEmpty(number);
        Assert.Contains($"证明事项清单（第{v2}版）", text);
        Assert.Contains("新增证明事项 1 项，调整 1 项，取消 1 项", text.Replace("\n", ""));
        Assert.True(text.IndexOf("一、新增证明事项", StringComparison.Ordinal) < text.IndexOf("版本丁证明", StringComparison.Ordinal));
        Assert.True(text.IndexOf("二、调整证明事项", StringComparison.Ordinal) < text.IndexOf("版本甲证明", StringComparison.Ordinal));
        Assert.True(text.IndexOf("三、取消证明事项", StringComparison.Ordinal) < text.IndexOf("版本乙证明", StringComparison.Ordinal));
        Assert.Contains("部门间核查替代", text);
        Assert.DoesNotContain("版本丙证明", text);
        var again = NoticeText.Read(await anonymous.GetByteArrayAsync($"/api/lists/certificates/versions/{v2}/notice")).Text;
        Assert.Contains(number, again);
        var firstNotice = NoticeText.Read(await anonymous.GetByteArrayAsync($"/api/lists/certificates/versions/{v1}/notice")).Text;
        Assert.Contains("新增证明事项 3 项，调整 0 项，取消 0 项", firstNotice);
        Assert.DoesNotContain(number, firstNotice);
        await (await anonymous.GetAsync("/api/lists/certificates/versions/999/notice")).AssertRefusedNamingAsync("version");
    }

    private static List<string> Names(JsonElement list) =>
        list.GetProperty("items").GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();
}
