using Fazhi.Library.Import;
using Fazhi.Library.Works;

namespace Fazhi.Library.Tests.Import;

/// <summary>The importer's reader on each layout of the national database export (../shared/corpus/laws/SOURCE.md).</summary>
public sealed class ParserTests
{
    private static ParsedLaw Parse(string name, string text)
    {
        var (law, error) = LawTextParser.ParseMarkdown(name, text);
        Assert.True(error is null, error?.Message);
        return law!;
    }

    [Fact]
    public void Reads_title_history_chapters_articles_paragraphs_and_items()
    {
        var law = Parse("行政复议法(2023-09-01).md", """
            # 中华人民共和国行政复议法

            1999年4月29日 第九届全国人民代表大会常务委员会第九次会议通过

            2017年9月1日 第十二届全国人民代表大会常务委员会第二十九次会议《关于修改〈中华人民共和国法官法〉等八部法律的决定》第二次修正　

            2023年9月1日 第十四届全国人民代表大会常务委员会第五次会议修订

            <!-- INFO END -->

            ## 第一章 总 则

            ​
            第一条 为了防止和纠正违法的或者不当的行政行为，制定本法。

            第二条 公民、法人或者其他组织认为行政机关的行政行为侵犯其合法权益，适用本法。

            前款所称行政行为，包括法律、法规、规章授权的组织的行政行为。

            ## 第二章 行政复议申请

            ### 第一节 行政复议范围

            第十一条 有下列情形之一的，公民、法人或者其他组织可以依照本法申请行政复议：

            （一）对行政机关作出的行政处罚决定不服；

            （二）对行政机关作出的行政强制措施决定不服；
            """);
        Assert.Equal("中华人民共和国行政复议法", law.Title);
        Assert.Equal(3, law.History.Count);
        Assert.Equal(new DateOnly(2023, 9, 1), law.VersionDate);
        Assert.Equal("全国人民代表大会常务委员会", law.IssuingBody);
        Assert.Equal(3, law.ArticleCount);
        var chapter = law.Provisions[0];
        Assert.Equal((ProvisionKind.Chapter, "第一章", "总则", "ch-1"), (chapter.Kind, chapter.Label, chapter.Heading, chapter.Anchor));
        var art2 = law.Provisions.Single(p => p.Anchor == "art-2");
        Assert.Equal("第二条", art2.Label);
        Assert.Equal(2, art2.Text.Split('\n').Length);
        Assert.Equal("第一章 总则", art2.Path);
        var section = law.Provisions.Single(p => p.Kind == ProvisionKind.Section);
        Assert.Equal("ch-2-sec-1", section.Anchor);
        var art11 = law.Provisions.Single(p => p.Anchor == "art-11");
        Assert.Equal("第二章 行政复议申请 / 第一节 行政复议范围", art11.Path);
        Assert.Equal(3, art11.Text.Split('\n').Length);
    }

    [Fact]
    public void Front_matter_comments_and_a_part_title_are_read()
    {
        var law = Parse("人格权编.md", """
            ---
            bookHidden: true
            ---

            # 中华人民共和国民法典 <!-- 标题 -->

            # 人格权编

            2020年5月28日 第十三届全国人民代表大会第三次会议通过

            2021年1月1日 施行

            <!-- INFO END -->

            ## 第一章  一般规定

            第九百八十九条 本编调整因人格权的享有和保护产生的民事关系。
            """);
        Assert.Equal("中华人民共和国民法典", law.Title);
        Assert.Equal("人格权编", law.Part);
        Assert.Equal(new DateOnly(2021, 1, 1), law.EffectiveOn);
        Assert.Equal(new DateOnly(2020, 5, 28), law.VersionDate);
        Assert.Equal("全国人民代表大会", law.IssuingBody);
        Assert.Equal(989, law.Provisions.Single(p => p.Kind == ProvisionKind.Article).Number);
    }

    [Fact]
    public void A_wrapped_history_line_continues_the_one_above_and_a_wrapped_title_is_not_history()
    {
        var law = Parse("x(2020-11-30).md", """
            # 中华人民共和国农村土地承包经营纠纷调解仲裁法

            中华人民共和国农村土地

            承包经营纠纷调解仲裁法

            2009年6月27日 第十一届全国人民代表大会常务委员会第九次会议通过

            2015年12月3日 山东省第十二届人民代表大会常务委员会第十八次会议《关于修改〈山东省乡镇人民代表大会工作若干规定〉的决定》

            第二次修正

            <!-- INFO END -->

            第一条 为了公正、及时解决农村土地承包经营纠纷，制定本法。
            """);
        Assert.Equal(2, law.History.Count);
        Assert.EndsWith("第二次修正", law.History[1].Text);
        Assert.Equal(new DateOnly(2020, 11, 30), law.VersionDate);
    }

