using System.Globalization;

namespace Fazhi.Assessment.Survey;

/// <summary>
/// One question as a row of the survey builder form (ADR 0055): its type, text, options (one a line, single choice only),
/// dimension and whether it may be left blank. Posted back as <c>{form}.Questions[k].Kind</c> etc.; every field is a
/// string or a flag, so that whatever was typed comes back on a refusal. Public only because the builder component
/// (a Razor component, always public) takes the rows as a parameter.
/// </summary>
public sealed class QuestionRow
{
    public string? Kind { get; set; } = nameof(QuestionKind.Rating);

    public string? Text { get; set; }

    public string? Options { get; set; }

    public string? Dimension { get; set; } = IndexDimensions.Perception;

    /// <summary>选答: the respondent may leave it blank (unchecked boxes are not posted, so the flag is the exception).</summary>
    public bool Optional { get; set; }
}

/// <summary>The builder's rows: from the stored questions, the row commands (add, remove, move) and the structured input the service takes.</summary>
internal static class QuestionRows
{
    /// <summary>The question types the model supports, in the order the form offers them.</summary>
    public static IReadOnlyList<(QuestionKind Kind, string Name)> Kinds { get; } =
        [(QuestionKind.Rating, "评分"), (QuestionKind.SingleChoice, "单选"), (QuestionKind.Text, "文字")];

    public static string KindName(QuestionKind kind) => Kinds.FirstOrDefault(k => k.Kind == kind).Name ?? kind.ToString();

    /// <summary>The starting rows of a new survey: a typical satisfaction survey the office edits.</summary>
    public static List<QuestionRow> Example() =>
    [
        new() { Kind = nameof(QuestionKind.Rating), Text = "您对本地政府依法行政的总体满意度", Dimension = IndexDimensions.Perception },
        new() { Kind = nameof(QuestionKind.Rating), Text = "您对执法人员规范文明执法的满意度", Dimension = "法治政府" },
        new() { Kind = nameof(QuestionKind.SingleChoice), Text = "近一年您是否参与过法治宣传活动", Options = "参加过\n没有参加", Dimension = IndexDimensions.Perception },
        new() { Kind = nameof(QuestionKind.Text), Text = "您对法治建设的意见建议", Dimension = IndexDimensions.Perception, Optional = true },
    ];

    public static List<QuestionRow> From(IEnumerable<SurveyQuestion> questions) => questions.OrderBy(q => q.Seq).Select(q => new QuestionRow
    {
        Kind = q.Kind.ToString(), Text = q.Text, Options = string.Join('\n', q.OptionList), Dimension = q.Dimension, Optional = !q.Required,
    }).ToList();

    /// <summary>
    /// Applies a row command posted by one of the builder's buttons: <c>add</c>, <c>remove:k</c>, <c>up:k</c>, <c>down:k</c>
    /// (k from 0). Returns false for no command (the form was submitted to be saved).
    /// </summary>
    public static bool Apply(List<QuestionRow> rows, string? command)
    {
        if (string.IsNullOrEmpty(command) || command == "save")
        {
            return false;
        }
        var parts = command.Split(':');
        if (parts[0] == "add")
        {
            rows.Add(new QuestionRow());
            return true;
        }
        if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var k) || k < 0 || k >= rows.Count)
        {
            return true; // A stale or forged command changes nothing; the rows come back as posted.
        }
        switch (parts[0])
        {
            case "remove":
                rows.RemoveAt(k);
                break;
            case "up" when k > 0:
                (rows[k - 1], rows[k]) = (rows[k], rows[k - 1]);
                break;
            case "down" when k < rows.Count - 1:
                (rows[k + 1], rows[k]) = (rows[k], rows[k + 1]);
                break;
        }
        return true;
    }

    /// <summary>
    /// The rows as the service's structured questions. A type the model does not know is refused here, naming the row
    /// (<c>questions[k].kind</c>); everything else is checked by the service, the same for the page and the API.
    /// </summary>
    public static (List<QuestionInput> Questions, Dictionary<string, string[]> Errors) ToInputs(IReadOnlyList<QuestionRow>? rows)
    {
        var questions = new List<QuestionInput>();
        var errors = new Dictionary<string, string[]>();
        for (var k = 0; k < (rows?.Count ?? 0); k++)
        {
            var row = rows![k];
            if (!Enum.TryParse<QuestionKind>(row.Kind, out var kind) || !Enum.IsDefined(kind) || int.TryParse(row.Kind, out _))
            {
                errors[$"questions[{k}].kind"] = [$"第{k + 1}题：请选择题型（评分、单选或文字）。"];
                kind = QuestionKind.Text;
            }
            var options = kind == QuestionKind.SingleChoice
                ? (row.Options ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                : [];
            questions.Add(new QuestionInput(kind, row.Text, options, row.Dimension, !row.Optional));
        }
        return (questions, errors);
    }
}
