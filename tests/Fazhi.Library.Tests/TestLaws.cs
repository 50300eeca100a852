namespace Fazhi.Library.Tests;

/// <summary>Small texts in the national export's Markdown layout, for import tests.</summary>
internal static class TestLaws
{
    /// <summary>A Zaozhuang regulation of two articles: a first article with the given text and the commencement clause.</summary>
    public static string Markdown(string title, string date, string article) => $"""
        # {title}

        {date} 枣庄市第十七届人民代表大会常务委员会第九次会议通过

        <!-- INFO END -->

        ## 第一章 总则

        第一条 {article}

        第二条 本条例自公布之日起施行。
        """;
}
