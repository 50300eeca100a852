using System.Text.Json.Serialization;
using Fazhi.Library.Contracts;
using Fazhi.Platform.Kit;

namespace Fazhi.Rulemaking.Precheck;

/// <summary>What the pre-check reads: the kind (normative-document), the text, the effective date, and the elements a draft form gives separately.</summary>
internal sealed record PrecheckRequest(string? Kind, string? Text, DateOnly? EffectiveOn, string? IssuingAuthority = null, int? ValidityYears = null);

/// <summary>
/// One finding: the rule (a code), its name, the article it rests on (e.g. 中华人民共和国行政处罚法 第十六条) and the article's
/// address in the library, the draft's article, the matched passage, the message, and a link (the replacement article or
/// the similar document) where there is one.
/// </summary>
internal sealed record PrecheckFinding(string Rule, string RuleName, string Article, string? ArticleUrl, string DraftArticle, string Passage, string Message, string? Link);

internal sealed record PrecheckResult(string Kind, DateOnly EffectiveOn, int Articles, IReadOnlyList<PrecheckFinding> Findings);

/// <summary>A normative document of the city in force, by article, for the repetition check.</summary>
internal sealed record InForceDocument(Guid Id, string Title, string RegistrationNo, IReadOnlyList<DraftArticle> Articles);

/// <summary>
/// The automatic legality pre-check of a normative-document draft (ADR 0027). Reads the draft article by article:
/// content the document may not create without a legal basis (the rules in <see cref="PrecheckRules"/>), each citation
/// resolved through the library on the effective date (not in force, or not resolving), articles repeating another
/// normative document of the city in force, and the required elements. It never decides: the reviewer accepts or
/// dismisses each finding.
/// </summary>
internal sealed partial class LegalityPrecheck(ILawReferences references)
{
    public const string KindNormativeDocument = "normative-document";

    public const string CitationNotInForce = "citation-not-in-force";
    public const string CitationUnresolved = "citation-unresolved";
    public const string Duplicate = "duplicate";
    public const string MissingAuthority = "missing-authority";
    public const string MissingEffectiveDate = "missing-effective-date";
    public const string MissingValidity = "missing-validity";

    /// <summary>Two articles whose character-bigram sets overlap at least this much (Jaccard) repeat each other.</summary>
    public const double SimilarityThreshold = 0.6;

    /// <summary>Articles shorter than this (施行日期, 解释机关) are boilerplate and not compared.</summary>
    public const int MinComparedLength = 30;

    public static string RuleName(string code) => code switch
    {
        CitationNotInForce => "引用的法律、条文在施行日不现行有效",
        CitationUnresolved => "引用无法在法规库中找到",
        Duplicate => "与本市现行有效规范性文件重复或冲突",
        MissingAuthority => "缺少制定机关",
        MissingEffectiveDate => "缺少施行日期",
        MissingValidity => "缺少有效期",
        _ => PrecheckRules.Default.Content.FirstOrDefault(r => r.Code == code)?.Name ?? code,
    };

    /// <summary>Refuses a request that cannot be checked (no text, no date, unknown kind), naming the field.</summary>
    public static (string Text, DateOnly On) Validate(PrecheckRequest request)
    {
        var checks = new FieldChecks();
        checks.When(request.Kind is not null && request.Kind != KindNormativeDocument, "kind", "目前只支持行政规范性文件（normative-document）的合法性预审。");
        var text = TextRules.Required(checks, "text", "草案文本", request.Text, 200_000);
        checks.When(request.EffectiveOn is null, "effectiveOn", "请填写拟施行日期。");
        DateRules.Check(checks, "effectiveOn", "拟施行日期", request.EffectiveOn);
        checks.When(request.ValidityYears is < 1 or > 10, "validityYears", "有效期应为 1–10 年。");
        checks.ThrowIfAny("预审未进行。");
        return (text, request.EffectiveOn!.Value);
    }

