using Fazhi.Platform.Features.PersonalData;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Fazhi.Bench.Data;
using Fazhi.Bench.Hosting;
using Fazhi.Enforcement.Cases;
using Fazhi.Enforcement.Data;
using Fazhi.Enforcement.Publicity;
using Fazhi.Enforcement.Registry;
using Fazhi.Platform.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Bench.Enforcement;

/// <summary>
/// Enforcement supervision at scale (issue 4's targets), against the real host:
/// <code>dotnet run -c Release --project bench/Fazhi.Bench -- enforcement [sqlite NAME | postgres CONNECTION] [cases=1000000] [decisions=100000]</code>
/// Generates penalty cases and published decisions once with a bench-only bulk writer (multi-row INSERTs on the module's
/// own connection, 10,000 rows per transaction; it bypasses the audit chain, see docs/benchmarks.md), then measures the public
/// penalty search and the supervision page and API over HTTP.
/// </summary>
internal static partial class EnforcementLoad
{
    private static readonly string[] Matters =
    [
        "未取得食品经营许可从事食品经营活动", "销售超过保质期的食品", "未按规定公示营业执照", "使用未经检验的特种设备", "未按规定设置安全警示标志",
        "超标排放大气污染物", "未批先建建设项目", "违规占道经营", "未经许可擅自设置户外广告", "生产经营不符合安全标准的产品",
        "违法发布虚假广告", "未依法履行安全生产培训义务", "无证驾驶营运车辆", "擅自改变房屋用途", "价格欺诈",
    ];

    private static readonly CaseStage[] Undecided = [CaseStage.Opened, CaseStage.Investigating, CaseStage.Proposed, CaseStage.Notified, CaseStage.Hearing, CaseStage.LegalReview];

