using Fazhi.Learning.Data;
using Fazhi.Library.Contracts;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Learning.Questions;

internal sealed record QuestionInput(QuestionKind Kind, string? Stem, string? Options, string? Answer, string? Explanation, string? Basis, string? Category, int Difficulty = 2,
    DateOnly? BasisOn = null);

internal sealed record ReviewInput(string? Basis, long? Version);

internal sealed record FlagRun(int Checked, int Flagged);

internal sealed record QuestionImportResult(int Rows, int Added, IReadOnlyList<string> Duplicates);

/// <summary>
/// The question bank (题库): questions of five kinds with their category, difficulty, explanation and the library articles
/// they rest on; duplicates are found by the normalised stem; a question whose cited article was amended, renumbered away
/// or repealed since it was written is flagged (<see cref="CheckLegalChangesAsync"/>, daily and on demand) and withheld from
/// new papers until a person reviews it. Import and export as .xlsx (题型 | 题干 | 选项 | 答案 | 解析 | 法条 | 分类 | 难度).
/// </summary>
internal sealed class QuestionService(LearningDb db, ILawReferences laws, IDeadlineService clock)
{
    public static readonly string[] Headers = ["题型", "题干", "选项", "答案", "解析", "法条", "分类", "难度"];

    public static readonly ListShape<Question> Shape = new ListShape<Question>()
        .Search((q, k) => q.Where(x => x.Stem.Contains(k) || x.Basis.Contains(k) || x.Category.Contains(k)))
        .SortBy("category", x => x.Category)
        .SortBy("difficulty", x => x.Difficulty)
        .ThenBy(x => x.Id);

    public DateOnly Today => clock.Today;

    public Task<Paged<Question>> PageAsync(ListRequest request, QuestionKind? kind, string? category, bool? flagged, CancellationToken ct)
    {
        var q = db.Questions.AsNoTracking().Where(x => !x.Retired);
        if (kind is { } k)
        {
            q = q.Where(x => x.Kind == k);
        }
        if (TextRules.Clean(category) is { Length: > 0 } c)
        {
            q = q.Where(x => x.Category == c);
        }
        if (flagged is { } f)
        {
            q = q.Where(x => x.Flagged == f);
        }
        return Shape.PageAsync(q, request, ct);
    }

    public async Task<Question> GetAsync(Guid id, CancellationToken ct) =>
        await db.Questions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw Refuse.NotFound("试题不存在。");

    public Task<List<string>> CategoriesAsync(CancellationToken ct) =>
        db.Questions.AsNoTracking().Where(x => !x.Retired).Select(x => x.Category).Distinct().OrderBy(c => c).ToListAsync(ct);

    public async Task<Question> CreateAsync(QuestionInput input, CancellationToken ct)
    {
        var checks = new FieldChecks();
        var question = await BuildAsync(checks, input, ct);
        if (question is not null && await db.Questions.AnyAsync(x => x.Fingerprint == question.Fingerprint && !x.Retired, ct))
        {
            checks.Add("stem", "题库中已有相同题干的同类试题（重复）。");
        }
        checks.ThrowIfAny("试题未保存。");
        db.Questions.Add(question!);
        await db.SaveChangesAsync(ct);
        return question!;
    }

    /// <summary>Edits a question; its citations are read anew as of today and a flag is cleared (the edit is the review).</summary>
    public async Task<Question> UpdateAsync(Guid id, QuestionInput input, long? version, CancellationToken ct)
    {
        var question = await db.Questions.FirstOrDefaultAsync(x => x.Id == id && !x.Retired, ct) ?? throw Refuse.NotFound("试题不存在。");
        Refuse.UnlessVersion(version, question.Version, "试题");
        var checks = new FieldChecks();
        var built = await BuildAsync(checks, input with { BasisOn = Today }, ct);
        if (built is not null && await db.Questions.AnyAsync(x => x.Fingerprint == built.Fingerprint && x.Id != id && !x.Retired, ct))
        {
            checks.Add("stem", "题库中已有相同题干的同类试题（重复）。");
        }
        checks.ThrowIfAny("试题未保存。");
        (question.Kind, question.Stem, question.Options, question.Answer, question.Explanation, question.Basis, question.BasisOn, question.Category, question.Difficulty,
            question.Fingerprint) = (built!.Kind, built.Stem, built.Options, built.Answer, built.Explanation, built.Basis, built.BasisOn, built.Category, built.Difficulty, built.Fingerprint);
        (question.Flagged, question.FlagNote, question.FlaggedOn) = (false, "", null);
        await db.SaveChangesAsync(ct);
        return question;
    }

