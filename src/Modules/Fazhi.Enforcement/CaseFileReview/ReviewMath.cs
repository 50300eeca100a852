using System.Security.Cryptography;
using System.Text;

namespace Fazhi.Enforcement.CaseFileReview;

internal sealed record BodyResult(Guid BodyUnitId, string BodyName, int Sampled, int Scored, decimal? Average, decimal? Lowest, int? Rank);

internal sealed record LostItem(Guid ItemId, int Seq, string Category, string Title, decimal Points, int Times, decimal PointsLost);

/// <summary>The arithmetic of a review: the reproducible draw, totals, ranking and the items most often lost.</summary>
internal static class ReviewMath
{
    public static string NewSeed() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    /// <summary>How many of a body's <paramref name="population"/> closed cases are drawn.</summary>
    public static int SampleCount(int population, int? size, int? percent)
    {
        if (population <= 0)
        {
            return 0;
        }
        var wanted = size ?? (int)Math.Ceiling(population * (percent ?? 0) / 100m);
        return Math.Clamp(wanted, 1, population);
    }

    /// <summary>
    /// The draw: each case gets the key HMAC-SHA256(seed, body id ‖ case id); the cases with the smallest keys are drawn.
    /// The result depends only on the seed and the set of cases (not on their order or the database), so anyone with the
    /// seed and the list of closed cases can redo it.
    /// </summary>
    public static List<Guid> Draw(string seed, Guid bodyUnitId, IEnumerable<Guid> closedCaseIds, int count)
    {
        var key = Encoding.UTF8.GetBytes(seed);
        return closedCaseIds.Distinct()
            .Select(id => (Id: id, Key: Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{bodyUnitId:N}{id:N}")))))
            .OrderBy(x => x.Key, StringComparer.Ordinal)
            .Take(count)
            .Select(x => x.Id)
            .ToList();
    }

    /// <summary>A case's score: the rubric's full marks minus its deductions (never below zero).</summary>
    public static decimal Score(IEnumerable<RubricItem> items, IEnumerable<ReviewDeduction> deductions) =>
        Math.Max(0m, items.Sum(i => i.Points) - deductions.Sum(d => d.Points));

    /// <summary>
    /// Results per body: the average score of its scored cases, ranked best first; equal averages share a rank
    /// (1, 1, 3). Bodies without a scored case are listed last without a rank.
    /// </summary>
    public static List<BodyResult> Rank(IEnumerable<(Guid BodyUnitId, string BodyName)> bodies, IEnumerable<ReviewSample> samples)
    {
        var byBody = samples.GroupBy(s => s.BodyUnitId).ToDictionary(g => g.Key, g => g.ToList());
        var rows = bodies.Select(b =>
        {
            var list = byBody.GetValueOrDefault(b.BodyUnitId) ?? [];
            var scored = list.Where(s => s.Score is not null).Select(s => s.Score!.Value).ToList();
            return new BodyResult(b.BodyUnitId, b.BodyName, list.Count, scored.Count,
                scored.Count == 0 ? null : Math.Round(scored.Average(), 2), scored.Count == 0 ? null : scored.Min(), null);
        }).ToList();
        var ranked = rows.Where(r => r.Average is not null).OrderByDescending(r => r.Average).ThenBy(r => r.BodyName, StringComparer.Ordinal).ToList();
        var result = new List<BodyResult>();
        for (var i = 0; i < ranked.Count; i++)
        {
            var rank = i > 0 && ranked[i].Average == ranked[i - 1].Average ? result[i - 1].Rank : i + 1;
            result.Add(ranked[i] with { Rank = rank });
        }
        result.AddRange(rows.Where(r => r.Average is null).OrderBy(r => r.BodyName, StringComparer.Ordinal));
        return result;
    }

    /// <summary>The rubric items most often lost: by the number of cases losing points on them, then by points lost.</summary>
    public static List<LostItem> MostLost(IEnumerable<RubricItem> items, IEnumerable<ReviewDeduction> deductions, int top = 10)
    {
        var byItem = deductions.Where(d => d.Points > 0).GroupBy(d => d.ItemId).ToDictionary(g => g.Key, g => (Times: g.Select(d => d.SampleId).Distinct().Count(), Lost: g.Sum(d => d.Points)));
        return items.Where(i => byItem.ContainsKey(i.Id))
            .Select(i => new LostItem(i.Id, i.Seq, i.Category, i.Title, i.Points, byItem[i.Id].Times, byItem[i.Id].Lost))
            .OrderByDescending(x => x.Times).ThenByDescending(x => x.PointsLost).ThenBy(x => x.Seq)
            .Take(top)
            .ToList();
    }
}
