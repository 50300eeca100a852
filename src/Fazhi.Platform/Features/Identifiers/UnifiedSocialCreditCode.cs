namespace Fazhi.Platform.Features.Identifiers;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters from <c>0123456789ABCDEFGHJKLMNPQRTUWXY</c> (no I, O, Z, S, V); the 18th is a
/// check character: with weights 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28 (3^i mod 31) over the first 17,
/// check = (31 - sum mod 31) mod 31, written with the same alphabet.
/// </summary>
public static class UnifiedSocialCreditCode
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>
    /// Checks <paramref name="value"/>. A failed check character is never silently accepted: some codes issued early in the
    /// reform really fail the check; records accept one only through a confirmed reviewed override (<see cref="Kit.ICreditCodeCheck"/>).
    /// A caller here may accept one only when a person has compared it with the business licence and
    /// passes <paramref name="acceptCheckDigitMismatch"/> = true with <paramref name="overrideReason"/> (e.g. "已核对营业执照原件").
    /// The override covers <see cref="IdentifierProblem.CheckDigitMismatch"/> only (never a wrong length or character);
    /// the caller stores the reason with the record, and the record's save puts both in the audit trail.
    /// </summary>
    public static IdentifierCheck Validate(string? value, bool acceptCheckDigitMismatch = false, string? overrideReason = null)
    {
        var code = IdentifierCheck.Normalise(value);
        if (code.Length == 0)
        {
            return new(IdentifierProblem.Empty, "请输入统一社会信用代码。", code);
        }
        if (code.Length != 18)
        {
            return new(IdentifierProblem.WrongLength, $"统一社会信用代码应为 18 位，实为 {code.Length} 位。", code);
        }
        for (var i = 0; i < 18; i++)
        {
            if (!Alphabet.Contains(code[i], StringComparison.Ordinal))
            {
                return new(IdentifierProblem.IllegalCharacter,
                    $"第 {i + 1} 位“{code[i]}”不是统一社会信用代码允许的字符（数字 0-9 和除 I、O、Z、S、V 以外的大写字母）。", code);
            }
        }
        var expected = CheckCharacter(code);
        if (code[17] == expected)
        {
            return new(IdentifierProblem.None, "有效。", code);
        }
        var mismatch = MismatchMessage(code);
        if (!acceptCheckDigitMismatch)
        {
            return new(IdentifierProblem.CheckDigitMismatch, mismatch + ReviewHint, code);
        }
        if (string.IsNullOrWhiteSpace(overrideReason))
        {
            return new(IdentifierProblem.CheckDigitMismatch, mismatch + "放行须填写核实理由。", code);
        }
        return new(IdentifierProblem.CheckDigitMismatch, $"{mismatch}经人工核实放行：{overrideReason.Trim()}", code, AcceptedByOverride: true);
    }

    /// <summary>What a clerk does with a real code that fails its check character: request the reviewed override (issue 12).</summary>
    public const string ReviewHint = "如为早期赋码且已核对营业执照，请在“统一社会信用代码核实”（/admin/credit-code-overrides，或 POST /api/platform/identifiers/overrides）提交核实理由，经有核实权限的其他人员确认后放行。";

    /// <summary>"校验码错误：第 18 位应为…，实为…。" for a well-formed normalised code.</summary>
    public static string MismatchMessage(string code) => $"校验码错误：第 18 位应为“{CheckCharacter(code)}”，实为“{code[17]}”。";

    /// <summary>The check character for the first 17 characters of <paramref name="code"/> (which must be from <see cref="Alphabet"/>).</summary>
    public static char CheckCharacter(string code)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Alphabet.IndexOf(code[i], StringComparison.Ordinal) * Weights[i];
        }
        return Alphabet[(31 - (sum % 31)) % 31];
    }
}
