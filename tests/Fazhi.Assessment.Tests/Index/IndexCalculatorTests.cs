using Fazhi.Assessment.Index;

namespace Fazhi.Assessment.Tests.Index;

public sealed class IndexCalculatorTests
{
    private static ComponentValue C(string dimension, decimal? value, decimal weight = 1) => new(dimension, "项", weight, ComponentSource.Computed, value, "");

    [Fact]
    public void Dimensions_are_weighted_means_of_their_components_and_the_index_the_weighted_mean_of_the_dimensions()
    {
        // 制度规范 = (80 x 1 + 60 x 3) / 4 = 65; 法治感受 = 90 (the component without data is left out, not counted as 0);
        // 法治社会 has no component and does not take part; index = (30 x 65 + 70 x 90) / 100 = 82.5.
        var score = IndexCalculator.Combine([("制度规范", 30m), ("法治社会", 50m), ("法治感受", 70m)],
            [C("制度规范", 80), C("制度规范", 60, 3), C("法治感受", 90), C("法治感受", null)]);
        Assert.Equal(82.5m, score.Total);
        Assert.Equal([65m, null, 90m], score.Dimensions.Select(d => d.Score));
        Assert.Equal(2, score.Dimensions[2].Components.Count);
    }

    [Fact]
    public void An_area_without_any_data_has_no_index_rather_than_zero()
    {
        var score = IndexCalculator.Combine([("法治政府", 100m)], [C("法治政府", null)]);
        Assert.Null(score.Total);
    }

    [Fact]
    public void A_dimension_weighted_zero_is_shown_but_does_not_move_the_index()
    {
        var score = IndexCalculator.Combine([("法治政府", 60m), ("法治保障", 0m)], [C("法治政府", 70), C("法治保障", 10)]);
        Assert.Equal(70m, score.Total);
        Assert.Equal(10m, score.Dimensions[1].Score);
    }
}
