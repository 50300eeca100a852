using Fazhi.Library.Citations;
using Fazhi.Library.Compare;
using Fazhi.Library.Works;

namespace Fazhi.Library.Tests.Import;

/// <summary>Citations found in real sentences of the corpus, and the version comparison's alignment.</summary>
public sealed class CitationTests
{
    [Fact]
    public void A_book_title_with_several_articles_gives_one_reference_each()
    {
        // 行政复议法 (2023) Art. 2 style, and a sentence of 行政处罚法 Art. 58.
        var found = CitationFinder.Find("依照《中华人民共和国行政处罚法》第三十三条、第三十四条的规定，不予处罚。", "行政复议法");
        Assert.Equal(2, found.Count);
        Assert.All(found, f => Assert.Equal(("行政处罚法", ReferenceKind.External), (f.TargetKey, f.Kind)));
        Assert.Equal([33, 34], found.Select(f => f.Number));
        Assert.Equal("《中华人民共和国行政处罚法》第三十三条", found[0].Text);
        Assert.Equal("第三十四条", found[1].Text);
    }

    [Fact]
    public void Own_articles_previous_paragraphs_and_bare_titles_are_found()
    {
        var found = CitationFinder.Find("违反本法第十条之一规定的，依照前款规定处理；适用《中华人民共和国行政诉讼法》。", "行政复议法");
        Assert.Contains(found, f => f is { Kind: ReferenceKind.Internal, TargetKey: "行政复议法", Number: 10, SubNumber: 1 });
        Assert.Contains(found, f => f is { Kind: ReferenceKind.Previous, Text: "前款" });
        Assert.Contains(found, f => f is { Kind: ReferenceKind.External, TargetKey: "行政诉讼法", Number: 0 });
    }

    [Fact]
    public void Work_keys_ignore_the_state_prefix_spaces_and_marks()
    {
        Assert.Equal("行政处罚法", WorkKey.Of("《中华人民共和国 行政处罚法》"));
        Assert.Equal("行政处罚法", WorkKey.Of("行政处罚法"));
        Assert.Equal("中华人民共和国", WorkKey.Of("中华人民共和国"));
    }

    [Fact]
    public void Comparison_matches_moved_changed_added_and_removed_articles()
    {
        var v1 = Id();
        var v2 = Id();
        List<Provision> older =
        [
            Art(v1, 1, "为了规范行政处罚的设定和实施，制定本法。"),
            Art(v1, 2, "行政处罚的设定和实施，适用本法。"),
            Art(v1, 3, "本条在新法中被删除，内容与其他条文完全不同。"),
            Art(v1, 4, "公民、法人或者其他组织对行政机关所给予的行政处罚，享有陈述权、申辩权。"),
        ];
        List<Provision> newer =
        [
            Art(v2, 1, "为了规范行政处罚的设定和实施，保障和监督行政机关有效实施行政管理，制定本法。"),
            Art(v2, 2, "新增的条文：行政处罚是指行政机关依法对违反行政管理秩序的当事人以减损权益或者增加义务的方式予以惩戒的行为。"),
            Art(v2, 3, "行政处罚的设定和实施，适用本法。"),
            Art(v2, 4, "公民、法人或者其他组织对行政机关所给予的行政处罚，享有陈述权、申辩权。"),
        ];
        var rows = VersionComparer.Compare(older, newer);
        Assert.Equal(ArticleChange.Changed, rows.Single(r => r.NewAnchor == "art-1").Change);
        Assert.Equal(ArticleChange.Added, rows.Single(r => r.NewAnchor == "art-2").Change);
        var moved = rows.Single(r => r.NewAnchor == "art-3");
        Assert.Equal((ArticleChange.Renumbered, "art-2"), (moved.Change, moved.OldAnchor));
        Assert.Equal(ArticleChange.Removed, rows.Single(r => r.OldAnchor == "art-3").Change);
        Assert.Equal(ArticleChange.Unchanged, rows.Single(r => r.NewAnchor == "art-4").Change);
        var diff = rows.Single(r => r.NewAnchor == "art-1").Diff;
        Assert.Contains(diff, d => d.Op == '+' && d.Text.Contains("保障和监督"));
    }

    private static Guid Id() => Guid.NewGuid();

    private static Provision Art(Guid version, int n, string text) => new()
    {
        VersionId = version, Kind = ProvisionKind.Article, Number = n, Ordinal = n, Anchor = $"art-{n}", Label = Fazhi.Library.Import.ChineseNumber.ArticleLabel(n, 0), Text = text,
    };
}
