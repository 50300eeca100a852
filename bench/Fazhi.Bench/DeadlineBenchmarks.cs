using BenchmarkDotNet.Attributes;
using Fazhi.Platform.Features.Calendar;

namespace Fazhi.Bench;

/// <summary>Deadline calculation rate over the official 2020-2026 calendars the product embeds.</summary>
[MemoryDiagnoser]
public class DeadlineBenchmarks
{
    private const int Starts = 1000;
    private DeadlineCalculator _calculator = null!;
    private DateOnly[] _starts = [];

    [GlobalSetup]
    public void Setup()
    {
        var asm = typeof(DeadlineCalculator).Assembly;
        var days = new List<(DateOnly, bool, int)>();
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.Contains(".Seed.calendar.", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(asm.GetManifestResourceStream(name)!);
            var (file, _) = CalendarFile.Parse(reader.ReadToEnd());
            days.AddRange(file!.Days.Select(d => (d.Date, d.IsOffDay, file.Year)));
        }
        _calculator = new DeadlineCalculator(new WorkingDayCalendar(days));
        _starts = Enumerable.Range(0, Starts).Select(i => new DateOnly(2021, 1, 1).AddDays(i * 2)).ToArray();
    }

    /// <summary>行政复议法 第三十条: 5 working days, from 1,000 different start dates.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Starts)]
    public int AddFiveWorkingDays()
    {
        var sum = 0;
        foreach (var s in _starts)
        {
            sum += _calculator.AddWorkingDays(s, 5).Date.DayNumber;
        }
        return sum;
    }

    /// <summary>行政复议法 第六十二条: 60 calendar days with the rest-day roll-forward.</summary>
    [Benchmark(OperationsPerInvoke = Starts)]
    public int AddSixtyCalendarDays()
    {
        var sum = 0;
        foreach (var s in _starts)
        {
            sum += _calculator.AddCalendarDays(s, 60).Date.DayNumber;
        }
        return sum;
    }

    /// <summary>A reconsideration deadline as a case carries it: 60 days, a 10-day correction pause, a 30-day extension.</summary>
    [Benchmark(OperationsPerInvoke = Starts)]
    public int ComputeWithPauseAndExtension()
    {
        var sum = 0;
        foreach (var s in _starts)
        {
            var spec = new DeadlineSpec(s, DayKind.Calendar, 60)
            {
                Pauses = [new DeadlinePause(s.AddDays(5), s.AddDays(15))],
                Extensions = [new DeadlineExtension(30)],
            };
            sum += _calculator.Compute(spec, s.AddDays(40)).DaysRemaining ?? 0;
        }
        return sum;
    }
}
