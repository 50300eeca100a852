using Fazhi.Learning.Data;
using Fazhi.Learning.Exams;
using Fazhi.Learning.People;
using Fazhi.Platform.Features.Attachments;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Learning.Records;

internal sealed record ActivityInput(ActivityKind Kind, DateOnly? Date, string? Topic, string? Detail, IReadOnlyList<Guid>? People);

internal sealed record ActivityView(Guid Id, ActivityKind Kind, string KindName, string UnitName, DateOnly Date, string Topic, string Detail, IReadOnlyList<string> Attendees, bool IsDemo);

internal sealed record DutyReportInput(Guid? PersonId, int Year, string? Summary);

internal sealed record EvaluationInput(string? Evaluation, string? Note, long? Version);

internal sealed record DutyReportView(Guid Id, Guid PersonId, string PersonName, int Year, DateOnly SubmittedOn, string Summary, Guid? FileId, string FileName, string Evaluation,
    string EvaluationNote, bool IsDemo, long Version);

internal sealed record RecordExam(string Exam, DateOnly Date, int Number, decimal? Score, decimal MaxScore, string Result, string? CertificateNumber);

internal sealed record RecordActivity(ActivityKind Kind, string KindName, DateOnly Date, string Topic, string Detail, string UnitName);

/// <summary>One person's record (学法用法档案): exams and scores, study, court hearings, oaths and duty reports.</summary>
internal sealed record PersonRecord(Guid PersonId, string Name, string UnitName, string Post, bool IsLeader, string Level, IReadOnlyList<RecordExam> Exams,
    IReadOnlyList<RecordActivity> Activities, IReadOnlyList<DutyReportView> DutyReports);

/// <summary>A unit's completion in a year: of its active people, how many passed an exam, took part in study, attended a hearing, were sworn; of its leaders, how many reported.</summary>
internal sealed record UnitCompletion(string UnitName, int People, int Leaders, int ExamPassed, int Studied, int Hearings, int Sworn, int Reported, decimal? ExamRate, decimal? StudyRate,
    decimal? HearingRate, decimal? OathRate, decimal? ReportRate);

/// <summary>
/// The per-person record (ADR 0033): study activities, court hearings and oath ceremonies with their attendees from the
/// register, leading officials' yearly duty reports (述职述法) with the report file and the office's evaluation, one record
/// per person and the units' completion rates by year. Everything is read within the reader's scope: a unit records and
/// sees its own people (attendees outside the scope are refused, naming the field); the office sees all.
/// </summary>
internal sealed class RecordsService(LearningDb db, ICurrentUser user, IOrgDirectory orgs, IDeadlineService clock, IAttachmentStore attachments)
{
    public const string FileOwner = "learning-duty-report";

    public static readonly string[] Evaluations = ["优秀", "合格", "基本合格", "不合格"];

    /// <summary>A year asked for in a query: this year when not given; refused, naming <c>year</c>, outside 2000–2100.</summary>
    public static int CheckYear(int? year, int thisYear) =>
        year is null ? thisYear : year is >= 2000 and <= 2100 ? year.Value : throw Refuse.Field("year", "年度应为 2000–2100 年。");

    public static string KindName(ActivityKind kind) => kind switch
    {
        ActivityKind.StudySession => "集体学法",
        ActivityKind.Lecture => "法治讲座",
        ActivityKind.CourtHearing => "旁听庭审",
        _ => "宪法宣誓",
    };

    public static string DetailName(ActivityKind kind) => kind switch
    {
        ActivityKind.CourtHearing => "法院及案件",
        ActivityKind.Oath => "监誓人",
        _ => "主讲人",
    };

