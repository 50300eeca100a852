using System.Globalization;
using Fazhi.Bench.Hosting;
using Fazhi.Oversight.Data;
using Fazhi.Oversight.Disclosure;
using Fazhi.Oversight.Litigation;
using Fazhi.Oversight.Performance;
using Fazhi.Oversight.Suggestions;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Bench.Oversight;

/// <summary>
/// Every oversight rate for a city-year (issue 18: 20,000 lawsuits, 5,000 suggestions, 50,000 disclosure requests, 10,000
/// reconsideration decisions; each rate with its drill-down page under 100 ms p95), against the real host:
/// <code>dotnet run -c Release --project bench/Fazhi.Bench -- oversight [sqlite NAME | postgres CONNECTION] [scale=1]</code>
/// Generates the year's records once (through the module's context as system work, in batches, over every unit), then
/// measures, as the justice bureau at the city, each rate's API and page and its drill-down (first page) through HTTP.
/// </summary>
internal static class OversightLoad
{
    public const int Year = 2025;

    public static async Task<int> RunAsync(string[] args)
    {
        var scale = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 1;
        var (lawsuits, suggestions, disclosures, decisions) = ((int)(20_000 * scale), (int)(5_000 * scale), (int)(50_000 * scale), (int)(10_000 * scale));
        if (args.Length > 0 && args[0] == "postgres")
        {
            await BenchHost.EnsurePostgresDatabaseAsync(args[1]);
        }
        await using var host = BenchHost.FromArgs(args);
        var profile = Environment.GetEnvironmentVariable("FAZHI_BENCH_PROFILE") == "1";
        if (profile)
        {
            // EF's per-statement timings to the profiler only (the console keeps Warning).
            // Debug: CommandExecuting too, so the profiler takes each statement's in-process CPU (ADR 0066).
            host.Settings["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Debug";
            host.Settings["Logging:Console:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Warning";
        }
        _ = host.Server;
        var timings = new SqlTimings();
        if (profile)
        {
            host.Services.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>().AddProvider(timings);
        }
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var units = (await scope.ServiceProvider.GetRequiredService<IOrgDirectory>().ActiveUnitsAsync(CancellationToken.None))
                .Where(u => u.Level != Fazhi.Platform.Features.OrgUnits.OrgLevel.Town).ToList();
            var work = scope.ServiceProvider.GetRequiredService<ISystemWork>();
            await FillAsync(work, "lawsuits", lawsuits, db => db.Lawsuits.CountAsync(), (db, i) => db.Lawsuits.Add(Lawsuit(i, units[i % units.Count].Id)));
            await FillAsync(work, "suggestions", suggestions, db => db.Suggestions.CountAsync(), (db, i) => db.Suggestions.Add(Suggestion(i, units[i % units.Count].Id)));
            await FillAsync(work, "disclosures", disclosures, db => db.DisclosureRequests.CountAsync(), (db, i) => db.DisclosureRequests.Add(Disclosure(i, units[i % units.Count].Id)));
            await FillAsync(work, "decisions", decisions, db => db.PerformanceTasks.CountAsync(), (db, i) => db.PerformanceTasks.Add(Task(i, units[i % units.Count].Id)));
            Console.WriteLine($"engine={host.Provider} lawsuits={lawsuits:N0} suggestions={suggestions:N0} disclosures={disclosures:N0} decisions={decisions:N0} units={units.Count} cores={Environment.ProcessorCount}");
        }
        var office = await host.ApiClientAsync("bench-oversight", "oversight-office", "370400");
        // The pages take the bearer token like the API (the same user, scope and services); checked to be the page, not the sign-in.
        var browser = office;
        var probe = await browser.GetStringAsync($"/oversight/performance/rates?year={Year}");
        if (!probe.Contains("id=\"definition\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The rate page did not render for the bench user.");
        }
        var n = int.TryParse(Environment.GetEnvironmentVariable("FAZHI_BENCH_N"), out var given) ? given : 200;
        var only = Environment.GetEnvironmentVariable("FAZHI_BENCH_ONLY");
        var y = Year.ToString(CultureInfo.InvariantCulture);
        var requests = new (string Name, string Url)[]
        {
            // The same-run baseline: a trivial authenticated API of the module (the settings row), the cost of the pipeline,
            // the sign-in, the data scope and one one-row statement.
            ("api baseline (settings row)", "/api/oversight/settings"),
            ("api litigation rates (出庭应诉率, 败诉率)", $"/api/oversight/litigation/report?year={y}"),
            ("api suggestion rates (办复率, 按期办复率)", $"/api/oversight/suggestions/report?year={y}"),
            ("api disclosure rate (按期答复率)", $"/api/oversight/disclosures/report?year={y}"),
            ("api performance rate (履行率)", $"/api/oversight/performance/report?year={y}"),
            ("api records appearance", $"/api/oversight/records?metric=appearance&year={y}&group=all"),
            ("api records loss", $"/api/oversight/records?metric=loss&year={y}&group=all"),
            ("api records suggestion-on-time", $"/api/oversight/records?metric=suggestion-on-time&year={y}&group=all"),
            ("api records disclosure-on-time", $"/api/oversight/records?metric=disclosure-on-time&year={y}&group=all"),
            ("api records performance-on-time", $"/api/oversight/records?metric=performance-on-time&year={y}&group=all"),
            ("api records appearance, last page", $"/api/oversight/records?metric=appearance&year={y}&group=all&page=320"),
            ("page litigation rates", $"/oversight/litigation/rates?year={y}"),
            ("page suggestion rates", $"/oversight/suggestions/rates?year={y}"),
            ("page disclosure rates", $"/oversight/disclosures/rates?year={y}"),
            ("page performance rates", $"/oversight/performance/rates?year={y}"),
            ("page records appearance", $"/oversight/records?metric=appearance&year={y}&group=all"),
            ("page records performance-on-time", $"/oversight/records?metric=performance-on-time&year={y}&group=all"),
            ("page records disclosure-on-time", $"/oversight/records?metric=disclosure-on-time&year={y}&group=all"),
            ("page home (justice bureau)", "/"),
        };
        var results = new List<Timing>();
        var process = System.Diagnostics.Process.GetCurrentProcess();
        foreach (var (name, url) in requests.Where(r => only is null || r.Name.Contains(only, StringComparison.Ordinal)))
        {
            if (profile)
            {
                await timings.ProfileAsync(name, n, async () =>
                {
                    using var response = await office.GetAsync(url);
                    response.EnsureSuccessStatusCode();
                    await response.Content.CopyToAsync(Stream.Null);
                });
                continue;
            }
            // CPU per request (the whole process: server and client, which is one HttpClient in memory): it holds up on a
            // machine shared with other builds far better than wall-clock latency does (ADR 0042).
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var timing = await Measure.HttpAsync(name, n, 1, _ => (url.StartsWith("/api/", StringComparison.Ordinal) ? office : browser).GetAsync(url));
            process.Refresh();
            Console.WriteLine($"    cpu {(process.TotalProcessorTime - cpuBefore).TotalMilliseconds / (n + 20):F2} ms/request (incl. warm-up)");
            results.Add(timing);
        }
        if (profile)
        {
            return 0;
        }
        var missed = results.Where(t => t.P95 >= 100).ToList();
        Console.WriteLine(missed.Count == 0 ? "all under 100 ms p95" : "over 100 ms p95: " + string.Join(", ", missed.Select(t => t.Name)));
        return 0;
    }

    private static async Task FillAsync(ISystemWork work, string what, int target, Func<OversightDb, Task<int>> count, Action<OversightDb, int> add)
    {
        await using var db = work.Db<OversightDb>("bench");
        var have = await count(db);
        for (var i = have; i < target; i += 2000)
        {
            for (var j = i; j < Math.Min(target, i + 2000); j++)
            {
                add(db, j);
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        Console.WriteLine($"{what}: {Math.Max(have, target):N0}");
    }

    private static DateOnly Day(int i, int spread = 360) => new DateOnly(Year, 1, 1).AddDays(i * 7919 % spread);

    private static Lawsuit Lawsuit(int i, Guid unit)
    {
        var filed = Day(i, 300);
        var heard = i % 5 != 0;
        var decided = i % 3 == 0;
        var result = (ResultKind)(i % 6);
        return new Lawsuit
        {
            OrgUnitId = unit, Court = "枣庄市中级人民法院", CaseNumber = $"（{Year}）鲁04行初B{i:000000}号", Plaintiff = "原告", ActSued = "行政处罚决定", ActKind = ActKind.Penalty,
            Cause = "不服处罚", Level = LawsuitLevel.FirstInstance, FiledOn = filed, ComplaintReceivedOn = filed.AddDays(2), AnswerDays = 15, AnswerDueOn = filed.AddDays(17),
            AnsweredOn = filed.AddDays(10), FirstHearingOn = heard ? filed.AddDays(40) : null, HeadAppeared = heard && i % 7 != 0,
            Status = decided ? LawsuitStatus.Decided : LawsuitStatus.Answered, Result = decided ? result : null, DecidedOn = decided ? filed.AddDays(60) : null,
            Lost = decided && LitigationRules.IsLoss(result), RegisteredAt = DateTimeOffset.UtcNow,
        };
    }

    private static Suggestion Suggestion(int i, Guid unit)
    {
        var received = Day(i);
        return new Suggestion
        {
            OrgUnitId = unit, Kind = i % 3 == 0 ? SuggestionKind.Procuratorial : SuggestionKind.Judicial, Issuer = "枣庄市中级人民法院", DocumentNumber = $"枣中法建〔{Year}〕B{i}号",
            Content = "建议", ReceivedOn = received, DueBasis = "两个月", ReplyDueOn = received.AddMonths(2),
            Status = i % 4 == 0 ? SuggestionStatus.Received : SuggestionStatus.Replied, RepliedOn = i % 4 == 0 ? null : received.AddDays(30 + i % 40),
            Reply = i % 4 == 0 ? null : "已答复", Rectification = i % 4 == 0 ? null : "已整改", RegisteredAt = DateTimeOffset.UtcNow,
        };
    }

    private static DisclosureRequest Disclosure(int i, Guid unit)
    {
        var received = Day(i);
        var answered = i % 5 != 0;
        return new DisclosureRequest
        {
            Number = $"GK{Year}B{i:000000}", OrgUnitId = unit, QueryCodeHash = "bench", Channel = DisclosureChannel.Online, ApplicantKind = ApplicantKind.Citizen,
            ApplicantName = "申请人", Description = "申请公开", Form = ProvisionForm.Online, ReceivedOn = received, ReplyWorkingDays = 20, ExtensionLimitDays = 20,
            CorrectionNoticeBy = received.AddDays(9), DueOn = received.AddDays(28), Status = answered ? DisclosureStatus.Answered : DisclosureStatus.Open,
            ReplyKind = answered ? DisclosureReplyKind.Disclosed : null, RepliedOn = answered ? received.AddDays(15 + i % 20) : null, RegisteredAt = DateTimeOffset.UtcNow,
        };
    }

    private static PerformanceTask Task(int i, Guid unit)
    {
        var decided = Day(i);
        var performed = i % 6 != 0;
        return new PerformanceTask
        {
            OrgUnitId = unit, DecisionCaseId = Guid.CreateVersion7(), CaseNumber = $"枣政复决字〔{Year}〕B{i}号", HandlingUnitId = unit, Respondent = "被申请人",
            UnitBasis = "bench", ResultCode = "revoke", ResultName = "撤销", DecidedOn = decided, DueOn = decided.AddDays(30), DueBasis = "30 日",
            Status = performed ? PerformanceStatus.Performed : PerformanceStatus.Pending, PerformedOn = performed ? decided.AddDays(10 + i % 30) : null,
            PerformanceNote = performed ? "已履行" : null, ConfirmedOn = performed ? decided.AddDays(45) : null, CreatedAt = DateTimeOffset.UtcNow, Demo = true,
        };
    }
}
