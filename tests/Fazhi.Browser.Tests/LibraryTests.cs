using Microsoft.Playwright;

namespace Fazhi.Browser.Tests;

/// <summary>
/// Issue 15, the regulation library: a city official searches 复议 and reads the hits highlighted, opens an article and
/// compares the two versions of 行政复议法 side by side; a citizen on a phone searches 罚款 and reads the law. The host's
/// <c>--demo</c> imports the product's own laws (the library's demo seed).
/// </summary>
public sealed class LibraryTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string DemoPassword = "Demo-Fazhi-2026-zz";

    [Fact]
    public async Task An_official_searches_and_compares_versions_and_a_citizen_reads_the_law_on_a_phone()
    {
        await using var host = await HostProcess.StartAsync("--demo");
        var staffContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1300, Height = 900 } });
        var staff = await staffContext.NewPageAsync();
        var phone = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
        });
        var citizen = await phone.NewPageAsync();
        try
        {
            // 1. demo-city (a library administrator) signs in and searches 复议: article hits with the word marked.
            await staff.GotoAsync(host.BaseUrl + "/account/login");
            await staff.FillAsync("#username", "demo-city");
            await staff.FillAsync("#password", DemoPassword);
            await staff.ClickAsync("button[type=submit]");
            await staff.WaitForURLAsync(host.BaseUrl + "/", BrowserFixture.Committed);
            await SearchUntilHitsAsync(staff, host.BaseUrl + "/library", "复议");
            var marks = await staff.Locator(".hit-text mark").AllInnerTextsAsync();
            Assert.NotEmpty(marks);
            Assert.All(marks, m => Assert.Contains("复议", m));
            await BrowserFixture.ScreenshotAsync(staff, "20-library-search");

            // 2. Opens the first hit: the law's text at that article.
            var firstTitle = (await staff.Locator(".hit-title").First.InnerTextAsync()).Trim();
            await staff.Locator(".hit-title").First.ClickAsync();
            await staff.Locator(".law-text .article").First.WaitForAsync();
            Assert.StartsWith((await staff.Locator("h1").First.InnerTextAsync()).Trim(), firstTitle);
            Assert.Contains("#art-", staff.Url);
            await BrowserFixture.ScreenshotAsync(staff, "21-library-article");

            // 3. Finds 行政复议法 by title and compares its two versions (新旧对照).
            await staff.GotoAsync(host.BaseUrl + "/library?titles=true&q=" + Uri.EscapeDataString("行政复议法"));
            await staff.Locator(".hit-title", new PageLocatorOptions { HasText = "中华人民共和国行政复议法" }).First.ClickAsync();
            await staff.Locator("a:text-is('新旧对照')").First.ClickAsync();
            await staff.Locator("#compare").WaitForAsync();
            Assert.Contains("新旧对照", await staff.Locator("h1").InnerTextAsync());
            Assert.True(await staff.Locator("#compare tr.change-Changed ins").CountAsync() > 0);
            Assert.True(await staff.Locator("#compare tr.change-Added").CountAsync() > 0);
            await BrowserFixture.ScreenshotAsync(staff, "22-library-compare");
            await staff.CheckAsync("input[name=changed]");
            await staff.ClickAsync("button:text-is('对照')");
            await staff.WaitForURLAsync(u => u.Contains("changed=true"), BrowserFixture.Committed);
            await staff.Locator("#compare").WaitForAsync();
            Assert.Equal(0, await staff.Locator("#compare tr.change-Unchanged").CountAsync());

            // 4. The administrators' pages: the list with its forms, and a work's edit page.
            await staff.GotoAsync(host.BaseUrl + "/library/manage");
            Assert.True(await staff.Locator("#works tbody tr").CountAsync() > 5);
            await BrowserFixture.ScreenshotAsync(staff, "23-library-manage");
            await staff.Locator("#works tbody tr", new PageLocatorOptions { HasText = "行政复议法" }).First.Locator("a:text-is('编辑')").ClickAsync();
            await staff.Locator("#facts").WaitForAsync();
            await BrowserFixture.ScreenshotAsync(staff, "24-library-edit");

            // 5. A citizen on a phone searches 罚款 on the public page and opens the law; nothing scrolls sideways.
            await citizen.GotoAsync(host.BaseUrl + "/public/library");
            await citizen.FillAsync("#lib-q", "罚款");
            await citizen.ClickAsync("form.library-search button[type=submit]");
            await citizen.Locator(".hit mark").First.WaitForAsync();
            Assert.Contains("罚款", await citizen.Locator(".hit mark").First.InnerTextAsync());
            await BrowserFixture.AssertNoSidewaysScrollAsync(citizen);
            await BrowserFixture.ScreenshotAsync(citizen, "25-public-library-search");
            await citizen.Locator(".hit-title").First.ClickAsync();
            await citizen.WaitForURLAsync(u => u.Contains("/public/library/"), BrowserFixture.Committed);
            await citizen.Locator(".law-text .article").First.WaitForAsync();
            await BrowserFixture.AssertNoSidewaysScrollAsync(citizen);
            await BrowserFixture.ScreenshotAsync(citizen, "26-public-library-law");
        }
        catch
        {
            await File.WriteAllTextAsync(Path.Combine(BrowserFixture.ArtifactsDirectory, "failed-library.txt"), $"{staff.Url}\n{citizen.Url}\n{host.Output}");
            await BrowserFixture.ScreenshotAsync(staff, "failed-library-staff");
            await BrowserFixture.ScreenshotAsync(citizen, "failed-library-citizen");
            throw;
        }
        await staffContext.CloseAsync();
        await phone.CloseAsync();
    }

    /// <summary>
    /// Searches again until the index answers: a host on a fresh folder builds its index in the background after the demo
    /// laws are imported; one on a copied demo folder finds the index built and current, and logs nothing about it.
    /// </summary>
    private static async Task SearchUntilHitsAsync(IPage page, string url, string q)
    {
        for (var attempt = 0; ; attempt++)
        {
            await page.GotoAsync(url + "?q=" + Uri.EscapeDataString(q), new PageGotoOptions { Timeout = 90_000 });
            if (await page.Locator(".hit").CountAsync() > 0 || attempt == 30)
            {
                return;
            }
            await Task.Delay(1000);
        }
    }
}
