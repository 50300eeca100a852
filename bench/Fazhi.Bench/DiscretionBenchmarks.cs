using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Fazhi.Enforcement.Discretion;

namespace Fazhi.Bench;

/// <summary>A realistic benchmark (the sample 食品贮存 matter: five tiers incl. list items) and 1,000 varied fact sets.</summary>
internal static class DiscretionWorkload
{
    public static DiscretionBenchmark Benchmark() => new()
    {
        MatterId = Guid.CreateVersion7(),
        Number = 1,
        Violation = "食品经营者未按要求贮存食品",
        ViolationBasis = "《中华人民共和国食品安全法》第三十三条",
        PenaltyBasis = "《中华人民共和国食品安全法》第一百三十二条",
        IssuingAuthority = "枣庄市市场监督管理局（示例）",
        EffectiveFrom = new DateOnly(2021, 7, 15),
        Tiers =
        [
            new() { Seq = 1, Tier = DiscretionTier.Exempted, Conditions = "初次违法，危害后果轻微并及时改正的", RangeKind = RangeKind.NonMonetary, RangeText = "可以不予行政处罚", OnNoLightList = true },
            new() { Seq = 2, Tier = DiscretionTier.Mitigated, Conditions = "具有法定减轻情节的", RangeKind = RangeKind.FixedAmount, Min = 0, Max = 5000, RangeText = "处 5000 元以下罚款", OnNoLightList = true },
            new() { Seq = 3, Tier = DiscretionTier.Lighter, Conditions = "具有法定从轻情节的", RangeKind = RangeKind.FixedAmount, Min = 5000, Max = 12000, RangeText = "处 5000 元以上 1.2 万元以下罚款" },
            new() { Seq = 4, Tier = DiscretionTier.Ordinary, Conditions = "责令改正，拒不改正的", RangeKind = RangeKind.FixedAmount, Min = 12000, Max = 38000, RangeText = "处 1.2 万元以上 3.8 万元以下罚款" },
            new() { Seq = 5, Tier = DiscretionTier.Heavier, Conditions = "情节严重的", RangeKind = RangeKind.FixedAmount, Min = 38000, Max = 50000, RangeText = "处 3.8 万元以上 5 万元以下罚款" },
        ],
    };

    /// <summary>Fact sets covering the engine's branches: ages (Art. 30), capacity (31), mitigation (32), waivers (33), limitation (36), proposals outside range.</summary>
    public static DiscretionFacts[] Facts(int count)
    {
        var rnd = new Random(42);
        var start = new DateOnly(2022, 1, 1);
        return Enumerable.Range(0, count).Select(i =>
        {
            var act = start.AddDays(rnd.Next(0, 1500));
            return new DiscretionFacts
            {
                PartyAge = rnd.Next(10) switch { 0 => 13, 1 => 16, 2 => null, _ => rnd.Next(18, 80) },
                MentalCapacity = rnd.Next(20) == 0 ? MentalCapacity.Limited : MentalCapacity.Full,
                FirstViolation = rnd.Next(2) == 0,
                MinorViolation = rnd.Next(3) == 0,
                Harm = (HarmLevel)rnd.Next(4),
                CorrectedInTime = rnd.Next(2) == 0,
                EliminatedHarm = rnd.Next(4) == 0,
                Coerced = rnd.Next(30) == 0,
                Confessed = rnd.Next(5) == 0,
                Meritorious = rnd.Next(30) == 0,
                NoFault = rnd.Next(40) == 0,
                Aggravating = rnd.Next(6) == 0,
                MeetsListConditions = rnd.Next(3) == 0,
                ActDate = act,
                DiscoveredOn = act.AddDays(rnd.Next(0, 1000)),
                DecisionDate = act.AddDays(rnd.Next(1000, 1100)),
                HarmToLifeHealthOrFinance = rnd.Next(8) == 0,
                OrderToCorrectRecorded = rnd.Next(2) == 0,
                ProposedAmount = rnd.Next(3) == 0 ? rnd.Next(0, 60000) : null,
            };
        }).ToArray();
    }
}

/// <summary>Discretion-engine evaluations per second (pure computation: the benchmark and profile already loaded).</summary>
[MemoryDiagnoser]
public class DiscretionBenchmarks
{
    private const int Evaluations = 1000;
    private DiscretionBenchmark _benchmark = null!;
    private DiscretionFacts[] _facts = [];
    private PenaltyRulesProfile _profile = null!;

    [GlobalSetup]
    public void Setup()
    {
        _benchmark = DiscretionWorkload.Benchmark();
        _facts = DiscretionWorkload.Facts(Evaluations);
        _profile = PenaltyRulesProfile.Statutory();
    }

    [Benchmark(OperationsPerInvoke = Evaluations)]
    public int Evaluate()
    {
        var n = 0;
        foreach (var f in _facts)
        {
            n += DiscretionEngine.Evaluate(_benchmark, f, _profile).Rules.Count;
        }
        return n;
    }
}

/// <summary>`discretion` mode: evaluations per second with 1 and N threads for a fixed time (quick figure without BenchmarkDotNet).</summary>
internal static class DiscretionThroughput
{
    public static int Run(string[] args)
    {
        var threads = args.Length > 0 ? int.Parse(args[0]) : Environment.ProcessorCount;
        var seconds = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
        var benchmark = DiscretionWorkload.Benchmark();
        var facts = DiscretionWorkload.Facts(1000);
        var profile = PenaltyRulesProfile.Statutory();
        Console.WriteLine($"discretion engine: {facts.Length} fact sets, threads={threads}, {seconds}s per run, cores={Environment.ProcessorCount}");
        // Warm-up (JIT, tiered compilation).
        for (var i = 0; i < 20_000; i++)
        {
            DiscretionEngine.Evaluate(benchmark, facts[i % facts.Length], profile);
        }
        foreach (var n in new[] { 1, threads }.Distinct())
        {
            var counts = new long[n];
            var sw = Stopwatch.StartNew();
            var until = TimeSpan.FromSeconds(seconds);
            Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = n }, t =>
            {
                long c = 0;
                var i = t * 97;
                while (sw.Elapsed < until)
                {
                    for (var k = 0; k < 256; k++)
                    {
                        DiscretionEngine.Evaluate(benchmark, facts[i++ % facts.Length], profile);
                    }
                    c += 256;
                }
                counts[t] = c;
            });
            sw.Stop();
            var total = counts.Sum();
            Console.WriteLine($"threads={n,2}: {total / sw.Elapsed.TotalSeconds,12:N0} evaluations/s  ({sw.Elapsed.TotalMilliseconds * 1000 / total:F2} µs/evaluation)");
        }
        return 0;
    }
}
