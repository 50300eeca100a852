using Fazhi.Assessment.Contracts;
using Fazhi.Learning.Data;
using Fazhi.Learning.Exams;
using Fazhi.Learning.Records;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Learning.Indicators;

/// <summary>
/// The learning module's computed indicators for assessment campaigns (ADR 0017, ADR 0033), person by person with a link to
/// each person's record for drill-down. They read as system work restricted to the asked scope (the contract), never the
/// caller's; the people are the active people in the register whose unit is in the scope.
/// </summary>
internal abstract class LearningIndicator(ISystemWork systemWork) : IComputedIndicatorProvider
{
    /// <summary>At most this many source records are listed (those not counted first); the figures count every person.</summary>
    public const int MaxRecords = 500;

    public abstract string Key { get; }

    public abstract string Title { get; }

    public abstract string Description { get; }

    public async Task<ComputedIndicatorValue> ComputeAsync(ComputedIndicatorQuery query, CancellationToken ct)
    {
        await using var db = systemWork.Db<LearningDb>("考评计算型指标");
        var scope = query.ScopeUnitIds.ToHashSet();
        var people = (await db.People.AsNoTracking().Where(p => p.IsActive).Select(p => new Person(p.Id, p.Name, p.UnitName, p.OrgUnitId, p.IsLeader)).ToListAsync(ct))
            .Where(p => scope.Contains(p.OrgUnitId)).ToList();
        var rows = await RowsAsync(db, query, people, ct);
        var counted = rows.Count(r => r.Counted);
        var records = rows.OrderBy(r => r.Counted).Take(MaxRecords).ToList();
        return ComputedIndicatorValue.Ratio(counted, rows.Count, records, rows.Count > records.Count ? $"共 {rows.Count} 人，仅列出 {records.Count} 人（未计入的在前）。" : null);
    }

    protected abstract Task<List<ComputedIndicatorRecord>> RowsAsync(LearningDb db, ComputedIndicatorQuery query, List<Person> people, CancellationToken ct);

    protected static ComputedIndicatorRecord Row(Person p, bool counted, string what) =>
        new($"{p.Name}（{p.UnitName}）：{what}", counted, $"/learning/people/{p.Id}/record");

    protected static DateOnly China(DateTimeOffset t) => t.ChinaDate();

    /// <summary>The handed-in attempts started in the period, of the given people.</summary>
    protected static async Task<List<Attempt>> AttemptsAsync(LearningDb db, ComputedIndicatorQuery query, List<Person> people, CancellationToken ct)
    {
        var ids = people.Select(p => p.Id).ToHashSet();
        return (await db.Attempts.AsNoTracking().Where(a => a.Status == AttemptStatus.Submitted).ToListAsync(ct))
            .Where(a => ids.Contains(a.PersonId) && a.StartedAt.ChinaDate() >= query.PeriodStart && a.StartedAt.ChinaDate() <= query.PeriodEnd).ToList();
    }

    protected sealed record Person(Guid Id, string Name, string UnitName, Guid OrgUnitId, bool IsLeader);
}

/// <summary>学法考试参考率: of the registered people, those who handed in an exam in the period.</summary>
internal sealed class ExamParticipationIndicator(ISystemWork systemWork) : LearningIndicator(systemWork)
{
    public override string Key => "learning.exam-participation";

    public override string Title => "学法考试参考率";

    public override string Description => "考评范围内人员名册中的在册人员，考评期内参加学法考试并交卷的人数 ÷ 在册人数。";

    protected override async Task<List<ComputedIndicatorRecord>> RowsAsync(LearningDb db, ComputedIndicatorQuery query, List<Person> people, CancellationToken ct)
    {
        var took = (await AttemptsAsync(db, query, people, ct)).Select(a => a.PersonId).ToHashSet();
        return people.Select(p => Row(p, took.Contains(p.Id), took.Contains(p.Id) ? "已参加考试" : "考评期内未参加考试")).ToList();
    }
}

