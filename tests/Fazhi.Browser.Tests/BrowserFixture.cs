using Microsoft.Playwright;

namespace Fazhi.Browser.Tests;

/// <summary>Debian's Chromium driven by Playwright (no browser download). Missing Chromium fails the test, never skips it.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    /// <summary>Form posts may be enhanced navigations that never fire a full load event: wait for the new URL only.</summary>
    public static PageWaitForURLOptions Committed { get; } = new() { WaitUntil = WaitUntilState.Commit };

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: kept as CI artifacts next to the test results.</summary>
    public static string ArtifactsDirectory { get; } = Path.Combine(RepoRoot(), "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is not installed at {ChromiumPath}: apt-get install chromium (scripts/test does it as root).");
        }
        Directory.CreateDirectory(ArtifactsDirectory);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
    }

    /// <summary>The page does not scroll sideways on a 390 px phone.</summary>
    public static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"The page is {width} px wide on a 390 px phone.");
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsDirectory, name + ".png"), FullPage = true });

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Fazhi.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? Path.GetTempPath();
    }
}
