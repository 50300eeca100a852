using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Fazhi.Bench.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Bench.Rulemaking;

/// <summary>
/// The public comment page of one legislation draft under a burst (issue 16: 10,000 comments in an hour, no errors, answer
/// p95 &lt; 100 ms): <c>Fazhi.Bench.dll rulemaking-comments [NAME=rulemaking-comments] [comments=10000] [perSecond=14]</c>.
/// SQLite in /tmp/fazhi-bench/NAME. The legislation office opens a 50-article draft for comment over HTTP; then comments are
/// posted anonymously to <c>POST /api/rulemaking/public/legislation/comments</c> on an open-loop schedule (each at its
/// planned instant, whatever the previous ones did) at <c>perSecond</c> — 10,000 an hour is 2.8/s, the default is 5× that —
/// with one read of the comment page <c>/public/legislation/{id}</c> after every ten comments. Reports each kind's
/// percentiles, errors (any non-2xx), the rate achieved, and the host process's CPU per request. Each comment comes from its
/// own mobile with a kit SMS code issued just before it (ADR 0065: one comment per verified mobile per article); the code's
/// issue is not in the POST's time but is in the host CPU per request.
/// </summary>
internal static class CommentBurst
{
    public static async Task<int> RunAsync(string[] args)
    {
        var name = args.Length > 0 ? args[0] : "rulemaking-comments";
        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        var perSecond = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 14;
        Console.WriteLine($"rulemaking comment burst: sqlite {name} comments={count} rate={perSecond}/s cores={Environment.ProcessorCount} load {Load()}");
        var host = new BenchHost("sqlite", name);
        host.Settings["Rulemaking:PublicPostsPerMinute"] = "100000000";
        _ = host.Services;
        var office = await host.ApiClientAsync("bench-legislation-office", "rulemaking-legislation-office", "370400");

        // A project open for comment: plan, item, 立项, 起草, a 50-article version, 征求意见 for 30 days.
        var today = DateOnly.FromDateTime(DateTime.Now);
        var plan = await Created(await office.PostAsJsonAsync("/api/rulemaking/legislation/plans", new { year = today.Year, title = $"压测立法计划 {Guid.NewGuid():N}" }));
        Guid unitId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            unitId = (await scope.ServiceProvider.GetRequiredService<Fazhi.Platform.Kit.IOrgDirectory>().FindByCodeAsync("370400", CancellationToken.None))!.Id;
        }
        var project = await Created(await office.PostAsJsonAsync($"/api/rulemaking/legislation/plans/{plan}/items",
            new { title = $"枣庄市压测管理办法{Guid.NewGuid():N}"[..20], kind = "GovernmentRule", orgUnitId = unitId, plannedSubmitOn = today.AddDays(30), plannedAdoptOn = today.AddDays(90) }));
        await Ok(await office.PostAsJsonAsync($"/api/rulemaking/legislation/projects/{project}/advance", new { stage = "Initiated", note = "压测立项。" }));
        await Ok(await office.PostAsJsonAsync($"/api/rulemaking/legislation/projects/{project}/advance", new { stage = "Drafting" }));
        var text = new StringBuilder();
        for (var i = 1; i <= 50; i++)
        {
            text.Append('第').Append(Chinese(i)).Append("条 ").Append("本条规定城市管理中的第 ").Append(i).Append(" 项事务，有关部门应当依法履行职责，保障公民、法人和其他组织的合法权益。\n");
        }
        await Created(await office.PostAsJsonAsync($"/api/rulemaking/legislation/projects/{project}/versions", new { name = "征求意见稿", text = text.ToString(), note = "" }));
        await Ok(await office.PostAsJsonAsync($"/api/rulemaking/legislation/projects/{project}/advance", new { stage = "PublicComment", on = today, commentTo = today.AddDays(30), versionNo = 1 }));