/// <summary>学法考试合格率: of the people with a final result in the period, those who passed (their best attempt).</summary>
internal sealed class ExamPassIndicator(ISystemWork systemWork) : LearningIndicator(systemWork)
{
    public override string Key => "learning.exam-pass";

    public override string Title => "学法考试合格率";

    public override string Description => "考评范围内在册人员中，考评期内参加考试且成绩已确定（简答题已阅完）的人员里，至少一次合格的人数 ÷ 成绩已确定的人数。";

    protected override async Task<List<ComputedIndicatorRecord>> RowsAsync(LearningDb db, ComputedIndicatorQuery query, List<Person> people, CancellationToken ct)
    {
        var attempts = await AttemptsAsync(db, query, people, ct);
        var final = attempts.Where(a => a.Passed is not null).GroupBy(a => a.PersonId).ToDictionary(g => g.Key, g => g.Max(a => a.Score));
        var passed = attempts.Where(a => a.Passed == true).Select(a => a.PersonId).ToHashSet();
        return people.Where(p => final.ContainsKey(p.Id))
            .Select(p => Row(p, passed.Contains(p.Id), passed.Contains(p.Id) ? $"合格（最高 {final[p.Id]:0.##} 分）" : $"不合格（最高 {final[p.Id]:0.##} 分）")).ToList();
    }
}

/// <summary>领导干部述职述法完成率: of the leading officials, those with a duty report for a year of the period.</summary>
internal sealed class DutyReportIndicator(ISystemWork systemWork) : LearningIndicator(systemWork)
{
    public override string Key => "learning.duty-reports";

    public override string Title => "领导干部述职述法完成率";

    public override string Description => "考评范围内在册的领导干部中，已提交考评期所在年度述职述法报告的人数 ÷ 领导干部人数。";

    protected override async Task<List<ComputedIndicatorRecord>> RowsAsync(LearningDb db, ComputedIndicatorQuery query, List<Person> people, CancellationToken ct)
    {
        var leaders = people.Where(p => p.IsLeader).ToList();
        var ids = leaders.Select(p => p.Id).ToList();
        var reported = (await db.DutyReports.AsNoTracking()
                .Where(r => ids.Contains(r.PersonId) && r.Year >= query.PeriodStart.Year && r.Year <= query.PeriodEnd.Year).Select(r => new { r.PersonId, r.Year }).ToListAsync(ct))
            .GroupBy(r => r.PersonId).ToDictionary(g => g.Key, g => string.Join("、", g.Select(r => r.Year).Order()));
        return leaders.Select(p => Row(p, reported.ContainsKey(p.Id), reported.TryGetValue(p.Id, out var years) ? $"已提交 {years} 年度述职述法报告" : "未提交述职述法报告")).ToList();
    }
}

/// <summary>集体学法参学率: of the registered people, those who attended a collective study session or lecture in the period.</summary>
internal sealed class StudyIndicator(ISystemWork systemWork) : LearningIndicator(systemWork)
{
    public override string Key => "learning.study";

    public override string Title => "集体学法参学率";

    public override string Description => "考评范围内在册人员中，考评期内参加集体学法（理论中心组学法、常务会议学法）或法治讲座的人数 ÷ 在册人数。";

    protected override async Task<List<ComputedIndicatorRecord>> RowsAsync(LearningDb db, ComputedIndicatorQuery query, List<Person> people, CancellationToken ct)
    {
        var ids = people.Select(p => p.Id).ToList();
        var (from, to) = (query.PeriodStart, query.PeriodEnd);
        var sessions = (await db.ActivityAttendees.AsNoTracking().Where(x => ids.Contains(x.PersonId))
                .Join(db.Activities.AsNoTracking().Where(a => a.Date >= from && a.Date <= to && (a.Kind == ActivityKind.StudySession || a.Kind == ActivityKind.Lecture)),
                    x => x.ActivityId, a => a.Id, (x, a) => x.PersonId).ToListAsync(ct))
            .GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        return people.Select(p => Row(p, sessions.ContainsKey(p.Id), sessions.TryGetValue(p.Id, out var n) ? $"参加集体学法或讲座 {n} 次" : "考评期内未参加集体学法")).ToList();
    }
}
