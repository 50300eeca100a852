using Fazhi.Enforcement.CaseFileReview;

namespace Fazhi.Enforcement.Tests.CaseFileReview;

public sealed class ReviewMathTests
{
    private static readonly Guid Body = Guid.Parse("0190a000-0000-7000-8000-000000000001");

    [Fact]
    public void The_draw_depends_only_on_the_seed_and_the_set_of_cases()
    {
        var cases = Enumerable.Range(0, 40).Select(_ => Guid.NewGuid()).ToList();
        var first = ReviewMath.Draw("seed-2026", Body, cases, 5);
        var again = ReviewMath.Draw("seed-2026", Body, Enumerable.Reverse(cases), 5);
        Assert.Equal(5, first.Count);
        Assert.Equal(first, again);
        Assert.All(first, id => Assert.Contains(id, cases));
        var other = ReviewMath.Draw("another-seed", Body, cases, 5);
        Assert.NotEqual(first, other);
    }

    [Theory]
    [InlineData(0, 5, null, 0)]
    [InlineData(3, 5, null, 3)]
    [InlineData(40, 5, null, 5)]
    [InlineData(40, null, 10, 4)]
    [InlineData(41, null, 10, 5)]
    [InlineData(3, null, 10, 1)]
    public void Sample_size_is_a_fixed_number_or_a_rounded_up_share_at_least_one(int population, int? size, int? percent, int expected) =>
        Assert.Equal(expected, ReviewMath.SampleCount(population, size, percent));

    private static RubricItem Item(int seq, decimal points) => new() { Seq = seq, Title = "项" + seq, Points = points };

    [Fact]
    public void Score_is_full_marks_minus_deductions_and_bodies_share_a_rank_on_equal_averages()
    {
        var items = new[] { Item(1, 60), Item(2, 40) };
        var s = Guid.NewGuid();
        Assert.Equal(85m, ReviewMath.Score(items, [new ReviewDeduction { SampleId = s, ItemId = items[0].Id, Points = 15 }]));

        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid(), d = Guid.NewGuid();
        var samples = new[]
        {
            new ReviewSample { BodyUnitId = a, Score = 90 }, new ReviewSample { BodyUnitId = a, Score = 80 },
            new ReviewSample { BodyUnitId = b, Score = 85 },
            new ReviewSample { BodyUnitId = c, Score = 95 },
            new ReviewSample { BodyUnitId = d, Score = null },
        };
        var ranking = ReviewMath.Rank([(a, "甲局"), (b, "乙局"), (c, "丙局"), (d, "丁局")], samples);
        Assert.Equal(["丙局", "乙局", "甲局", "丁局"], ranking.Select(r => r.BodyName));
        Assert.Equal([1, 2, 2, (int?)null], ranking.Select(r => r.Rank));
        Assert.Equal(85m, ranking[2].Average);
        Assert.Equal(80m, ranking[2].Lowest);
    }

    [Fact]
    public void Most_lost_items_are_ordered_by_how_many_cases_lost_points_then_by_points()
    {
        var items = new[] { Item(1, 10), Item(2, 20), Item(3, 30) };
        Guid s1 = Guid.NewGuid(), s2 = Guid.NewGuid(), s3 = Guid.NewGuid();
        var deductions = new[]
        {
            new ReviewDeduction { SampleId = s1, ItemId = items[2].Id, Points = 20 },
            new ReviewDeduction { SampleId = s1, ItemId = items[0].Id, Points = 2 },
            new ReviewDeduction { SampleId = s2, ItemId = items[0].Id, Points = 3 },
            new ReviewDeduction { SampleId = s3, ItemId = items[1].Id, Points = 5 },
            new ReviewDeduction { SampleId = s3, ItemId = items[0].Id, Points = 1 },
        };
        var lost = ReviewMath.MostLost(items, deductions);
        Assert.Equal([1, 3, 2], lost.Select(l => l.Seq));
        Assert.Equal(3, lost[0].Times);
        Assert.Equal(6m, lost[0].PointsLost);
    }
}