    /// <summary>The active people in the reader's scope, for choosing attendees and reporters.</summary>
    public Task<List<Person>> RegisterAsync(CancellationToken ct) =>
        db.People.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.UnitName).ThenBy(p => p.Name).Take(3000).ToListAsync(ct);

    public async Task<Activity> CreateActivityAsync(ActivityInput input, CancellationToken ct)
    {
        var checks = new FieldChecks();
        checks.When(!Enum.IsDefined(input.Kind), "kind", "请选择活动类别。");
        checks.When(input.Date is null, "date", "请填写日期。");
        checks.When(input.Date is { } d && (!DateRules.Plausible(d) || d > clock.Today), "date", "日期不能晚于今天。");
        var topic = TextRules.Required(checks, "topic", input.Kind == ActivityKind.CourtHearing ? "案件" : "主题", input.Topic, 200);
        var detail = TextRules.Optional(checks, "detail", DetailName(input.Kind), input.Detail, 200) ?? "";
        var ids = (input.People ?? []).Distinct().ToList();
        checks.When(ids.Count is 0 or > 2000, "people", "请从人员名册中选择参加人员。");
        // The register's query filter: a unit may only record its own people.
        var people = ids.Count == 0 ? [] : await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        checks.When(ids.Count > 0 && people.Count != ids.Count, "people", "参加人员中有不在名册或不在您数据范围内的人员。");
        var unit = user.OrgUnitId is { } mine ? await orgs.FindAsync(mine, ct) : null;
        checks.When(unit is null, "orgUnitId", "您的账号没有所属单位，不能登记活动。");
        checks.ThrowIfAny("活动未保存。");
        var activity = new Activity { Kind = input.Kind, OrgUnitId = unit!.Id, UnitName = unit.Name, Date = input.Date!.Value, Topic = topic, Detail = detail };
        db.Activities.Add(activity);
        db.ActivityAttendees.AddRange(people.Select(p => new ActivityAttendee { ActivityId = activity.Id, PersonId = p.Id, OrgUnitId = p.OrgUnitId, PersonName = p.Name }));
        await db.SaveChangesAsync(ct);
        return activity;
    }

    /// <summary>The activities held by units within the reader's scope in a year, newest first.</summary>
    public async Task<List<ActivityView>> ActivitiesAsync(int year, ActivityKind? kind, CancellationToken ct)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var q = db.Activities.AsNoTracking().Where(a => a.Date >= from && a.Date <= to);
        if (kind is { } k)
        {
            q = q.Where(a => a.Kind == k);
        }
        var list = await q.OrderByDescending(a => a.Date).Take(500).ToListAsync(ct);
        var ids = list.Select(a => a.Id).ToList();
        var attendees = (await db.ActivityAttendees.AsNoTracking().Where(x => ids.Contains(x.ActivityId)).ToListAsync(ct)).ToLookup(x => x.ActivityId);
        return list.Select(a => new ActivityView(a.Id, a.Kind, KindName(a.Kind), a.UnitName, a.Date, a.Topic, a.Detail,
            attendees[a.Id].Select(x => x.PersonName).Order(StringComparer.Ordinal).ToList(), a.IsDemo)).ToList();
    }

    public async Task<DutyReport> SubmitReportAsync(DutyReportInput input, CancellationToken ct)
    {
        var checks = new FieldChecks();
        var person = input.PersonId is { } pid ? await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pid, ct) : null;
        checks.When(person is null, "personId", "请选择人员（本单位名册中的领导干部）。");
        checks.When(person is { IsLeader: false }, "personId", "述职述法由领导干部提交；该人员在名册中不是领导干部。");
        checks.When(input.Year < 2000 || input.Year > clock.Today.Year, "year", $"年度应为 2000–{clock.Today.Year} 年。");
        var summary = TextRules.Required(checks, "summary", "述职述法报告摘要", input.Summary, 4000);
        checks.ThrowIfAny("述职述法报告未保存。");
        if (await db.DutyReports.IgnoreQueryFilters().AnyAsync(r => r.PersonId == person!.Id && r.Year == input.Year, ct))
        {
            throw Refuse.Conflict($"{person!.Name} 的 {input.Year} 年度述职述法报告已经提交。");
        }
        var report = new DutyReport
        {
            PersonId = person!.Id, OrgUnitId = person.OrgUnitId, PersonName = person.Name, Year = input.Year, SubmittedOn = clock.Today, Summary = summary,
        };
        db.DutyReports.Add(report);
        await db.SaveChangesAsync(ct);
        return report;
    }

    /// <summary>Attaches the report file (the platform's attachment checks: allowed types, size, scope); null when not found, else the refusal or null.</summary>
    public async Task<(bool Found, string? Refusal)> AttachReportAsync(Guid id, Stream content, string fileName, CancellationToken ct)
    {
        var report = await db.DutyReports.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return (false, null);
        }
        var saved = await attachments.SaveAsync(content, fileName, report.OrgUnitId, FileOwner, id.ToString(), ct);
        if (!saved.Ok)
        {
            return (true, saved.Refusal);
        }
        report.FileId = saved.Saved!.Id;
        report.FileName = saved.Saved.FileName;
        await db.SaveChangesAsync(ct);
        return (true, null);
    }

    /// <summary>The office evaluates a report (优秀、合格、基本合格、不合格) with a comment.</summary>
    public async Task<DutyReport> EvaluateAsync(Guid id, EvaluationInput input, CancellationToken ct)
    {
        var checks = new FieldChecks();
        checks.When(!Evaluations.Contains(input.Evaluation), "evaluation", "评价应为：" + string.Join("、", Evaluations) + "。");
        var note = TextRules.Optional(checks, "note", "评价意见", input.Note, 500) ?? "";
        checks.ThrowIfAny("未评价。");
        var report = await db.DutyReports.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw Refuse.NotFound("述职述法报告不存在。");
        Refuse.UnlessVersion(input.Version, report.Version, "述职述法报告");
        report.Evaluation = input.Evaluation!;
        report.EvaluationNote = note;
        await db.SaveChangesAsync(ct);
        return report;
    }

    public async Task<List<DutyReportView>> ReportsAsync(int year, CancellationToken ct) =>
        (await db.DutyReports.AsNoTracking().Where(r => r.Year == year).ToListAsync(ct)).OrderBy(r => r.PersonName, StringComparer.Ordinal).Select(View).ToList();

    /// <summary>The download of a report's file, for whoever sees the report (the store checks the scope again and audits it).</summary>
    public async Task<(Stream Content, string ContentType, string FileName)?> ReportFileAsync(Guid id, CancellationToken ct)
    {
        var report = await db.DutyReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report?.FileId is not { } fileId || await attachments.GetAsync(fileId, ct) is not { } meta || await attachments.OpenReadAsync(fileId, ct) is not { } stream)
        {
            return null;
        }
        return (stream, meta.ContentType, meta.FileName);
    }

    /// <summary>One person's record; not found outside the reader's scope.</summary>
    public async Task<PersonRecord> RecordAsync(Guid personId, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct) ?? throw Refuse.NotFound("人员不存在或不在您的数据范围内。");
        var attempts = await db.Attempts.AsNoTracking().Where(a => a.PersonId == personId && a.Status == AttemptStatus.Submitted).ToListAsync(ct);
        var examIds = attempts.Select(a => a.ExamId).Distinct().ToList();
        var titles = await db.Exams.AsNoTracking().Where(e => examIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Title, ct);
        var exams = attempts.OrderByDescending(a => a.StartedAt).Select(a => new RecordExam(titles.GetValueOrDefault(a.ExamId, ""), (a.FinalAt ?? a.SubmittedAt ?? a.StartedAt).ChinaDate(), a.Number,
            a.Score, a.MaxScore, a.Passed switch { true => "合格", false => "不合格", _ => "待阅卷" }, a.CertificateNumber)).ToList();
        // Activities held by any unit (a city lecture the person attended is in their record).
        var attended = await db.ActivityAttendees.AsNoTracking().Where(x => x.PersonId == personId).Select(x => x.ActivityId).ToListAsync(ct);
        var activities = (await db.Activities.IgnoreQueryFilters().AsNoTracking().Where(a => attended.Contains(a.Id)).ToListAsync(ct))
            .OrderByDescending(a => a.Date).Select(a => new RecordActivity(a.Kind, KindName(a.Kind), a.Date, a.Topic, a.Detail, a.UnitName)).ToList();
        var reports = (await db.DutyReports.AsNoTracking().Where(r => r.PersonId == personId).ToListAsync(ct)).OrderByDescending(r => r.Year).Select(View).ToList();
        return new PersonRecord(person.Id, person.Name, person.UnitName, person.Post, person.IsLeader, person.Level, exams, activities, reports);
    }

    /// <summary>A person's record as a workbook: one row per entry (category, date, item, detail, result).</summary>
    public async Task<(byte[] Content, string FileName)> ExportRecordAsync(Guid personId, CancellationToken ct)
    {
        var r = await RecordAsync(personId, ct);
        var rows = r.Exams.Select(e => (IReadOnlyList<object?>)["考试", e.Date, e.Exam, e.Score is null ? "" : $"{e.Score:0.##}/{e.MaxScore:0.##} 分", e.Result])
            .Concat(r.Activities.Select(a => (IReadOnlyList<object?>)[a.KindName, a.Date, a.Topic, a.Detail, a.UnitName]))
            .Concat(r.DutyReports.Select(d => (IReadOnlyList<object?>)["述职述法", d.SubmittedOn, $"{d.Year} 年度述职述法报告", d.FileName, d.Evaluation.Length == 0 ? "待评价" : d.Evaluation]));
        var sheet = new XlsxSheet("学法用法档案", [new("类别", 10), new("日期", 12), new("事项", 40), new("详情", 30), new("结果/单位", 20)], rows);
        return (XlsxWriter.Write(sheet), DownloadName.Safe($"学法用法档案-{r.Name}.xlsx"));
    }

    /// <summary>The units' completion in a year, over the active people in the reader's scope, by the person's unit.</summary>
    public async Task<List<UnitCompletion>> CompletionAsync(int year, CancellationToken ct)
    {
        var people = await db.People.AsNoTracking().Where(p => p.IsActive).Select(p => new { p.Id, p.UnitName, p.IsLeader }).ToListAsync(ct);
        var ids = people.Select(p => p.Id).ToHashSet();
        var passed = (await db.Attempts.AsNoTracking().Where(a => a.Passed == true).Select(a => new { a.PersonId, a.FinalAt, a.SubmittedAt }).ToListAsync(ct))
            .Where(a => ids.Contains(a.PersonId) && (a.FinalAt ?? a.SubmittedAt!.Value).ChinaDate().Year == year).Select(a => a.PersonId).ToHashSet();
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var attended = await db.ActivityAttendees.AsNoTracking()
            .Join(db.Activities.IgnoreQueryFilters().AsNoTracking().Where(a => a.Date >= from && a.Date <= to), x => x.ActivityId, a => a.Id, (x, a) => new { x.PersonId, a.Kind })
            .Distinct().ToListAsync(ct);
        HashSet<Guid> Of(params ActivityKind[] kinds) => attended.Where(x => kinds.Contains(x.Kind) && ids.Contains(x.PersonId)).Select(x => x.PersonId).ToHashSet();
        var studied = Of(ActivityKind.StudySession, ActivityKind.Lecture);
        var hearings = Of(ActivityKind.CourtHearing);
        var sworn = Of(ActivityKind.Oath);
        var reported = (await db.DutyReports.AsNoTracking().Where(r => r.Year == year).Select(r => r.PersonId).ToListAsync(ct)).ToHashSet();
        return people.GroupBy(p => p.UnitName).Select(g =>
        {
            var n = g.Count();
            var leaders = g.Where(p => p.IsLeader).ToList();
            int Count(HashSet<Guid> set) => g.Count(p => set.Contains(p.Id));
            var reports = leaders.Count(p => reported.Contains(p.Id));
            return new UnitCompletion(g.Key, n, leaders.Count, Count(passed), Count(studied), Count(hearings), Count(sworn), reports,
                Grades.ResultsService.Rate(Count(passed), n), Grades.ResultsService.Rate(Count(studied), n), Grades.ResultsService.Rate(Count(hearings), n),
                Grades.ResultsService.Rate(Count(sworn), n), Grades.ResultsService.Rate(reports, leaders.Count));
        }).OrderBy(u => u.UnitName, StringComparer.Ordinal).ToList();
    }

    private static DutyReportView View(DutyReport r) =>
        new(r.Id, r.PersonId, r.PersonName, r.Year, r.SubmittedOn, r.Summary, r.FileId, r.FileName, r.Evaluation, r.EvaluationNote, r.IsDemo, r.Version);
}
