using System.Diagnostics;
using Fazhi.InputSafety.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Fazhi.InputSafety.Tests;

/// <summary>
/// Issue 12: every API operation in the OpenAPI document and every routable page, anonymous and as each demo account,
/// with sampled hostile values in each parameter and body field, one at a time. No answer is a 5xx; an API 400 is a
/// Chinese ProblemDetails naming the field; a refused request leaves the audit trail (and so the data) as it was.
/// All failures of a test are reported together, grouped by cause. The sample is seeded: every run sends the same requests.
/// </summary>
[TestCaseOrderer(DeclarationOrderer.Name, DeclarationOrderer.Assembly)]
public sealed class HostileInputSweepTests(SweepHost host, ITestOutputHelper output) : IClassFixture<SweepHost>
{
    [Fact]
    public Task Pages_anonymous() => RunAsync("pages, anonymous", async (failures, huge) =>
    {
        foreach (var page in host.Pages)
        {
            await Sweeps.PageAsync(host, page, host.Anonymous, failures, huge);
        }
    }, hugeRequests: 1);

    [Fact]
    public Task Apis_anonymous() => RunAsync("APIs, anonymous", async (failures, huge) =>
    {
        foreach (var op in host.Operations)
        {
            await Sweeps.ApiAsync(host, op, host.Anonymous, failures, huge);
        }
    }, hugeRequests: 0);

    [Fact]
    public Task Pages_signed_in() => RunAsync("pages, signed in", async (failures, huge) =>
    {
        for (var i = 0; i < host.SignedIn.Count; i++)
        {
            var identity = await host.EnsureSignedInAsync(i, api: false, "the previous tests");
            foreach (var page in host.Pages)
            {
                await Sweeps.PageAsync(host, page, identity, failures, huge);
                identity = await host.EnsureSignedInAsync(i, api: false, page.Route);
            }
        }
    }, hugeRequests: 1);

    [Fact]
    public Task Apis_signed_in() => RunAsync("APIs, signed in", async (failures, huge) =>
    {
        // Account by account (administrators last): the administrators' requests change accounts and roles.
        for (var i = 0; i < host.SignedIn.Count; i++)
        {
            var identity = await host.EnsureSignedInAsync(i, api: true, "the previous accounts' requests");
            foreach (var op in host.Operations)
            {
                await Sweeps.ApiAsync(host, op, identity, failures, huge);
            }
        }
    }, hugeRequests: 3);

    private async Task RunAsync(string title, Func<List<Failure>, HugeBudget, Task> sweep, int hugeRequests)
    {
        Assert.NotEmpty(host.Operations);
        Assert.NotEmpty(host.Pages);
        var failures = new List<Failure>();
        var start = host.Sweep.Requests;
        var auditedStart = host.Sweep.Audited;
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        await sweep(failures, new HugeBudget(hugeRequests));
        clock.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var sent = host.Sweep.Requests - start;
        var audited = host.Sweep.Audited - auditedStart;
        var header = $"{host.Operations.Count} API operations ({host.Skipped.Count} skipped: {string.Join("; ", host.Skipped)}), {host.Pages.Count} pages ({host.SignsOut.Count} end the session, swept anonymously only: {string.Join(", ", host.SignsOut)}), " +
            $"identities: anonymous, {string.Join(", ", host.SignedIn.Select(i => i.Name))}; real ids known: {host.Ids.Count}; " +
            $"{audited} requests were accepted changes (the audit trail grew).";
        var renewed = host.Renewed.Count == 0 ? "" : "Sessions renewed: " + string.Join("; ", host.Renewed) + Environment.NewLine;
        var report = header + Environment.NewLine + renewed + Sweep.Report(title, failures, sent, clock.Elapsed);
        var dir = Path.Combine(AppContext.BaseDirectory, "input-safety");
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, title.Replace(", ", "-", StringComparison.Ordinal).Replace(' ', '-') + ".txt"), report);
        var slowest = string.Join(", ", host.Sweep.Slowest(15));
        output.WriteLine($"{title}: {sent} requests in {Sweeps.Seconds(clock.Elapsed)} s ({Sweeps.Seconds(cpu)} s CPU), {failures.Count} failing. Slowest so far: {slowest}");
        Assert.True(failures.Count == 0, report);
    }
}
