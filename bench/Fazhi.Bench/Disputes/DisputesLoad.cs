using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Fazhi.Bench.Data;
using Fazhi.Bench.Hosting;
using Fazhi.Disputes.Cases;
using Fazhi.Disputes.Data;
using Fazhi.Disputes.Domain;
using Fazhi.Disputes.FollowUp;
using Fazhi.Disputes.Handling;
using Fazhi.Disputes.Statistics;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.PersonalData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Bench.Disputes;

/// <summary>
/// The dispute centre at scale (issue 3's targets), against the real host:
/// <code>dotnet run -c Release --project bench/Fazhi.Bench -- disputes [sqlite NAME | postgres CONNECTION] [cases=1000000]</code>
/// Generates the cases once (through the module's own DbContext, so scope, versions and the audit chain are real), then
/// measures intake over HTTP against the floor (one bare INSERT), the worklists and the statistics.
/// </summary>
internal static class DisputesLoad
{
    private static readonly (string Code, int Weight)[] TypeMix =
    [
        (CaseTypes.PeoplesMediation, 40), (CaseTypes.LegalHotline, 18), (CaseTypes.LegalAid, 10), (CaseTypes.AdministrativeReconsideration, 7),
        (CaseTypes.AdministrativeMediation, 6), (CaseTypes.LawyerMediation, 6), (CaseTypes.Arbitration, 5), (CaseTypes.Notarization, 4),
        (CaseTypes.JudicialAppraisal, 2), (CaseTypes.AdministrativeAdjudication, 2),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var target = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000_000;
        if (args.Length > 0 && args[0] == "postgres")
        {
            await BenchHost.EnsurePostgresDatabaseAsync(args[1]);
        }
        await using var host = BenchHost.FromArgs(args);
        Console.WriteLine($"engine={host.Provider} target cases={target:N0} cores={Environment.ProcessorCount}");
        await host.EnsureFloorTableAsync();
        var (handlerName, _) = await host.UserAsync("bench-centre-mediator", "dispute-mediator", CaseService.CentreCode);
        var handlerId = await host.WithDbAsync(db => db.Users.IgnoreQueryFilters().Where(u => u.UserName == handlerName).Select(u => u.Id).SingleAsync());
        await GenerateAsync(host, target, handlerId);
        // FAZHI_BENCH_KEYWORD_ONLY=1: the worklist's keyword search and its same-run baseline alone, with process CPU per
        // request (the data was stamped and rolled up by an earlier run).
        var keywordOnly = Environment.GetEnvironmentVariable("FAZHI_BENCH_KEYWORD_ONLY") == "1";
        if (!keywordOnly)
        {
            await StampOnTimeAsync(host);
            await RebuildRollupAsync(host);
        }

        var clerk = await host.ApiClientAsync("bench-centre-clerk", "dispute-clerk", CaseService.CentreCode);
        var mediator = await host.ApiClientAsync("bench-centre-mediator", "dispute-mediator", CaseService.CentreCode);
        var analyst = await host.ApiClientAsync("bench-analyst", "dispute-reviewer", "370400");
        var county = await host.ApiClientAsync("bench-county-clerk", "dispute-clerk", "370402");
        var town = await host.ApiClientAsync("bench-town-clerk", "dispute-clerk", "370402001");
        var countyAnalyst = await host.ApiClientAsync("bench-county-analyst", "dispute-reviewer", "370402");
        var floorClient = host.CreateClient();
        // New people on every run: a fixed seed would send the same applicants again and make every intake a duplicate of the
        // previous run's (eight flags each after a few runs), which is not what a centre's front desk sees.
        var data = new ChineseData(await host.WithDbAsync(db => db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM disputes_cases").SingleAsync()));

        if (keywordOnly)
        {
            await KeywordAsync(host, clerk, county);
            return 0;
        }

        // For profiling: FAZHI_BENCH_PROBE=N runs N intakes from 4 clients and nothing else (attach a profiler meanwhile).
        if (int.TryParse(Environment.GetEnvironmentVariable("FAZHI_BENCH_PROBE"), out var probe) && probe > 0)
        {
            Console.WriteLine("=== probe: intake");
            for (var round = 1; round <= 3; round++)
            {
                await Measure.HttpAsync($"intake (probe, round {round})", probe, int.TryParse(Environment.GetEnvironmentVariable("FAZHI_BENCH_PROBE_CLIENTS"), out var c) ? c : 4, _ => clerk.PostAsJsonAsync("/api/disputes/cases", NewIntake(data), IntakeJson));
            }
            Console.WriteLine("=== probe end");
            return 0;
        }
        // FAZHI_BENCH_READS_ONLY=1: the worklists and statistics alone (the intake section first writes some 25,000 rows).
        if (Environment.GetEnvironmentVariable("FAZHI_BENCH_READS_ONLY") != "1")
        {
            Console.WriteLine();
            Console.WriteLine("-- intake against the floor (HTTP, 4 concurrent clients)");
            // Both sides are measured warm, as a server runs for weeks: the runtime compiles hot code again, optimised, over the
            // first seconds of load (tiered compilation), and intake touches some thousands of methods. The first intakes after
            // start are shown as well ("cold").
            const int warm = 3000;
            await Measure.HttpAsync("intake, cold: first 2,000 after start", 2000, 4, _ => clerk.PostAsJsonAsync("/api/disputes/cases", NewIntake(data), IntakeJson));
            var floor = await Measure.HttpAsync("floor: POST /bench/floor (one INSERT)", 4000, 4, _ => floorClient.PostAsync("/bench/floor", null), warmup: warm);
            await Measure.HttpAsync("floor, 1 client", 1000, 1, _ => floorClient.PostAsync("/bench/floor", null));
            await Measure.HttpAsync("anonymous GET /health/live, 1 client", 1000, 1, _ => floorClient.GetAsync("/health/live"), warmup: warm);
            await Measure.HttpAsync("signed-in GET /api/platform/account/me, 1 client", 1000, 1, _ => clerk.GetAsync("/api/platform/account/me"), warmup: warm);
            await Measure.HttpAsync("signed-in GET /api/platform/account/me", 4000, 4, _ => clerk.GetAsync("/api/platform/account/me"));
            var intake = await Measure.HttpAsync("intake: POST /api/disputes/cases", 4000, 4, _ => clerk.PostAsJsonAsync("/api/disputes/cases", NewIntake(data), IntakeJson), warmup: warm);
            await Measure.HttpAsync("intake, 1 client", 1000, 1, _ => clerk.PostAsJsonAsync("/api/disputes/cases", NewIntake(data), IntakeJson));
            Console.WriteLine($"intake throughput = {intake.PerSecond / floor.PerSecond:P0} of the floor (target >= 60 %)");
            // Those intakes (some 15,000 in a minute, more than the centre takes in a year) each appended seven delta rows to
            // the statistics roll-up, which the nightly job folds; folded here too, so the reads below meet a normal day's table.
            await RebuildRollupAsync(host);
        }

        Console.WriteLine();
        Console.WriteLine("-- worklists and statistics at scale (HTTP, one client)");
        await Measure.HttpAsync("worklist: mine (mediator)", 200, 1, _ => mediator.GetAsync("/api/disputes/worklist?view=mine"));
        await Measure.HttpAsync("worklist: due within 3 working days", 200, 1, _ => clerk.GetAsync("/api/disputes/worklist?view=due"));
        await Measure.HttpAsync("worklist: overdue", 200, 1, _ => clerk.GetAsync("/api/disputes/worklist?view=overdue"));
        await Measure.HttpAsync("worklist: all, page 1 (centre)", 200, 1, _ => clerk.GetAsync("/api/disputes/worklist?view=all"));
        await Measure.HttpAsync("worklist: all, page 1 (county, scoped)", 200, 1, _ => county.GetAsync("/api/disputes/worklist?view=all"));
        await Measure.HttpAsync("worklist: all, page 1 (town clerk)", 200, 1, _ => town.GetAsync("/api/disputes/worklist?view=all"));
        await Measure.HttpAsync("worklist: all, page 5 (county, scoped)", 200, 1, _ => county.GetAsync("/api/disputes/worklist?view=all&page=5"));
        await Measure.HttpAsync("worklist page /disputes?view=overdue (HTML)", 100, 1, _ => clerk.GetAsync("/disputes?view=overdue&page=2"));
        // The home page counts the user's work in every module (the to-do panel): four dispute worklist counts for a clerk.
        // A county clerk's open views span its units (a small share of the city's cases, spread over the same dates).
        await Measure.HttpAsync("worklist: due within 3 working days (county)", 200, 1, _ => county.GetAsync("/api/disputes/worklist?view=due"));
        await Measure.HttpAsync("worklist: overdue (county)", 200, 1, _ => county.GetAsync("/api/disputes/worklist?view=overdue"));
        await Measure.HttpAsync("worklist: all, awaiting acceptance (county)", 200, 1, _ => county.GetAsync("/api/disputes/worklist?view=all&status=Pending"));
        await Measure.HttpAsync("worklist: all, awaiting acceptance (centre)", 200, 1, _ => clerk.GetAsync("/api/disputes/worklist?view=all&status=Pending"));
        await KeywordAsync(host, clerk, county, baseline: false);
        await Measure.HttpAsync("follow-ups to make (county)", 100, 1, _ => county.GetAsync("/api/disputes/follow-ups"));
        await Measure.HttpAsync("follow-ups to make (town clerk)", 100, 1, _ => town.GetAsync("/api/disputes/follow-ups"));
        await Measure.HttpAsync("home page / (to-do panel), centre clerk", 100, 1, _ => clerk.GetAsync("/"));
        await Measure.HttpAsync("home page / (to-do panel), county clerk", 100, 1, _ => county.GetAsync("/"));
        await Measure.HttpAsync("statistics: city, all years", 50, 1, _ => analyst.GetAsync("/api/disputes/statistics"), warmup: 3);
        await Measure.HttpAsync("statistics: city, this year", 50, 1, _ => analyst.GetAsync($"/api/disputes/statistics?from={DateTime.UtcNow.Year}-01-01"), warmup: 3);
        await Measure.HttpAsync("statistics: county reviewer (scoped)", 50, 1, _ => countyAnalyst.GetAsync("/api/disputes/statistics"), warmup: 3);
        var lastMonth = DateTime.UtcNow.AddDays(-45);
        await Measure.HttpAsync("statistics: city, partial months (live ends)", 50, 1,
            _ => analyst.GetAsync($"/api/disputes/statistics?from={lastMonth:yyyy-MM}-10&to={DateTime.UtcNow:yyyy-MM-dd}"), warmup: 3);
        await Measure.HttpAsync("statistics page /disputes/statistics (HTML)", 20, 1, _ => analyst.GetAsync("/disputes/statistics"), warmup: 2);
        // The reference: the same report counted from the cases themselves (what every request did before the roll-up).
        await Measure.RunAsync("statistics computed live (no roll-up), city", 3, 1, async _ =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DisputeStatistics>().GetLiveAsync(new Fazhi.Disputes.Contracts.DisputeStatisticsQuery(), default);
        }, warmup: 1);
        return 0;
    }

    /// <summary>
    /// Issue 13: the worklist's keyword search, by what a clerk types: a party's name, a phone, a case number (any brackets).
    /// With <paramref name="baseline"/>, the worklist without a keyword first (the same run's reference), and every line
    /// prints the process CPU per request (client and server are this process; the database server's CPU is not in it).
    /// </summary>
    private static async Task KeywordAsync(BenchHost host, HttpClient clerk, HttpClient county, bool baseline = true)
    {
        var probeList = await KeywordProbesAsync(host, 50);
        // Measure's warm-up passes negative indexes.
        (string Name, string Phone, string Typed) Probe(int i) => probeList[((i % probeList.Count) + probeList.Count) % probeList.Count];
        if (baseline)
        {
            await Fazhi.Bench.Lists.ListsMeasure.HttpAsync("baseline: worklist all, page 1 (centre)", 200, 1, _ => clerk.GetAsync("/api/disputes/worklist?view=all"));
            await Fazhi.Bench.Lists.ListsMeasure.HttpAsync("baseline: worklist all, page 1 (county)", 200, 1, _ => county.GetAsync("/api/disputes/worklist?view=all"));
        }
        await Fazhi.Bench.Lists.ListsMeasure.HttpAsync("worklist keyword: party name (centre)", 200, 1, i => clerk.GetAsync("/api/disputes/worklist?q=" + Uri.EscapeDataString(Probe(i).Name)));
        await Fazhi.Bench.Lists.ListsMeasure.HttpAsync("worklist keyword: party name (county, scoped)", 200, 1, i => county.GetAsync("/api/disputes/worklist?q=" + Uri.EscapeDataString(Probe(i).Name)));
        await Fazhi.Bench.Lists.ListsMeasure.HttpAsync("worklist keyword: phone (centre)", 200, 1, i => clerk.GetAsync("/api/disputes/worklist?q=" + Probe(i).Phone));
        await Fazhi.Bench.Lists.ListsMeasure.HttpAsync("worklist keyword: case number typed 2026-0013 (centre)", 200, 1, i => clerk.GetAsync("/api/disputes/worklist?q=" + Probe(i).Typed));
        await Fazhi.Bench.Lists.ListsMeasure.HttpAsync("worklist keyword + received dates (county)", 200, 1, i => county.GetAsync(
            "/api/disputes/worklist?q=" + Uri.EscapeDataString(Probe(i).Name) + $"&from={DateTime.UtcNow.Year}-01-01&to={DateTime.UtcNow:yyyy-MM-dd}"));
    }

    /// <summary>
    /// Stages generated before stages carried their on-time flag get it here, as the product stamps it when a stage ends
    /// (<see cref="HandlingClock.StampEnded"/>): bench data, written like the generator writes, without the audit chain.
    /// </summary>
    /// <summary>Applicants of random cases: their name, phone and the case number as typed on a phone (year-serial).</summary>
    private static async Task<List<(string Name, string Phone, string Typed)>> KeywordProbesAsync(BenchHost host, int count)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DisputesDb>();
        var max = await db.Cases.CountAsync();
        var random = new Random(7);
        var probes = new List<(string, string, string)>();
        while (probes.Count < count)
        {
            var c = await db.Cases.AsNoTracking().OrderBy(x => x.Id).Skip(random.Next(max)).Select(x => new { x.Id, x.Year, x.Sequence }).FirstAsync();
            var p = await db.Parties.AsNoTracking().Where(x => x.CaseId == c.Id && x.Role == PartyRole.Applicant && x.Phone != null).FirstOrDefaultAsync();
            if (p is not null)
            {
                probes.Add((p.Name, p.Phone!.Reveal(), $"{c.Year}-{c.Sequence:0000}"));
            }
        }
        return probes;
    }