    public static async Task<int> RunAsync(string[] args)
    {
        var targetCases = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000_000;
        var targetDecisions = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 100_000;
        if (args.Length > 0 && args[0] == "postgres")
        {
            await BenchHost.EnsurePostgresDatabaseAsync(args[1]);
        }
        await using var host = BenchHost.FromArgs(args);
        Console.WriteLine($"engine={host.Provider} target cases={targetCases:N0} published decisions={targetDecisions:N0} cores={Environment.ProcessorCount}");
        var bodies = await EnsureBodiesAsync(host);
        await GenerateAsync(host, bodies, targetCases, targetDecisions);

        // Samples for the keyword kinds, taken from the generated data.
        string decisionNumber, company, person;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EnforcementDb>();
            var count = await db.PublishedDecisions.CountAsync();
            Console.WriteLine($"{await db.Cases.IgnoreQueryFilters().CountAsync():N0} cases, {count:N0} published decisions, {await db.PublishedTerms.CountAsync():N0} term rows");
            decisionNumber = (await db.PublishedDecisions.OrderBy(d => d.Id).Skip(count / 2).FirstAsync()).DecisionNumber;
            // The stored terms (written by the generator, or backfilled by a migration) are exactly what PublicSearch.Terms gives.
            var sample = await db.PublishedDecisions.AsNoTracking().OrderBy(d => d.Id).Where((d) => d.DecidedOn.Day == 17).Take(500).ToListAsync();
            var sampleIds = sample.Select(d => d.Id).ToList();
            var stored = (await db.PublishedTerms.AsNoTracking().Where(t => sampleIds.Contains(t.DecisionId)).ToListAsync()).ToLookup(t => t.DecisionId, t => t.Term);
            var differ = sample.Count(d => !PublicSearch.Terms(d).ToHashSet().SetEquals(stored[d.Id]));
            Console.WriteLine($"term check: {differ} of {sample.Count} sampled decisions have stored terms different from PublicSearch.Terms");
            company = "恒泰煤业";
            person = "孟";
        }
        var anon = host.CreateClient();
        // The city supervisor holds the role at the city unit (370400), so its data scope is every body; a role at the
        // justice bureau (370400-SFJ) would see only that bureau's own cases (an empty report).
        var city = await host.ApiClientAsync("bench-city-wide-supervisor", "enforcement-supervisor", "370400");
        var dept = bodies[1];
        var deptClient = await host.ApiClientAsync("bench-dept-supervisor", "enforcement-supervisor", dept.OrgCode);
        var cityPage = await SignInAsync(host, "bench-city-wide-supervisor", "370400");
        var deptPage = await SignInAsync(host, "bench-dept-supervisor", dept.OrgCode);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var from = today.AddMonths(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = today.AddMonths(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var body = bodies[2].OrgUnitId;

        // FAZHI_BENCH_PART=search or supervision runs only that part (the other one can take minutes on a slow plan).
        var part = Environment.GetEnvironmentVariable("FAZHI_BENCH_PART") ?? "";
        if (part != "supervision")
        {
            await SearchAsync(anon, decisionNumber, company, person, from, to, body);
        }
        if (part == "search")
        {
            return 0;
        }

        Console.WriteLine();
        Console.WriteLine("-- supervision (HTTP, one client)");
        await CpuAsync(() => Measure.HttpAsync("API city-wide", 50, 1, _ => city.GetAsync("/api/enforcement/supervision"), warmup: 3), 53);
        await CpuAsync(() => Measure.HttpAsync("API city, one body (?orgUnitId)", 50, 1, _ => city.GetAsync($"/api/enforcement/supervision?orgUnitId={dept.OrgUnitId}"), warmup: 3), 53);
        await CpuAsync(() => Measure.HttpAsync("API department supervisor (scoped)", 50, 1, _ => deptClient.GetAsync("/api/enforcement/supervision"), warmup: 3), 53);
        await CpuAsync(() => Measure.HttpAsync("page city-wide", 50, 1, _ => cityPage.GetAsync("/enforcement/supervision"), warmup: 3), 53);
        await CpuAsync(() => Measure.HttpAsync("page city, one body (?unit)", 50, 1, _ => cityPage.GetAsync($"/enforcement/supervision?unit={dept.OrgUnitId}"), warmup: 3), 53);
        await CpuAsync(() => Measure.HttpAsync("page department supervisor", 50, 1, _ => deptPage.GetAsync("/enforcement/supervision"), warmup: 3), 53);
        return 0;
    }

    private static async Task SearchAsync(HttpClient anon, string decisionNumber, string company, string person, string from, string to, Guid body)
    {
        Console.WriteLine();
        Console.WriteLine("-- public penalty search (anonymous HTTP, one client)");
        const string api = "/api/enforcement/public/penalties";
        (string Name, string Query)[] searches =
        [
            ("no keyword, page 1", ""),
            ("company fragment 恒泰煤业", "q=" + Uri.EscapeDataString(company)),
            ("company fragment 运河", "q=" + Uri.EscapeDataString("运河")),
            ("surname 孟 (one character)", "q=" + Uri.EscapeDataString(person)),
            ("matter words 保质期", "q=" + Uri.EscapeDataString("保质期")),
            ("decision number", "q=" + Uri.EscapeDataString(decisionNumber)),
            ("body filter", $"body={body}"),
            ("date range (one month)", $"from={from}&to={to}"),
            ("body + date range + 罚款", $"body={body}&from={from}&to={to}&q=" + Uri.EscapeDataString("罚款")),
            ("no match 不存在的公司", "q=" + Uri.EscapeDataString("不存在的公司")),
            ("no keyword, page 50", "page=50"),
        ];
        foreach (var (name, query) in searches)
        {
            await CpuAsync(() => Measure.HttpAsync("API " + name, 200, 1, _ => anon.GetAsync($"{api}?{query}")), 220);
        }
        foreach (var (name, query) in searches.Where(s => s.Name.StartsWith("company fragment 恒", StringComparison.Ordinal) || s.Name.StartsWith("surname", StringComparison.Ordinal) || s.Name.StartsWith("body +", StringComparison.Ordinal)))
        {
            await CpuAsync(() => Measure.HttpAsync("page " + name, 200, 1, _ => anon.GetAsync($"/public/penalties?{query}")), 220);
        }
    }

    /// <summary>
    /// Process CPU time per request (client and server run in this process): unlike latency, it does not grow with the
    /// load other programs put on the machine, so runs on a shared machine stay comparable.
    /// </summary>
    private static async Task CpuAsync(Func<Task> measure, int requests)
    {
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        await measure();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - before;
        Console.WriteLine($"{"",-45}process CPU {cpu.TotalMilliseconds / requests,7:F2} ms per request");
    }

    private static async Task<HttpClient> SignInAsync(BenchHost host, string userName, string orgCode)
    {
        var (name, password) = await host.UserAsync(userName, "enforcement-supervisor", orgCode);
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var page = await client.GetStringAsync("/account/login");
        var token = TokenRegex().Match(page);
        var form = new Dictionary<string, string>
        {
            ["Input.UserName"] = name, ["Input.Password"] = password,
            ["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(token.Groups[1].Value), ["_handler"] = "login",
        };
        var login = await client.PostAsync("/account/login", new FormUrlEncodedContent(form));
        if (login.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"sign-in as {name} failed: {(int)login.StatusCode}");
        }
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    private sealed record Body(Guid Id, Guid OrgUnitId, string OrgCode, string Name, string Abbr);

    /// <summary>Enforcement bodies for the city's departments and the counties (a dozen rows, through EF and audited).</summary>
    private static async Task<List<Body>> EnsureBodiesAsync(BenchHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EnforcementDb>();
        var platform = scope.ServiceProvider.GetRequiredService<PlatformDb>();
        var units = await platform.OrgUnits.AsNoTracking()
            .Where(o => (o.Code.StartsWith("370400-") && o.Code != "370400-SFJ") || o.Code.Length == 6 && o.Code != "370400")
            .OrderBy(o => o.Code).ToListAsync();
        foreach (var unit in units.Take(14))
        {
            if (!await db.Bodies.AnyAsync(b => b.OrgUnitId == unit.Id))
            {
                db.Bodies.Add(new EnforcementBody { OrgUnitId = unit.Id, OrgCode = unit.Code, Name = unit.Name, Powers = "行政处罚、行政检查、行政强制" });
            }
        }
        await db.SaveChangesAsync();
        return (await db.Bodies.AsNoTracking().OrderBy(b => b.OrgCode).ToListAsync())
            .Select(b => new Body(b.Id, b.OrgUnitId, b.OrgCode, b.Name, b.Name.Replace("枣庄市", "", StringComparison.Ordinal)[..Math.Min(2, b.Name.Replace("枣庄市", "", StringComparison.Ordinal).Length)])).ToList();
    }

    /// <summary>
    /// Adds cases until there are <paramref name="targetCases"/>; every tenth decided case is published (up to
    /// <paramref name="targetDecisions"/>), with its terms computed by the product's own <see cref="PublicSearch.Terms"/>
    /// and the party masked by <see cref="CaseService.PartyDisplay"/>.
    /// </summary>
    private static async Task GenerateAsync(BenchHost host, List<Body> bodies, int targetCases, int targetDecisions)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EnforcementDb>();
        var existing = await db.Cases.IgnoreQueryFilters().CountAsync();
        var published = await db.PublishedDecisions.CountAsync();
        if (existing >= targetCases)
        {
            Console.WriteLine($"{existing:N0} cases already there");
            return;
        }
        var matters = await db.Matters.AsNoTracking().Select(m => new { m.Id, m.Name }).ToListAsync();
        var matterPool = matters.Count > 0 ? matters.Select(m => (m.Id, m.Name)).ToArray() : Matters.Select(m => (Guid.CreateVersion7(), m)).ToArray();
        var conn = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var protector = scope.ServiceProvider.GetRequiredService<SensitiveDataProtector>();
        var d = new ChineseData(existing + 11);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var sw = Stopwatch.StartNew();
        var made = 0;
        const int batch = 10_000;
        var pubTotal = targetDecisions - published;
        var pubEvery = Math.Max(1, (targetCases - existing) / Math.Max(1, pubTotal));
        while (existing + made < targetCases)
        {
            var n = Math.Min(batch, targetCases - existing - made);
            var cases = new List<PenaltyCase>(n);
            var reviews = new List<LegalReview>();
            var decisions = new List<PublishedDecision>();
            var terms = new List<PublishedDecisionTerm>();
            for (var i = 0; i < n; i++)
            {
                var seq = existing + made + i + 1;
                var b = bodies[d.Random.Next(bodies.Count)];
                var (matterId, matterName) = matterPool[d.Random.Next(matterPool.Length)];
                var roll = d.Random.Next(1000);
                // 3 % still undecided (opened in the last 120 days, so some are near or past the 90-day limit), 1 % revoked, the rest decided.
                var stage = roll < 30 ? Undecided[d.Random.Next(Undecided.Length)] : roll < 40 ? CaseStage.Revoked
                    : roll < 100 ? CaseStage.Decided : roll < 150 ? CaseStage.Served : roll < 200 ? CaseStage.Executed : CaseStage.Closed;
                var opened = stage is CaseStage.Revoked or CaseStage.Decided or CaseStage.Served or CaseStage.Executed or CaseStage.Closed
                    ? d.DayBetween(today.AddYears(-6), today.AddDays(-30))
                    : d.DayBetween(today.AddDays(-120), today);
                var person = d.Random.Next(0, 5) < 2;
                // Most fines are small; about 6 % reach the "large fine" threshold that makes a decision major (legal review).
                var fine = d.Random.Next(0, 6) == 0 ? (decimal?)null : d.Random.Next(0, 15) == 0 ? d.Random.Next(100, 400) * 500m : d.Random.Next(1, 100) * 200m;
                var c = new PenaltyCase
                {
                    OrgUnitId = b.OrgUnitId, BodyId = b.Id, Number = $"枣{b.Abbr}立〔{opened.Year}〕{seq:D7}号", MatterId = matterId, MatterName = matterName,
                    Stage = stage, PartyKind = person ? PartyKind.Person : PartyKind.Organisation,
                    PartyName = person ? d.PersonName() : d.CompanyName(), PartyCreditCode = person ? null : d.CreditCode(),
                    Summary = $"经查，当事人{matterName}，违反了有关法律规定。", OpenedOn = opened, DecisionDueOn = opened.AddDays(90),
                    FactsJson = "{}", EngineRulesJson = "[]", FineAmount = fine, PenaltyText = fine is { } f ? $"警告，罚款人民币{f:0}元" : "警告",
                    IsMajor = fine >= 50_000, HeadHash = new string('0', 64), StepCount = 1, Version = 1,
                };
                if (d.Random.Next(0, 100) == 0)
                {
                    c.SupervisionFlag = true;
                    c.SupervisionNotes = "拟处罚款超出裁量基准幅度。";
                    c.WrittenReason = "当事人违法情节特别严重，社会影响恶劣。";
                }
                if (!Undecided.Contains(stage))
                {
                    var decided = opened.AddDays(d.Random.Next(10, 85));
                    c.DecidedOn = decided;
                    c.DecisionNumber = $"枣{b.Abbr}罚〔{decided.Year}〕{seq:D7}号";
                    c.PublicationDueOn = decided.AddDays(9);
                    var late = d.Random.Next(0, 200);
                    c.PublishedOn = late == 0 ? null : late == 1 ? decided.AddDays(12) : decided.AddDays(d.Random.Next(1, 9));
                    c.PublishedLate = c.PublishedOn > c.PublicationDueOn;
                    c.ServedOn = stage is CaseStage.Decided ? null : decided.AddDays(3);
                    c.ClosedOn = stage == CaseStage.Closed ? decided.AddDays(30) : null;
                    c.RevokedOn = stage == CaseStage.Revoked ? decided.AddDays(40) : null;
                    if (c.IsMajor && d.Random.Next(0, 50) != 0)
                    {
                        c.LegalReviewPassed = true;
                        reviews.Add(new LegalReview
                        {
                            OrgUnitId = b.OrgUnitId, CaseId = c.Id, RequestedAtUtc = decided.AddDays(-5).ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc), RequestedBy = "执法人员",
                            Opinion = ReviewOpinion.Pass, Reason = "事实清楚，证据确凿，适用依据正确。", Reviewer = "法制审核员", DecidedAtUtc = decided.AddDays(-2).ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc), Version = 1,
                        });
                    }
                    if (c.PublishedOn is { } on && published + decisions.Count < targetDecisions && (seq % pubEvery == 0 || targetCases - seq < targetDecisions - published - decisions.Count))
                    {
                        var p = new PublishedDecision
                        {
                            CaseId = c.Id, OrgUnitId = c.OrgUnitId, BodyName = b.Name, DecisionNumber = c.DecisionNumber, PartyDisplay = CaseDisplay.PartyDisplay(c),
                            PartyCreditCode = c.PartyCreditCode, MatterName = c.MatterName, PenaltyText = c.PenaltyText, DecidedOn = decided, PublishedOn = on,
                            WithdrawnOn = stage == CaseStage.Revoked ? c.RevokedOn : null,
                        };
                        decisions.Add(p);
                        terms.AddRange(PublicSearch.Terms(p).Select(t => new PublishedDecisionTerm { DecisionId = p.Id, Term = t }));
                    }
                }
                cases.Add(c);
            }
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                await BulkInsert.InsertAsync(db, protector, cases);
                await BulkInsert.InsertAsync(db, protector, reviews);
                await BulkInsert.InsertAsync(db, protector, decisions);
                await BulkInsert.InsertAsync(db, protector, terms);
                await tx.CommitAsync();
            }
            made += n;
            published += decisions.Count;
            if (made % 100_000 < batch || existing + made >= targetCases)
            {
                Console.WriteLine($"generated {existing + made,9:N0} cases, {published:N0} published ({made / sw.Elapsed.TotalSeconds:F0} cases/s, {sw.Elapsed:mm\\:ss})");
            }
        }
        await using var analyze = conn.CreateCommand();
        analyze.CommandText = "ANALYZE";
        await analyze.ExecuteNonQueryAsync();
    }
}