    /// <summary>
    /// A person has reviewed a flagged question against the law in force (optionally citing other articles): its citations
    /// are now read as of today and it may be drawn again.
    /// </summary>
    public async Task<Question> ReviewAsync(Guid id, ReviewInput input, CancellationToken ct)
    {
        var question = await db.Questions.FirstOrDefaultAsync(x => x.Id == id && !x.Retired, ct) ?? throw Refuse.NotFound("试题不存在。");
        Refuse.UnlessVersion(input.Version, question.Version, "试题");
        if (!question.Flagged)
        {
            throw Refuse.Conflict("该试题没有待复核的法条变化。");
        }
        var checks = new FieldChecks();
        var basis = input.Basis is null ? question.Basis : TextRules.Optional(checks, "basis", "法条", input.Basis, 1000) ?? "";
        await CheckBasisAsync(checks, basis, Today, ct);
        checks.ThrowIfAny("复核未保存。");
        (question.Basis, question.BasisOn, question.Flagged, question.FlagNote, question.FlaggedOn) = (basis, Today, false, "", null);
        await db.SaveChangesAsync(ct);
        return question;
    }

    public async Task RetireAsync(Guid id, CancellationToken ct)
    {
        var question = await db.Questions.FirstOrDefaultAsync(x => x.Id == id && !x.Retired, ct) ?? throw Refuse.NotFound("试题不存在。");
        question.Retired = true;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Flags every question one of whose cited articles, read as it stood on the question's <see cref="Question.BasisOn"/>,
    /// has since been amended, renumbered away or repealed. A flag stays until a person reviews the question.
    /// </summary>
    public async Task<FlagRun> CheckLegalChangesAsync(CancellationToken ct)
    {
        var questions = await db.Questions.Where(x => !x.Retired && !x.Flagged && x.Basis != "").ToListAsync(ct);
        var resolved = await laws.ResolveEachAsync(questions.Select(x => ((string?)x.Basis, x.BasisOn)), ct);
        var flagged = 0;
        foreach (var question in questions)
        {
            var changed = resolved.For(question.Basis, question.BasisOn).Where(r => r.State is ReferenceState.Amended or ReferenceState.Removed or ReferenceState.Repealed).ToList();
            if (changed.Count > 0)
            {
                (question.Flagged, question.FlaggedOn) = (true, Today);
                question.FlagNote = string.Join("；", changed.Select(r => $"{r.Citation}：{r.StateLabel}"));
                flagged++;
            }
        }
        await db.SaveChangesAsync(ct);
        return new FlagRun(questions.Count, flagged);
    }

    /// <summary>
    /// Imports questions. A row in error refuses the whole import (each error names its row and column); a row that repeats
    /// a question of the bank, or an earlier row of the file, is a duplicate: skipped and listed in the result.
    /// </summary>
    public async Task<QuestionImportResult> ImportAsync(Stream input, CancellationToken ct)
    {
        var rows = XlsxReader.ReadUploadTable(input, Headers, "表中没有试题。");
        var known = (await db.Questions.AsNoTracking().Where(x => !x.Retired).Select(x => x.Fingerprint).ToListAsync(ct)).ToHashSet();
        var seen = new Dictionary<string, int>();
        var errors = new Dictionary<string, string[]>();
        var duplicates = new List<string>();
        var added = new List<Question>();
        foreach (var row in rows)
        {
            var checks = new FieldChecks();
            var kind = ParseKindCell(checks, row[0]);
            var difficulty = row[7].Trim().Length == 0 ? 2 : QuestionRules.ParseDifficulty(row[7]);
            checks.When(difficulty is null, "difficulty", "难度应填“易”“中”或“难”。");
            Question? question = null;
            if (!checks.Any)
            {
                question = await BuildAsync(checks, new QuestionInput(kind!.Value, row[1], row[2], row[3], row[4], row[5], row[6], difficulty!.Value), ct);
            }
            if (checks.Any || question is null)
            {
                errors[$"rows[{row.Number}]"] = checks.Errors.SelectMany(e => e.Value.Select(m => Where(row.Number, e.Key) + m)).ToArray();
                continue;
            }
            if (known.Contains(question.Fingerprint))
            {
                duplicates.Add($"第 {row.Number} 行：题库中已有相同试题，未重复导入。");
                continue;
            }
            if (seen.TryGetValue(question.Fingerprint, out var first))
            {
                duplicates.Add($"第 {row.Number} 行：与第 {first} 行重复，未重复导入。");
                continue;
            }
            seen[question.Fingerprint] = row.Number;
            added.Add(question);
        }
        if (errors.Count > 0)
        {
            throw Refuse.Fields(errors, $"导入未执行：{errors.Count} 行有错误，请修改后重新导入。");
        }
        db.Questions.AddRange(added);
        await db.SaveChangesAsync(ct);
        return new QuestionImportResult(rows.Count, added.Count, duplicates);
    }

    public async Task<byte[]> ExportAsync(CancellationToken ct)
    {
        var questions = await db.Questions.AsNoTracking().Where(x => !x.Retired).OrderBy(x => x.Category).ThenBy(x => x.Kind).ThenBy(x => x.Id).ToListAsync(ct);
        var rows = questions.Select(x => (IReadOnlyList<object?>)
        [
            QuestionRules.KindName(x.Kind), x.Stem, string.Join("\n", QuestionRules.SplitOptions(x.Options).Select((o, i) => $"{QuestionRules.Letter(i)}. {o}")), x.Answer,
            x.Explanation, x.Basis, x.Category, QuestionRules.DifficultyName(x.Difficulty),
        ]);
        var widths = new double?[] { 8, 50, 40, 12, 40, 30, 14, 6 };
        return XlsxWriter.Write(new XlsxSheet("题库", Headers.Select((h, i) => new XlsxColumn(h, widths[i])).ToList(), rows));
    }

    /// <summary>Checks an input and builds the question (not yet added); null when a check failed.</summary>
    private async Task<Question?> BuildAsync(FieldChecks checks, QuestionInput input, CancellationToken ct)
    {
        checks.When(!Enum.IsDefined(input.Kind), "kind", "请选择题型。");
        var stem = TextRules.Required(checks, "stem", "题干", input.Stem, 2000);
        var optionsText = TextRules.Optional(checks, "options", "选项", input.Options, 4000);
        var options = QuestionRules.SplitOptions(optionsText);
        var choice = input.Kind is QuestionKind.Single or QuestionKind.Multiple;
        if (choice && options.Count is < 2 or > QuestionRules.MaxOptions)
        {
            checks.Add("options", $"选择题应有 2–{QuestionRules.MaxOptions} 个选项（每行一个）。");
        }
        else if (choice && options.Distinct().Count() != options.Count)
        {
            checks.Add("options", "选项不能重复。");
        }
        var key = QuestionRules.NormaliseKey(checks, input.Kind, input.Answer, options.Count);
        var explanation = TextRules.Optional(checks, "explanation", "解析", input.Explanation, 4000) ?? "";
        var basis = TextRules.Optional(checks, "basis", "法条", input.Basis, 1000) ?? "";
        var category = TextRules.Required(checks, "category", "分类", input.Category, 64);
        checks.When(input.Difficulty is < 1 or > 3, "difficulty", "难度应为 1（易）、2（中）或 3（难）。");
        var on = input.BasisOn ?? Today;
        DateRules.Check(checks, "basisOn", "法条引用日期", on, Today);
        await CheckBasisAsync(checks, basis, on, ct);
        if (checks.Any)
        {
            return null;
        }
        return new Question
        {
            Kind = input.Kind, Stem = stem, Options = choice ? string.Join("\n", options) : "", Answer = key!, Explanation = explanation, Basis = basis, BasisOn = on,
            Category = category, Difficulty = input.Difficulty, Fingerprint = QuestionRules.Fingerprint(input.Kind, stem),
        };
    }

    /// <summary>Every citation in the basis must be found in the library as in force on <paramref name="on"/>.</summary>
    private async Task CheckBasisAsync(FieldChecks checks, string basis, DateOnly on, CancellationToken ct)
    {
        if (basis.Length == 0)
        {
            return;
        }
        var refs = await laws.ResolveAllAsync(basis, on, ct);
        if (refs.Count == 0)
        {
            checks.Add("basis", "法条应写作《法律名称》第X条，例如《行政处罚法》第三十三条。");
        }
        foreach (var r in refs.Where(r => r.State is ReferenceState.NotFound or ReferenceState.NotYetInForce or ReferenceState.VersionMissing))
        {
            checks.Add("basis", $"{r.Citation}：{r.StateLabel}。");
        }
    }

    private static QuestionKind? ParseKindCell(FieldChecks checks, string cell)
    {
        var kind = QuestionRules.ParseKind(cell);
        checks.When(kind is null, "kind", "题型应为单选、多选、判断、填空或简答。");
        return kind;
    }

    private static string Where(int row, string field)
    {
        var column = field switch { "kind" => 0, "stem" => 1, "options" => 2, "answer" => 3, "explanation" => 4, "basis" => 5, "category" => 6, "difficulty" => 7, _ => -1 };
        return column < 0 ? $"第 {row} 行：" : $"第 {row} 行 {(char)('A' + column)} 列（{Headers[column]}）：";
    }
}
