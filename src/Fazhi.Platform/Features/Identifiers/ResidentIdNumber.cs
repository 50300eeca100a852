using System.Globalization;

namespace Fazhi.Platform.Features.Identifiers;

/// <summary>
/// 公民身份号码 (GB 11643-1999): 17 digits and a check character. Weights 7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2 (2^(17-i) mod 11);
/// sum mod 11 = 0..10 maps to <c>1 0 X 9 8 7 6 5 4 3 2</c>. Digits 7-14 are the birth date (yyyyMMdd), a real date not after today.
/// </summary>
public static class ResidentIdNumber
{
    private const string CheckCharacters = "10X98765432";

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    /// <param name="value">The number as typed; a lower-case x is accepted and normalised to X.</param>
    /// <param name="today">The date births cannot be after; China's date today when omitted.</param>
    public static IdentifierCheck Validate(string? value, DateOnly? today = null)
    {
        var id = IdentifierCheck.Normalise(value);
        if (id.Length == 0)
        {
            return new(IdentifierProblem.Empty, "请输入公民身份号码。", id);
        }
        if (id.Length != 18)
        {
            var hint = id.Length == 15 ? "（15 位旧号码请换用 18 位号码）" : "";
            return new(IdentifierProblem.WrongLength, $"公民身份号码应为 18 位，实为 {id.Length} 位{hint}。", id);
        }
        for (var i = 0; i < 18; i++)
        {
            var ok = i < 17 ? char.IsAsciiDigit(id[i]) : char.IsAsciiDigit(id[i]) || id[i] == 'X';
            if (!ok)
            {
                return new(IdentifierProblem.IllegalCharacter, $"第 {i + 1} 位“{id[i]}”无效：前 17 位须为数字，第 18 位为数字或 X。", id);
            }
        }
        var birth = id.Substring(6, 8);
        if (!DateOnly.TryParseExact(birth, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date.Year < 1800)
        {
            return new(IdentifierProblem.InvalidBirthDate, $"出生日期“{birth}”（第 7-14 位）不是有效日期。", id);
        }
        var limit = today ?? DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        if (date > limit)
        {
            return new(IdentifierProblem.InvalidBirthDate, $"出生日期 {date:yyyy-MM-dd}（第 7-14 位）晚于今天。", id);
        }
        var expected = CheckCharacter(id);
        if (id[17] != expected)
        {
            return new(IdentifierProblem.CheckDigitMismatch, $"校验码错误：第 18 位应为“{expected}”，实为“{id[17]}”。", id);
        }
        return new(IdentifierProblem.None, "有效。", id);
    }

    /// <summary>The check character for the first 17 digits of <paramref name="id"/>.</summary>
    public static char CheckCharacter(string id)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (id[i] - '0') * Weights[i];
        }
        return CheckCharacters[sum % 11];
    }
}
