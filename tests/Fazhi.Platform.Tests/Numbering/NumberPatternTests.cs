using Fazhi.Platform.Kit;

namespace Fazhi.Platform.Tests.Numbering;

/// <summary>Number patterns an administrator edits, and 文号 typed by hand (GB/T 9704-2012 §7.3.3).</summary>
public sealed class NumberPatternTests
{
    [Theory]
    [InlineData("枣非诉〔{year}〕{seq:0000}号", 7, "枣非诉〔2026〕0007号")]
    [InlineData("枣市监罚〔{year}〕{seq}号", 12, "枣市监罚〔2026〕12号")]
    [InlineData("{unit}-{year}-{seq:000000}", 3, "370400-SJJ-2026-000003")]
    [InlineData("{prefix}罚〔{year}〕{seq}号", 1, "枣市监罚〔2026〕1号")]
    [InlineData("{seq:00}", 123, "123")]
    public void A_pattern_formats_its_placeholders(string pattern, long seq, string expected) =>
        Assert.Equal(expected, NumberPattern.Format(pattern, new NumberValues(2026, seq, "370400-SJJ", "枣市监")));

    [Fact]
    public void Without_an_abbreviation_the_prefix_is_the_unit_code() =>
        Assert.Equal("370400罚〔2026〕1号", NumberPattern.Format("{prefix}罚〔{year}〕{seq}号", new NumberValues(2026, 1, "370400")));

    [Theory]
    [InlineData("", "请填写")]
    [InlineData("枣非诉〔{year}〕号", "须包含序号占位符")]
    [InlineData("枣非诉〔{year}〕{seq}{seq}号", "只能包含一个序号占位符")]
    [InlineData("枣非诉〔{yr}〕{seq}号", "“{yr}”无法识别")]
    [InlineData("枣非诉〔{year}〕{seq:00x}号", "无法识别")]
    [InlineData("枣非诉〔{year〕{seq}号", "花括号不成对")]
    [InlineData("枣非诉〔year}〕{seq}号", "花括号不成对")]
    public void A_bad_pattern_is_refused_naming_the_field(string pattern, string reason)
    {
        var message = NumberPattern.Validate(pattern, "编号格式");
        Assert.NotNull(message);
        Assert.Contains("编号格式", message);
        Assert.Contains(reason, message);
    }

    [Fact]
    public void A_good_pattern_passes() => Assert.Null(NumberPattern.Validate("枣非诉〔{year}〕{seq:0000}号（{unit}）{prefix}"));

    [Theory]
    [InlineData("枣市监罚〔2026〕12号", "枣市监罚", 2026, 12)]
    [InlineData(" 鲁政办发〔2026〕1号 ", "鲁政办发", 2026, 1)]
    public void A_well_formed_document_number_is_read(string text, string agency, int year, long serial)
    {
        var check = DocumentNumber.Validate(text);
        Assert.True(check.IsValid, check.Message);
        Assert.Equal(new DocumentNumberParts(agency, year, serial), check.Parts);
        Assert.Equal(text.Trim(), check.Normalized);
    }

    [Theory]
    [InlineData("", "请填写行政处罚决定书文号")]
    [InlineData("枣市监罚[2026]12号", "六角括号")]
    [InlineData("枣市监罚（2026）12号", "六角括号")]
    [InlineData("枣市监罚〔2026〕012号", "不编虚位")]
    [InlineData("枣市监罚〔2026〕0号", "不编虚位")]
    [InlineData("枣市监罚〔2026〕第12号", "不加“第”")]
    [InlineData("枣市监罚〔2026〕12", "以“号”字结尾")]
    [InlineData("枣市监罚〔26〕12号", "四位公元年份")]
    [InlineData("〔2026〕12号", "格式不正确")]
    [InlineData("枣市监罚2026年12号", "格式不正确")]
    [InlineData("枣市监罚〔2026〕号", "缺少发文顺序号")]
    [InlineData("枣市监罚 〔2026〕12号", "空格")]
    public void A_malformed_document_number_is_refused_with_the_reason(string text, string reason)
    {
        var check = DocumentNumber.Validate(text, "行政处罚决定书文号");
        Assert.False(check.IsValid);
        Assert.Contains("行政处罚决定书文号", check.Message);
        Assert.Contains(reason, check.Message);
    }
}