    public async Task<PrecheckResult> RunAsync(PrecheckRequest request, IReadOnlyList<InForceDocument> inForce, CancellationToken ct)
    {
        var (text, on) = Validate(request);
        var rules = PrecheckRules.Default;
        var articles = DraftArticles.Split(text);
        var findings = new List<PrecheckFinding>();
        var ruleUrls = new Dictionary<string, string?>();
        async Task<string?> RuleUrlAsync(ContentRule rule)
        {
            if (!ruleUrls.TryGetValue(rule.Code, out var url))
            {
                url = ruleUrls[rule.Code] = (await references.ResolveAsync(rule.Citation, on, ct)).Url;
            }
            return url;
        }

        var compared = inForce.SelectMany(d => d.Articles.Where(a => a.Label != DraftArticles.Preamble && a.Text.Length >= MinComparedLength)
            .Select(a => (Doc: d, Article: a, Grams: Bigrams(a.Text)))).ToList();
        foreach (var article in articles)
        {
            // 本办法第三条 refers to the draft itself, not to the library.
            var citations = (await references.ResolveAllAsync(article.Text, on, ct)).Where(c => c.Citation.StartsWith('《') || !SelfReference().IsMatch(c.Citation)).ToList();
            foreach (var c in citations)
            {
                if (c.State == ReferenceState.NotFound)
                {
                    findings.Add(new(CitationUnresolved, RuleName(CitationUnresolved), c.Citation, c.Url, article.Label, Passage(article.Text, c.Citation),
                        c.WorkTitle is null ? $"法规库中没有“{c.Citation}”所引的法律、法规，请核对名称。" : $"《{c.WorkTitle}》在 {on:yyyy-MM-dd} 施行的版本中没有{c.ArticleLabel}，请核对条号。", null));
                }
                else if (c.State != ReferenceState.Current)
                {
                    var replacement = c.CurrentUrl is null ? "" : "，现行条文见链接";
                    findings.Add(new(CitationNotInForce, RuleName(CitationNotInForce), Cited(c), c.Url, article.Label, Passage(article.Text, c.Citation),
                        $"“{c.Citation}”按施行日 {on:yyyy-MM-dd} 查：{c.StateLabel}{replacement}。", c.CurrentUrl));
                }
            }
            if (article.Label != DraftArticles.Preamble)
            {
                var hasBasis = citations.Any(c => c.State is not ReferenceState.NotFound);
                if (!hasBasis)
                {
                    foreach (var rule in rules.Content)
                    {
                        var match = rules.FirstTrigger(rule, article.Text);
                        if (match is not null)
                        {
                            findings.Add(new(rule.Code, rule.Name, rule.Article, await RuleUrlAsync(rule), article.Label,
                                DraftArticles.Sentence(article.Text, match.Index, match.Length), rule.Message, null));
                        }
                    }
                }
                if (article.Text.Length >= MinComparedLength && compared.Count > 0)
                {
                    var grams = Bigrams(article.Text);
                    var best = compared.Select(x => (x.Doc, x.Article, Score: Jaccard(grams, x.Grams))).MaxBy(x => x.Score);
                    if (best.Score >= SimilarityThreshold)
                    {
                        findings.Add(new(Duplicate, RuleName(Duplicate), $"{best.Doc.Title} {best.Article.Label}", null, article.Label, Trim(article.Text),
                            $"与现行有效的《{best.Doc.Title}》（{best.Doc.RegistrationNo}）{best.Article.Label}内容相近（相似度 {best.Score:P0}），请核对是否重复或者冲突。",
                            $"/rulemaking/documents/{best.Doc.Id}"));
                    }
                }
            }
        }
        if (string.IsNullOrWhiteSpace(request.IssuingAuthority) && !rules.Authority.IsMatch(text))
        {
            findings.Add(new(MissingAuthority, RuleName(MissingAuthority), "要素", null, DraftArticles.Preamble, "", "草案未写明制定机关。", null));
        }
        if (!rules.Effective.IsMatch(text))
        {
            findings.Add(new(MissingEffectiveDate, RuleName(MissingEffectiveDate), "要素", null, DraftArticles.Preamble, "", "草案未写明施行日期（“自某年某月某日起施行”）。", null));
        }
        if (request.ValidityYears is null && !rules.Validity.IsMatch(text))
        {
            findings.Add(new(MissingValidity, RuleName(MissingValidity), "要素", null, DraftArticles.Preamble, "", "草案未写明有效期。", null));
        }
        return new PrecheckResult(KindNormativeDocument, on, articles.Count(a => a.Label != DraftArticles.Preamble), findings);
    }

    [System.Text.RegularExpressions.GeneratedRegex("本(?:实施细则|细则|办法|规定|条例|法|决定|规则|意见|通知)")]
    private static partial System.Text.RegularExpressions.Regex SelfReference();

    private static string Cited(LawReference c) => c.WorkTitle is null ? c.Citation : $"{c.WorkTitle} {c.ArticleLabel}".Trim();

    private static string Passage(string text, string citation)
    {
        var at = text.IndexOf(citation, StringComparison.Ordinal);
        return at < 0 ? Trim(text) : DraftArticles.Sentence(text, at, citation.Length);
    }

    private static string Trim(string text) => text.Length <= 200 ? text : text[..200] + "…";

    internal static HashSet<int> Bigrams(string text)
    {
        var set = new HashSet<int>();
        char prev = '\0';
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch) || char.IsPunctuation(ch))
            {
                continue;
            }
            if (prev != '\0')
            {
                set.Add((prev << 16) | ch);
            }
            prev = ch;
        }
        return set;
    }

    internal static double Jaccard(HashSet<int> a, HashSet<int> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var common = small.Count(large.Contains);
        return (double)common / (a.Count + b.Count - common);
    }
}

/// <summary>The reviewer's decision on one finding.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FindingDecision>))]
internal enum FindingDecision
{
    /// <summary>待认定.</summary>
    Pending,

    /// <summary>采纳：确属问题.</summary>
    Accepted,

    /// <summary>不予采纳：非问题.</summary>
    Dismissed,
}
