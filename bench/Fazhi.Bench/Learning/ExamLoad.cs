using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Platform.Features.Documents;

namespace Fazhi.Bench.Learning;

/// <summary>
/// The Zaozhuang exam (issue 17, ADR 0037, 0046) against a running, published Fazhi started with <c>--demo</c> (bench/exam.sh),
/// over real HTTP from this process:
/// <code>Fazhi.Bench.dll exam URL [takers=6000] [questions=100] [answersPerSecond=500] [answerSeconds=120] [startSeconds=60] [submitSeconds=120]
/// Fazhi.Bench.dll exam URL max [questions=100] [from=3000] [step=3000] [to=60000]</code>
/// As demo-city (the office) it adds a bank of <c>questions</c> questions, registers <c>takers</c> people without accounts by
/// .xlsx import, publishes an exam for their unit and issues their one-time codes (the printed list is read back). Then, open
/// loop (requests are sent on a schedule, not when the previous one returns): every taker signs in with the code and starts
/// within <c>startSeconds</c>; answers are saved at <c>answersPerSecond</c> for <c>answerSeconds</c>; everybody hands in
/// within <c>submitSeconds</c>. The anonymous <c>/health/live</c> is driven at the same rate in the same run first, and
/// alongside the answers at a low rate, as the baseline. With <c>FAZHI_BENCH_RESTART</c> (a command that kills the server
/// with SIGKILL and starts it again) the server is killed half-way through the answers, and afterwards every taker resumes:
/// the same attempt and deadline, every acknowledged answer present, the right remaining time. Prints p50/p95/p99/max, errors
/// and the server's CPU per request (<c>FAZHI_BENCH_PIDFILE</c>) per step, and finally checks in the handed-in attempts that
/// every acknowledged answer is there. <c>max</c> repeats a shorter run at growing sizes until one is outside the limits.
/// </summary>
internal static class ExamLoad
{
    private sealed class Stats(string name)
    {
        private readonly ConcurrentBag<double> _ms = [];
        private readonly ConcurrentQueue<string> _errors = new();
        private int _errorCount;

        public string Name { get; } = name;

        public int Errors => _errorCount;

        public int Count => _ms.Count;

        public void Ok(double ms) => _ms.Add(ms);

