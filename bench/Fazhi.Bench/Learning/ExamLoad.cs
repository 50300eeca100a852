using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Platform.Features.Documents;

namespace Fazhi.Bench.Learning;

/// <summary>
/// The Zaozhuang exam (issue 17, ADR 0037) against a running, published Fazhi started with <c>--demo</c> (bench/exam.sh),
/// over real HTTP from this process:
/// <code>Fazhi.Bench.dll exam URL [takers=6000] [questions=100] [answersPerSecond=500] [answerSeconds=120] [startSeconds=60] [submitSeconds=120]</code>
/// As demo-city (the office) it adds a bank of <c>questions</c> questions, registers <c>takers</c> people without accounts by
/// .xlsx import, publishes an exam for their unit and issues their one-time codes (the printed list is read back). Then, open
/// loop (requests are sent on a schedule, not when the previous one returns): every taker signs in with the code and starts
/// within <c>startSeconds</c>; answers are saved at <c>answersPerSecond</c> for <c>answerSeconds</c>; everybody hands in
/// within <c>submitSeconds</c>. The anonymous <c>/health/live</c> is driven at the same rate in the same run first, and
/// alongside the answers at a low rate, as the baseline. Prints p50/p95/p99/max and errors per step, and finally checks
/// in the results that every acknowledged answer was marked.
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

    private sealed record Taker(string Name, string Code)
    {
        public string Cookie { get; set; } = "";

        public Guid Attempt { get; set; }

        public string Session { get; } = Guid.NewGuid().ToString("N");

        public int Questions { get; set; }

        public int Next;

        public int Acknowledged;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var url = args.Length > 0 ? args[0].TrimEnd('/') : "http://127.0.0.1:5194";
        int Arg(int i, int d) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : d;
        var (takers, questions, rate, answerSeconds, startSeconds, submitSeconds) = (Arg(1, 6000), Arg(2, 100), Arg(3, 500), Arg(4, 120), Arg(5, 60), Arg(6, 120));
        var handler = new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 1024, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5), AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(100) };
        Console.WriteLine($"exam bench: {url} takers={takers} questions={questions} answers={rate}/s for {answerSeconds} s, start within {startSeconds} s, submit within {submitSeconds} s; bench cores={Environment.ProcessorCount}");

        // Baseline first: the anonymous health probe at the answer rate.
        var baseline = new Stats("baseline GET /health/live");
        await OpenLoopAsync(rate, rate * 10, async _ => await TimeAsync(baseline, () => http.GetAsync("/health/live")));
        Console.WriteLine(baseline.Report(10));

        var list = await SetUpAsync(http, takers, questions);
        var signIn = new Stats("code sign-in POST /code/sign-in");
        var start = new Stats("start POST /exams/{id}/start");
        var view = new Stats("paper GET /attempts/{id}");
        var examId = list.ExamId;
        var watch = Stopwatch.StartNew();
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
            t.Attempt = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("attemptId").GetGuid();
            using var paper = await TimeAsync(view, () => Send(http, HttpMethod.Get, $"/api/learning/code/attempts/{t.Attempt}", t), keep: true);
            if (paper is not null)
            {
                t.Questions = (await paper.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").GetArrayLength();
            }
        });
        var startPhase = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"start phase: {startPhase:F1} s");
        Console.WriteLine(signIn.Report(startPhase));
        Console.WriteLine(start.Report(startPhase));
        Console.WriteLine(view.Report(startPhase));

        var ready = list.Takers.Where(t => t.Attempt != Guid.Empty && t.Questions > 0).ToArray();
        var save = new Stats("answer PUT /attempts/{id}/answers/{n}");
        var probe = new Stats("baseline /health/live during answers");
        watch.Restart();
        var probing = OpenLoopAsync(20, 20 * answerSeconds, async _ => await TimeAsync(probe, () => http.GetAsync("/health/live")));
        await OpenLoopAsync(rate, rate * answerSeconds, async k =>
        {
            var t = ready[k % ready.Length];
            var position = Interlocked.Increment(ref t.Next);
            if (position > t.Questions)
            {
                return;
            }
            using var saved = await TimeAsync(save, () => Send(http, HttpMethod.Put, $"/api/learning/code/attempts/{t.Attempt}/answers/{position}", t, new { session = t.Session, answer = "A" }), keep: true);
            if (saved is not null)
            {
                Interlocked.Increment(ref t.Acknowledged);
            }
        });
        await probing;
        var answerPhase = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"answer phase: {answerPhase:F1} s");
        Console.WriteLine(save.Report(answerPhase));
        Console.WriteLine(probe.Report(answerPhase));

        var submit = new Stats("hand in POST /attempts/{id}/submit");
        watch.Restart();
        await OpenLoopAsync(ready.Length / (double)submitSeconds, ready.Length, async i =>
        {
            var t = ready[i];
            await TimeAsync(submit, () => Send(http, HttpMethod.Post, $"/api/learning/code/attempts/{t.Attempt}/submit", t, new { session = t.Session }));
        });
        var submitPhase = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"submit phase: {submitPhase:F1} s");
        Console.WriteLine(submit.Report(submitPhase));

        // Every acknowledged answer is in the handed-in attempt: each taker's view counts the answered items.
        var missing = 0;
        var checkedAnswers = 0;
        await Parallel.ForEachAsync(ready, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (t, ct) =>
        {
            using var r = await Send(http, HttpMethod.Get, $"/api/learning/code/attempts/{t.Attempt}", t);
            var a = await r.Content.ReadFromJsonAsync<JsonElement>(ct);
            var answered = a.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("answer").ValueKind == JsonValueKind.String);
            Interlocked.Add(ref checkedAnswers, answered);
            if (a.GetProperty("status").GetString() != "Submitted" || answered < t.Acknowledged)
            {
                Interlocked.Increment(ref missing);
            }
        });
        Console.WriteLine($"check: started {ready.Length} of {takers}; acknowledged answers {ready.Sum(t => t.Acknowledged)}, found in the handed-in attempts {checkedAnswers}; takers with a missing answer or not handed in: {missing}");
        var errors = baseline.Errors + signIn.Errors + start.Errors + view.Errors + save.Errors + submit.Errors + missing;
        Console.WriteLine($"errors in total: {errors}");
        return errors == 0 ? 0 : 1;
    }

    private sealed record Setup(Guid ExamId, List<Taker> Takers);

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
            closesAt = DateTimeOffset.UtcNow.AddHours(3), timeLimitMinutes = 120, maxAttempts = 1, passMark = 60, units = new[] { unit },
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
    private static async Task<HttpResponseMessage?> TimeAsync(Stats stats, Func<Task<HttpResponseMessage>> send, bool keep = false)
    {
        var sw = Stopwatch.StartNew();
        try
        {
            var response = await send();
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
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
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
