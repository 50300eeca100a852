using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Fazhi.Bench.Oversight;

/// <summary>
/// The profile mode of the oversight bench (<c>FAZHI_BENCH_PROFILE=1</c>): EF's "Executed DbCommand (N ms)" events,
/// collected in process (not printed per command), so that each request's time in its SQL statements can be set beside its
/// CPU. EF's elapsed is the time of ExecuteReader (for an aggregate, the whole statement; for a row read, until the first
/// row), plus the reading of the rows, which the request's remainder then includes.
/// </summary>
internal sealed class SqlTimings : ILoggerProvider, ILogger
{
    private readonly ConcurrentQueue<(double Ms, double CpuMs, string Sql)> _commands = new();

    /// <summary>
    /// The process CPU when the last command started executing (EF's CommandExecuting, Debug level). The bench's client is
    /// one sequential HttpClient, so between a command's start and its end the process runs that command (and the GC and
    /// timers): the difference is the statement's in-process CPU, comparable with the <c>sqlite3</c> CLI's user+sys time
    /// where the wall time under load is not (ADR 0066).
    /// </summary>
    private TimeSpan _cpuAtStart;

    private readonly Process _self = Process.GetCurrentProcess();

    public ILogger CreateLogger(string categoryName) => categoryName == "Microsoft.EntityFrameworkCore.Database.Command" ? this : NullLoggerInstance;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (eventId.Name == "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuting")
        {
            _self.Refresh();
            _cpuAtStart = _self.TotalProcessorTime;
            return;
        }
        if (eventId.Name != "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuted" || state is not IReadOnlyList<KeyValuePair<string, object?>> values)
        {
            return;
        }
        _self.Refresh();
        var cpuMs = (_self.TotalProcessorTime - _cpuAtStart).TotalMilliseconds;
        var elapsed = values.FirstOrDefault(v => v.Key == "elapsed").Value;
        var sql = values.FirstOrDefault(v => v.Key == "commandText").Value as string ?? "";
        _commands.Enqueue((elapsed is null ? 0 : double.Parse(elapsed.ToString()!, System.Globalization.CultureInfo.InvariantCulture), cpuMs, sql));
    }

    /// <summary>Runs <paramref name="op"/> <paramref name="n"/> times and prints, per request: wall ms, process CPU ms, SQL ms, and each statement's mean ms once.</summary>
    public async Task ProfileAsync(string name, int n, Func<Task> op)
    {
        for (var i = 0; i < 5; i++)
        {
            await op();
        }
        _commands.Clear();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            await op();
        }
        wall.Stop();
        process.Refresh();
        var commands = _commands.ToArray();
        Console.WriteLine($"  profile {name}: wall {wall.Elapsed.TotalMilliseconds / n:F1} ms, cpu {(process.TotalProcessorTime - cpu).TotalMilliseconds / n:F1} ms, "
            + $"sql {commands.Sum(c => c.Ms) / n:F1} ms in {commands.Length / (double)n:F1} statements per request");
        foreach (var g in commands.GroupBy(c => c.Sql).OrderByDescending(g => g.Sum(c => c.Ms)))
        {
            var oneLine = string.Join(' ', g.Key.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
            Console.WriteLine($"    {g.Average(c => c.Ms),8:F1} ms cpu {g.Average(c => c.CpuMs),6:F1} ms x{g.Count() / (double)n:F1}  {(oneLine.Length > 600 && !FullSql ? oneLine[..600] + " …" : oneLine)}");
        }
    }

    /// <summary><c>FAZHI_BENCH_PROFILE_FULL=1</c>: each statement's whole text, to run it in the <c>sqlite3</c> CLI (ADR 0066).</summary>
    private static bool FullSql => Environment.GetEnvironmentVariable("FAZHI_BENCH_PROFILE_FULL") == "1";

    public void Dispose()
    {
    }

    private static readonly ILogger NullLoggerInstance = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
}
