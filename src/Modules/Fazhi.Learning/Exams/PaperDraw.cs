using Fazhi.Learning.Questions;

namespace Fazhi.Learning.Exams;

/// <summary>A question as the draw sees it.</summary>
internal sealed record PoolQuestion(Guid Id, QuestionKind Kind, string Category, int Difficulty, int OptionCount);

/// <summary>A random paper's rule: so many questions of a category at a difficulty.</summary>
internal sealed record DrawRule(string Category, int Difficulty, int Count);

/// <summary>A drawn question at its place, with the option order shown to the taker.</summary>
internal sealed record DrawnQuestion(int Position, Guid QuestionId, QuestionKind Kind, int[] OptionOrder);

/// <summary>
/// The draw and the shuffles, a pure function of the seed and the pool: the same seed and the same pool give the same
/// paper, question order and option order. The attempt stores the result at the start, so a resumed attempt sees it again
/// even if the bank changed since.
/// </summary>
internal static class PaperDraw
{
    public static List<DrawRule> ParseRules(string text, Fazhi.Platform.Kit.FieldChecks? checks = null)
    {
        var rules = new List<DrawRule>();
        foreach (var (line, i) in text.Replace("\r", "").Split('\n').Select((l, i) => (l.Trim(), i + 1)).Where(x => x.Item1.Length > 0))
        {
            var parts = line.Split('|', '｜').Select(p => p.Trim()).ToArray();
            var difficulty = parts.Length == 3 ? QuestionRules.ParseDifficulty(parts[1]) : null;
            if (parts.Length != 3 || parts[0].Length == 0 || difficulty is null || !int.TryParse(parts[2], out var count) || count is < 1 or > 500)
            {
                checks?.Add("rules", $"第 {i} 条规则应写作“分类|难度|数量”，如“行政处罚|易|10”（难度：易、中、难；数量 1–500）。");
                continue;
            }
            if (rules.Any(r => r.Category == parts[0] && r.Difficulty == difficulty))
            {
                checks?.Add("rules", $"第 {i} 条规则与前面的规则重复（{parts[0]}，{QuestionRules.DifficultyName(difficulty.Value)}）。");
                continue;
            }
            rules.Add(new DrawRule(parts[0], difficulty.Value, count));
        }
        return rules;
    }

    public static string FormatRules(IEnumerable<DrawRule> rules) => string.Join("\n", rules.Select(r => $"{r.Category}|{QuestionRules.DifficultyName(r.Difficulty)}|{r.Count}"));

    /// <summary>What a rule lacks in the pool, or none: a paper that cannot be drawn is refused when published.</summary>
    public static IEnumerable<string> Shortfalls(IReadOnlyList<DrawRule> rules, IReadOnlyList<PoolQuestion> pool) =>
        rules.Select(r => (r, have: pool.Count(q => q.Category == r.Category && q.Difficulty == r.Difficulty)))
            .Where(x => x.have < x.r.Count)
            .Select(x => $"“{x.r.Category}”{QuestionRules.DifficultyName(x.r.Difficulty)}题需要 {x.r.Count} 道，可用 {x.have} 道（法条已变化待复核的试题不能入卷）。");

    /// <summary>
    /// Draws a paper: for a random paper each rule's questions are picked from its pool (ordered by id, then shuffled by
    /// the seed); for a fixed paper the given questions. Then the questions and every choice question's options are shuffled.
    /// </summary>
    public static List<DrawnQuestion> Draw(int seed, IReadOnlyList<DrawRule>? rules, IReadOnlyList<PoolQuestion> pool)
    {
        var random = new Random(seed);
        List<PoolQuestion> chosen;
        if (rules is null)
        {
            chosen = pool.ToList();
        }
        else
        {
            chosen = [];
            foreach (var rule in rules)
            {
                var candidates = pool.Where(q => q.Category == rule.Category && q.Difficulty == rule.Difficulty).OrderBy(q => q.Id).ToArray();
                random.Shuffle(candidates);
                chosen.AddRange(candidates.Take(rule.Count));
            }
        }
        var order = chosen.ToArray();
        random.Shuffle(order);
        return order.Select((q, i) =>
        {
            var options = Enumerable.Range(0, q.Kind is QuestionKind.Single or QuestionKind.Multiple ? q.OptionCount : 0).ToArray();
            random.Shuffle(options);
            return new DrawnQuestion(i + 1, q.Id, q.Kind, options);
        }).ToList();
    }

    public static string FormatOrder(int[] order) => string.Join("", order.Select(i => (char)('A' + i)));

    public static int[] ParseOrder(string order) => order.Select(c => c - 'A').ToArray();
}
