using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Fazhi.InputSafety.Tests.Infrastructure;

/// <summary>An error the host logged: where, the exception's type and frames (the cause), and its message.</summary>
public sealed record LogEntry(string Category, string Signature, string Message)
{
    public override string ToString() => $"[{Category}] {Signature}" + (Message.Length > 0 ? $" — {Message}" : "");
}

/// <summary>Records the host's error log entries (unhandled exceptions) so a failed request can show its exception and top frame.</summary>
public sealed class ErrorLog : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    /// <summary>The entries logged since the last call, oldest first.</summary>
    public List<LogEntry> Drain()
    {
        var list = new List<LogEntry>();
        while (_entries.TryDequeue(out var e))
        {
            list.Add(e);
        }
        return list;
    }

    /// <summary>
    /// The innermost exception's type with the frame that threw and the first frame in Fazhi code (middleware left out:
    /// it is on every request's stack), and its message.
    /// </summary>
    public static (string Signature, string Message) Describe(Exception ex)
    {
        var inner = ex.GetBaseException();
        var frames = (inner.StackTrace ?? ex.StackTrace ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var top = frames.FirstOrDefault() ?? "";
        var fazhi = frames.FirstOrDefault(f => f.StartsWith("at Fazhi.", StringComparison.Ordinal) && !f.Contains("Middleware.", StringComparison.Ordinal)) ?? "";
        var message = inner.Message.ReplaceLineEndings(" ");
        if (message.Length > 240)
        {
            message = message[..240] + "…";
        }
        var outer = ReferenceEquals(inner, ex) ? "" : $" (in {ex.GetType().Name})";
        var at = fazhi.Length > 0 && fazhi != top ? $"{Frame(top)} ← {Frame(fazhi)}" : Frame(top);
        return ($"{inner.GetType().FullName}{outer} @ {at}", message);
    }

    private static string Frame(string frame)
    {
        var s = frame.StartsWith("at ", StringComparison.Ordinal) ? frame[3..] : frame;
        var inAt = s.IndexOf(" in /", StringComparison.Ordinal);
        if (inAt > 0)
        {
            var file = s[(inAt + 4)..];
            s = s[..inAt] + " (" + Path.GetFileName(file) + ")";
        }
        return s;
    }

    private sealed class Logger(ErrorLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }
            var (signature, message) = exception is null ? (formatter(state, exception).ReplaceLineEndings(" "), "") : Describe(exception);
            log._entries.Enqueue(new LogEntry(category, signature, message));
        }
    }
}
