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

    /// <summary>
    /// Each operation as three of the signed-in accounts (ADR 0063), chosen by a stable hash of the operation and the account:
    /// every operation is swept, every account gets about a third of them, and a run sends the same requests as the last.
    /// When none of the three is let past authorisation, the operation goes on down its ranking (after the administrators'
    /// turn) until an account reaches it or none is left, so an operation only some roles may call is still swept.
    /// </summary>
    [Fact]
    public Task Apis_signed_in() => RunAsync("APIs, signed in", async (failures, huge) =>
    {
        var names = host.SignedIn.Select(i => i.Name).ToList();
        var rankings = host.Operations.ToDictionary(op => op.Key, op => Sweeps.AccountRanking(op, names));
        var cover = Sweeps.KindCover(host.Operations, names);
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var perAccount = names.ToDictionary(n => n, _ => 0, StringComparer.Ordinal);
        // Account by account (administrators last): the administrators' requests change accounts and roles.
        for (var i = 0; i < host.SignedIn.Count; i++)
        {
            var identity = await host.EnsureSignedInAsync(i, api: true, "the previous accounts' requests");
            foreach (var op in host.Operations.Where(op => rankings[op.Key].IndexOf(identity.Name) < Sweeps.AccountsPerOperation || cover.Contains((op.Key, identity.Name))))
            {
                perAccount[identity.Name]++;
                if (await Sweeps.ApiAsync(host, op, identity, failures, huge))
                {
                    reached.Add(op.Key);
                }
            }
        }
        var further = 0;
        foreach (var op in host.Operations.Where(op => !reached.Contains(op.Key)))
        {
            foreach (var name in rankings[op.Key].Skip(Sweeps.AccountsPerOperation))
            {
                var identity = await host.EnsureSignedInAsync(names.IndexOf(name), api: true, "the sampled sweep");
                further++;
                if (await Sweeps.ApiAsync(host, op, identity, failures, huge))
                {
                    break;
                }
            }
        }
        output.WriteLine($"Operations per account: {string.Join(", ", perAccount.Select(p => $"{p.Key} {p.Value}"))}; " +
            $"{further} further (operation, account) pairs for {host.Operations.Count - reached.Count} operations none of its three reached.");
        Assert.All(perAccount, p => Assert.True(p.Value > 0, $"{p.Key} was sent no operation."));
    }, hugeRequests: 3);

    /// <summary>
    /// The sample keeps every hostile value kind: what the three accounts per operation, and the few pairs added for the
    /// kinds they miss, plan to send covers every (where, value) that the plans of all accounts for all operations would.
    /// </summary>
    [Fact]
    public void Api_sample_keeps_every_hostile_value_kind()
    {
        var names = host.SignedIn.Select(i => i.Name).ToList();
        var all = host.Operations.SelectMany(op => names.SelectMany(n => Sweeps.PlannedKinds(op, n))).ToHashSet(StringComparer.Ordinal);
        var cover = Sweeps.KindCover(host.Operations, names);
        var sampled = host.Operations.SelectMany(op => Sweeps.AccountRanking(op, names)
            .Where((n, rank) => rank < Sweeps.AccountsPerOperation || cover.Contains((op.Key, n)))
            .SelectMany(n => Sweeps.PlannedKinds(op, n))).ToHashSet(StringComparer.Ordinal);
        output.WriteLine($"{sampled.Count} of {all.Count} (where, hostile value) kinds in the sample ({cover.Count} pairs added for kinds the three accounts missed).");
        Assert.Empty(all.Except(sampled));
    }

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
