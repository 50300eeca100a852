using Microsoft.Playwright;

namespace Fazhi.Browser.Tests;

/// <summary>
/// Issue 17: a taker (demo-town) on a 390 px phone opens the open demo exam, answers every question (each saved as given),
/// reloads the page (a dropped connection or a closed browser), finds the same paper with their answers and the clock still
/// running, and hands in to see their score.
/// </summary>
public sealed class LearningTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string DemoPassword = "Demo-Fazhi-2026-zz";

    [Fact]
    public async Task A_taker_on_a_phone_answers_reloads_resumes_and_hands_in()
    {
        await using var host = await HostProcess.StartAsync("--demo");
        var phone = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
        });
        var page = await phone.NewPageAsync();
        try
        {
            await page.GotoAsync(host.BaseUrl + "/account/login");
            await page.FillAsync("#username", "demo-town");
            await page.FillAsync("#password", DemoPassword);
            await page.ClickAsync("button[type=submit]");
            await page.WaitForURLAsync(host.BaseUrl + "/", BrowserFixture.Committed);
            // On a phone the side menu is hidden; the same menu opens from the 菜单 button under the header.
            Assert.False(await page.Locator(".shell > .body > nav.sidemenu").IsVisibleAsync());
            await page.ClickAsync(".phone-menu > summary");
            await page.ClickAsync(".phone-menu a[href='/learning/my']");
            await page.WaitForURLAsync(host.BaseUrl + "/learning/my", BrowserFixture.Committed);
            await BrowserFixture.AssertNoSidewaysScrollAsync(page);
            await page.ClickAsync("#my-exams a:text-is('开始考试')");
            await page.Locator("#take-items fieldset").First.WaitForAsync();
            var count = await page.Locator("#take-items fieldset").CountAsync();
            Assert.Equal(8, count);
            var stems = await page.Locator("#take-items legend").AllInnerTextsAsync();

            // Every question answered; each shows 已保存 once the server has it.
            for (var i = 0; i < count; i++)
            {
                var item = page.Locator("#take-items fieldset").Nth(i);
                if (await item.Locator("input[type=radio], input[type=checkbox]").CountAsync() > 0)
                {
                    await item.Locator("input").First.CheckAsync();
                }
                else
                {
                    var box = item.Locator("input, textarea").First;
                    await box.FillAsync("六十");
                    await box.DispatchEventAsync("change");
                }
                await item.Locator(".mark.ok").WaitForAsync();
            }
            var clock = await page.Locator("#take-clock").InnerTextAsync();
            Assert.StartsWith("剩余", clock);
            await BrowserFixture.AssertNoSidewaysScrollAsync(page);
            await BrowserFixture.ScreenshotAsync(page, "60-learning-answering");

            // Reload: the same paper in the same order, the answers kept, the clock running on from the server's deadline.
            await page.ReloadAsync();
            await page.Locator("#take-items fieldset").First.WaitForAsync();
            Assert.Equal(stems, await page.Locator("#take-items legend").AllInnerTextsAsync());
            for (var i = 0; i < count; i++)
            {
                var item = page.Locator("#take-items fieldset").Nth(i);
                if (await item.Locator("input[type=radio], input[type=checkbox]").CountAsync() > 0)
                {
                    Assert.True(await item.Locator("input").First.IsCheckedAsync(), $"question {i + 1} lost its answer");
                }
                else
                {
                    Assert.Equal("六十", await item.Locator("input, textarea").First.InputValueAsync());
                }
            }
            await page.Locator("#take-clock:has-text('剩余 2')").WaitForAsync();

            // Hand in: the score at once; the right answers wait for the office.
            page.Dialog += (_, dialog) => dialog.AcceptAsync();
            await page.ClickAsync("#take-submit");
            await page.Locator("#take-summary:has-text('成绩')").WaitForAsync();
            Assert.Contains("正确答案和解析待考试组织部门公布", await page.Locator("#take-summary").InnerTextAsync());
            Assert.True(await page.Locator("#take-submit").IsHiddenAsync());
            await BrowserFixture.AssertNoSidewaysScrollAsync(page);
            await BrowserFixture.ScreenshotAsync(page, "61-learning-handed-in");
        }
        catch
        {
            await File.WriteAllTextAsync(Path.Combine(BrowserFixture.ArtifactsDirectory, "failed-learning.txt"), $"{page.Url}\n{host.Output}");
            await BrowserFixture.ScreenshotAsync(page, "failed-learning");
            throw;
        }
        await phone.CloseAsync();
    }
}
