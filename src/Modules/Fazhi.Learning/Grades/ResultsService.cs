using Fazhi.Learning.Data;
using Fazhi.Learning.Exams;
using Fazhi.Learning.People;
using Fazhi.Learning.Questions;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Learning.Grades;

/// <summary>One person's result: the best final attempt, or the state they are in (待阅卷, 作答中, 未参加).</summary>
internal sealed record PersonResult(Guid PersonId, string Name, string UnitName, string Post, bool IsLeader, int Attempts, decimal? Score, decimal? MaxScore, bool? Passed, string State,
    string? CertificateNumber);

/// <summary>A unit's or a post's figures: assigned, took part (handed in), final, passed; the rates in per cent (null without a base).</summary>
internal sealed record GroupResult(int Rank, string Name, int Assigned, int TookPart, int Final, int Passed, decimal? ParticipationRate, decimal? PassRate, decimal? AverageScore);

/// <summary>
/// How one question fared: how often it was set, answered right, the correct rate (of the final marks), and the wrong
/// answer chosen most often (choice questions), so the office sees which laws are poorly known.
/// </summary>
internal sealed record QuestionResult(Guid QuestionId, QuestionKind Kind, string Stem, string Basis, string Category, int Set, int Marked, int Right, decimal? CorrectRate,
    string? CommonWrong, int CommonWrongCount);

internal sealed record ExamResults(Guid ExamId, string Title, int PassMark, bool Released, int Assigned, int TookPart, int Final, int Pending, int Passed, decimal? ParticipationRate,
    decimal? PassRate, decimal? AverageScore, IReadOnlyList<PersonResult> People, IReadOnlyList<GroupResult> Units, IReadOnlyList<GroupResult> Posts,
    IReadOnlyList<QuestionResult> Questions);

/// <summary>
/// Results of an exam (ADR 0033): per person (the best final attempt), per unit and per post with participation and pass
/// rates, the units ranked by pass rate (then average score), and an analysis per question. Everything is computed within
/// the reader's data scope: the register is unit-scoped, so a unit's liaison sees its own people only, their attempts only
/// and the question figures of those attempts only. Rates: participation = handed in ÷ assigned; pass rate = passed ÷ final
/// results (an attempt with short answers still to be marked is not final and counts in neither).
/// </summary>
internal sealed class ResultsService(LearningDb db, IOrgDirectory orgs)
{
    /// <summary>The published exams, newest first (for choosing whose results to read).</summary>
    public async Task<List<Exam>> ExamsAsync(CancellationToken ct) =>
        (await db.Exams.AsNoTracking().Where(e => e.Status == ExamStatus.Published).ToListAsync(ct)).OrderByDescending(e => e.OpensAt).ToList();

