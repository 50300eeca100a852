using System.Diagnostics;
using Fazhi.Bench.Hosting;

namespace Fazhi.Bench.Lists;

/// <summary>The lists benches' measurement: latency as <see cref="Measure.HttpAsync"/>, and process CPU per request.</summary>
internal static class ListsMeasure
{
    /// <summary>
    /// Times <paramref name="count"/> requests and prints the process CPU time per request (client and server run in this
    /// process): unlike latency, it does not grow with the load other programs put on the machine.
    /// </summary>
    public static async Task HttpAsync(string name, int count, int concurrency, Func<int, Task<HttpResponseMessage>> request)
    {
        const int warmup = 20;
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        await Measure.HttpAsync(name, count, concurrency, request, warmup);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - before;
        Console.WriteLine($"{"",-45}process CPU {cpu.TotalMilliseconds / (count + warmup),7:F2} ms per request");
    }
}
