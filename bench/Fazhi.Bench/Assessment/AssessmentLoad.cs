using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Fazhi.Assessment.Campaigns;
using Fazhi.Assessment.Data;
using Fazhi.Assessment.Frameworks;
using Fazhi.Bench.Data;
using Fazhi.Bench.Hosting;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Features.OrgUnits;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Bench.Assessment;

/// <summary>
/// Issue 5's targets against the real host:
/// <code>dotnet run -c Release --project bench/Fazhi.Bench -- assessment [sqlite NAME | postgres CONNECTION]</code>
/// A campaign of 237 leaf indicators x 100 participating units (23,700 tasks) with 20 evidence items each (474,000 rows).
/// The framework goes through the module's importer, the campaign and its assignments through CampaignService (audited);
/// task statuses and evidence rows are written by a bench-only bulk generator (ADO, transactions of 10,000), which
/// BYPASSES the audit chain. Then: the progress board (API and page) as office and leader, a unit's task list (API and
/// page) as unit users, and the ranking (computed on read, there is no stored ranking) over HTTP.
/// </summary>
internal static partial class AssessmentLoad
{
    private const string CampaignName = "2026年度法治政府建设考评（基准测试）";
    private const string FrameworkCode = "BENCH-FZZF-237";
    private const int Leaves = 237;
    private const int Units = 100;
    private const int EvidencePerTask = 20;

    private static readonly string[] FirstLevel =
    [
        "依法全面履行政府职能", "健全依法行政制度体系", "科学民主合法决策", "严格规范行政执法",
        "制约监督行政权力", "依法化解社会矛盾纠纷", "突发事件依法处置", "提高工作人员法治能力",
    ];

    private static readonly string[] Topics =
    [
        "权责清单动态调整", "行政许可事项清单管理", "“放管服”改革落实", "营商环境法治保障", "规范性文件合法性审核", "政府规章立法后评估",
        "重大行政决策目录管理", "公众参与和专家论证", "合法性审查机制", "行政执法“三项制度”", "执法人员资格管理", "行政裁量权基准",
        "包容审慎监管", "政务公开", "行政复议案件办理", "行政应诉负责人出庭", "人民调解组织建设", "矛盾纠纷多元化解",
        "应急预案修订", "领导干部学法", "法治宣传教育", "公职律师工作", "行政执法案卷评查", "统计数据质量",
    ];

    private static readonly string[] ExtraDepartments =
    [
        "FGW:枣庄市发展和改革委员会", "CZJ:枣庄市财政局", "MZJ:枣庄市民政局", "SJJU:枣庄市审计局", "TJJ:枣庄市统计局",
        "YBJ:枣庄市医疗保障局", "TYJR:枣庄市退役军人事务局", "XZSP:枣庄市行政审批服务局", "XFJ:枣庄市信访局", "GXJ:枣庄市工业和信息化局",
        "KJJ:枣庄市科学技术局", "CGJ:枣庄市城市管理局",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length > 0 && args[0] == "postgres")
        {
            await BenchHost.EnsurePostgresDatabaseAsync(args[1]);
        }
        await using var host = BenchHost.FromArgs(args);
        Console.WriteLine($"engine={host.Provider} target: {Leaves} indicators x {Units} units x {EvidencePerTask} evidence, cores={Environment.ProcessorCount}");
        var campaignId = await GenerateAsync(host);

        var office = await host.ApiClientAsync("bench-assess-office-city", "assessment-office", "370400");
        var leader = await host.ApiClientAsync("bench-assess-leader", "assessment-leader", "370400");
        var unit = await host.ApiClientAsync("bench-assess-unit-sfj", "assessment-unit", "370400-SFJ");
        var town = await host.ApiClientAsync("bench-assess-unit-town", "assessment-unit", "370402001");
        var county = await host.ApiClientAsync("bench-assess-unit-county", "assessment-unit", "370402");
        var leaderPages = await BrowserAsync(host, "bench-assess-leader", "assessment-leader", "370400");
        var unitPages = await BrowserAsync(host, "bench-assess-unit-sfj", "assessment-unit", "370400-SFJ");
        var countyPages = await BrowserAsync(host, "bench-assess-unit-county", "assessment-unit", "370402");