    public async Task<ExamResults> ResultsAsync(Guid examId, CancellationToken ct)
    {
        var exam = await db.Exams.AsNoTracking().FirstOrDefaultAsync(e => e.Id == examId && e.Status == ExamStatus.Published, ct) ?? throw Refuse.NotFound("考试不存在或尚未发布。");
        // The register's query filter keeps this to the reader's scope.
        var people = await db.People.AsNoTracking().ToDictionaryAsync(p => p.Id, ct);
        var attempts = (await db.Attempts.AsNoTracking().Where(a => a.ExamId == examId).ToListAsync(ct)).Where(a => people.ContainsKey(a.PersonId)).ToList();
        var assigned = await AssignedAsync(exam, people.Values.Where(p => p.IsActive).ToList(), ct);
        var everyone = assigned.Concat(attempts.Select(a => a.PersonId)).Distinct().Select(id => people[id]).ToList();

        var rows = new List<PersonResult>();
        foreach (var p in everyone)
        {
            var own = attempts.Where(a => a.PersonId == p.Id).ToList();
            var best = own.Where(a => a.Passed is not null).OrderByDescending(a => a.Score).ThenBy(a => a.Number).FirstOrDefault();
            var state = best is not null ? (best.Passed == true ? "合格" : "不合格")
                : own.Any(a => a.Status == AttemptStatus.Submitted) ? "待阅卷"
                : own.Count > 0 ? "作答中" : "未参加";
            var shown = best ?? own.Where(a => a.Status == AttemptStatus.Submitted).OrderByDescending(a => a.Score).FirstOrDefault();
            rows.Add(new PersonResult(p.Id, p.Name, p.UnitName, p.Post, p.IsLeader, own.Count, shown?.Score, shown?.MaxScore, best?.Passed, state, best?.CertificateNumber));
        }
        rows = rows.OrderBy(r => r.UnitName).ThenByDescending(r => r.Score ?? -1).ThenBy(r => r.Name).ToList();

        var units = Groups(rows, r => r.UnitName, assigned.Select(id => people[id].UnitName));
        var posts = Groups(rows, r => r.Post, assigned.Select(id => people[id].Post));
        var questions = await QuestionsAsync(attempts, ct);
        var took = rows.Count(r => r.State is "合格" or "不合格" or "待阅卷");
        var final = rows.Count(r => r.Passed is not null);
        var passed = rows.Count(r => r.Passed == true);
        return new ExamResults(exam.Id, exam.Title, exam.PassMark, exam.ResultsReleased, assigned.Count, took, final, rows.Count(r => r.State == "待阅卷"), passed,
            Rate(took, assigned.Count), Rate(passed, final), Average(rows.Where(r => r.Passed is not null).Select(r => r.Score!.Value)), rows, units, posts, questions);
    }

    /// <summary>The results as a workbook: people, units (ranked), posts and the question analysis, one sheet each.</summary>
    public async Task<(byte[] Content, string FileName)> ExportAsync(Guid examId, CancellationToken ct)
    {
        var r = await ResultsAsync(examId, ct);
        var people = new XlsxSheet("个人成绩",
            [new("姓名", 14), new("单位", 28), new("职务/岗位", 18), new("领导干部", 8), new("考试次数", 8), new("成绩", 8), new("满分", 8), new("结果", 8), new("证书验证编号", 20)],
            r.People.Select(p => (IReadOnlyList<object?>)[p.Name, p.UnitName, p.Post, p.IsLeader ? "是" : "否", p.Attempts, p.Score, p.MaxScore, p.State, p.CertificateNumber]));
        var units = new XlsxSheet("单位排名", GroupColumns("单位"), r.Units.Select(GroupRow));
        var posts = new XlsxSheet("岗位", GroupColumns("职务/岗位"), r.Posts.Select(GroupRow));
        var questions = new XlsxSheet("试题分析",
            [new("题干", 50), new("题型", 8), new("法条", 24), new("分类", 12), new("出题次数", 8), new("已评分", 8), new("答对", 8), new("正确率(%)", 10), new("最常见错误答案", 24), new("人次", 8)],
            r.Questions.Select(q => (IReadOnlyList<object?>)[q.Stem, QuestionRules.KindName(q.Kind), q.Basis, q.Category, q.Set, q.Marked, q.Right, q.CorrectRate, q.CommonWrong, q.CommonWrongCount]));
        return (XlsxWriter.Write(people, units, posts, questions), DownloadName.Safe($"考试成绩-{r.Title}.xlsx"));
    }

    private static List<XlsxColumn> GroupColumns(string name) =>
        [new("排名", 6), new(name, 28), new("应考人数", 10), new("参考人数", 10), new("成绩已定", 10), new("合格人数", 10), new("参考率(%)", 10), new("合格率(%)", 10), new("平均分", 8)];

    private static IReadOnlyList<object?> GroupRow(GroupResult g) => [g.Rank, g.Name, g.Assigned, g.TookPart, g.Final, g.Passed, g.ParticipationRate, g.PassRate, g.AverageScore];

