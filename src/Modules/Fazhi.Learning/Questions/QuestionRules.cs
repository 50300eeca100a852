using System.Security.Cryptography;
using System.Text;
using Fazhi.Platform.Kit;

namespace Fazhi.Learning.Questions;

/// <summary>The shape of each kind of question: its options, its key, a taker's answer and how an answer is marked.</summary>
internal static class QuestionRules
{
    public const int MaxOptions = 8;

    public static string KindName(QuestionKind kind) => kind switch
    {
        QuestionKind.Single => "单选题",
        QuestionKind.Multiple => "多选题",
        QuestionKind.TrueFalse => "判断题",
        QuestionKind.FillIn => "填空题",
        _ => "简答题",
    };

    public static QuestionKind? ParseKind(string? text) => text?.Trim().TrimEnd('题') switch
    {
        "单选" or "Single" => QuestionKind.Single,
        "多选" or "Multiple" => QuestionKind.Multiple,
        "判断" or "TrueFalse" => QuestionKind.TrueFalse,
        "填空" or "FillIn" => QuestionKind.FillIn,
        "简答" or "Short" => QuestionKind.Short,
        _ => null,
    };

    public static string DifficultyName(int d) => d switch { 1 => "易", 3 => "难", _ => "中" };

    public static int? ParseDifficulty(string? text) => text?.Trim() switch
    {
        "易" or "1" or "容易" => 1,
        "中" or "2" or "中等" => 2,
        "难" or "3" or "困难" => 3,
        _ => null,
    };

    public static bool IsObjective(QuestionKind kind) => kind != QuestionKind.Short;

    /// <summary>The options one per line, without a leading "A." / "A、" label.</summary>
    public static List<string> SplitOptions(string? text) => (text ?? "").Replace("\r", "").Split('\n')
        .Select(o => StripLabel(o.Trim())).Where(o => o.Length > 0).ToList();

    private static string StripLabel(string option) =>
        option.Length > 2 && option[0] is >= 'A' and <= 'H' && option[1] is '.' or '、' or '．' or ')' or '）' ? option[2..].Trim() : option;

    public static string Letter(int index) => ((char)('A' + index)).ToString();

    /// <summary>
    /// The key as stored: choice letters in order (A, AC), 对 or 错, accepted fill-in answers joined by |, or the short
    /// answer's reference text; null with a message in <paramref name="checks"/> when it does not fit the kind.
    /// </summary>
    public static string? NormaliseKey(FieldChecks checks, QuestionKind kind, string? answer, int optionCount)
    {
        var text = TextRules.Clean(answer) ?? "";
        switch (kind)
        {
            case QuestionKind.Single:
            case QuestionKind.Multiple:
                var letters = Letters(text);
                if (letters is null || letters.Count == 0 || letters.Any(l => l - 'A' >= optionCount))
                {
                    checks.Add("answer", $"答案应为选项字母（A–{Letter(Math.Max(optionCount, 1) - 1)}）。");
                    return null;
                }
                if (kind == QuestionKind.Single && letters.Count != 1)
                {
                    checks.Add("answer", "单选题的答案只能是一个选项。");
                    return null;
                }
                if (kind == QuestionKind.Multiple && letters.Count < 2)
                {
                    checks.Add("answer", "多选题的答案应至少两个选项。");
                    return null;
                }
                return new string(letters.ToArray());
            case QuestionKind.TrueFalse:
                var tf = TrueFalse(text);
                if (tf is null)
                {
                    checks.Add("answer", "判断题的答案应为“对”或“错”。");
                }
                return tf;
            case QuestionKind.FillIn:
                var accepted = text.Split('|').Select(a => a.Trim()).Where(a => a.Length > 0).Distinct().ToList();
                if (accepted.Count == 0)
                {
                    checks.Add("answer", "填空题应至少有一个可接受的答案（多个用 | 分隔）。");
                    return null;
                }
                return string.Join("|", accepted);
            default:
                if (text.Length == 0)
                {
                    checks.Add("answer", "简答题请填写参考答案（供阅卷人参考）。");
                    return null;
                }
                return text;
        }
    }

    /// <summary>A taker's answer as stored, or null with the reason when it does not fit the question.</summary>
    public static string? NormaliseAnswer(QuestionKind kind, string? given, int optionCount, out string? reason)
    {
        reason = null;
        var text = TextRules.Clean(given) ?? "";
        if (text.Length == 0)
        {
            return "";
        }
        switch (kind)
        {
            case QuestionKind.Single:
            case QuestionKind.Multiple:
                var letters = Letters(text);
                if (letters is null || letters.Any(l => l - 'A' >= optionCount) || (kind == QuestionKind.Single && letters.Count > 1))
                {
                    reason = kind == QuestionKind.Single ? $"请选择一个选项（A–{Letter(optionCount - 1)}）。" : $"请选择选项（A–{Letter(optionCount - 1)}）。";
                    return null;
                }
                return new string(letters.ToArray());
            case QuestionKind.TrueFalse:
                var tf = TrueFalse(text);
                reason = tf is null ? "判断题请回答“对”或“错”。" : null;
                return tf;
            default:
                var limit = kind == QuestionKind.FillIn ? 200 : 4000;
                if (TextRules.Length(text) > limit || TextRules.HasControl(text))
                {
                    reason = $"答案不能超过 {limit} 个字，且不能含控制字符。";
                    return null;
                }
                return text;
        }
    }

    /// <summary>Whether an objective answer is right (all or nothing; fill-in ignores blanks and full/half width).</summary>
    public static bool IsRight(QuestionKind kind, string key, string? answer) => kind switch
    {
        QuestionKind.FillIn => !string.IsNullOrEmpty(answer) && key.Split('|').Any(k => Loose(k) == Loose(answer)),
        QuestionKind.Short => false,
        _ => !string.IsNullOrEmpty(answer) && answer == key,
    };

    /// <summary>The stem without blanks and punctuation, with its kind, hashed: two questions with equal fingerprints are duplicates.</summary>
    public static string Fingerprint(QuestionKind kind, string stem)
    {
        var core = new string(Loose(stem).Where(char.IsLetterOrDigit).ToArray());
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(kind + ":" + core)))[..40];
    }

    private static string Loose(string text) => new string(text.Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)).ToArray()).ToLowerInvariant();

    private static SortedSet<char>? Letters(string text)
    {
        var set = new SortedSet<char>();
        foreach (var c in text.ToUpperInvariant().Normalize(NormalizationForm.FormKC))
        {
            if (c is >= 'A' and <= 'H')
            {
                set.Add(c);
            }
            else if (c is not (',' or '，' or '、' or ' ' or ';'))
            {
                return null;
            }
        }
        return set;
    }

    private static string? TrueFalse(string text) => text switch
    {
        "对" or "正确" or "√" or "是" or "T" or "true" or "True" => "对",
        "错" or "错误" or "×" or "否" or "F" or "false" or "False" => "错",
        _ => null,
    };
}