        Guid versionId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            versionId = (await scope.ServiceProvider.GetRequiredService<Fazhi.Rulemaking.Legislation.LegislationService>().PublicDraftAsync(Guid.Parse(project), CancellationToken.None))!.Version.Id;
        }
        Task<HttpResponseMessage> Post(HttpClient client, string projectId, int n, Stopwatch? started = null) => PostAsync(host.Services, versionId, client, projectId, n, started);
        var anonymous = host.CreateClient();
        // Warm-up: the page and a few comments, unmeasured.
        for (var i = 0; i < 20; i++)
        {
            (await anonymous.GetAsync($"/public/legislation/{project}")).Dispose();
            (await Post(anonymous, project, i)).Dispose();
        }

        var posts = new List<double>();
        var pages = new List<double>();
        var errors = 0;
        var firstError = "";
        var gate = new object();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var tasks = new List<Task>();
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / perSecond);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
            var n = i;
            tasks.Add(Task.Run(async () =>
            {
                var sw = new Stopwatch();
                using var response = await Post(anonymous, project, n + 100, sw);
                var ms = sw.Elapsed.TotalMilliseconds;
                var body = response.IsSuccessStatusCode ? null : await response.Content.ReadAsStringAsync();
                lock (gate)
                {
                    posts.Add(ms);
                    if (body is not null && errors++ == 0)
                    {
                        firstError = $"{(int)response.StatusCode} {body}";
                    }
                }
            }));
            if (i % 10 == 9)
            {
                tasks.Add(Task.Run(async () =>
                {
                    var sw = Stopwatch.StartNew();
                    using var response = await anonymous.GetAsync($"/public/legislation/{project}");
                    await response.Content.CopyToAsync(Stream.Null);
                    var ms = sw.Elapsed.TotalMilliseconds;
                    lock (gate)
                    {
                        pages.Add(ms);
                        if (!response.IsSuccessStatusCode && errors++ == 0)
                        {
                            firstError = $"page {(int)response.StatusCode}";
                        }
                    }
                }));
            }
        }
        await Task.WhenAll(tasks);
        var elapsed = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        Report("POST comment", posts);
        Report("GET comment page", pages);
        Console.WriteLine($"{count} comments + {pages.Count} page reads in {elapsed:F0} s ({count / elapsed:F1} comments/s achieved); errors {errors} {firstError}");
        Console.WriteLine($"host process CPU {cpu / (count + pages.Count):F2} ms per request (bench client included); load {Load()}");
        return errors == 0 ? 0 : 1;
    }

    /// <summary>A comment from mobile 130…n with a code the kit issued for it (as the code request would); <paramref name="started"/> starts at the POST.</summary>
    private static async Task<HttpResponseMessage> PostAsync(IServiceProvider services, Guid versionId, HttpClient client, string project, int n, Stopwatch? started)
    {
        var phone = (13_000_000_000L + n).ToString(CultureInfo.InvariantCulture);
        string code;
        await using (var scope = services.CreateAsyncScope())
        {
            code = (await scope.ServiceProvider.GetRequiredService<Fazhi.Platform.Kit.IPhoneVerification>()
                .RequestAsync(Fazhi.Rulemaking.Legislation.LegislationService.CodeRules, versionId.ToString(), phone, null, issue: true, CancellationToken.None))!;
        }
        started?.Start();
        return await client.PostAsJsonAsync("/api/rulemaking/public/legislation/comments",
            new { projectId = project, article = "第" + Chinese(n % 50 + 1) + "条", text = $"压测意见 {n}：建议明确本条的办理时限和责任部门。", name = "", phone, code });
    }

    private static void Report(string label, List<double> ms)
    {
        if (ms.Count == 0)
        {
            return;
        }
        ms.Sort();
        double At(double q) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(q * ms.Count) - 1)];
        Console.WriteLine($"{label,-20} n={ms.Count,6}  p50 {At(0.5),7:F1} ms  p95 {At(0.95),7:F1} ms  p99 {At(0.99),7:F1} ms  max {ms[^1],7:F1} ms");
    }

    private static async Task<string> Created(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode} {body}");
        }
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("id").GetString()!;
    }

    private static async Task Ok(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static string Chinese(int n)
    {
        const string digits = "零一二三四五六七八九";
        return n switch
        {
            < 10 => digits[n].ToString(),
            10 => "十",
            < 20 => "十" + digits[n % 10],
            _ => digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString()),
        };
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