    [Fact]
    public void Parts_and_sections_nest_and_articles_with_a_suffix_keep_their_own_anchor()
    {
        var law = Parse("刑法(2020-12-26).md", """
            # 中华人民共和国刑法

            2020年12月26日 修正

            <!-- INFO END -->

            ## 第二编 分则

            ### 第二章 危害公共安全罪

            第一百二十条 组织、领导恐怖活动组织的，处十年以上有期徒刑。

            第一百二十条之一 资助恐怖活动组织的，处五年以下有期徒刑。
            """);
        Assert.Equal("pt-2-ch-2", law.Provisions.Single(p => p.Kind == ProvisionKind.Chapter).Anchor);
        var suffixed = law.Provisions.Single(p => p.Anchor == "art-120-1");
        Assert.Equal((120, 1, "第一百二十条之一"), (suffixed.Number, suffixed.SubNumber, suffixed.Label));
        Assert.Equal("第二编 分则 / 第二章 危害公共安全罪", suffixed.Path);
    }

    [Fact]
    public void A_text_without_articles_keeps_its_paragraphs()
    {
        var law = Parse("案例.md", """
            # 为家庭生活消费需要购买汽车，发生欺诈纠纷的，可以按照消费者权益保护法处理。

            <!-- INFO END -->

            ## 裁判要点

            一、为家庭生活消费需要购买汽车，发生欺诈纠纷的，可以按照《中华人民共和国消费者权益保护法》处理。

            二、汽车销售者承诺向消费者出售没有使用或维修过的新车。
            """);
        Assert.Equal(0, law.ArticleCount);
        Assert.Equal(ProvisionKind.Heading, law.Provisions[0].Kind);
        Assert.Equal(2, law.Provisions.Count(p => p.Kind == ProvisionKind.Paragraph));
        Assert.Null(law.VersionDate);
    }

    [Theory]
    [InlineData("第一条 没有标题。", 1, "标题")]
    [InlineData("# 某条例\n\n2023年13月1日 通过\n\n<!-- INFO END -->\n\n第一条 内容。", 3, "2023年13月1日")]
    [InlineData("---\ntitle: x\n\n# 某条例", 1, "---")]
    [InlineData("\n\n", 0, "没有内容")]
    public void A_malformed_file_names_the_line_and_the_reason(string text, int line, string reasonPart)
    {
        var (law, error) = LawTextParser.ParseMarkdown("bad.md", text);
        Assert.Null(law);
        Assert.NotNull(error);
        Assert.Equal(line, error.Line);
        Assert.Contains(reasonPart, error.Message);
    }

    [Fact]
    public void A_docx_style_text_reads_headings_without_hashes()
    {
        var (law, error) = LawTextParser.ParsePlain("枣庄市某办法.docx",
        [
            "枣庄市行政规范性文件管理办法",
            "（2024年3月1日枣庄市人民政府第30次常务会议通过 自2024年5月1日起施行）",
            "第一章 总则",
            "第一条 为了规范行政规范性文件管理，制定本办法。",
            "第二条 本办法所称行政规范性文件，是指除政府规章外的公文。",
        ]);
        Assert.Null(error);
        Assert.Equal(new DateOnly(2024, 5, 1), law!.EffectiveOn);
        Assert.Equal(new DateOnly(2024, 3, 1), law.VersionDate);
        Assert.Equal("枣庄市人民政府", law.IssuingBody);
        Assert.Equal(ProvisionKind.Chapter, law.Provisions[0].Kind);
        Assert.Equal(2, law.ArticleCount);
    }

    [Fact]
    public void Full_width_digits_in_a_date_are_read()
    {
        var law = Parse("x.md", "# 某规定\n\n２００２年８月１日 国务院第６２次常务会议通过\n\n<!-- INFO END -->\n\n第一条 内容。");
        Assert.Equal(new DateOnly(2002, 8, 1), law.VersionDate);
    }

    [Theory]
    [InlineData("三十三", 33)]
    [InlineData("十", 10)]
    [InlineData("一百零五", 105)]
    [InlineData("一百二十", 120)]
    [InlineData("一千二百六十", 1260)]
    [InlineData("九百八十九", 989)]
    public void Chinese_numerals_read_and_write(string text, int value)
    {
        Assert.Equal(value, ChineseNumber.Parse(text));
        Assert.Equal(text, ChineseNumber.Format(value));
    }
}
