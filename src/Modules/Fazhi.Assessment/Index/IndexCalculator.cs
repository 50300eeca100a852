namespace Fazhi.Assessment.Index;

/// <summary>One component's value (0..100) for one area, with what it is based on (e.g. 12/15, 37 份有效评分).</summary>
internal sealed record ComponentValue(string Dimension, string Title, decimal Weight, ComponentSource Source, decimal? Value, string Basis);

internal sealed record DimensionScore(string Dimension, decimal Weight, decimal? Score, IReadOnlyList<ComponentValue> Components);

internal sealed record AreaScore(decimal? Total, IReadOnlyList<DimensionScore> Dimensions);

/// <summary>
/// The index arithmetic: a dimension's score is the weighted mean of its components that have a value; the total is the
/// weighted mean of the dimensions that have a score. A component without data (nothing to measure) is left out and the
/// remaining weights are renormalised, so a missing source never counts as zero.
/// </summary>
internal static class IndexCalculator
{
    public static AreaScore Combine(IReadOnlyList<(string Dimension, decimal Weight)> dimensions, IReadOnlyList<ComponentValue> components)
    {
        var scores = dimensions.Select(d =>
        {
            var mine = components.Where(c => c.Dimension == d.Dimension).ToList();
            return new DimensionScore(d.Dimension, d.Weight, WeightedMean(mine.Select(c => (c.Value, c.Weight))), mine);
        }).ToList();
        return new AreaScore(WeightedMean(scores.Select(s => (s.Score, s.Weight))), scores);
    }

    public static decimal? WeightedMean(IEnumerable<(decimal? Value, decimal Weight)> items)
    {
        var present = items.Where(i => i.Value is not null && i.Weight > 0).ToList();
        var weights = present.Sum(i => i.Weight);
        return weights == 0 ? null : Math.Round(present.Sum(i => i.Value!.Value * i.Weight) / weights, 2);
    }
}