    private static List<GroupResult> Groups(List<PersonResult> rows, Func<PersonResult, string> key, IEnumerable<string> assignedKeys)
    {
        var assigned = assignedKeys.GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
        var groups = rows.GroupBy(key).Select(g =>
        {
            var took = g.Count(r => r.State is "合格" or "不合格" or "待阅卷");
            var final = g.Count(r => r.Passed is not null);
            var passed = g.Count(r => r.Passed == true);
            var count = assigned.GetValueOrDefault(g.Key);
            return new GroupResult(0, g.Key, count, took, final, passed, Rate(took, count), Rate(passed, final), Average(g.Where(r => r.Passed is not null).Select(r => r.Score!.Value)));
        }).OrderByDescending(g => g.PassRate ?? -1).ThenByDescending(g => g.AverageScore ?? -1).ThenBy(g => g.Name, StringComparer.Ordinal).ToList();
        return groups.Select((g, i) => g with { Rank = i + 1 }).ToList();
    }

    private async Task<List<QuestionResult>> QuestionsAsync(List<Attempt> attempts, CancellationToken ct)
    {
        var handedIn = attempts.Where(a => a.Status == AttemptStatus.Submitted).Select(a => a.Id).ToHashSet();
        if (handedIn.Count == 0)
        {
            return [];
        }
        var ids = handedIn.ToList();
        var items = new List<AttemptItem>();
        foreach (var chunk in ids.Chunk(500))
        {
            items.AddRange(await db.AttemptItems.AsNoTracking().Where(i => chunk.Contains(i.AttemptId)).ToListAsync(ct));
        }
        var questionIds = items.Select(i => i.QuestionId).Distinct().ToList();
        var questions = await db.Questions.AsNoTracking().Where(q => questionIds.Contains(q.Id)).ToDictionaryAsync(q => q.Id, ct);
        return items.GroupBy(i => i.QuestionId).Select(g =>
        {
            var q = questions[g.Key];
            var marked = g.Where(i => i.Points is not null).ToList();
            var right = marked.Count(i => i.Points == i.MaxPoints);
            var wrong = marked.Where(i => i.Points < i.MaxPoints && !string.IsNullOrEmpty(i.Answer) && q.Kind is not QuestionKind.Short)
                .GroupBy(i => i.Answer!).OrderByDescending(w => w.Count()).ThenBy(w => w.Key, StringComparer.Ordinal).FirstOrDefault();
            return new QuestionResult(q.Id, q.Kind, q.Stem, q.Basis, q.Category, g.Count(), marked.Count, right, Rate(right, marked.Count),
                wrong is null ? null : Describe(q, wrong.Key), wrong?.Count() ?? 0);
        }).OrderBy(x => x.CorrectRate ?? 101).ThenBy(x => x.Stem, StringComparer.Ordinal).ToList();
    }

    /// <summary>A stored answer in words: choice letters (the original order) with their option text.</summary>
    private static string Describe(Question q, string answer)
    {
        if (q.Kind is not (QuestionKind.Single or QuestionKind.Multiple))
        {
            return answer;
        }
        var options = QuestionRules.SplitOptions(q.Options);
        return string.Join("；", answer.Select(c => c - 'A' is var i && i >= 0 && i < options.Count ? $"{c}. {options[i]}" : c.ToString()));
    }

    /// <summary>The people an exam is assigned to, among <paramref name="register"/> (named, or in an assigned unit's subtree and post).</summary>
    private async Task<List<Guid>> AssignedAsync(Exam exam, List<Person> register, CancellationToken ct)
    {
        var named = exam.AssignPeople.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToHashSet();
        var units = exam.AssignUnits.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();
        var posts = exam.AssignPosts.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        var within = new HashSet<Guid>();
        foreach (var unit in units)
        {
            within.UnionWith(await orgs.SubtreeIdsAsync(unit, ct));
        }
        var byGroup = units.Count > 0 || posts.Count > 0;
        return register.Where(p => named.Contains(p.Id) || (byGroup && (units.Count == 0 || within.Contains(p.OrgUnitId)) && (posts.Count == 0 || posts.Contains(p.Post))))
            .Select(p => p.Id).ToList();
    }

    internal static decimal? Rate(int part, int whole) => whole == 0 ? null : Math.Round(100m * part / whole, 1);

    private static decimal? Average(IEnumerable<decimal> scores)
    {
        var list = scores.ToList();
        return list.Count == 0 ? null : Math.Round(list.Average(), 1);
    }
}
