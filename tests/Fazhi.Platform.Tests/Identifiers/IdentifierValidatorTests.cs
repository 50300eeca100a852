using Fazhi.Platform.Features.Identifiers;

namespace Fazhi.Platform.Tests.Identifiers;

/// <summary>GB 32100-2015 and GB 11643-1999 with the examples of the domain brief.</summary>
public sealed class IdentifierValidatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    [Theory]
    [InlineData("91110000600037341L")]
    [InlineData("91340600MA2PBM9HXD")]
    [InlineData(" 91340600ma2pbm9hxd ")]
    [InlineData("９１３４０６００ＭＡ２ＰＢＭ９ＨＸＤ")]
    public void Valid_credit_codes_pass(string code)
    {
        var check = UnifiedSocialCreditCode.Validate(code);

        Assert.True(check.IsValid, check.Message);
        Assert.Equal(IdentifierProblem.None, check.Problem);
        Assert.Equal(code.Contains("0037341") ? "91110000600037341L" : "91340600MA2PBM9HXD", check.Normalized);
    }

    [Fact]
    public void A_wrong_check_character_names_the_expected_one()
    {
        var check = UnifiedSocialCreditCode.Validate("91110000600037341N");

        Assert.False(check.IsValid);
        Assert.Equal(IdentifierProblem.CheckDigitMismatch, check.Problem);
        Assert.Contains("应为“L”，实为“N”", check.Message);
    }

    [Fact]
    public void A_check_character_mismatch_is_accepted_only_with_an_explicit_override_and_a_reason()
    {
        Assert.False(UnifiedSocialCreditCode.Validate("91110000600037341N").IsValid);

        var noReason = UnifiedSocialCreditCode.Validate("91110000600037341N", acceptCheckDigitMismatch: true, overrideReason: " ");
        Assert.False(noReason.IsValid);
        Assert.Contains("须填写核实理由", noReason.Message);

        var reviewed = UnifiedSocialCreditCode.Validate("91110000600037341N", acceptCheckDigitMismatch: true, overrideReason: "已核对营业执照原件");
        Assert.True(reviewed.IsValid);
        Assert.True(reviewed.AcceptedByOverride);
        Assert.Equal(IdentifierProblem.CheckDigitMismatch, reviewed.Problem);
        Assert.Contains("已核对营业执照原件", reviewed.Message);
    }

    [Fact]
    public void An_override_never_accepts_a_wrong_length_or_character()
    {
        var shortCode = UnifiedSocialCreditCode.Validate("9111000060003734", acceptCheckDigitMismatch: true, overrideReason: "已核对");
        var letterO = UnifiedSocialCreditCode.Validate("91110000600037341O", acceptCheckDigitMismatch: true, overrideReason: "已核对");

        Assert.False(shortCode.IsValid);
        Assert.Equal(IdentifierProblem.WrongLength, shortCode.Problem);
        Assert.Contains("应为 18 位，实为 16 位", shortCode.Message);
        Assert.False(letterO.IsValid);
        Assert.Equal(IdentifierProblem.IllegalCharacter, letterO.Problem);
        Assert.Contains("第 18 位“O”", letterO.Message);
    }

    [Theory]
    [InlineData("", IdentifierProblem.Empty)]
    [InlineData(null, IdentifierProblem.Empty)]
    [InlineData("91110000600037341LL", IdentifierProblem.WrongLength)]
    [InlineData("9111000060003734IL", IdentifierProblem.IllegalCharacter)]
    [InlineData("91110000-00037341L", IdentifierProblem.IllegalCharacter)]
    public void Malformed_credit_codes_say_what_is_wrong(string? code, IdentifierProblem problem)
    {
        var check = UnifiedSocialCreditCode.Validate(code);

        Assert.False(check.IsValid);
        Assert.Equal(problem, check.Problem);
        Assert.NotEmpty(check.Message);
    }

    [Theory]
    [InlineData("110102199101010078", "110102199101010078")]
    [InlineData("44011320141005001X", "44011320141005001X")]
    [InlineData("44011320141005001x", "44011320141005001X")]
    public void Valid_resident_ids_pass_and_lower_case_x_is_normalised(string id, string normalised)
    {
        var check = ResidentIdNumber.Validate(id, Today);

        Assert.True(check.IsValid, check.Message);
        Assert.Equal(normalised, check.Normalized);
    }

    [Fact]
    public void A_wrong_resident_id_check_digit_names_the_expected_one()
    {
        var check = ResidentIdNumber.Validate("110102199101010079", Today);

        Assert.Equal(IdentifierProblem.CheckDigitMismatch, check.Problem);
        Assert.Contains("应为“8”，实为“9”", check.Message);
    }

    [Theory]
    [InlineData("110102199102300078", "19910230")] // 30 February
    [InlineData("110102199113010078", "19911301")] // month 13
    [InlineData("110102199101320078", "19910132")] // day 32
    [InlineData("110102190002290078", "19000229")] // 1900 was not a leap year
    public void Impossible_birth_dates_are_refused(string id, string date)
    {
        var check = ResidentIdNumber.Validate(id, Today);

        Assert.Equal(IdentifierProblem.InvalidBirthDate, check.Problem);
        Assert.Contains(date, check.Message);
        Assert.Contains("第 7-14 位", check.Message);
    }

    [Fact]
    public void A_birth_date_after_today_is_refused()
    {
        var id = "11010220270101001";
        id += ResidentIdNumber.CheckCharacter(id);

        var check = ResidentIdNumber.Validate(id, Today);

        Assert.Equal(IdentifierProblem.InvalidBirthDate, check.Problem);
        Assert.Contains("晚于今天", check.Message);
    }

    [Theory]
    [InlineData("11010219910101007", "实为 17 位")]
    [InlineData("1101021991010100788", "实为 19 位")]
    [InlineData("110102910101007", "15 位旧号码")]
    public void Wrong_lengths_are_refused(string id, string expected)
    {
        var check = ResidentIdNumber.Validate(id, Today);

        Assert.Equal(IdentifierProblem.WrongLength, check.Problem);
        Assert.Contains(expected, check.Message);
    }

    [Theory]
    [InlineData("11010219910101007A", "第 18 位“A”")]
    [InlineData("1101021991010X0078", "第 14 位“X”")]
    public void Illegal_characters_are_refused(string id, string expected)
    {
        var check = ResidentIdNumber.Validate(id, Today);

        Assert.Equal(IdentifierProblem.IllegalCharacter, check.Problem);
        Assert.Contains(expected, check.Message);
    }
}