    private static async Task StampOnTimeAsync(BenchHost host)
    {
        var sw = Stopwatch.StartNew();
        DeadlineCalculator calculator;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            calculator = new DeadlineCalculator(await scope.ServiceProvider.GetRequiredService<IDeadlineService>().GetCalendarAsync(default));
        }
        var last = Guid.Empty;
        var stamped = 0;
        while (true)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DisputesDb>();
            var batch = await db.Stages.AsNoTracking().Where(s => s.Id > last && s.EndedOn != null && s.OnTime == null).OrderBy(s => s.Id).Take(20_000)
                .Select(s => new { s.Id, s.StartedOn, s.Days, s.DayKind, s.EndedOn }).ToListAsync();
            if (batch.Count == 0)
            {
                break;
            }
            last = batch[^1].Id;
            var postgres = host.Provider == "postgres";
            await using var tx = await db.Database.BeginTransactionAsync();
            await using var cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.Transaction = tx.GetDbTransaction();
            cmd.CommandText = "UPDATE disputes_case_stages SET \"DueOn\" = @due, \"OnTime\" = @onTime WHERE \"Id\" = @id";
            var due = cmd.CreateParameter();
            due.ParameterName = "@due";
            var onTime = cmd.CreateParameter();
            onTime.ParameterName = "@onTime";
            var id = cmd.CreateParameter();
            id.ParameterName = "@id";
            cmd.Parameters.Add(due);
            cmd.Parameters.Add(onTime);
            cmd.Parameters.Add(id);
            foreach (var s in batch)
            {
                var stage = new CaseStage { StageCode = "", StageName = "", Article = "", StartedOn = s.StartedOn, Days = s.Days, DayKind = s.DayKind, EndedOn = s.EndedOn };
                HandlingClock.StampEnded(stage, calculator);
                // SQLite as EF stores them: dates as yyyy-MM-dd text, GUIDs as upper-case text.
                due.Value = stage.DueOn is { } d ? (postgres ? d : d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : DBNull.Value;
                onTime.Value = stage.OnTime!.Value;
                id.Value = postgres ? s.Id : s.Id.ToString().ToUpperInvariant();
                await cmd.ExecuteNonQueryAsync();
            }
            await tx.CommitAsync();
            stamped += batch.Count;
        }
        if (stamped > 0)
        {
            Console.WriteLine($"stamped the on-time flag of {stamped:N0} ended stages ({sw.Elapsed.TotalSeconds:F0} s)");
        }
    }

    /// <summary>The generator bypasses the product (and so the roll-up's delta rows): rebuild it, as the nightly job does.</summary>
    private static async Task RebuildRollupAsync(BenchHost host)
    {
        var sw = Stopwatch.StartNew();
        await using var scope = host.Services.CreateAsyncScope();
        var rollup = scope.ServiceProvider.GetRequiredService<StatisticsRollupService>();
        var rows = await rollup.RebuildAsync(default);
        await rollup.RefreshPlannerStatisticsAsync(onlyIfMissing: false, default);
        Console.WriteLine($"statistics roll-up rebuilt from all cases: {rows:N0} rows, then ANALYZE (as the nightly job): {sw.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>The API reads enums by name (a number is refused, naming the field).</summary>
    private static readonly System.Text.Json.JsonSerializerOptions IntakeJson = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static IntakeRequest NewIntake(ChineseData d) => new(
        d.Pick(TypeMix).Code, "WalkIn", d.Pick(Labels.Categories), d.Random.Next(0, 4) == 0 ? null : d.Random.Next(500, 200_000),
        d.County(), "申请人称与被申请人因" + d.Pick(Labels.Categories) + "发生争议，多次协商未果，请求中心调解处理。",
        new PartyInput(PartyKind.Person, d.PersonName(), d.ResidentId(), null, d.Phone()),
        d.Random.Next(0, 3) == 0 ? new PartyInput(PartyKind.Organisation, d.CompanyName(), null, d.CreditCode(), null) : new PartyInput(PartyKind.Person, d.PersonName(), null, null, null));

    /// <summary>
    /// Adds cases until there are <paramref name="target"/>, 5,000 per transaction, with parties, stages (open ones carry
    /// their due date from the real working-day calendar), handlers, results and follow-up ratings. Rows go in through
    /// <see cref="BulkInsert"/>: the module's own tables and converters, without the audit chain (see docs/benchmarks.md).
    /// </summary>
    private static async Task GenerateAsync(BenchHost host, int target, Guid handlerId)
    {
        int existing;
        List<CaseTypeProfile> profiles;
        Dictionary<string, Guid> units;
        DeadlineCalculator calculator;
        DateOnly today;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DisputesDb>();
            existing = await db.Cases.CountAsync();
            profiles = await db.Profiles.AsNoTracking().Include(p => p.Stages).ToListAsync();
            var platform = scope.ServiceProvider.GetRequiredService<PlatformDb>();
            units = await platform.OrgUnits.AsNoTracking().ToDictionaryAsync(o => o.Code, o => o.Id);
            var deadlines = scope.ServiceProvider.GetRequiredService<IDeadlineService>();
            calculator = new DeadlineCalculator(await deadlines.GetCalendarAsync(default));
            today = deadlines.Today;
        }
        if (existing >= target)
        {
            Console.WriteLine($"{existing:N0} cases already there");
            return;
        }
        var handling = new[] { CaseService.CentreCode, "370402", "370403", "370404", "370405", "370406", "370481" }.Select(c => units[c]).ToArray();
        var places = units.Where(u => u.Key.Length == 9 && u.Key.StartsWith("3704", StringComparison.Ordinal)).Select(u => u.Value).ToArray();
        var weighted = TypeMix.SelectMany(t => Enumerable.Repeat(profiles.Where(p => p.Code == t.Code).MaxBy(p => p.ProfileVersion)!, t.Weight)).ToArray();
        var d = new ChineseData(existing + 1);
        var from = today.AddYears(-5);
        var sw = Stopwatch.StartNew();
        var made = 0;
        const int batch = 5000;
        Dictionary<int, int> sequences;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DisputesDb>();
            // The platform's number sequence for dispute cases (Kit/Numbering), continued by the loaded cases.
            sequences = (await db.Database.SqlQueryRaw<SequenceRow>(
                    "SELECT \"Year\", CAST(\"Value\" AS INTEGER) AS \"Value\" FROM platform_number_sequences WHERE \"Key\" = 'disputes.case' AND \"Scope\" = ''")
                .ToListAsync()).ToDictionary(r => r.Year, r => r.Value);
        }
        while (existing + made < target)
        {
            var n = Math.Min(batch, target - existing - made);
            var cases = new List<DisputeCase>(n);
            var parties = new List<CaseParty>(n * 2);
            var stagesOut = new List<CaseStage>(n * 3);
            var followUps = new List<FollowUpTask>(n);
            for (var i = 0; i < n; i++)
            {
                var profile = weighted[d.Random.Next(weighted.Length)];
                var received = d.DayBetween(from, today);
                var age = today.DayNumber - received.DayNumber;
                var status = age > 120 ? (d.Random.Next(0, 50) == 0 ? CaseStatus.Rejected : CaseStatus.Closed)
                    : age > 10 ? (d.Random.Next(0, 3) == 0 ? CaseStatus.Closed : CaseStatus.InProgress)
                    : d.Random.Next(0, 2) == 0 ? CaseStatus.Pending : CaseStatus.InProgress;
                var sequence = sequences[received.Year] = sequences.GetValueOrDefault(received.Year) + 1;
                var unit = handling[d.Random.Next(handling.Length)];
                var c = new DisputeCase
                {
                    OrgUnitId = unit,
                    CaseNumber = $"枣非诉〔{received.Year}〕{sequence:000000}号",
                    Year = received.Year,
                    Sequence = sequence,
                    CaseTypeCode = profile.Code,
                    ProfileId = profile.Id,
                    ProfileVersion = profile.ProfileVersion,
                    Channel = (IntakeChannel)d.Random.Next(1, 5),
                    Category = d.Pick(Labels.Categories),
                    Amount = d.Random.Next(0, 3) == 0 ? null : d.Random.Next(200, 500_000),
                    PlaceOrgUnitId = places[d.Random.Next(places.Length)],
                    Description = "申请人与被申请人因" + d.Pick(Labels.Categories) + "发生争议，经多次协商未果，请求依法处理。",
                    ReceivedOn = received,
                    // 09:30 in Beijing, stored in UTC (PostgreSQL's timestamptz takes offset 0 only).
                    CreatedAt = new DateTimeOffset(received.ToDateTime(new TimeOnly(1, 30)), TimeSpan.Zero),
                };
                // The status through the case's own transitions (its setter is private); the result is set below.
                switch (status)
                {
                    case CaseStatus.InProgress: c.Accept(); break;
                    case CaseStatus.Rejected: c.Reject("不属于本中心受理范围"); break;
                    case CaseStatus.Closed: c.Close(received, "", ""); break;
                }
                if (c.Channel == IntakeChannel.Referral)
                {
                    c.ExternalSystem = d.Pick(new[] { "法院", "12345热线", "信访" });
                    c.ExternalId = "EXT-" + c.Id.ToString("N");
                }
                cases.Add(c);
                parties.Add(new CaseParty
                {
                    CaseId = c.Id, OrgUnitId = unit, Role = PartyRole.Applicant, Kind = PartyKind.Person, Name = d.PersonName(),
                    IdNumber = SensitiveText.IdNumber(d.ResidentId()), Phone = SensitiveText.Phone(d.Phone()),
                });
                parties.Add(d.Random.Next(0, 3) == 0
                    ? new CaseParty { CaseId = c.Id, OrgUnitId = unit, Role = PartyRole.Respondent, Kind = PartyKind.Organisation, Name = d.CompanyName(), CreditCode = d.CreditCode() }
                    : new CaseParty { CaseId = c.Id, OrgUnitId = unit, Role = PartyRole.Respondent, Kind = PartyKind.Person, Name = d.PersonName() });
                var stages = profile.Stages.OrderBy(s => s.Order).ToList();
                var start = received;
                var open = status is CaseStatus.Pending or CaseStatus.InProgress;
                var stageCount = status is CaseStatus.Pending or CaseStatus.Rejected ? 1 : Math.Min(stages.Count, status == CaseStatus.Closed ? stages.Count : 1 + d.Random.Next(stages.Count));
                for (var s = 0; s < stageCount; s++)
                {
                    var def = stages[s];
                    var last = s == stageCount - 1;
                    var span = Math.Max(1, d.Random.Next(1, def.Days + 3));
                    var ended = open && last ? (DateOnly?)null : start.AddDays(span) > today ? today : start.AddDays(span);
                    var stage = new CaseStage
                    {
                        CaseId = c.Id, OrgUnitId = unit, StageCode = def.Code, StageName = def.Name, StartedOn = start, Days = def.Days,
                        DayKind = def.DayKind, Article = def.Article, EndedOn = ended,
                        Outcome = ended is null ? null : status == CaseStatus.Rejected && s == 0 ? "不予受理" : "办结",
                    };
                    HandlingClock.StampEnded(stage, calculator);
                    stagesOut.Add(stage);
                    if (ended is null)
                    {
                        c.DueOn = calculator.Compute(stage.ToSpec(), today).DueDate;
                    }
                    start = ended ?? start;
                }
                if (open && d.Random.Next(0, 4) == 0)
                {
                    c.AssigneeUserId = handlerId;
                    c.AssigneeName = "中心调解员";
                }
                if (status == CaseStatus.Closed)
                {
                    c.ClosedOn = start;
                    c.ResultCode = d.Random.Next(0, 10) < 7 ? "mediated" : "failed";
                    c.ResultName = c.ResultCode == "mediated" ? "调解成功" : "调解不成";
                    var rated = d.Random.Next(0, 10) < 6;
                    followUps.Add(new FollowUpTask
                    {
                        CaseId = c.Id, OrgUnitId = unit, CaseNumber = c.CaseNumber, CaseTypeCode = c.CaseTypeCode, ReceivedOn = received,
                        ClosedOn = start, DurationDays = start.DayNumber - received.DayNumber, ResultKind = c.ResultName, DueOn = start.AddDays(15),
                        Done = rated, Method = rated ? FollowUpMethod.Call : null, Rating = rated ? (d.Random.Next(0, 10) < 9 ? Satisfaction.Satisfied : Satisfaction.Unsatisfied) : null,
                        RatedOn = rated ? start.AddDays(d.Random.Next(1, 15)) : null, RecordedBy = rated ? "回访员" : null,
                    });
                }
            }
            await using (var scope = host.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<DisputesDb>();
                var protector = scope.ServiceProvider.GetRequiredService<SensitiveDataProtector>();
                await using var tx = await db.Database.BeginTransactionAsync();
                await BulkInsert.InsertAsync(db, protector, cases);
                await BulkInsert.InsertAsync(db, protector, parties);
                await BulkInsert.InsertAsync(db, protector, stagesOut);
                await BulkInsert.InsertAsync(db, protector, followUps);
                foreach (var (year, value) in sequences)
                {
                    await db.Database.ExecuteSqlRawAsync(
                        "INSERT INTO platform_number_sequences (\"Key\", \"Scope\", \"Year\", \"Value\") VALUES ('disputes.case', '', {0}, {1}) " +
                        "ON CONFLICT (\"Key\", \"Scope\", \"Year\") DO UPDATE SET \"Value\" = excluded.\"Value\"", year, (long)value);
                }
                await tx.CommitAsync();
            }
            made += n;
            if (made % 50_000 < batch || existing + made >= target)
            {
                Console.WriteLine($"generated {existing + made,9:N0} cases ({made / sw.Elapsed.TotalSeconds:F0}/s, {sw.Elapsed:mm\\:ss})");
            }
        }
    }
}

/// <summary>One year's counter of the dispute case sequence.</summary>
internal sealed class SequenceRow
{
    public int Year { get; set; }

    public int Value { get; set; }
}
