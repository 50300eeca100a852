using Microsoft.Playwright;

namespace Fazhi.Browser.Tests;

/// <summary>
/// Issue 17: a taker (demo-town) on a 390 px phone opens the open demo exam, answers every question (each saved as given),
/// reloads the page (a dropped connection or a closed browser), finds the same paper with their answers and the clock still
/// running, and hands in to see their score; and the same for a person without an account who signs in with a one-time
/// code, goes offline mid-exam, while the office's proctor view shows her.
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

    /// <summary>
    /// A person without an account (赵丽（演示）, demo code ZZ-DEMO-0004) on a 390 px phone signs in with the one-time code,
    /// answers, loses the connection (an answer given offline is not saved and says so), reloads, resumes with the same
    /// paper, the saved answers and the server's remaining time, and hands in; the office's proctor view shows her meanwhile.
    /// </summary>
    [Fact]
    public async Task A_code_taker_on_a_phone_signs_in_answers_goes_offline_resumes_and_hands_in_and_the_proctor_sees_her()
    {
        await using var host = await HostProcess.StartAsync("--demo");
        var phone = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
        });
        var desk = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await phone.NewPageAsync();
        var proctor = await desk.NewPageAsync();
        try
        {
            await page.GotoAsync(host.BaseUrl + "/learning/code");
            await BrowserFixture.AssertNoSidewaysScrollAsync(page);
            await page.FillAsync("#code", "zz-demo-0004");
            await page.FillAsync("#name", "赵丽（演示）");
            await page.ClickAsync("button[type=submit]");
            await page.WaitForURLAsync(host.BaseUrl + "/learning/code/take", BrowserFixture.Committed);
            await page.Locator("#take-items fieldset").First.WaitForAsync();
            var examId = await page.Locator("#take").GetAttributeAsync("data-exam");
            var count = await page.Locator("#take-items fieldset").CountAsync();
            Assert.True(count >= 4, $"{count} questions");
            var stems = await page.Locator("#take-items legend").AllInnerTextsAsync();
            await BrowserFixture.AssertNoSidewaysScrollAsync(page);

            async Task AnswerAsync(int i)
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
            }

            // The first two answers are saved as given.
            for (var i = 0; i < 2; i++)
            {
                await AnswerAsync(i);
                await page.Locator("#take-items fieldset").Nth(i).Locator(".mark.ok").WaitForAsync();
            }

            // The office's proctor view shows her answering, with two answers.
            await proctor.GotoAsync(host.BaseUrl + "/account/login");
            await proctor.FillAsync("#username", "demo-city");
            await proctor.FillAsync("#password", DemoPassword);
            await proctor.ClickAsync("button[type=submit]");
            await proctor.WaitForURLAsync(host.BaseUrl + "/", BrowserFixture.Committed);
            await proctor.GotoAsync($"{host.BaseUrl}/learning/exams/{examId}/proctor");
            var row = proctor.Locator("#proctor tbody tr", new() { HasTextString = "赵丽（演示）" }).Filter(new() { HasTextString = "作答中" });
            await row.WaitForAsync();
            Assert.Contains($"2 / {count}", await row.InnerTextAsync());

            // The connection drops: the third answer is not saved, and the page says so.
            var before = await page.Locator("#take-clock").InnerTextAsync();
            await phone.SetOfflineAsync(true);
            await AnswerAsync(2);
            await page.Locator("#take-items fieldset").Nth(2).Locator(".mark.bad:has-text('网络中断')").WaitForAsync();
            await BrowserFixture.ScreenshotAsync(page, "62-learning-code-offline");

            // Back online, the page reloaded: the same paper, the two saved answers, not the unsaved one, the clock from the server.
            await phone.SetOfflineAsync(false);
            await page.ReloadAsync();
            await page.Locator("#take-items fieldset").First.WaitForAsync();
            Assert.Equal(stems, await page.Locator("#take-items legend").AllInnerTextsAsync());
            for (var i = 0; i < 3; i++)
            {
                var item = page.Locator("#take-items fieldset").Nth(i);
                var kept = await item.Locator("input[type=radio], input[type=checkbox]").CountAsync() > 0
                    ? await item.Locator("input").First.IsCheckedAsync()
                    : await item.Locator("input, textarea").First.InputValueAsync() == "六十";
                Assert.True(kept == i < 2, $"question {i + 1}: kept {kept}");
            }
            await page.Locator("#take-clock:has-text('剩余')").WaitForAsync();
            var after = await page.Locator("#take-clock").InnerTextAsync();
            Assert.True(Seconds(after) <= Seconds(before) && Seconds(after) > Seconds(before) - 120, $"{before} -> {after}");

            // The rest answered; handed in; the proctor sees her handed in.
            for (var i = 2; i < count; i++)
            {
                await AnswerAsync(i);
                await page.Locator("#take-items fieldset").Nth(i).Locator(".mark.ok").WaitForAsync();
            }
            page.Dialog += (_, dialog) => dialog.AcceptAsync();
            await page.ClickAsync("#take-submit");
            await page.Locator("#take-summary:has-text('成绩')").WaitForAsync();
            await BrowserFixture.AssertNoSidewaysScrollAsync(page);
            await BrowserFixture.ScreenshotAsync(page, "63-learning-code-handed-in");
            await proctor.ReloadAsync();
            var done = proctor.Locator("#proctor tbody tr", new() { HasTextString = "赵丽（演示）" }).Filter(new() { HasTextString = "已交卷" }).Filter(new() { HasTextString = "第 2 次" });
            await done.WaitForAsync();
            Assert.Contains($"{count} / {count}", await done.InnerTextAsync());
        }
        catch
        {
            await File.WriteAllTextAsync(Path.Combine(BrowserFixture.ArtifactsDirectory, "failed-learning-code.txt"), $"{page.Url}\n{host.Output}");
            await BrowserFixture.ScreenshotAsync(page, "failed-learning-code");
            await BrowserFixture.ScreenshotAsync(proctor, "failed-learning-code-proctor");
            throw;
        }
        await phone.CloseAsync();
        await desk.CloseAsync();
    }

    /// <summary>The seconds a clock text (剩余 29:41) shows.</summary>
    private static int Seconds(string clock)
    {
        var parts = clock.Replace("剩余", "", StringComparison.Ordinal).Trim().Split(':');
        return int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) * 60 + int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
