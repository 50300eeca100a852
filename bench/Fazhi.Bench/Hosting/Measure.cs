using System.Diagnostics;

namespace Fazhi.Bench.Hosting;

/// <summary>Latency distribution of a repeated operation.</summary>
internal sealed record Timing(string Name, int Count, double PerSecond, double P50, double P95, double P99, double Max)
{
    public override string ToString() =>
        $"{Name,-44} n={Count,6}  {PerSecond,9:F0}/s  p50 {P50,7:F2} ms  p95 {P95,7:F2} ms  p99 {P99,7:F2} ms  max {Max,7:F2} ms";
}

internal static class Measure
{
    /// <summary>Runs <paramref name="op"/> <paramref name="count"/> times over <paramref name="concurrency"/> workers,
    /// after <paramref name="warmup"/> unmeasured runs.</summary>
    public static async Task<Timing> RunAsync(string name, int count, int concurrency, Func<int, Task> op, int warmup = 20)
    {
        for (var i = 0; i < warmup; i++)
        {
            await op(-1 - i);
        }
        var latencies = new double[count];
        var next = -1;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var sw = Stopwatch.StartNew();
                await op(i);
                latencies[i] = sw.Elapsed.TotalMilliseconds;
            }
        })));
        total.Stop();
        Array.Sort(latencies);
        double At(double q) => latencies[Math.Min(count - 1, (int)Math.Ceiling(q * count) - 1)];
        var t = new Timing(name, count, count / total.Elapsed.TotalSeconds, At(0.50), At(0.95), At(0.99), latencies[^1]);
        Console.WriteLine(t);
        return t;
    }

    public static async Task<Timing> HttpAsync(string name, int count, int concurrency, Func<int, Task<HttpResponseMessage>> request, int warmup = 20) =>
        await RunAsync(name, count, concurrency, async i =>
        {
            using var response = await request(i);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            await response.Content.CopyToAsync(Stream.Null);
        }, warmup);
}