        Console.WriteLine();
        Console.WriteLine("-- progress board (target < 100 ms)");
        await Measure.HttpAsync("board API, office", 100, 1, _ => office.GetAsync($"/api/assessment/campaigns/{campaignId}/board"), 5);
        await Measure.HttpAsync("board API, leader", 100, 1, _ => leader.GetAsync($"/api/assessment/campaigns/{campaignId}/board"), 5);
        await Measure.HttpAsync("board page /progress, leader", 100, 1, _ => leaderPages.GetAsync($"/assessment/campaigns/{campaignId}/progress"), 5);
        Console.WriteLine();
        Console.WriteLine("-- a unit's task list (target p95 < 20 ms)");
        await Measure.HttpAsync("task list API, department (237 tasks)", 300, 1, _ => unit.GetAsync($"/api/assessment/tasks?campaignId={campaignId}"));
        await Measure.HttpAsync("task list API, town (237 tasks)", 300, 1, _ => town.GetAsync($"/api/assessment/tasks?campaignId={campaignId}"));
        await Measure.HttpAsync("task list API, county + its towns", 100, 1, _ => county.GetAsync($"/api/assessment/tasks?campaignId={campaignId}"), 5);
        await Measure.HttpAsync("task list page, department", 300, 1, _ => unitPages.GetAsync("/assessment/tasks"));
        await Measure.HttpAsync("task list page, county + its towns", 100, 1, _ => countyPages.GetAsync("/assessment/tasks"), 5);
        Console.WriteLine();
        Console.WriteLine("-- ranking, computed on read from 23,700 scores (target < 1 s)");
        await Measure.HttpAsync("ranking API, office", 50, 1, _ => office.GetAsync($"/api/assessment/campaigns/{campaignId}/ranking"), 3);
        await Measure.HttpAsync("campaign page (board + ranking), leader", 50, 1, _ => leaderPages.GetAsync($"/assessment/campaigns/{campaignId}"), 3);
        return 0;
    }

    /// <summary>A cookie client signed in through the login page, as a browser is.</summary>
    private static async Task<HttpClient> BrowserAsync(BenchHost host, string userName, string role, string orgCode)
    {
        var (name, password) = await host.UserAsync(userName, role, orgCode);
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var page = await client.GetStringAsync("/account/login");
        var token = TokenRegex().Match(page);
        var login = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = name,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["_handler"] = "login",
        }));
        if (login.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"sign-in as {name} failed: {(int)login.StatusCode}");
        }
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    private static async Task<Guid> GenerateAsync(BenchHost host)
    {
        var sw = Stopwatch.StartNew();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AssessmentDb>();
            if (await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Name == CampaignName) is { } done)
            {
                var evidence = await db.Evidence.IgnoreQueryFilters().CountAsync();
                Console.WriteLine($"campaign already there: {await db.Tasks.IgnoreQueryFilters().CountAsync(t => t.CampaignId == done.Id):N0} tasks, {evidence:N0} evidence rows");
                return done.Id;
            }
        }
        var codes = await EnsureUnitsAsync(host);
        Console.WriteLine($"participating units: {codes.Count} ({sw.Elapsed:mm\\:ss})");
        Guid campaignId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var frameworks = scope.ServiceProvider.GetRequiredService<FrameworkService>();
            using var stream = new MemoryStream(Workbook());
            var imported = await frameworks.ImportAsync(stream, FrameworkCode, "法治政府建设考评指标体系（基准测试）", "2026版", "基准测试生成", CancellationToken.None);
            if (!imported.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", imported.Errors.Select(e => $"{e.Row}: {e.Message}")));
            }
            Console.WriteLine($"framework imported: {imported.Indicators} indicators ({sw.Elapsed:mm\\:ss})");
            var campaigns = scope.ServiceProvider.GetRequiredService<CampaignService>();
            // A refusal (RefusalException) propagates with its reasons: the bench cannot go on without its campaign.
            var campaign = await campaigns.CreateAsync(new CampaignInput(CampaignName, imported.Version!.Id, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31),
                new DateOnly(2026, 3, 2), new DateOnly(2026, 12, 15), false, codes), CancellationToken.None);
            campaignId = campaign.Id;
        }
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var assigned = await scope.ServiceProvider.GetRequiredService<CampaignService>().AssignFromFrameworkAsync(campaignId, CancellationToken.None);
            if (!assigned.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", assigned.Errors.Select(e => e.Message)));
            }
            Console.WriteLine($"assigned through CampaignService (audited): {assigned.Tasks:N0} tasks ({sw.Elapsed:mm\\:ss})");
        }
        await FillAsync(host, campaignId, sw);
        return campaignId;
    }

    /// <summary>100 participating units: city departments, counties and towns; departments added to the org tree if fewer exist.</summary>
    private static async Task<List<string>> EnsureUnitsAsync(BenchHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var platform = scope.ServiceProvider.GetRequiredService<PlatformDb>();
        var all = await platform.OrgUnits.AsNoTracking().Where(u => u.IsActive).ToListAsync();
        bool Eligible(OrgUnit u) => u.Level is OrgLevel.County or OrgLevel.Town || (u.Level == OrgLevel.City && u.Kind != OrgKind.Government);
        var missing = Units - all.Count(Eligible);
        if (missing > 0)
        {
            var city = all.First(u => u.Code == OrgUnitSeed.CityCode);
            foreach (var entry in ExtraDepartments.Take(missing))
            {
                var (suffix, name) = (entry.Split(':')[0], entry.Split(':')[1]);
                var code = $"{city.Code}-{suffix}";
                platform.OrgUnits.Add(new OrgUnit { Code = code, Name = name, Level = OrgLevel.City, Kind = OrgKind.Department, ParentId = city.Id, Path = $"{city.Path}{code}/", SortOrder = 50 });
            }
            await platform.SaveChangesAsync();
            all = await platform.OrgUnits.AsNoTracking().Where(u => u.IsActive).ToListAsync();
        }
        return all.Where(Eligible).OrderBy(u => u.Level).ThenBy(u => u.Code, StringComparer.Ordinal).Take(Units).Select(u => u.Code).ToList();
    }

    /// <summary>237 leaves under 8 first-level and 24 second-level indicators, every leaf led by every participating unit.</summary>
    private static byte[] Workbook()
    {
        var rows = new List<IReadOnlyList<object?>>();
        var methods = new[] { "赋分", "扣分", "达标", "赋分" };
        for (var n = 0; n < Leaves; n++)
        {
            var l1 = FirstLevel[n % FirstLevel.Length];
            var topic = Topics[n % Topics.Length];
            var l2 = $"{l1}：{Topics[(n / FirstLevel.Length) % 3 + (n % FirstLevel.Length) * 3 % Topics.Length]}";
            var l3 = $"{topic}落实情况（第{n + 1}项）";
            // A third of the indicators fell due 40 working days after issue (some now overdue), the rest at the campaign deadline.
            var due = n % 3 == 0 ? "40个工作日" : n % 3 == 1 ? "2026-10-31" : "";
            rows.Add([n + 1, l1, l2, l3, (decimal)(2 + n % 4), $"{topic}工作有部署、有落实、有成效的得满分；每缺一项扣 1 分", "工作方案、会议纪要、台账、公开网址截图",
                "各部门、各区（市）、各镇（街）", "", due, "", "", methods[n % methods.Length], 1m, "", "基准测试", ""]);
        }
        var columns = FrameworkTransfer.Headers.Concat(FrameworkTransfer.ExtraHeaders).Select(h => new XlsxColumn(h)).ToList();
        return XlsxWriter.Write(new XlsxSheet("指标体系", columns, rows));
    }

    /// <summary>Bench-only bulk fill: task statuses and scores, then 20 evidence rows per task. Bypasses the audit chain.</summary>
    private static async Task FillAsync(BenchHost host, Guid campaignId, Stopwatch sw)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssessmentDb>();
        var sqlite = host.Provider != "postgres";
        // System work: every unit's tasks, regardless of data scope.
        var tasks = await (from t in db.Tasks.IgnoreQueryFilters().AsNoTracking()
                           join i in db.Indicators.AsNoTracking() on t.IndicatorId equals i.Id
                           where t.CampaignId == campaignId
                           orderby t.Id
                           select new { t.Id, t.OrgUnitId, i.MaxScore, i.Title }).ToListAsync();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        object G(Guid g) => sqlite ? g.ToString().ToUpperInvariant() : g;
        object T(DateTime d) => sqlite ? d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture) : DateTime.SpecifyKind(d, DateTimeKind.Utc);
        var d = new ChineseData(5);
        var start = new DateTime(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);

        // Statuses: 20 % not started, 15 % draft, 20 % submitted, 8 % returned, 20 % accepted and scored, 17 % approved and scored.
        for (var k = 0; k < tasks.Count; k += 10_000)
        {
            await using var tx = await conn.BeginTransactionAsync();
            await using var cmd = conn.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "UPDATE assessment_tasks SET \"Status\" = @s, \"ReturnCount\" = @rc, \"ReturnReason\" = @rr, \"Statement\" = @st, \"SubmittedAtUtc\" = @at, "
                + "\"Score\" = @score, \"ScoredBy\" = @by, \"ScoredAtUtc\" = @sat, \"LockedReason\" = @lr WHERE \"Id\" = @id";
            var ps = new[] { "s", "rc", "rr", "st", "at", "score", "by", "sat", "lr", "id" }.Select(n => Param(cmd, n)).ToArray();
            foreach (var t in tasks.Skip(k).Take(10_000))
            {
                var roll = d.Random.Next(100);
                var status = roll < 20 ? SubmissionStatus.NotStarted : roll < 35 ? SubmissionStatus.Draft : roll < 55 ? SubmissionStatus.Submitted
                    : roll < 63 ? SubmissionStatus.Returned : roll < 83 ? SubmissionStatus.Accepted : SubmissionStatus.Approved;
                var at = start.AddDays(d.Random.Next(20, 260)).AddMinutes(d.Random.Next(0, 600));
                var scored = status is SubmissionStatus.Accepted or SubmissionStatus.Approved;
                ps[0].Value = status.ToString();
                ps[1].Value = status == SubmissionStatus.Returned || d.Random.Next(10) == 0 ? 1 : 0;
                ps[2].Value = status == SubmissionStatus.Returned ? "佐证材料不完整，请补充" + t.Title[..Math.Min(8, t.Title.Length)] + "的会议纪要和台账。" : "";
                ps[3].Value = status == SubmissionStatus.NotStarted ? "" : $"我单位高度重视{t.Title}，制定工作方案，明确责任分工，按期完成各项任务。";
                ps[4].Value = status is SubmissionStatus.NotStarted or SubmissionStatus.Draft ? DBNull.Value : T(at);
                ps[5].Value = scored ? Math.Round(t.MaxScore * d.Random.Next(60, 101) / 100m, 2) : DBNull.Value;
                ps[6].Value = scored ? "bench-assess-office" : "";
                ps[7].Value = scored ? T(at.AddDays(5)) : DBNull.Value;
                ps[8].Value = status == SubmissionStatus.Approved ? $"已由法治办于{at.AddDays(5):yyyy-MM-dd}审定" : DBNull.Value;
                ps[9].Value = G(t.Id);
                await cmd.ExecuteNonQueryAsync();
            }
            await tx.CommitAsync();
        }
        Console.WriteLine($"statuses and scores set on {tasks.Count:N0} tasks ({sw.Elapsed:mm\\:ss})");

        // Evidence: multi-row INSERTs of 500 rows, transactions of 10,000 rows.
        const int perStatement = 500;
        var rowsTotal = tasks.Count * EvidencePerTask;
        var made = 0;
        var recordTypes = new[] { "disputes.case", "enforcement.penalty", "enforcement.inspection", "assessment.survey" };
        var figures = new[] { ("审查规范性文件", "件"), ("组织执法人员培训", "人次"), ("办理行政复议案件", "件"), ("开展法治宣传活动", "场"), ("公开政府信息", "条") };
        var genSw = Stopwatch.StartNew();
        while (made < rowsTotal)
        {
            await using var tx = await conn.BeginTransactionAsync();
            for (var inTx = 0; inTx < 10_000 && made < rowsTotal; inTx += perStatement)
            {
                var n = Math.Min(perStatement, rowsTotal - made);
                await using var cmd = conn.CreateCommand();
                cmd.Transaction = tx;
                var sql = new StringBuilder("INSERT INTO assessment_evidence (\"Id\", \"TaskId\", \"OrgUnitId\", \"Kind\", \"Title\", \"RecordType\", \"RecordId\", \"AttachmentId\", \"Value\", \"Unit\", \"CreatedAtUtc\") VALUES ");
                for (var r = 0; r < n; r++)
                {
                    var task = tasks[(made + r) / EvidencePerTask];
                    var record = d.Random.Next(10) < 6;
                    var (figure, unitName) = d.Pick(figures);
                    var p = $"@p{r}_";
                    sql.Append(r == 0 ? "" : ", ").Append($"({p}0, {p}1, {p}2, {p}3, {p}4, {p}5, {p}6, NULL, {p}7, {p}8, {p}9)");
                    Param(cmd, p + "0").Value = G(Guid.CreateVersion7());
                    Param(cmd, p + "1").Value = G(task.Id);
                    Param(cmd, p + "2").Value = G(task.OrgUnitId);
                    Param(cmd, p + "3").Value = record ? nameof(EvidenceKind.Record) : nameof(EvidenceKind.Figure);
                    Param(cmd, p + "4").Value = record ? $"枣非诉〔2026〕{d.Random.Next(1, 9999):0000}号 {d.PersonName()}与{d.CompanyName()}纠纷案" : $"{figure}{d.Random.Next(3, 400)}{unitName}";
                    Param(cmd, p + "5").Value = record ? d.Pick(recordTypes) : "";
                    Param(cmd, p + "6").Value = record ? Guid.CreateVersion7().ToString() : "";
                    Param(cmd, p + "7").Value = record ? DBNull.Value : (decimal)d.Random.Next(3, 400);
                    Param(cmd, p + "8").Value = record ? "" : unitName;
                    Param(cmd, p + "9").Value = T(start.AddDays(d.Random.Next(10, 260)).AddSeconds(d.Random.Next(0, 86_400)));
                }
                cmd.CommandText = sql.ToString();
                await cmd.ExecuteNonQueryAsync();
                made += n;
            }
            await tx.CommitAsync();
            if (made % 100_000 < 10_000 || made >= rowsTotal)
            {
                Console.WriteLine($"evidence {made,9:N0} rows ({made / genSw.Elapsed.TotalSeconds:F0}/s, {sw.Elapsed:mm\\:ss})");
            }
        }
        if (sqlite)
        {
            await using var analyze = conn.CreateCommand();
            analyze.CommandText = "ANALYZE";
            await analyze.ExecuteNonQueryAsync();
        }
        else
        {
            await using var analyze = conn.CreateCommand();
            analyze.CommandText = "ANALYZE assessment_tasks; ANALYZE assessment_evidence";
            await analyze.ExecuteNonQueryAsync();
        }
    }

    private static DbParameter Param(DbCommand cmd, string name)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        cmd.Parameters.Add(p);
        return p;
    }
}
