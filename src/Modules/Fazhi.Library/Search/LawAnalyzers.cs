using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Fazhi.Library.Search;

/// <summary>
/// The analyzers of the library's index (ADR 0023). The recall field indexes every Han character as a unigram and every
/// pair of adjacent characters as a bigram (CJKBigramFilter with unigrams, on the Unicode word breaks of the standard
/// tokenizer, full-width forms folded, lower-cased). A query term becomes the phrase of its bigrams, so a one- or
/// two-character word such as 复议 or 罚款 is found wherever it occurs as a substring, which a dictionary segmenter or a
/// trigram index cannot promise. The words field (SmartCn) only adds to the score.
/// </summary>
internal static class LawAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Unigrams + bigrams: the field every match is decided on.</summary>
    public static Analyzer Recall { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(Version, reader) { MaxTokenLength = 255 };
        TokenStream stream = new CJKWidthFilter(source);
        stream = new LowerCaseFilter(Version, stream);
        stream = new CJKBigramFilter(stream, CJKScript.HAN | CJKScript.HIRAGANA | CJKScript.KATAKANA | CJKScript.HANGUL, outputUnigrams: true);
        return new TokenStreamComponents(source, stream);
    });

    /// <summary>Dictionary words (SmartCn's HMM segmenter): ranking only.</summary>
    public static Analyzer Words { get; } = new SmartChineseAnalyzer(Version);

    /// <summary>The per-field analyzer of the index writer.</summary>
    public static Analyzer ForIndex { get; } = new PerFieldAnalyzerWrapper(Recall, new Dictionary<string, Analyzer> { [IndexFields.Words] = Words });

    /// <summary>
    /// The tokens a phrase query needs for <paramref name="text"/> on the recall field, with their positions: at each
    /// position the bigram that starts there, else the unigram when no bigram covers that character. Empty when the text
    /// has nothing searchable (punctuation only).
    /// </summary>
    public static List<(string Term, int Position)> PhraseTerms(string text)
    {
        var all = new List<(string Term, int Position, bool Bigram)>();
        using (var ts = Recall.GetTokenStream(IndexFields.Text, new StringReader(text)))
        {
            var term = ts.AddAttribute<ICharTermAttribute>();
            var inc = ts.AddAttribute<IPositionIncrementAttribute>();
            var len = ts.AddAttribute<IPositionLengthAttribute>();
            ts.Reset();
            var position = -1;
            while (ts.IncrementToken())
            {
                position += inc.PositionIncrement;
                all.Add((term.ToString(), position, len.PositionLength > 1));
            }
            ts.End();
        }
        var bigramAt = all.Where(t => t.Bigram).Select(t => t.Position).ToHashSet();
        return all
            .Where(t => t.Bigram || (!bigramAt.Contains(t.Position) && !bigramAt.Contains(t.Position - 1)))
            .Select(t => (t.Term, t.Position))
            .ToList();
    }
}

/// <summary>The names of the index's fields.</summary>
internal static class IndexFields
{
    public const string Type = "type";
    public const string Provision = "pid";
    public const string Work = "work";
    public const string Version = "version";
    public const string Title = "title";
    public const string Key = "key";
    public const string Text = "text";
    public const string Words = "words";
    public const string Label = "label";
    public const string Anchor = "anchor";
    public const string Path = "path";
    public const string Level = "level";
    public const string Issuer = "issuer";
    public const string Region = "region";
    public const string Year = "year";
    public const string From = "from";
    public const string To = "to";
    public const string End = "end";
    public const string Public = "public";
    public const string Ordinal = "ord";
    public const string VersionDate = "vdate";
    public const string VersionNumber = "vnum";

    /// <summary>Document types: one per article (or paragraph), one per work version for title search.</summary>
    public const string ArticleType = "a";
    public const string WorkType = "w";

    /// <summary>Open-ended validity in the yyyyMMdd date fields.</summary>
    public const int Open = 99991231;

    public static int DateValue(DateOnly d) => d.Year * 10000 + d.Month * 100 + d.Day;
}
