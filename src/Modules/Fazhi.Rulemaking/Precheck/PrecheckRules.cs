using System.Text.Json;
using System.Text.RegularExpressions;

namespace Fazhi.Rulemaking.Precheck;

/// <summary>One content rule of the pre-check: what a normative document may not create without a legal basis.</summary>
internal sealed record ContentRule(string Code, string Name, string Article, string Citation, string Message, IReadOnlyList<Regex> Triggers);

/// <summary>
/// The pre-check's rules as data (<c>precheck-rules.json</c>, embedded): the content rules with their article and trigger
/// phrases (domain.md Part 2 §3: 行政处罚法 第十六条, 行政许可法 第十七条, 行政强制法 第十条, 优化营商环境条例 第二十五条、第四十四条、
/// 第六十四条, 立法法 第九十三条) and the patterns of the required elements (issuing authority, effective date, validity).
/// Changing a phrase is a data change, not a code change.
/// </summary>
internal sealed class PrecheckRules
{
    private static readonly Lazy<PrecheckRules> Embedded = new(() =>
    {
        using var stream = typeof(PrecheckRules).Assembly.GetManifestResourceStream("Fazhi.Rulemaking.precheck-rules.json")
                           ?? throw new InvalidOperationException("Missing precheck-rules.json");
        return Parse(stream);
    });

    public static PrecheckRules Default => Embedded.Value;

    public required IReadOnlyList<ContentRule> Content { get; init; }

    public required Regex Authority { get; init; }

    public required Regex Effective { get; init; }

    public required Regex Validity { get; init; }

    /// <summary>A word that, earlier in the same clause, turns a trigger into a prohibition (不得向申请人收取任何费用).</summary>
    public required Regex Negation { get; init; }

    /// <summary>The first match of any trigger of <paramref name="rule"/> in <paramref name="text"/> not negated earlier in its clause.</summary>
    public Match? FirstTrigger(ContentRule rule, string text)
    {
        foreach (var trigger in rule.Triggers)
        {
            for (var m = trigger.Match(text); m.Success; m = m.NextMatch())
            {
                var start = m.Index;
                while (start > 0 && "，,。；;：:\n".IndexOf(text[start - 1], StringComparison.Ordinal) < 0)
                {
                    start--;
                }
                if (!Negation.IsMatch(text.AsSpan(start, m.Index - start)))
                {
                    return m;
                }
            }
        }
        return null;
    }

    internal static PrecheckRules Parse(Stream json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var rules = root.GetProperty("rules").EnumerateArray().Select(r => new ContentRule(
            r.GetProperty("code").GetString()!, r.GetProperty("name").GetString()!, r.GetProperty("article").GetString()!, r.GetProperty("citation").GetString()!,
            r.GetProperty("message").GetString()!, r.GetProperty("triggers").EnumerateArray().Select(t => Compile(t.GetString()!)).ToList())).ToList();
        var elements = root.GetProperty("elements");
        return new PrecheckRules
        {
            Content = rules,
            Authority = Compile(elements.GetProperty("authority").GetString()!),
            Effective = Compile(elements.GetProperty("effective").GetString()!),
            Validity = Compile(elements.GetProperty("validity").GetString()!),
            Negation = Compile(elements.GetProperty("negation").GetString()!),
        };
    }

    private static Regex Compile(string pattern) => new(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1));
}
