using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Fazhi.Bench.Data;
using Fazhi.Bench.Hosting;
using Fazhi.Disputes.Cases;
using Fazhi.Disputes.Data;
using Fazhi.Disputes.Domain;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.PersonalData;
using Microsoft.EntityFrameworkCore;
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
        await GenerateAsync(host, target);

        var clerk = await host.ApiClientAsync("bench-centre-clerk", "dispute-clerk", CaseService.CentreCode);
        var county = await host.ApiClientAsync("bench-county-clerk", "dispute-clerk", "370402");
        var floorClient = host.CreateClient();
        var data = new ChineseData(7);

        if (Environment.GetEnvironmentVariable("FAZHI_BENCH_PROBE") == "1")
        {
            Console.WriteLine("=== probe: /me");
            for (var i = 0; i < 3000; i++)
            {
                (await clerk.GetAsync("/api/platform/account/me")).EnsureSuccessStatusCode();
            }
            Console.WriteLine("=== probe end");
            return 0;
        }
        Console.WriteLine();
        Console.WriteLine("-- intake against the floor (HTTP, 4 concurrent clients)");
        var floor = await Measure.HttpAsync("floor: POST /bench/floor (one INSERT)", 2000, 4, _ => floorClient.PostAsync("/bench/floor", null));
        await Measure.HttpAsync("floor, 1 client", 500, 1, _ => floorClient.PostAsync("/bench/floor", null));
        await Measure.HttpAsync("anonymous GET /health/live, 1 client", 500, 1, _ => floorClient.GetAsync("/health/live"));
        await Measure.HttpAsync("signed-in GET /api/platform/account/me, 1 client", 500, 1, _ => clerk.GetAsync("/api/platform/account/me"));
        await Measure.HttpAsync("signed-in GET /api/platform/account/me", 2000, 4, _ => clerk.GetAsync("/api/platform/account/me"));
        var intake = await Measure.HttpAsync("intake: POST /api/disputes/cases", 2000, 4, _ => clerk.PostAsJsonAsync("/api/disputes/cases", NewIntake(data)));
        Console.WriteLine($"intake throughput = {intake.PerSecond / floor.PerSecond:P0} of the floor (target >= 60 %)");

        Console.WriteLine();
        Console.WriteLine("-- worklists and statistics at scale (HTTP, one client)");
        await Measure.HttpAsync("worklist: centre, page 1", 200, 1, _ => clerk.GetAsync("/api/disputes/cases?page=1"));
        await Measure.HttpAsync("worklist: county clerk (scoped), page 1", 200, 1, _ => county.GetAsync("/api/disputes/cases?page=1"));
        await Measure.HttpAsync("worklist: in progress, page 5", 200, 1, _ => clerk.GetAsync("/api/disputes/cases?status=InProgress&page=5"));
        return 0;
    }

    private static IntakeRequest NewIntake(ChineseData d) => new(
        d.Pick(TypeMix).Code, "WalkIn", d.Pick(Labels.Categories), d.Random.Next(0, 4) == 0 ? null : d.Random.Next(500, 200_000),
        d.County(), "申请人称与被申请人因" + d.Pick(Labels.Categories) + "发生争议，多次协商未果，请求中心调解处理。",
        new PartyInput("Person", d.PersonName(), d.ResidentId(), null, d.Phone()),
        d.Random.Next(0, 3) == 0 ? new PartyInput("Organisation", d.CompanyName(), null, d.CreditCode(), null) : new PartyInput("Person", d.PersonName(), null, null, null));

    /// <summary>Adds cases until there are <paramref name="target"/>, in batches of 2,000 per transaction.</summary>
    private static async Task GenerateAsync(BenchHost host, int target)
    {
        int existing;
        List<CaseTypeProfile> profiles;
        Dictionary<string, Guid> units;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DisputesDb>();
            existing = await db.Cases.CountAsync();
            profiles = await db.Profiles.AsNoTracking().Include(p => p.Stages).ToListAsync();
            var platform = scope.ServiceProvider.GetRequiredService<PlatformDb>();
            units = await platform.OrgUnits.AsNoTracking().ToDictionaryAsync(o => o.Code, o => o.Id);
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
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var from = today.AddYears(-5);
        var sw = Stopwatch.StartNew();
        var made = 0;
        const int batch = 2000;
        while (existing + made < target)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DisputesDb>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var n = Math.Min(batch, target - existing - made);
            var sequences = await db.Set<CaseNumberCounter>().ToDictionaryAsync(c => c.Year, c => c);
            for (var i = 0; i < n; i++)
            {
                var profile = weighted[d.Random.Next(weighted.Length)];
                var received = d.DayBetween(from, today);
                var age = today.DayNumber - received.DayNumber;
                var status = age > 120 ? (d.Random.Next(0, 50) == 0 ? CaseStatus.Rejected : CaseStatus.Closed)
                    : age > 10 ? (d.Random.Next(0, 3) == 0 ? CaseStatus.Closed : CaseStatus.InProgress)
                    : d.Random.Next(0, 2) == 0 ? CaseStatus.Pending : CaseStatus.InProgress;
                if (!sequences.TryGetValue(received.Year, out var counter))
                {
                    counter = new CaseNumberCounter { Year = received.Year };
                    sequences[received.Year] = counter;
                    db.Add(counter);
                }
                counter.Value++;
                var unit = handling[d.Random.Next(handling.Length)];
                var c = new DisputeCase
                {
                    OrgUnitId = unit,
                    CaseNumber = $"枣非诉〔{received.Year}〕{counter.Value:0000}号",
                    Year = received.Year,
                    Sequence = counter.Value,
                    CaseTypeCode = profile.Code,
                    ProfileId = profile.Id,
                    ProfileVersion = profile.ProfileVersion,
                    Status = status,
                    Channel = (IntakeChannel)d.Random.Next(1, 5),
                    Category = d.Pick(Labels.Categories),
                    Amount = d.Random.Next(0, 3) == 0 ? null : d.Random.Next(200, 500_000),
                    PlaceOrgUnitId = places[d.Random.Next(places.Length)],
                    Description = "申请人与被申请人因" + d.Pick(Labels.Categories) + "发生争议，经多次协商未果，请求依法处理。",
                    ReceivedOn = received,
                    CreatedAt = new DateTimeOffset(received.ToDateTime(new TimeOnly(9, 30)), TimeSpan.FromHours(8)),
                };
                if (c.Channel == IntakeChannel.Referral)
                {
                    c.ExternalSystem = d.Pick(new[] { "法院", "12345热线", "信访" });
                    c.ExternalId = "EXT-" + c.Id.ToString("N")[..12];
                }
                db.Add(c);
                db.Add(new CaseParty
                {
                    CaseId = c.Id, OrgUnitId = unit, Role = PartyRole.Applicant, Kind = PartyKind.Person, Name = d.PersonName(),
                    IdNumber = SensitiveText.IdNumber(d.ResidentId()), Phone = SensitiveText.Phone(d.Phone()),
                });
                db.Add(d.Random.Next(0, 3) == 0
                    ? new CaseParty { CaseId = c.Id, OrgUnitId = unit, Role = PartyRole.Respondent, Kind = PartyKind.Organisation, Name = d.CompanyName(), CreditCode = d.CreditCode() }
                    : new CaseParty { CaseId = c.Id, OrgUnitId = unit, Role = PartyRole.Respondent, Kind = PartyKind.Person, Name = d.PersonName() });
                var stages = profile.Stages.OrderBy(s => s.Order).ToList();
                var first = stages[0];
                var start = received;
                var open = status is CaseStatus.Pending or CaseStatus.InProgress;
                var stageCount = status == CaseStatus.Pending ? 1 : Math.Min(stages.Count, status == CaseStatus.Closed ? stages.Count : 1 + d.Random.Next(stages.Count));
                for (var s = 0; s < stageCount; s++)
                {
                    var def = stages[s];
                    var last = s == stageCount - 1;
                    var span = Math.Max(1, d.Random.Next(1, def.Days + 3));
                    var ended = open && last ? (DateOnly?)null : start.AddDays(span) > today ? today : start.AddDays(span);
                    db.Add(new CaseStage
                    {
                        CaseId = c.Id, OrgUnitId = unit, StageCode = def.Code, StageName = def.Name, StartedOn = start, Days = def.Days,
                        DayKind = def.DayKind, Article = def.Article, EndedOn = ended,
                        Outcome = ended is null ? null : status == CaseStatus.Rejected && s == 0 ? "不予受理" : "办结",
                    });
                    start = ended ?? start;
                }
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            made += n;
            if (made % 20_000 < batch || existing + made >= target)
            {
                Console.WriteLine($"generated {existing + made,9:N0} cases ({made / sw.Elapsed.TotalSeconds:F0}/s, {sw.Elapsed:mm\\:ss})");
            }
        }
    }
}
