using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Fazhi.Browser.Tests;

/// <summary>
/// Issue 13, English mode (ADR 0057): a demo user switches the UI to English and the lists show case types, statuses and
/// stages in English (the label tables' Chinese is the resx key) and dates as <c>7 Dec 2026</c> on China's clock.
/// </summary>
public sealed partial class EnglishModeTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string DemoPassword = "Demo-Fazhi-2026-zz";

    [Fact]
    public async Task A_demo_user_in_english_sees_english_statuses_types_and_dates()
    {
        await using var host = await HostProcess.StartAsync("--demo");
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB", ViewportSize = new ViewportSize { Width = 1300, Height = 900 } });
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync(host.BaseUrl + "/account/login");
            await page.FillAsync("#username", "demo-city");
            await page.FillAsync("#password", DemoPassword);
            await page.ClickAsync("button[type=submit]");
            await page.WaitForURLAsync(host.BaseUrl + "/", BrowserFixture.Committed);

            // The layout's language switch: the next pages are in English.
            Assert.Equal(1, await page.Locator("a[hreflang=en]").CountAsync());
            await page.GotoAsync(host.BaseUrl + await page.Locator("a[hreflang=en]").GetAttributeAsync("href"));
            Assert.Equal("en", await page.EvaluateAsync<string>("() => document.documentElement.lang"));

            // 1. The dispute worklist: the case type and status columns in English, the receipt dates as 7 Dec 2026.
            await page.GotoAsync(host.BaseUrl + "/disputes");
            var rows = page.Locator("table.grid tbody tr:has(a[href^='/disputes/cases/'])");
            await rows.First.WaitForAsync();
            await BrowserFixture.ScreenshotAsync(page, "english-01-disputes");
            var first = await rows.First.InnerTextAsync();
            Assert.Matches(EnglishDate(), first);
            Assert.DoesNotMatch(IsoDate(), first);
            foreach (var tag in await rows.Locator(".tag").AllInnerTextsAsync())
            {
                Assert.DoesNotMatch(Han(), tag);
            }
            Assert.Contains(await rows.Locator("td").AllInnerTextsAsync(), t => t is "People's mediation" or "Administrative reconsideration" or "Administrative mediation" or "Legal aid");

            // 2. A dispute case: status and case type in the header, the stages' periods in English.
            await rows.First.Locator("a[href^='/disputes/cases/']").First.ClickAsync();
            await page.Locator("#sec-stages").WaitForAsync();
            await BrowserFixture.ScreenshotAsync(page, "english-02-dispute-case");
            var stages = await page.Locator("#stages").InnerTextAsync();
            Assert.Matches(EnglishDate(), stages);
            Assert.Matches(new Regex(@"\d+ (working )?days?"), stages);

            // 3. Penalty cases: the stage tags in English, the dates as 7 Dec 2026.
            await page.GotoAsync(host.BaseUrl + "/enforcement/cases");
            await page.Locator("#cases tbody tr").First.WaitForAsync();
            await BrowserFixture.ScreenshotAsync(page, "english-03-penalty-cases");
            var stageTags = await page.Locator("#cases tbody .tag").AllInnerTextsAsync();
            Assert.NotEmpty(stageTags);
            Assert.All(stageTags, t => Assert.DoesNotMatch(Han(), t));
            Assert.Matches(EnglishDate(), await page.Locator("#cases tbody").InnerTextAsync());

            // 4. Assessment tasks: submission statuses in English.
            await page.GotoAsync(host.BaseUrl + "/assessment/tasks");
            await page.Locator("#tasks").WaitForAsync();
            await BrowserFixture.ScreenshotAsync(page, "english-04-assessment-tasks");
            var statuses = await page.Locator("#tasks tbody .tag").AllInnerTextsAsync();
            Assert.NotEmpty(statuses);
            Assert.All(statuses, t => Assert.DoesNotMatch(Han(), t));

            // 5. The other modules' lists in English, for the record (screenshots in the artifacts): the tags are English.
            var i = 5;
            foreach (var path in new[] { "/", "/library/manage", "/rulemaking/legislation", "/rulemaking/documents", "/learning/exams", "/oversight/performance", "/oversight/disclosures", "/lists/appeals", "/lists/certificates" })
            {
                var response = await page.GotoAsync(host.BaseUrl + path);
                await BrowserFixture.ScreenshotAsync(page, $"english-{i++:00}{Regex.Replace(path, "[^a-z]+", "-")}");
                if (response is { Ok: true })
                {
                    var tags = await page.Locator("main .tag").AllInnerTextsAsync();
                    Assert.True(tags.All(t => !Han().IsMatch(t)), $"{path}: " + string.Join(", ", tags.Where(t => Han().IsMatch(t)).Distinct()));
                }
            }

            // 6. Back to Chinese: the same list in Chinese, dates as 2026-12-07.
            await page.GotoAsync(host.BaseUrl + "/culture/zh-CN?returnUrl=/");
            await page.GotoAsync(host.BaseUrl + "/enforcement/cases");
            await page.Locator("#cases tbody tr").First.WaitForAsync();
            Assert.Matches(IsoDate(), await page.Locator("#cases tbody").InnerTextAsync());
            Assert.Contains(await page.Locator("#cases tbody .tag").AllInnerTextsAsync(), t => Han().IsMatch(t));
        }
        catch
        {
            await BrowserFixture.ScreenshotAsync(page, "failed-english-mode");
            throw;
        }
        await context.CloseAsync();
    }

    [GeneratedRegex(@"\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 20\d\d\b")]
    private static partial Regex EnglishDate();

    [GeneratedRegex(@"\b20\d\d-\d\d-\d\d\b")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}