        public double P99
        {
            get
            {
                var all = _ms.ToArray();
                Array.Sort(all);
                return all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)Math.Ceiling(.99 * all.Length) - 1)];
            }
        }

        public void Fail(double ms, string why)
        {
            _ms.Add(ms);
            if (Interlocked.Increment(ref _errorCount) <= 5)
            {
                _errors.Enqueue(why.Length > 300 ? why[..300] : why);
            }
        }

        public string Report(double seconds)
        {
            var all = _ms.ToArray();
            Array.Sort(all);
            double At(double q) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)Math.Ceiling(q * all.Length) - 1)];
            var line = $"{Name,-34} n={all.Length,7}  {all.Length / seconds,7:F0}/s  p50 {At(.5),8:F1} ms  p95 {At(.95),8:F1} ms  p99 {At(.99),8:F1} ms  max {(all.Length == 0 ? 0 : all[^1]),8:F1} ms  errors {_errorCount}";
            return _errors.IsEmpty ? line : line + "\n    first errors: " + string.Join("\n    ", _errors);
        }
    }

    /// <summary>
    /// The server's own CPU time (user + system, from /proc/PID/stat; the pid from FAZHI_BENCH_PIDFILE, which bench/exam.sh
    /// sets) over a phase, per request: robust on a machine shared with other work, where latencies are not.
    /// </summary>
    private sealed class ServerCpu
    {
        private readonly int _pid;
        private readonly long _ticks;

        private ServerCpu(int pid, long ticks) => (_pid, _ticks) = (pid, ticks);

        public static ServerCpu Begin()
        {
            var file = Environment.GetEnvironmentVariable("FAZHI_BENCH_PIDFILE");
            var pid = file is not null && File.Exists(file) && int.TryParse(File.ReadAllText(file).Trim(), out var p) ? p : 0;
            return new ServerCpu(pid, Ticks(pid));
        }

        /// <summary>" ; server CPU x ms per request" (a clock tick is 10 ms), or nothing without a pid.</summary>
        public string Per(int requests)
        {
            var now = Ticks(_pid);
            return _pid == 0 || now < 0 || _ticks < 0 || requests == 0 ? "" : $"; server CPU {(now - _ticks) * 10.0 / requests:F2} ms per request ({(now - _ticks) / 100.0:F1} s for {requests})";
        }

        private static long Ticks(int pid)
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
            {
                return -1;
            }
        }
    }

    private sealed record Taker(string Name, string Code)
    {
        public string Cookie { get; set; } = "";

        public Guid Attempt { get; set; }

        public string Session { get; } = Guid.NewGuid().ToString("N");

        public int Questions { get; set; }

        public long DeadlineMs { get; set; }

        public int Next;

        public int Acknowledged;

        /// <summary>The positions whose save the server acknowledged (200), 1-based; each is written by one request only.</summary>
        public bool[] Acked { get; set; } = [];
    }

    /// <summary>The kill -9 window: a request that failed while the server was down (or was in flight at the kill) is not an error but a lost, unacknowledged request.</summary>
    private sealed class Outage
    {
        public long KilledAt = long.MaxValue;

        public long ReadyAt = long.MaxValue;

        public Stats Lost { get; } = new("requests lost to the kill -9 (not acked)");

        /// <summary>Requests the restarted server answered although they were sent before it was ready: the restart's wait, reported apart from the steady-state latencies the limits are about.</summary>
        public Stats Delayed { get; } = new("answered across the restart (sent before ready)");

        public bool Covers(long started, long ended) => ended >= Interlocked.Read(ref KilledAt) && started <= Interlocked.Read(ref ReadyAt);
    }

    /// <summary>What one run measured against the issue's limits (ms).</summary>
    private sealed record Outcome(int Errors, double StartP99, double SaveP99, double SubmitP99)
    {
        public bool Within => Errors == 0 && StartP99 < 2000 && SaveP99 < 200 && SubmitP99 < 2000;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var url = args.Length > 0 ? args[0].TrimEnd('/') : "http://127.0.0.1:5194";
        var max = args.Length > 1 && args[1] == "max";
        var rest = max ? args[2..] : args[1..];
        int Arg(int i, int d) => rest.Length > i ? int.Parse(rest[i], CultureInfo.InvariantCulture) : d;
        var handler = new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 1024, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5), AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(100) };
        if (max)
        {
            return await MaxAsync(http, url, Arg(0, 100), Arg(1, 3000), Arg(2, 3000), Arg(3, 60000));
        }
        var (takers, questions, rate, answerSeconds, startSeconds, submitSeconds) = (Arg(0, 6000), Arg(1, 100), Arg(2, 500), Arg(3, 120), Arg(4, 60), Arg(5, 120));
        Console.WriteLine($"exam bench: {url} takers={takers} questions={questions} answers={rate}/s for {answerSeconds} s, start within {startSeconds} s, submit within {submitSeconds} s; bench cores={Environment.ProcessorCount}");

        // Baseline first: the anonymous health probe at the answer rate.
        var baseline = new Stats("baseline GET /health/live");
        var cpu = ServerCpu.Begin();
        await OpenLoopAsync(rate, rate * 10, async _ => await TimeAsync(baseline, () => http.GetAsync("/health/live")));
        Console.WriteLine(baseline.Report(10) + cpu.Per(baseline.Count));
        var restart = Environment.GetEnvironmentVariable("FAZHI_BENCH_RESTART");
        var outcome = await OnceAsync(http, takers, questions, rate, answerSeconds, startSeconds, submitSeconds, string.IsNullOrWhiteSpace(restart) ? null : restart);
        var errors = baseline.Errors + outcome.Errors;
        Console.WriteLine($"errors in total: {errors}; limits (0 errors, start p99 < 2 s, answer save p99 < 200 ms, submission p99 < 2 s): {(errors == 0 && outcome.Within ? "MET" : "NOT MET")}");
        return errors == 0 ? 0 : 1;
    }

    /// <summary>
    /// The largest number of takers the server sustains within the limits: the Zaozhuang shape at growing sizes on the same
    /// server (a new exam each step): all start within 60 s, answers at three times the steady rate of 100 questions per
    /// hour (takers / 12 per second) for 60 s, all hand in within 60 s. Stops at the first size outside the limits.
    /// </summary>
    private static async Task<int> MaxAsync(HttpClient http, string url, int questions, int from, int step, int to)
    {
        Console.WriteLine($"exam bench, largest sustained: {url} questions={questions} from {from} by {step} up to {to} takers; each step: start within 60 s, answers at takers/12 per s for 60 s, hand in within 60 s");
        var best = 0;
        for (var n = from; n <= to; n += step)
        {
            Console.WriteLine($"--- {n} takers, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            var o = await OnceAsync(http, n, questions, Math.Max(1, n / 12), 60, 60, 60, restart: null);
            Console.WriteLine($"=== {n} takers: errors {o.Errors}, start p99 {o.StartP99:F0} ms, answer save p99 {o.SaveP99:F0} ms, submission p99 {o.SubmitP99:F0} ms => {(o.Within ? "within the limits" : "OUTSIDE the limits")}");
            if (!o.Within)
            {
                break;
            }
            best = n;
        }
        Console.WriteLine($"largest sustained number of takers (step {step}): {(best == 0 ? "below " + from : best.ToString(CultureInfo.InvariantCulture))}");
        return best > 0 ? 0 : 1;
    }

    private static bool PaperGet => Environment.GetEnvironmentVariable("FAZHI_BENCH_PAPER_GET") == "1";

    /// <summary>One exam: set-up, the start rush, the answers (with the kill -9 step when <paramref name="restart"/> is given), the hand-in and the check.</summary>
    private static async Task<Outcome> OnceAsync(HttpClient http, int takers, int questions, int rate, int answerSeconds, int startSeconds, int submitSeconds, string? restart)
    {
        var list = await SetUpAsync(http, takers, questions);
        var signIn = new Stats("code sign-in POST /code/sign-in");
        var start = new Stats("start POST /exams/{id}/start");
        var view = new Stats("paper GET /attempts/{id}");
        var examId = list.ExamId;
        var watch = Stopwatch.StartNew();
        var cpu = ServerCpu.Begin();
        await OpenLoopAsync(takers / (double)startSeconds, takers, async i =>
        {
            var t = list.Takers[i];
            using var signed = await TimeAsync(signIn, () => http.PostAsJsonAsync("/api/learning/code/sign-in", new { code = t.Code, name = t.Name }), keep: true);
            if (signed is null)
            {
                return;
            }
            t.Cookie = string.Join("; ", signed.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
            using var started = await TimeAsync(start, () => Send(http, HttpMethod.Post, $"/api/learning/code/exams/{examId}/start", t, new { session = t.Session }), keep: true);
            if (started is null)
            {
                return;
            }
            var body = await started.Content.ReadFromJsonAsync<JsonElement>();
            t.Attempt = body.GetProperty("attemptId").GetGuid();
            t.DeadlineMs = body.GetProperty("deadlineMs").GetInt64();
            // The start answers with the paper (ADR 0071), as take.js reads it; FAZHI_BENCH_PAPER_GET=1 loads it again as before.
            if (!PaperGet && body.TryGetProperty("paper", out var inline) && inline.ValueKind == JsonValueKind.Object)
            {
                t.Questions = inline.GetProperty("items").GetArrayLength();
                t.Acked = new bool[t.Questions + 1];
                return;
            }
            using var paper = await TimeAsync(view, () => Send(http, HttpMethod.Get, $"/api/learning/code/attempts/{t.Attempt}", t), keep: true);
            if (paper is not null)
            {
                t.Questions = (await paper.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").GetArrayLength();
                t.Acked = new bool[t.Questions + 1];
            }
        });
        var startPhase = watch.Elapsed.TotalSeconds;
        // Per taker too: since the start answers with the paper (ADR 0071) a taker's first screen is two requests, not three.
        Console.WriteLine($"start phase: {startPhase:F1} s" + cpu.Per(signIn.Count + start.Count + view.Count) + $"; {signIn.Count + start.Count + view.Count} requests for {start.Count} takers");
        Console.WriteLine(signIn.Report(startPhase));
        Console.WriteLine(start.Report(startPhase));
        Console.WriteLine(view.Report(startPhase));

        var ready = list.Takers.Where(t => t.Attempt != Guid.Empty && t.Questions > 0).ToArray();
        var save = new Stats("answer PUT /attempts/{id}/answers/{n}");
        var probe = new Stats("baseline /health/live during answers");
        // The kill -9 step (bench/exam.sh sets FAZHI_BENCH_RESTART to a command that kills the server with SIGKILL, starts it
        // again on the same database and returns when it is ready): half-way through the answers, while they are in flight.
        var outage = restart is null ? null : new Outage();
        watch.Restart();
        cpu = ServerCpu.Begin();
        var probing = OpenLoopAsync(20, 20 * answerSeconds, async _ => await TimeAsync(probe, () => http.GetAsync("/health/live"), outage: outage));
        var killing = outage is null ? Task.CompletedTask : Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(answerSeconds / 2.0));
            Interlocked.Exchange(ref outage.KilledAt, Stopwatch.GetTimestamp());
            var sw = Stopwatch.StartNew();
            using var p = Process.Start(new ProcessStartInfo("bash", ["-c", restart!]) { UseShellExecute = false })!;
            await p.WaitForExitAsync();
            Interlocked.Exchange(ref outage.ReadyAt, Stopwatch.GetTimestamp());
            Console.WriteLine($"kill -9 at {answerSeconds / 2.0:F0} s into the answers; restarted and ready again after {sw.Elapsed.TotalSeconds:F1} s (exit {p.ExitCode})");
            if (p.ExitCode != 0)
            {
                throw new InvalidOperationException("the restart command failed: " + restart);
            }
        });
        await OpenLoopAsync(rate, rate * answerSeconds, async k =>
        {
            var t = ready[k % ready.Length];
            var position = Interlocked.Increment(ref t.Next);
            if (position > t.Questions)
            {
                return;
            }
            using var saved = await TimeAsync(save, () => Send(http, HttpMethod.Put, $"/api/learning/code/attempts/{t.Attempt}/answers/{position}", t, new { session = t.Session, answer = "A" }), keep: true, outage: outage);
            if (saved is not null)
            {
                t.Acked[position] = true;
                Interlocked.Increment(ref t.Acknowledged);
            }
        });
        await probing;
        await killing;
        var answerPhase = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"answer phase: {answerPhase:F1} s" + (outage is null ? cpu.Per(save.Count + probe.Count) : " (server CPU not counted: the server was restarted)"));
        Console.WriteLine(save.Report(answerPhase));
        Console.WriteLine(probe.Report(answerPhase));
        var resumeErrors = 0;
        if (outage is not null)
        {
            Console.WriteLine(outage.Lost.Report(answerPhase));
            Console.WriteLine(outage.Delayed.Report(answerPhase));
            resumeErrors = await ResumeCheckAsync(http, examId, ready);
        }

        var submit = new Stats("hand in POST /attempts/{id}/submit");
        watch.Restart();
        cpu = ServerCpu.Begin();
        await OpenLoopAsync(ready.Length / (double)submitSeconds, ready.Length, async i =>
        {
            var t = ready[i];
            await TimeAsync(submit, () => Send(http, HttpMethod.Post, $"/api/learning/code/attempts/{t.Attempt}/submit", t, new { session = t.Session }));
        });
        var submitPhase = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"submit phase: {submitPhase:F1} s" + cpu.Per(submit.Count));
        Console.WriteLine(submit.Report(submitPhase));

        // Every acknowledged answer is in the handed-in attempt: each taker's view counts the answered items.
        var missing = 0;
        var checkedAnswers = 0;
        await Parallel.ForEachAsync(ready, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (t, ct) =>
        {
            using var r = await Send(http, HttpMethod.Get, $"/api/learning/code/attempts/{t.Attempt}", t);
            var a = await r.Content.ReadFromJsonAsync<JsonElement>(ct);
            var answered = Answered(a);
            Interlocked.Add(ref checkedAnswers, answered.Count);
            if (a.GetProperty("status").GetString() != "Submitted" || Enumerable.Range(1, t.Questions).Any(p => t.Acked[p] && !answered.Contains(p)))
            {
                Interlocked.Increment(ref missing);
            }
        });
        Console.WriteLine($"check: started {ready.Length} of {takers}; acknowledged answers {ready.Sum(t => t.Acknowledged)}, found in the handed-in attempts {checkedAnswers}; takers with a missing answer or not handed in: {missing}");
        var errors = signIn.Errors + start.Errors + view.Errors + save.Errors + probe.Errors + submit.Errors + missing + resumeErrors;
        return new Outcome(errors, start.P99, save.P99, submit.P99);
    }

    private sealed record Setup(Guid ExamId, List<Taker> Takers);

    private static HashSet<int> Answered(JsonElement attempt) =>
        [.. attempt.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("answer").ValueKind == JsonValueKind.String).Select(i => i.GetProperty("position").GetInt32())];

    /// <summary>
    /// After the kill -9 and the restart, every taker comes back as a browser does: starts again with the same session (the
    /// resume: the same attempt and deadline) and loads the paper, where every acknowledged answer must be, with the remaining
    /// time the stored deadline gives (within 2 s of the bench's own clock on the same machine). Mismatches are errors.
    /// </summary>
    private static async Task<int> ResumeCheckAsync(HttpClient http, Guid examId, Taker[] ready)
    {
        var resume = new Stats("resume POST /exams/{id}/start (after kill -9)");
        var reload = new Stats("resume GET /attempts/{id} (after kill -9)");
        var wrongAttempt = 0;
        var wrongTime = 0;
        var missing = 0;
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(ready, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (t, ct) =>
        {
            using var started = await TimeAsync(resume, () => Send(http, HttpMethod.Post, $"/api/learning/code/exams/{examId}/start", t, new { session = t.Session }), keep: true);
            if (started is null)
            {
                return;
            }
            var s = await started.Content.ReadFromJsonAsync<JsonElement>(ct);
            if (s.GetProperty("attemptId").GetGuid() != t.Attempt || s.GetProperty("deadlineMs").GetInt64() != t.DeadlineMs)
            {
                Interlocked.Increment(ref wrongAttempt);
            }
            using var paper = await TimeAsync(reload, () => Send(http, HttpMethod.Get, $"/api/learning/code/attempts/{t.Attempt}", t), keep: true);
            if (paper is null)
            {
                return;
            }
            var a = await paper.Content.ReadFromJsonAsync<JsonElement>(ct);
            var expected = (t.DeadlineMs - DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()) / 1000.0;
            if (Math.Abs(a.GetProperty("remainingSeconds").GetInt64() - expected) > 2)
            {
                Interlocked.Increment(ref wrongTime);
            }
            var answered = Answered(a);
            if (Enumerable.Range(1, t.Questions).Any(p => t.Acked[p] && !answered.Contains(p)))
            {
                Interlocked.Increment(ref missing);
            }
        });
        var seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine(resume.Report(seconds));
        Console.WriteLine(reload.Report(seconds));
        var acked = ready.Sum(t => t.Acked.Count(x => x));
        var errors = resume.Errors + reload.Errors + wrongAttempt + wrongTime + missing;
        Console.WriteLine($"kill -9 check: {ready.Length} takers resumed, {acked} acknowledged answers; another attempt or deadline: {wrongAttempt}; remaining time off by more than 2 s: {wrongTime}; "
                          + $"takers missing an acknowledged answer: {missing} => {(errors == 0 ? "PASSED" : "FAILED")}");
        return errors;
    }

    private static async Task<HttpClient> OfficeAsync(HttpClient http)
    {
        var office = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = http.BaseAddress, Timeout = TimeSpan.FromMinutes(10) };
        var token = await office.PostAsJsonAsync("/api/platform/account/token", new { userName = "demo-city", password = "Demo-Fazhi-2026-zz" });
        token.EnsureSuccessStatusCode();
        office.DefaultRequestHeaders.Authorization = new("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        return office;
    }

    /// <summary>As demo-city: the bank, the people (one .xlsx import), the exam for their unit, published, and the codes.</summary>
    private static async Task<Setup> SetUpAsync(HttpClient http, int takers, int questions)
    {
        var watch = Stopwatch.StartNew();
        using var office = await OfficeAsync(http);
        var run = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
        var category = "基准" + run;
        for (var q = 1; q <= questions; q++)
        {
            var created = await office.PostAsJsonAsync("/api/learning/questions", new
            {
                kind = "Single", stem = $"基准题 {run} 第 {q} 题：行政机关作出行政处罚决定前应当告知当事人哪些事项？", options = "拟作出的行政处罚内容及事实、理由、依据\n只告知处罚结果\n无需告知\n仅口头告知",
                answer = "A", explanation = "告知拟处罚的内容及事实、理由、依据和陈述、申辩、要求听证等权利。", category, difficulty = 1,
            });
            await Ensure(created, "question");
        }
        var unitCode = "370402";
        var names = Enumerable.Range(1, takers).Select(i => $"基准{run}考生{i:00000}").ToList();
        var sheet = XlsxWriter.Write(new XlsxSheet("导入", new[] { "姓名", "单位", "职务", "领导干部", "职级", "账号" }.Select(h => new XlsxColumn(h)).ToList(),
            names.Select(n => (IReadOnlyList<object?>)[n, unitCode, "科员", "否", "科级", ""])));
        var file = new ByteArrayContent(sheet);
        file.Headers.ContentType = new(XlsxWriter.ContentType);
        await Ensure(await office.PostAsync("/api/learning/people/import", new MultipartFormDataContent { { file, "file", "基准名册.xlsx" } }), "import");
        var one = await office.GetFromJsonAsync<JsonElement>("/api/learning/people?q=" + Uri.EscapeDataString(names[0]));
        var unit = one.GetProperty("items")[0].GetProperty("orgUnitId").GetGuid();
        var paper = await office.PostAsJsonAsync("/api/learning/papers", new { title = "基准试卷 " + run, mode = "Random", rules = $"{category}|易|{questions}", pointsEach = 1 });
        await Ensure(paper, "paper");
        var exam = await office.PostAsJsonAsync("/api/learning/exams", new
        {
            title = "基准考试 " + run, paperId = (await paper.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), opensAt = DateTimeOffset.UtcNow.AddMinutes(-1),
            closesAt = DateTimeOffset.UtcNow.AddHours(3), timeLimitMinutes = 120, maxAttempts = 1, passMark = Math.Max(1, questions * 6 / 10), units = new[] { unit },
        });
        await Ensure(exam, "exam");
        var created2 = await exam.Content.ReadFromJsonAsync<JsonElement>();
        var examId = created2.GetProperty("id").GetGuid();
        await Ensure(await office.PostAsJsonAsync($"/api/learning/exams/{examId}/publish", new { version = created2.GetProperty("version").GetInt64() }), "publish");
        var issued = await office.PostAsync($"/api/learning/exams/{examId}/codes", new FormUrlEncodedContent([]));
        await Ensure(issued, "codes");
        var rows = XlsxReader.Read(await issued.Content.ReadAsStreamAsync());
        var wanted = names.ToHashSet();
        var list = rows.Where(r => wanted.Contains(r[0])).Select(r => new Taker(r[0], r[3])).ToList();
        Console.WriteLine($"set-up: {questions} questions, {takers} people imported, exam published, {list.Count} codes issued in {watch.Elapsed.TotalSeconds:F1} s");
        if (list.Count != takers)
        {
            throw new InvalidOperationException($"expected {takers} codes, got {list.Count}");
        }
        return new Setup(examId, list);
    }

    private static async Task Ensure(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static Task<HttpResponseMessage> Send(HttpClient http, HttpMethod method, string path, Taker t, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", t.Cookie);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        return http.SendAsync(request);
    }

    /// <summary>Times one request; a non-success or a failure is an error. With <paramref name="keep"/> the response is returned (the caller disposes it).</summary>
    private static async Task<HttpResponseMessage?> TimeAsync(Stats stats, Func<Task<HttpResponseMessage>> send, bool keep = false, Outage? outage = null)
    {
        var sw = Stopwatch.StartNew();
        var began = Stopwatch.GetTimestamp();
        try
        {
            var response = await send();
            if (response.IsSuccessStatusCode && outage is not null && outage.Covers(began, Stopwatch.GetTimestamp()))
            {
                stats = outage.Delayed;
            }
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync();
                stats.Fail(sw.Elapsed.TotalMilliseconds, $"{(int)response.StatusCode} {body}");
                response.Dispose();
                return null;
            }
            if (!keep)
            {
                await response.Content.CopyToAsync(Stream.Null);
                stats.Ok(sw.Elapsed.TotalMilliseconds);
                response.Dispose();
                return null;
            }
            await response.Content.LoadIntoBufferAsync();
            stats.Ok(sw.Elapsed.TotalMilliseconds);
            return response;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            if (outage is not null && outage.Covers(began, Stopwatch.GetTimestamp()))
            {
                outage.Lost.Fail(sw.Elapsed.TotalMilliseconds, e.GetType().Name + " " + e.Message);
                return null;
            }
            stats.Fail(sw.Elapsed.TotalMilliseconds, e.GetType().Name + " " + e.Message);
            return null;
        }
    }

    /// <summary>Sends <paramref name="count"/> operations at <paramref name="perSecond"/> on a fixed schedule, whatever the latency.</summary>
    private static async Task OpenLoopAsync(double perSecond, int count, Func<int, Task> op)
    {
        var tasks = new List<Task>(count);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var due = i / perSecond;
            var wait = due - clock.Elapsed.TotalSeconds;
            if (wait > 0.002)
            {
                await Task.Delay(TimeSpan.FromSeconds(wait));
            }
            var k = i;
            tasks.Add(Task.Run(() => op(k)));
        }
        await Task.WhenAll(tasks);
    }
}
