namespace Fazhi.Assessment.Survey;

/// <summary>
/// The questions of a survey typed one a line on the page: <c>评分|问题</c>, <c>单选|问题|选项一/选项二</c> or <c>文字|问题</c>,
/// optionally ending in <c>@维度</c> (法治感受 by default) or <c>?</c> for an optional question.
/// </summary>
internal static class SurveyText
{
    public const string Example = "评分|您对本地政府依法行政的总体满意度@法治感受\n评分|您对执法人员规范文明执法的满意度@法治政府\n单选|近一年您是否参与过法治宣传活动|参加过/没有参加\n文字|您对法治建设的意见建议?";

    public static (List<QuestionInput> Questions, List<string> Errors) Parse(string? text)
    {
        var questions = new List<QuestionInput>();
        var errors = new List<string>();
        var n = 0;
        foreach (var raw in (text ?? "").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }
            n++;
            var required = !line.EndsWith('?') && !line.EndsWith('？');
            line = line.TrimEnd('?', '？');
            string? dimension = null;
            var at = line.LastIndexOf('@');
            if (at > 0)
            {
                dimension = line[(at + 1)..].Trim();
                line = line[..at];
            }
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            QuestionKind? kind = parts[0] switch { "评分" => QuestionKind.Rating, "单选" => QuestionKind.SingleChoice, "文字" => QuestionKind.Text, _ => null };
            if (kind is null || parts.Length < 2)
            {
                errors.Add($"第 {n} 行：格式应为“评分|问题”“单选|问题|选项一/选项二”或“文字|问题”。");
                continue;
            }
            var options = kind == QuestionKind.SingleChoice && parts.Length > 2 ? parts[2].Split('/', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [];
            questions.Add(new QuestionInput(kind.Value, parts[1], options, dimension, required));
        }
        return (questions, errors);
    }

    /// <summary>The questions written back in the same one-a-line form, for editing.</summary>
    public static string Format(IEnumerable<SurveyQuestion> questions) => string.Join('\n', questions.OrderBy(q => q.Seq).Select(q =>
        (q.Kind switch { QuestionKind.Rating => "评分", QuestionKind.SingleChoice => "单选", _ => "文字" }) + "|" + q.Text
        + (q.Kind == QuestionKind.SingleChoice ? "|" + string.Join('/', q.OptionList) : "")
        + (q.Kind == QuestionKind.Rating ? "@" + q.Dimension : "")
        + (q.Required ? "" : "?")));
}
