using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Fazhi.Platform.Features.Setup;

/// <summary>
/// Where a start's time goes (ADR 0070): for each phase from the process's start to listening, the wall and CPU
/// milliseconds and the methods the JIT compiled, logged as one line when the host listens. Costs a few microseconds a mark.
/// </summary>
public sealed class StartupTimeline
{
    private readonly DateTime _processStart;
    private readonly StringBuilder _phases = new();
    private readonly Lock _lock = new();
    private TimeSpan _wall;
    private TimeSpan _cpu;
    private long _jitted;
    private TimeSpan _jitTime;

    public StartupTimeline()
    {
        using var process = Process.GetCurrentProcess();
        _processStart = process.StartTime.ToUniversalTime();
        Mark("runtime"); // from the process's start to Main: the runtime, the host's first assemblies
    }

    /// <summary>Ends the phase that began at the previous mark.</summary>
    public void Mark(string phase)
    {
        using var process = Process.GetCurrentProcess();
        var wall = DateTime.UtcNow - _processStart;
        var cpu = process.TotalProcessorTime;
        var jitted = JitInfo.GetCompiledMethodCount();
        var jitTime = JitInfo.GetCompilationTime();
        lock (_lock)
        {
            _phases.Append(CultureInfo.InvariantCulture,
                $"{(_phases.Length == 0 ? "" : "; ")}{phase} {Ms(wall - _wall)}/{Ms(cpu - _cpu)} ms ({jitted - _jitted} jit, {Ms(jitTime - _jitTime)} ms)");
            (_wall, _cpu, _jitted, _jitTime) = (wall, cpu, jitted, jitTime);
        }
    }

    /// <summary>Logs the phases (wall/CPU ms, methods JIT-compiled and the JIT's ms) and the totals.</summary>
    public void Log(ILogger log)
    {
        lock (_lock)
        {
            var gc = GC.GetGCMemoryInfo();
            log.LogInformation(
                "Start-up: listening {Wall} ms after the process started, {Cpu} ms CPU, {Jitted} methods JIT-compiled in {JitMs} ms, GC heap {HeapMb} MB. Phases (wall/CPU): {Phases}",
                Ms(_wall), Ms(_cpu), _jitted, Ms(_jitTime), gc.HeapSizeBytes / (1024 * 1024), _phases.ToString());
        }
    }

    private static long Ms(TimeSpan t) => (long)t.TotalMilliseconds;
}
