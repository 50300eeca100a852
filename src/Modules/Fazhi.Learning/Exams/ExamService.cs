using System.Security.Cryptography;
using Fazhi.Learning.Data;
using Fazhi.Learning.People;
using Fazhi.Learning.Questions;
using Fazhi.Library.Contracts;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Learning.Exams;

internal sealed record PaperInput(string? Title, PaperMode Mode, IReadOnlyList<Guid>? QuestionIds, string? Rules, int PointsEach = 1);

internal sealed record ExamInput(string? Title, Guid? PaperId, DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, int TimeLimitMinutes = 60, int MaxAttempts = 1, int PassMark = 60,
    IReadOnlyList<Guid>? Units = null, IReadOnlyList<string>? Posts = null, IReadOnlyList<Guid>? People = null, string? AccessCode = null, string? AllowedNetworks = null, int StaggerMinutes = 0);

internal sealed record VersionInput(long? Version);

internal sealed record AccessInput(long? Version, string? AccessCode, string? AllowedNetworks, int StaggerMinutes = 0);

/// <summary>Before a new attempt: whether an access code is asked and how long until this taker's staggered start.</summary>
internal sealed record ExamGate(Guid ExamId, string Title, bool NeedsAccessCode, long WaitSeconds, DateTimeOffset StartsAt, bool InProgress);

internal sealed record StartInput(string? Session, string? AccessCode = null);

/// <summary>The signed-in taker of a one-time exam code (ADR 0037): the person, the one exam the code is for, the code.</summary>
internal sealed record CodeTaker(Guid PersonId, Guid ExamId, Guid CodeId);

internal sealed record AnswerInput(string? Session, string? Answer);

internal sealed record SessionInput(string? Session);

internal sealed record AnswerSaved(int Position, long SavedAtMs, long RemainingSeconds);

/// <summary>
/// A question as the taker sees it: options in the taker's order, their answer in the shown letters; the key only after
/// release, and then the cited articles as they stood on the exam date (<see cref="TakerArticle"/>).
/// </summary>
internal sealed record TakerItem(int Position, QuestionKind Kind, string Stem, IReadOnlyList<string> Options, string? Answer, decimal MaxPoints, decimal? Points, string? RightAnswer,
    string? Explanation, string? Basis, IReadOnlyList<TakerArticle>? Articles = null);

/// <summary>
/// A cited article as in force on the exam date (the library's <c>ILawReferences</c>, ADR 0046): the citation as written,
/// the work and article, its text on that date (null when the library does not hold it), and what became of it since.
/// </summary>
internal sealed record TakerArticle(string Citation, string? Work, string? Article, string? Text, string State);

internal sealed record TakerAttempt(Guid Id, Guid ExamId, string ExamTitle, int Number, AttemptStatus Status, bool TimedOut, long DeadlineMs, long RemainingSeconds, decimal? Score,
    decimal MaxScore, int PendingMarks, bool? Passed, int PassMark, bool ResultsReleased, IReadOnlyList<TakerItem> Items);

internal sealed record MyExam(Guid Id, string Title, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, int TimeLimitMinutes, int MaxAttempts, int AttemptsUsed, Guid? InProgressAttemptId,
    decimal? BestScore, bool? Passed, bool Open, Guid? LastAttemptId, Guid? CertificateAttemptId = null);

/// <summary>
/// Papers, exams and taking them. The server keeps the clock: the deadline is stored on the attempt at the start (the
/// earlier of the time limit and the window's close, plus any time the proctor added), so a restart keeps the right
/// remaining time; an attempt past its deadline is submitted as it stands on its next request and by the sweep
/// (<see cref="SweepAsync"/>, system work every minute). Saving an answer is the hot path: a key lookup of the attempt's
/// header, a key lookup of the item, and one conditional UPDATE of one row in a short transaction that holds the attempt's
/// decision lock (so it cannot interleave with the submission's marking).
/// </summary>
internal sealed class ExamService(LearningDb db, ICurrentUser user, PeopleService people, IOrgDirectory orgs, TimeProvider time, IMemoryCache cache,
    Microsoft.AspNetCore.Http.IHttpContextAccessor http, IServiceProvider services)
{
    /// <summary>Set for a request signed in with a one-time exam code: the taker is that person, for that exam only.</summary>
    internal CodeTaker? Code { get; set; }

    /// <summary>The taker: the code's person, or the register entry of the signed-in account.</summary>
    private Task<Person?> TakerAsync(CancellationToken ct) => Code is { } c
        ? db.People.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(p => p.Id == c.PersonId && p.IsActive && p.UserId == null, ct)
        : people.MeAsync(ct);

    /// <summary>Whether an attempt is the caller's own: the account's, or (with a code) the code person's attempt at the code's exam.</summary>
    private bool Owns(Guid? attemptUser, Guid attemptPerson, Guid attemptExam) => Code is { } c
        ? attemptUser is null && attemptPerson == c.PersonId && attemptExam == c.ExamId
        : attemptUser is not null && attemptUser == user.UserId;

    public const int MaxTimeLimitMinutes = 600;

    public long NowMs => time.GetUtcNow().ToUnixTimeMilliseconds();

    public Task<List<Paper>> PapersAsync(CancellationToken ct) => db.Papers.AsNoTracking().OrderBy(p => p.Title).ToListAsync(ct);

    public async Task<List<Exam>> ExamsAsync(CancellationToken ct) =>
        (await db.Exams.AsNoTracking().ToListAsync(ct)).OrderByDescending(e => e.OpensAt).ToList();

    public async Task<Exam> ExamAsync(Guid id, CancellationToken ct) =>
        await db.Exams.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw Refuse.NotFound("考试不存在。");

    public async Task<Paper> CreatePaperAsync(PaperInput input, CancellationToken ct)
    {
        var checks = new FieldChecks();
        var title = TextRules.Required(checks, "title", "试卷名称", input.Title, 200);
        checks.When(!Enum.IsDefined(input.Mode), "mode", "请选择组卷方式。");
        checks.When(input.PointsEach is < 1 or > 100, "pointsEach", "每题分值应为 1–100 分。");
        var paper = new Paper { Title = title, Mode = input.Mode, PointsEach = input.PointsEach };
        if (input.Mode == PaperMode.Fixed)
        {
            var ids = (input.QuestionIds ?? []).Distinct().ToList();
            checks.When(ids.Count is 0 or > 500, "questionIds", "固定试卷应有 1–500 道试题。");
            var found = ids.Count == 0 ? 0 : await db.Questions.CountAsync(q => ids.Contains(q.Id) && !q.Retired, ct);
            checks.When(ids.Count > 0 && found != ids.Count, "questionIds", $"有 {ids.Count - found} 道试题不在题库中。");
            paper.QuestionIds = string.Join(",", ids);
        }
        else
        {
            var rules = PaperDraw.ParseRules(TextRules.Optional(checks, "rules", "抽题规则", input.Rules, 4000) ?? "", checks);
            checks.When(rules.Count == 0 && !checks.Errors.ContainsKey("rules"), "rules", "请填写抽题规则（每行“分类|难度|数量”）。");
            paper.Rules = PaperDraw.FormatRules(rules);
        }
        checks.ThrowIfAny("试卷未保存。");
        db.Papers.Add(paper);
        await db.SaveChangesAsync(ct);
        return paper;
    }

    public async Task<Exam> CreateExamAsync(ExamInput input, CancellationToken ct)
    {
        var checks = new FieldChecks();
        var title = TextRules.Required(checks, "title", "考试名称", input.Title, 200);
        var paper = input.PaperId is { } pid ? await db.Papers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pid, ct) : null;
        checks.When(paper is null, "paperId", "请选择试卷。");
        checks.When(input.OpensAt is null, "opensAt", "请填写开考时间。");
        checks.When(input.ClosesAt is null, "closesAt", "请填写结束时间。");
        checks.When(input.OpensAt is { } o && !DateRules.Plausible(o), "opensAt", DateRules.RangeMessage("开考时间"));
        checks.When(input.ClosesAt is { } c && !DateRules.Plausible(c), "closesAt", DateRules.RangeMessage("结束时间"));
        checks.When(input.OpensAt is { } o2 && input.ClosesAt is { } c2 && c2 <= o2, "closesAt", "结束时间应晚于开考时间。");
        checks.When(input.TimeLimitMinutes is < 1 or > MaxTimeLimitMinutes, "timeLimitMinutes", $"考试时长应为 1–{MaxTimeLimitMinutes} 分钟。");
        checks.When(input.MaxAttempts is < 1 or > 10, "maxAttempts", "考试次数应为 1–10 次。");
        checks.When(input.PassMark < 0, "passMark", "及格分不能为负数。");
        var units = (input.Units ?? []).Distinct().ToList();
        var known = await orgs.FindManyAsync(units, ct);
        checks.When(known.Count != units.Count, "units", "参考单位中有不存在的单位。");
        var posts = new List<string>();
        foreach (var post in input.Posts ?? [])
        {
            if (TextRules.Optional(checks, "posts", "参考岗位", post, 100) is { } p)
            {
                posts.Add(p);
            }
        }
        var persons = (input.People ?? []).Distinct().ToList();
        var registered = persons.Count == 0 ? 0 : await db.People.IgnoreQueryFilters().CountAsync(p => persons.Contains(p.Id), ct);
        checks.When(registered != persons.Count, "people", "参考人员中有未在名册登记的人员。");
        checks.When(units.Count == 0 && posts.Count == 0 && persons.Count == 0, "units", "请指定参加考试的单位、岗位或人员。");
        var access = ExamAccess.Read(checks, input.AccessCode, input.AllowedNetworks, input.StaggerMinutes, input.TimeLimitMinutes);
        checks.ThrowIfAny("考试未保存。");
        var exam = new Exam
        {
            Title = title, PaperId = paper!.Id, OpensAt = input.OpensAt!.Value, ClosesAt = input.ClosesAt!.Value, TimeLimitMinutes = input.TimeLimitMinutes, MaxAttempts = input.MaxAttempts,
            PassMark = input.PassMark, AssignUnits = string.Join(",", units), AssignPosts = string.Join("\n", posts.Distinct()), AssignPeople = string.Join(",", persons),
            AccessCode = access.AccessCode, AllowedNetworks = access.Networks, StaggerMinutes = access.StaggerMinutes,
        };
        db.Exams.Add(exam);
        await db.SaveChangesAsync(ct);
        return exam;
    }

    /// <summary>Publishes an exam: refused when its paper cannot be drawn from the questions in use (not when takers start).</summary>
    public async Task<Exam> PublishAsync(Guid id, VersionInput input, CancellationToken ct)
    {
        var exam = await db.Exams.FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw Refuse.NotFound("考试不存在。");
        Refuse.UnlessVersion(input.Version, exam.Version, "考试");
        if (exam.Status != ExamStatus.Draft)
        {
            throw Refuse.Conflict("考试已发布。");
        }
        var paper = await db.Papers.AsNoTracking().FirstAsync(p => p.Id == exam.PaperId, ct);
        var (rules, pool, _) = await PoolAsync(paper, fresh: true, ct);
        var problems = rules is null
            ? paper.QuestionIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Length is var wanted && wanted != pool.Count
                ? [$"固定试卷有 {wanted - pool.Count} 道试题已停用或法条已变化待复核，不能入卷。"]
                : new List<string>()
            : PaperDraw.Shortfalls(rules, pool).ToList();
        if (problems.Count > 0)
        {
            throw Refuse.Field("paperId", "试卷无法组卷：" + string.Join("；", problems));
        }
        var total = (rules?.Sum(r => r.Count) ?? pool.Count) * paper.PointsEach;
        if (exam.PassMark > total)
        {
            throw Refuse.Field("passMark", $"及格分 {exam.PassMark} 高于试卷总分 {total}。");
        }
        exam.Status = ExamStatus.Published;
        await db.SaveChangesAsync(ct);
        return exam;
    }

    /// <summary>Changes an exam's access rules (入场码, 允许的网段, 错峰开考), also while it runs; audited with the exam.</summary>
    public async Task<Exam> UpdateAccessAsync(Guid id, AccessInput input, CancellationToken ct)
    {
        var exam = await db.Exams.FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw Refuse.NotFound("考试不存在。");
        Refuse.UnlessVersion(input.Version, exam.Version, "考试");
        var checks = new FieldChecks();
        var access = ExamAccess.Read(checks, input.AccessCode, input.AllowedNetworks, input.StaggerMinutes, exam.TimeLimitMinutes);
        checks.ThrowIfAny("入场规则未保存。");
        (exam.AccessCode, exam.AllowedNetworks, exam.StaggerMinutes) = (access.AccessCode, access.Networks, access.StaggerMinutes);
        await db.SaveChangesAsync(ct);
        return exam;
    }

    /// <summary>Releases the right answers and explanations to the takers (their scores they see at once).</summary>
    public async Task<Exam> ReleaseAsync(Guid id, VersionInput input, CancellationToken ct)
    {
        var exam = await db.Exams.FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw Refuse.NotFound("考试不存在。");
        Refuse.UnlessVersion(input.Version, exam.Version, "考试");
        if (exam.Status != ExamStatus.Published || exam.ResultsReleased)
        {
            throw Refuse.Conflict(exam.ResultsReleased ? "答案和解析已公布。" : "考试尚未发布。");
        }
        exam.ResultsReleased = true;
        await db.SaveChangesAsync(ct);
        return exam;
    }

    /// <summary>The published exams the signed-in person is assigned to, with their attempts.</summary>
    public async Task<List<MyExam>> MyExamsAsync(CancellationToken ct)
    {
        var me = await TakerAsync(ct);
        if (me is null)
        {
            return [];
        }
        var only = Code?.ExamId;
        var exams = await db.Exams.AsNoTracking().Where(e => e.Status == ExamStatus.Published && (only == null || e.Id == only)).ToListAsync(ct);
        var attempts = await db.Attempts.AsNoTracking().Where(a => a.PersonId == me.Id).ToListAsync(ct);
        var now = time.GetUtcNow();
        var mine = new List<MyExam>();
        foreach (var exam in exams.OrderBy(e => e.ClosesAt < now).ThenBy(e => e.OpensAt))
        {
            var own = attempts.Where(a => a.ExamId == exam.Id).ToList();
            if (own.Count == 0 && !await AssignedAsync(exam, me, ct))
            {
                continue;
            }
            var best = own.Where(a => a.Score is not null).OrderByDescending(a => a.Score).FirstOrDefault();
            mine.Add(new MyExam(exam.Id, exam.Title, exam.OpensAt, exam.ClosesAt, exam.TimeLimitMinutes, exam.MaxAttempts, own.Count,
                own.FirstOrDefault(a => a.Status == AttemptStatus.InProgress && a.DeadlineMs > NowMs)?.Id, best?.Score, best?.Passed,
                exam.OpensAt <= now && now < exam.ClosesAt, own.OrderByDescending(a => a.Number).FirstOrDefault()?.Id,
                own.Where(a => a.CertificateNumber != null).OrderByDescending(a => a.Score).FirstOrDefault()?.Id));
        }
        return mine;
    }

    /// <summary>
    /// Starts (or resumes) the signed-in person's attempt. The draw is made and frozen now; an attempt in progress is resumed
    /// by the same browser session and refused to any other, with the reason.
    /// </summary>
    public async Task<Attempt> StartAsync(Guid examId, StartInput input, CancellationToken ct) => (await StartWithPaperAsync(examId, input, ct)).Attempt;

    /// <summary>
    /// Starts (or resumes) and answers with the paper as well, so a phone's first screen of the exam is one round trip
    /// (issue 17's start rush, ADR 0071). A new attempt's paper is built from the draw just frozen and the question texts
    /// held with the pool, with nothing read back; a resumed attempt's is read as <see cref="ViewAsync"/> reads it.
    /// </summary>
    public async Task<(Attempt Attempt, TakerAttempt Paper)> StartWithPaperAsync(Guid examId, StartInput input, CancellationToken ct)
    {
        var session = CheckSession(input.Session);
        if (Code is { } code && code.ExamId != examId)
        {
            throw new RefusalException(RefusalKind.Forbidden, "您的考试码只能用于参加发放它的那一场考试，不能进入本场考试。", null, ExamAccess.CodeRule);
        }
        var me = await TakerAsync(ct) ?? throw Refuse.Forbidden("您的账号尚未登记在学法考法人员名册中，请联系本单位。");
        var exam = await db.Exams.AsNoTracking().FirstOrDefaultAsync(e => e.Id == examId && e.Status == ExamStatus.Published, ct) ?? throw Refuse.NotFound("考试不存在或尚未发布。");
        if (!await AssignedAsync(exam, me, ct))
        {
            throw Refuse.Forbidden("您不在本场考试的参考人员范围内。");
        }
        ExamAccess.CheckNetwork(exam, ClientAddress);
        var resumed = await ResumeAsync(exam, me.Id, session, ct);
        if (resumed is not null)
        {
            return (resumed, await ViewAsync(resumed.Id, ct));
        }
        var now = time.GetUtcNow();
        if (now < exam.OpensAt)
        {
            throw Refuse.Conflict($"考试尚未开始，开考时间为 {exam.OpensAt.InChina():yyyy-MM-dd HH:mm}。");
        }
        if (now >= exam.ClosesAt)
        {
            throw Refuse.Conflict("考试已经结束。", ExamAccess.WindowRule);
        }
        ExamAccess.CheckStagger(exam, me.Id, now);
        ExamAccess.CheckAccessCode(exam, input.AccessCode);
        var paper = await db.Papers.AsNoTracking().FirstAsync(p => p.Id == exam.PaperId, ct);
        var (rules, pool, texts) = await PoolAsync(paper, fresh: false, ct);
        var seed = RandomNumberGenerator.GetInt32(int.MaxValue);
        var drawn = PaperDraw.Draw(seed, rules, pool);
        if (rules is not null && drawn.Count < rules.Sum(r => r.Count))
        {
            throw Refuse.Conflict("题库中可用的试题不足，暂时无法组卷，请联系考试组织部门。");
        }
        var deadline = Math.Min(now.AddMinutes(exam.TimeLimitMinutes).ToUnixTimeMilliseconds(), exam.ClosesAt.ToUnixTimeMilliseconds());
        var attempt = new Attempt
        {
            ExamId = exam.Id, PersonId = me.Id, UserId = Code is null ? user.UserId : null, OrgUnitId = me.OrgUnitId, PersonName = me.Name, Seed = seed, StartedAt = now, DeadlineMs = deadline,
            Status = AttemptStatus.InProgress, Session = session, MaxScore = drawn.Count * paper.PointsEach,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.LockForDecisionAsync($"learning-start:{exam.Id}:{me.Id}", ct);
        var used = await db.Attempts.AsNoTracking().Where(a => a.ExamId == exam.Id && a.PersonId == me.Id).Select(a => new { a.Status, a.Session }).ToListAsync(ct);
        if (used.Any(a => a.Status == AttemptStatus.InProgress))
        {
            throw Refuse.Conflict("本场考试已在另一设备或浏览器中开始作答；如需更换设备，请联系监考人员。");
        }
        if (used.Count >= exam.MaxAttempts)
        {
            throw Refuse.Conflict($"本场考试可考 {exam.MaxAttempts} 次，您已用完。");
        }
        attempt.Number = used.Count + 1;
        db.Attempts.Add(attempt);
        await db.SaveChangesAsync(ct);
        await InsertItemsAsync(drawn.Select(d => new AttemptItem
        {
            AttemptId = attempt.Id, Position = d.Position, QuestionId = d.QuestionId, Kind = d.Kind, OptionOrder = PaperDraw.FormatOrder(d.OptionOrder), MaxPoints = paper.PointsEach,
        }).ToList(), ct);
        await tx.CommitAsync(ct);
        var items = drawn.Select(d =>
        {
            var text = texts[d.QuestionId];
            return new TakerItem(d.Position, d.Kind, text.Stem, d.OptionOrder.Select(o => text.Options[o]).ToList(), null, paper.PointsEach, null, null, null, null);
        }).ToList();
        return (attempt, Present(attempt, exam, items));
    }

    /// <summary>
    /// The frozen draw in one multi-row INSERT (issue 17's start rush: 6,000 takers in a minute). Through the change tracker
    /// a 100-question paper was 100 statements, each parsed and prepared by the engine, and most of a start's CPU. Table and
    /// column names come from the model; the values are parameters typed as the model types them (both engines).
    /// </summary>
    private async Task InsertItemsAsync(IReadOnlyList<AttemptItem> items, CancellationToken ct)
    {
        // Ten rows a statement: SQLite looks each parameter up by name in a list (sqlite3_bind_parameter_index), so the cost
        // of binding grows with the square of a statement's parameters; 700 in one statement spent more on that than the 100
        // single-row statements did on parsing (measured: strncmp 10 % of the start rush's CPU).
        foreach (var chunk in items.Chunk(10))
        {
            var values = new List<object>(chunk.Length * InsertColumns.Length);
            foreach (var item in chunk)
            {
                values.AddRange([item.AttemptId, item.Position, item.QuestionId, item.Kind.ToString(), item.OptionOrder, item.MaxPoints, item.Comment]);
            }
            await db.Database.ExecuteSqlRawAsync(InsertSql(chunk.Length), values, ct);
        }
    }

    private static readonly string[] InsertColumns = [nameof(AttemptItem.AttemptId), nameof(AttemptItem.Position), nameof(AttemptItem.QuestionId), nameof(AttemptItem.Kind),
        nameof(AttemptItem.OptionOrder), nameof(AttemptItem.MaxPoints), nameof(AttemptItem.Comment)];

    /// <summary>The INSERT of <paramref name="rows"/> items, built once per row count from the model and kept (it was 1.5 % of the start rush's CPU).</summary>
    private string InsertSql(int rows) => cache.GetOrCreate(("learning-insert-items", rows), entry =>
    {
        entry.Priority = CacheItemPriority.NeverRemove;
        var entity = db.Model.FindEntityType(typeof(AttemptItem))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var text = new System.Text.StringBuilder($"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", InsertColumns.Select(p => sql.DelimitIdentifier(entity.FindProperty(p)!.GetColumnName(table)!)))}) VALUES ");
        for (var row = 0; row < rows; row++)
        {
            var at = row * InsertColumns.Length;
            text.Append(row == 0 ? "" : ", ").Append('(').Append(string.Join(", ", Enumerable.Range(at, InsertColumns.Length).Select(i => $"{{{i}}}"))).Append(')');
        }
        return text.ToString();
    })!;

    private async Task<Attempt?> ResumeAsync(Exam exam, Guid personId, string session, CancellationToken ct)
    {
        var open = await db.Attempts.AsNoTracking().FirstOrDefaultAsync(a => a.ExamId == exam.Id && a.PersonId == personId && a.Status == AttemptStatus.InProgress, ct);
        if (open is null)
        {
            return null;
        }
        if (open.DeadlineMs <= NowMs)
        {
            await SubmitAsync(open.Id, null, timedOut: true, ct);
            return null;
        }
        if (open.Session.Length == 0)
        {
            // The proctor released the session (a broken phone): this browser takes the attempt over.
            await db.Attempts.Where(a => a.Id == open.Id && a.Session == "").ExecuteUpdateAsync(s => s.SetProperty(a => a.Session, session), ct);
            open = await db.Attempts.AsNoTracking().FirstAsync(a => a.Id == open.Id, ct);
        }
        if (open.Session != session)
        {
            throw Refuse.Conflict("本场考试已在另一设备或浏览器中作答（同一答卷只能在一处作答）；如需更换设备，请联系监考人员。");
        }
        return open;
    }

    /// <summary>The taker's attempt as they see it (their own only; the office sees any). Past its deadline it is submitted first.</summary>
    public async Task<TakerAttempt> ViewAsync(Guid id, CancellationToken ct)
    {
        var attempt = await OwnAsync(id, ct);
        if (attempt.Status == AttemptStatus.InProgress && attempt.DeadlineMs <= NowMs)
        {
            await SubmitAsync(id, null, timedOut: true, ct);
            attempt = await db.Attempts.AsNoTracking().FirstAsync(a => a.Id == id, ct);
        }
        var exam = await db.Exams.AsNoTracking().FirstAsync(e => e.Id == attempt.ExamId, ct);
        var items = await db.AttemptItems.AsNoTracking().Where(i => i.AttemptId == id).OrderBy(i => i.Position).ToListAsync(ct);
        var ids = items.Select(i => i.QuestionId).Distinct().ToList();
        var questions = await db.Questions.AsNoTracking().Where(q => ids.Contains(q.Id)).ToDictionaryAsync(q => q.Id, ct);
        var released = exam.ResultsReleased && attempt.Status == AttemptStatus.Submitted;
        // Released: each question's articles as they stood on the exam date (the day the attempt began, Beijing time), not today.
        var examDate = attempt.StartedAt.ChinaDate();
        var articles = released
            // Resolved here, not injected: building the library's context on every answer and paper load would be waste.
            ? await services.GetRequiredService<ILawReferences>().ResolveEachAsync(questions.Values.Select(q => ((string?)q.Basis, examDate)), ct)
            : ResolvedTexts.None;
        var view = items.Select(i =>
        {
            var q = questions[i.QuestionId];
            var order = PaperDraw.ParseOrder(i.OptionOrder);
            var options = QuestionRules.SplitOptions(q.Options);
            return new TakerItem(i.Position, i.Kind, q.Stem, order.Select(o => options[o]).ToList(), Shown(i.Kind, i.Answer, order), i.MaxPoints,
                attempt.Status == AttemptStatus.Submitted ? i.Points : null,
                released ? (i.Kind == QuestionKind.FillIn ? q.Answer.Replace("|", " / ") : Shown(i.Kind, q.Answer, order)) : null,
                released ? q.Explanation : null, released ? q.Basis : null,
                released ? articles.For(q.Basis, examDate).Select(r => new TakerArticle(r.Citation, r.WorkTitle, r.ArticleLabel, r.Text, r.StateLabel)).ToList() : null);
        }).ToList();
        return Present(attempt, exam, view);
    }

    private TakerAttempt Present(Attempt attempt, Exam exam, IReadOnlyList<TakerItem> items) =>
        new(attempt.Id, exam.Id, exam.Title, attempt.Number, attempt.Status, attempt.TimedOut, attempt.DeadlineMs, Remaining(attempt.DeadlineMs, attempt.Status),
            attempt.Score, attempt.MaxScore, attempt.PendingMarks, attempt.Passed, exam.PassMark, exam.ResultsReleased, items);

    /// <summary>
    /// Saves one answer as given (the hot path: two key lookups and one single-row UPDATE). Refused with the reason after
    /// the end (the attempt is then submitted as it stands), from another session, or when it does not fit the question.
    /// </summary>
    public async Task<AnswerSaved> SaveAnswerAsync(Guid id, int position, AnswerInput input, CancellationToken ct)
    {
        var head = await db.Attempts.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.UserId, a.PersonId, a.ExamId, a.Status, a.DeadlineMs, a.Session }).FirstOrDefaultAsync(ct);
        if (head is null || !Owns(head.UserId, head.PersonId, head.ExamId))
        {
            throw Refuse.NotFound("答卷不存在。");
        }
        if (head.Status == AttemptStatus.Submitted)
        {
            throw Refuse.Conflict("答卷已交，不能再修改答案；此答案未保存。");
        }
        var now = NowMs;
        if (head.DeadlineMs <= now)
        {
            await SubmitAsync(id, null, timedOut: true, ct);
            throw Refuse.Conflict("考试时间已到，答卷已按已保存的答案自动交卷；此答案未保存。");
        }
        if (input.Session is null || !CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(input.Session), System.Text.Encoding.UTF8.GetBytes(head.Session)))
        {
            throw Refuse.Conflict("本答卷已在另一设备或浏览器中作答（同一答卷只能在一处作答）；此答案未保存。");
        }
        var item = await db.AttemptItems.AsNoTracking().Where(i => i.AttemptId == id && i.Position == position).Select(i => new { i.Kind, i.OptionOrder }).FirstOrDefaultAsync(ct)
                   ?? throw Refuse.Field("position", $"答卷中没有第 {position} 题。");
        var order = PaperDraw.ParseOrder(item.OptionOrder);
        var given = QuestionRules.NormaliseAnswer(item.Kind, input.Answer, order.Length, out var reason) ?? throw Refuse.Field("answer", reason!);
        var stored = Stored(item.Kind, given, order);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.LockForDecisionAsync("learning-attempt:" + id, ct);
        var written = await db.AttemptItems
            .Where(i => i.AttemptId == id && i.Position == position && db.Attempts.Any(a => a.Id == id && a.Status == AttemptStatus.InProgress && a.DeadlineMs > now))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Answer, stored).SetProperty(i => i.AnsweredAtMs, now), ct);
        await tx.CommitAsync(ct);
        if (written == 0)
        {
            throw Refuse.Conflict("答卷已交或考试时间已到；此答案未保存。");
        }
        return new AnswerSaved(position, now, Remaining(head.DeadlineMs, AttemptStatus.InProgress));
    }

    /// <summary>The taker switched away from the exam page (counted for the proctor, not punished).</summary>
    public async Task<int> AwayAsync(Guid id, SessionInput input, CancellationToken ct)
    {
        var now = NowMs;
        var mine = db.Attempts.Where(a => a.Id == id && a.Session == input.Session && a.Status == AttemptStatus.InProgress && a.DeadlineMs > now);
        var uid = user.UserId;
        mine = Code is { } c ? mine.Where(a => a.UserId == null && a.PersonId == c.PersonId && a.ExamId == c.ExamId) : mine.Where(a => a.UserId != null && a.UserId == uid);
        var count = await mine
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.SwitchCount, a => a.SwitchCount + 1), ct);
        return count == 0 ? throw Refuse.Conflict("答卷不在作答中。") : count;
    }

    /// <summary>The taker hands in their attempt.</summary>
    public async Task<TakerAttempt> HandInAsync(Guid id, SessionInput input, CancellationToken ct)
    {
        var attempt = await OwnAsync(id, ct);
        if (attempt.Status == AttemptStatus.Submitted)
        {
            throw Refuse.Conflict("答卷已交。");
        }
        if (attempt.DeadlineMs > NowMs && attempt.Session != input.Session)
        {
            throw Refuse.Conflict("本答卷已在另一设备或浏览器中作答（同一答卷只能在一处作答）。");
        }
        await SubmitAsync(id, input.Session, timedOut: attempt.DeadlineMs <= NowMs, ct);
        return await ViewAsync(id, ct);
    }

    /// <summary>Submits every attempt past its deadline as it stands (system work, every minute); how many.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var now = NowMs;
        var due = await db.Attempts.AsNoTracking().Where(a => a.Status == AttemptStatus.InProgress && a.DeadlineMs <= now)
            .OrderBy(a => a.DeadlineMs).Select(a => a.Id).Take(2000).ToListAsync(ct);
        var done = 0;
        foreach (var id in due)
        {
            done += await SubmitAsync(id, null, timedOut: true, ct) ? 1 : 0;
        }
        return done;
    }

    /// <summary>
    /// Marks and submits an attempt under its decision lock (no answer can be saved meanwhile): objective questions are
    /// marked now, short answers wait for a marker; false when it was already submitted.
    /// </summary>
    private async Task<bool> SubmitAsync(Guid id, string? session, bool timedOut, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.LockForDecisionAsync("learning-attempt:" + id, ct);
        var attempt = await db.Attempts.FirstAsync(a => a.Id == id, ct);
        if (attempt.Status == AttemptStatus.Submitted)
        {
            return false;
        }
        var exam = await db.Exams.AsNoTracking().FirstAsync(e => e.Id == attempt.ExamId, ct);
        var items = await db.AttemptItems.AsNoTracking().Where(i => i.AttemptId == id).ToListAsync(ct);
        var ids = items.Select(i => i.QuestionId).Distinct().ToList();
        var keys = await db.Questions.AsNoTracking().Where(q => ids.Contains(q.Id)).Select(q => new { q.Id, q.Answer }).ToDictionaryAsync(q => q.Id, q => q.Answer, ct);
        var pending = 0;
        foreach (var item in items)
        {
            if (item.Kind == QuestionKind.Short && !string.IsNullOrEmpty(item.Answer))
            {
                item.Points = null;
                pending++;
            }
            else
            {
                item.Points = QuestionRules.IsRight(item.Kind, keys[item.QuestionId], item.Answer) ? item.MaxPoints : 0;
            }
        }
        // One UPDATE per distinct mark (usually full marks, nought and, for short answers, none yet) instead of one per
        // question: the hand-in rush at the end of an exam (issue 17) marks 100 questions an attempt.
        foreach (var mark in items.GroupBy(i => i.Points))
        {
            var positions = mark.Select(i => i.Position).ToList();
            var points = mark.Key;
            await db.AttemptItems.Where(i => i.AttemptId == id && positions.Contains(i.Position)).ExecuteUpdateAsync(s => s.SetProperty(i => i.Points, points), ct);
        }
        attempt.Status = AttemptStatus.Submitted;
        attempt.SubmittedAt = time.GetUtcNow();
        attempt.TimedOut = timedOut;
        attempt.PendingMarks = pending;
        attempt.Score = items.Sum(i => i.Points ?? 0);
        attempt.Passed = pending == 0 ? attempt.Score >= exam.PassMark : null;
        if (pending == 0)
        {
            Grades.Certificates.Finalise(attempt, attempt.SubmittedAt.Value);
        }
        _ = session;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// <c>--demo</c> only: a person without an account who sat the exam in the past: drawn like a real attempt, the first
    /// <paramref name="right"/> questions answered right and the rest wrong, short answers with <paramref name="shortAnswer"/>,
    /// then submitted and marked as a real attempt is.
    /// </summary>
    internal async Task<Attempt> DemoAttemptAsync(Exam exam, Person person, int right, string shortAnswer, DateTimeOffset startedAt, CancellationToken ct)
    {
        var paper = await db.Papers.AsNoTracking().FirstAsync(p => p.Id == exam.PaperId, ct);
        var (rules, pool, _) = await PoolAsync(paper, fresh: true, ct);
        var seed = RandomNumberGenerator.GetInt32(int.MaxValue);
        var drawn = PaperDraw.Draw(seed, rules, pool);
        var ids = drawn.Select(d => d.QuestionId).ToList();
        var keys = await db.Questions.AsNoTracking().Where(q => ids.Contains(q.Id)).ToDictionaryAsync(q => q.Id, q => q.Answer, ct);
        var attempt = new Attempt
        {
            ExamId = exam.Id, PersonId = person.Id, OrgUnitId = person.OrgUnitId, PersonName = person.Name, Seed = seed, StartedAt = startedAt, Number = 1,
            DeadlineMs = startedAt.AddMinutes(exam.TimeLimitMinutes).ToUnixTimeMilliseconds(), Status = AttemptStatus.InProgress, Session = "", MaxScore = drawn.Count * paper.PointsEach,
        };
        db.Attempts.Add(attempt);
        var n = 0;
        foreach (var d in drawn)
        {
            var key = keys[d.QuestionId];
            var ok = n++ < right;
            var answer = d.Kind switch
            {
                QuestionKind.Short => shortAnswer,
                _ when ok => key.Split('|')[0],
                QuestionKind.TrueFalse => key == "对" ? "错" : "对",
                QuestionKind.FillIn => "三十",
                _ => key.StartsWith('A') ? "C" : "A",
            };
            db.AttemptItems.Add(new AttemptItem
            {
                AttemptId = attempt.Id, Position = d.Position, QuestionId = d.QuestionId, Kind = d.Kind, OptionOrder = PaperDraw.FormatOrder(d.OptionOrder), MaxPoints = paper.PointsEach,
                Answer = answer, AnsweredAtMs = startedAt.AddMinutes(n).ToUnixTimeMilliseconds(),
            });
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await SubmitAsync(attempt.Id, null, timedOut: false, ct);
        return await db.Attempts.AsNoTracking().FirstAsync(a => a.Id == attempt.Id, ct);
    }

    private async Task<Attempt> OwnAsync(Guid id, CancellationToken ct)
    {
        var attempt = await db.Attempts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (attempt is null || (!Owns(attempt.UserId, attempt.PersonId, attempt.ExamId) && (Code is not null || !user.Has(LearningPermissions.Manage))))
        {
            throw Refuse.NotFound("答卷不存在。");
        }
        return attempt;
    }

    /// <summary>The caller's address as the platform's reverse-proxy settings give it (<c>Network:KnownProxies</c>).</summary>
    private System.Net.IPAddress? ClientAddress => http.HttpContext?.Connection.RemoteIpAddress;

    /// <summary>
    /// What stands between the taker and a new attempt (ADR 0037): whether an access code is asked, and the seconds until their
    /// staggered start; an attempt in progress needs neither. A start from outside the allowed networks is refused here too.
    /// </summary>
    public async Task<ExamGate> GateAsync(Guid examId, CancellationToken ct)
    {
        if (Code is { } code && code.ExamId != examId)
        {
            throw new RefusalException(RefusalKind.Forbidden, "您的考试码只能用于参加发放它的那一场考试，不能进入本场考试。", null, ExamAccess.CodeRule);
        }
        var me = await TakerAsync(ct) ?? throw Refuse.Forbidden("您的账号尚未登记在学法考法人员名册中，请联系本单位。");
        var exam = await db.Exams.AsNoTracking().FirstOrDefaultAsync(e => e.Id == examId && e.Status == ExamStatus.Published, ct) ?? throw Refuse.NotFound("考试不存在或尚未发布。");
        if (!await AssignedAsync(exam, me, ct))
        {
            throw Refuse.Forbidden("您不在本场考试的参考人员范围内。");
        }
        ExamAccess.CheckNetwork(exam, ClientAddress);
        var now = time.GetUtcNow();
        var inProgress = await db.Attempts.AsNoTracking().AnyAsync(a => a.ExamId == exam.Id && a.PersonId == me.Id && a.Status == AttemptStatus.InProgress && a.DeadlineMs > NowMs, ct);
        var startsAt = ExamAccess.StartsAt(exam, me.Id);
        var wait = inProgress ? 0 : (long)Math.Max(0, Math.Ceiling((startsAt - now).TotalSeconds));
        return new ExamGate(exam.Id, exam.Title, !inProgress && exam.AccessCode.Length > 0, wait, startsAt, inProgress);
    }

    private long Remaining(long deadlineMs, AttemptStatus status) => status == AttemptStatus.Submitted ? 0 : Math.Max(0, (deadlineMs - NowMs) / 1000);

    /// <summary>Whether the person is assigned: named, or in an assigned unit's subtree and (when posts are named) in an assigned post.</summary>
    internal async Task<bool> AssignedAsync(Exam exam, Person me, CancellationToken ct)
    {
        if (exam.AssignPeople.Contains(me.Id.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        var units = exam.AssignUnits.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();
        var posts = exam.AssignPosts.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (units.Count == 0 && posts.Length == 0)
        {
            return false;
        }
        if (posts.Length > 0 && !posts.Contains(me.Post))
        {
            return false;
        }
        if (units.Count == 0)
        {
            return true;
        }
        var ancestors = await orgs.AncestorsAsync(me.OrgUnitId, ct);
        return units.Contains(me.OrgUnitId) || ancestors.Any(a => units.Contains(a.Id));
    }

    /// <summary>A unit and every unit below it.</summary>
    internal async Task<HashSet<Guid>> SubtreeAsync(Guid unit, CancellationToken ct) => [.. await orgs.SubtreeIdsAsync(unit, ct)];

    /// <summary>The questions a paper may draw (not flagged, not retired), cached briefly per paper for the start rush.</summary>
    /// <remarks>
    /// The pool carries each question's stem and options too, for the paper the start answers with: a question edited in
    /// the bank reaches new starts within the cache's 30 seconds, as a flag or a retirement already did.
    /// </remarks>
    private async Task<(List<DrawRule>? Rules, List<PoolQuestion> Pool, Dictionary<Guid, PoolText> Texts)> PoolAsync(Paper paper, bool fresh, CancellationToken ct)
    {
        var key = $"learning-pool:{paper.Id}:{paper.Version}";
        if (!fresh && cache.TryGetValue(key, out (List<DrawRule>?, List<PoolQuestion>, Dictionary<Guid, PoolText>) hit))
        {
            return hit;
        }
        List<DrawRule>? rules = null;
        IQueryable<Question> q = db.Questions.AsNoTracking().Where(x => !x.Retired && !x.Flagged);
        if (paper.Mode == PaperMode.Fixed)
        {
            var ids = paper.QuestionIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();
            q = q.Where(x => ids.Contains(x.Id));
        }
        else
        {
            rules = PaperDraw.ParseRules(paper.Rules);
            var categories = rules.Select(r => r.Category).Distinct().ToList();
            q = q.Where(x => categories.Contains(x.Category));
        }
        var rows = await q.Select(x => new { x.Id, x.Kind, x.Category, x.Difficulty, x.Stem, x.Options }).ToListAsync(ct);
        var texts = rows.ToDictionary(x => x.Id, x => new PoolText(x.Stem, QuestionRules.SplitOptions(x.Options)));
        var pool = rows.Select(x => new PoolQuestion(x.Id, x.Kind, x.Category, x.Difficulty, texts[x.Id].Options.Count)).OrderBy(x => x.Id).ToList();
        cache.Set(key, (rules, pool, texts), TimeSpan.FromSeconds(30));
        return (rules, pool, texts);
    }

    /// <summary>A pool question's text as a taker sees it before the options are shuffled.</summary>
    private sealed record PoolText(string Stem, IReadOnlyList<string> Options);

    private static string CheckSession(string? session) =>
        session is { Length: >= 16 and <= 64 } s && s.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            ? s
            : throw Refuse.Field("session", "缺少作答会话标识（16–64 位字母、数字或连字符），请刷新页面后重试。");

    /// <summary>A stored answer (original letters) in the letters this taker sees.</summary>
    private static string? Shown(QuestionKind kind, string? stored, int[] order)
    {
        if (string.IsNullOrEmpty(stored) || kind is not (QuestionKind.Single or QuestionKind.Multiple))
        {
            return stored;
        }
        return new string(stored.Select(c => (char)('A' + Array.IndexOf(order, c - 'A'))).Order().ToArray());
    }

    /// <summary>A given answer (the letters this taker sees) in the original letters.</summary>
    private static string Stored(QuestionKind kind, string given, int[] order) =>
        kind is QuestionKind.Single or QuestionKind.Multiple ? new string(given.Select(c => (char)('A' + order[c - 'A'])).Order().ToArray()) : given;
}
