using Fazhi.Learning.Data;
using Fazhi.Learning.People;
using Fazhi.Learning.Questions;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Learning.Demo;

/// <summary>
/// <c>--demo</c>: every demo account registered as an official of its unit (so each can take the open demo exam), a few
/// officials without accounts, and a small question bank on the library's demo laws with one question flagged because
/// 行政复议法 第三十二条 changed in the 2023 revision. Every record is labelled demo. Idempotent: skipped when the register
/// already has demo people.
/// </summary>
internal sealed class LearningDemoSeed(LearningDb db, IOrgDirectory orgs, IUserDirectory users, QuestionService questions, Exams.ExamService exams, Marking.MarkingService marking,
    TimeProvider time, Fazhi.Platform.Features.Calendar.IDeadlineService deadlines) : IDemoSeed
{
    internal static readonly (string User, string Name, string Org, string Post, bool Leader, string Level)[] Accounts =
    [
        ("demo-city", "演示·市司法局工作人员", "370400", "法治督察科科员", false, "一般干部"),
        ("demo-shizhong", "演示·市中区工作人员", "370402", "司法局副局长", true, "科级"),
        ("demo-xuecheng", "演示·薛城区工作人员", "370403", "法制审核员", false, "一般干部"),
        ("demo-town", "演示·市中区中心街街道工作人员", "370402001", "综合执法队员", false, "一般干部"),
        ("demo-sysadmin", "演示·系统管理员", "370400", "信息中心工程师", false, "一般干部"),
        ("demo-secadmin", "演示·安全管理员", "370400", "信息中心工程师", false, "一般干部"),
        ("demo-auditor", "演示·审计管理员", "370400", "信息中心工程师", false, "一般干部"),
    ];

    internal static readonly (string Name, string Org, string Post, bool Leader, string Level)[] Others =
    [
        ("张明华（演示）", "370400-SFJ", "局长", true, "处级"),
        ("李秀英（演示）", "370400-SFJ", "行政复议科科长", false, "科级"),
        ("王建国（演示）", "370400-ZHZF", "副局长", true, "处级"),
        ("赵丽（演示）", "370400-SJJ", "执法监督科科员", false, "一般干部"),
        ("刘洋（演示）", "370403", "区长", true, "处级"),
    ];

    private static readonly QuestionInput[] Bank =
    [
        new(QuestionKind.Single, "违法行为在多长时间内未被发现的，一般不再给予行政处罚？", "一年\n二年\n三年\n五年", "B", "一般为二年；涉及公民生命健康安全、金融安全且有危害后果的延长至五年。", "《行政处罚法》第三十六条", "行政处罚", 1),
        new(QuestionKind.TrueFalse, "初次违法且危害后果轻微并及时改正的，可以不予行政处罚。", "", "对", "“首违不罚”。", "《行政处罚法》第三十三条", "行政处罚", 1),
        new(QuestionKind.Multiple, "行政机关拟作出下列哪些行政处罚决定，应当告知当事人有要求听证的权利？", "较大数额罚款\n没收较大数额违法所得\n降低资质等级\n警告", "ABC", "警告不在听证范围之内。", "《行政处罚法》第六十三条", "行政处罚", 2),
        new(QuestionKind.FillIn, "公民认为行政行为侵犯其合法权益的，可以自知道或者应当知道该行政行为之日起____日内提出行政复议申请。", "", "六十|60", "法律规定的申请期限超过六十日的除外。", "《行政复议法》第二十条", "行政复议", 1),
        new(QuestionKind.Short, "简述听证程序中当事人享有的主要权利。", "", "申请回避、陈述申辩、质证、委托代理人、核对听证笔录等。", "按要点给分。", "《行政处罚法》第六十四条", "行政处罚", 3),
        new(QuestionKind.Single, "法律援助机构应当自收到法律援助申请之日起几日内进行审查并作出决定？", "五日\n七日\n十日\n十五日", "B", "七日内作出是否给予法律援助的决定。", "《法律援助法》第四十三条", "法律援助", 2),
        new(QuestionKind.TrueFalse, "行政机关可以因当事人陈述、申辩而给予更重的处罚。", "", "错", "不得因当事人陈述、申辩而给予更重的处罚。", "《行政处罚法》第四十五条", "行政处罚", 1),
        new(QuestionKind.Single, "当事人要求听证的，应当在行政机关告知后几日内提出？", "三日\n五日\n七日\n十日", "B", "五日内提出。", "《行政处罚法》第六十四条", "行政处罚", 2),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.People.IgnoreQueryFilters().AnyAsync(p => p.IsDemo, ct))
        {
            return;
        }
        foreach (var (userName, name, org, post, leader, level) in Accounts)
        {
            var account = await users.FindByUserNameAsync(userName, ct);
            var unit = await orgs.FindByCodeAsync(org, ct);
            if (account is null || unit is null || await db.People.IgnoreQueryFilters().AnyAsync(p => p.UserId == account.Id, ct))
            {
                continue;
            }
            db.People.Add(new Person
            {
                Name = name, OrgUnitId = unit.Id, UnitName = unit.Name, Post = post, IsLeader = leader, Level = level, UserId = account.Id, UserName = userName, IsDemo = true,
            });
        }
        foreach (var (name, org, post, leader, level) in Others)
        {
            if (await orgs.FindByCodeAsync(org, ct) is { } unit)
            {
                db.People.Add(new Person { Name = name, OrgUnitId = unit.Id, UnitName = unit.Name, Post = post, IsLeader = leader, Level = level, IsDemo = true });
            }
        }
        await db.SaveChangesAsync(ct);
        await SeedQuestionsAsync(ct);
        await SeedExamAsync(ct);
        await SeedRecordsAsync(ct);
    }

    /// <summary>Demo records of each kind this year: a collective study session, a lecture, a court hearing, an oath ceremony, two duty reports (one evaluated).</summary>
    private async Task SeedRecordsAsync(CancellationToken ct)
    {
        if (await orgs.FindByCodeAsync("370400", ct) is not { } city)
        {
            return;
        }
        var people = await db.People.IgnoreQueryFilters().Where(p => p.IsDemo).ToDictionaryAsync(p => p.Name, ct);
        var today = deadlines.Today;
        DateOnly DaysAgo(int days) => today.AddDays(-days) is var d && d.Year == today.Year ? d : new DateOnly(today.Year, 1, 1);
        (Records.ActivityKind Kind, int DaysAgo, string Topic, string Detail, string[] Who)[] activities =
        [
            (Records.ActivityKind.StudySession, 40, "市政府常务会议学法：《中华人民共和国行政复议法》（2023 年修订）要点（演示）", "市司法局主要负责同志",
                ["张明华（演示）", "李秀英（演示）", "王建国（演示）", "演示·市司法局工作人员"]),
            (Records.ActivityKind.Lecture, 25, "法治讲座：行政处罚法适用中的常见问题（演示）", "枣庄学院法学院教授（演示）",
                ["李秀英（演示）", "赵丽（演示）", "演示·市中区工作人员", "演示·薛城区工作人员", "演示·市中区中心街街道工作人员"]),
            (Records.ActivityKind.CourtHearing, 18, "某商贸公司诉区市场监督管理局行政处罚案（演示）", "枣庄市中级人民法院", ["赵丽（演示）", "刘洋（演示）", "演示·薛城区工作人员"]),
            (Records.ActivityKind.Oath, 10, "新任命国家工作人员宪法宣誓仪式（演示）", "市人大常委会副主任（演示）", ["王建国（演示）", "演示·市中区工作人员"]),
        ];
        foreach (var (kind, days, topic, detail, who) in activities)
        {
            var activity = new Records.Activity { Kind = kind, OrgUnitId = city.Id, UnitName = city.Name, Date = DaysAgo(days), Topic = topic, Detail = detail, IsDemo = true };
            db.Activities.Add(activity);
            db.ActivityAttendees.AddRange(who.Where(people.ContainsKey).Select(n => people[n])
                .Select(p => new Records.ActivityAttendee { ActivityId = activity.Id, PersonId = p.Id, OrgUnitId = p.OrgUnitId, PersonName = p.Name }));
        }
        (string Name, string Summary, string Evaluation, string Note)[] reports =
        [
            ("张明华（演示）", "履行推进法治建设第一责任人职责情况：主持局党组会议学法 4 次，组织行政复议法修订培训，办理行政复议案件 126 件。", "优秀", "职责履行到位，述法内容具体。"),
            ("刘洋（演示）", "区政府推进依法行政情况：落实重大行政决策合法性审查，全年审查决策事项 18 件，旁听庭审 2 次。", "", ""),
        ];
        foreach (var (name, summary, evaluation, note) in reports)
        {
            if (people.TryGetValue(name, out var p))
            {
                db.DutyReports.Add(new Records.DutyReport
                {
                    PersonId = p.Id, OrgUnitId = p.OrgUnitId, PersonName = p.Name, Year = today.Year, SubmittedOn = DaysAgo(5), Summary = summary, Evaluation = evaluation,
                    EvaluationNote = note, IsDemo = true,
                });
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A random paper over the demo bank and an exam open for a month to everyone in the city (every demo account).</summary>
    private async Task SeedExamAsync(CancellationToken ct)
    {
        if (await orgs.FindByCodeAsync("370400", ct) is not { } city)
        {
            return;
        }
        var (paper, refusal) = await PageActions.TryAsync(() => exams.CreatePaperAsync(new Exams.PaperInput("2026 年度法治能力测试（演示）", Exams.PaperMode.Random, null,
            "行政处罚|易|3\n行政处罚|中|2\n行政处罚|难|1\n行政复议|易|1\n法律援助|中|1", 10), ct));
        if (refusal is not null)
        {
            return;
        }
        var now = time.GetUtcNow();
        var exam = await exams.CreateExamAsync(new Exams.ExamInput("2026 年度全市法治能力测试（演示）", paper!.Id, now.AddDays(-1), now.AddDays(30), 30, 3, 48, [city.Id]), ct);
        var (_, notDrawable) = await PageActions.TryAsync(() => exams.PublishAsync(exam.Id, new Exams.VersionInput(exam.Version), ct));
        paper.IsDemo = true;
        exam.IsDemo = true;
        db.Update(paper);
        db.Update(exam);
        if (notDrawable is null)
        {
            await db.SaveChangesAsync(ct);
            await SeedResultsAsync(exam, ct);
        }
    }

    /// <summary>
    /// Demo results: the officials without accounts sat the demo exam yesterday. Three short answers are marked (so there are
    /// passes with certificates and a fail), two wait in the marking queue for <c>demo-city</c>.
    /// </summary>
    private async Task SeedResultsAsync(Exams.Exam exam, CancellationToken ct)
    {
        var names = Others.Select(o => o.Name).ToList();
        var sitters = await db.People.IgnoreQueryFilters().Where(p => p.IsDemo && p.UserId == null && names.Contains(p.Name)).ToListAsync(ct);
        (int Right, string Answer, decimal? Points, string Comment)[] plan =
        [
            (8, "当事人有权申请回避，有权陈述、申辩和质证，可以委托一至二人代理，有权核对听证笔录。", 10, "要点齐全。"),
            (7, "可以申请回避、进行陈述申辩和质证。", 6, "缺委托代理人和核对笔录。"),
            (3, "听证应当公开举行。", 2, "答非所问，仅涉及公开举行。"),
            (6, "有陈述、申辩的权利，可以请律师。", null, ""),
            (5, "可以要求回避。", null, ""),
        ];
        var started = time.GetUtcNow().AddHours(-20);
        foreach (var (person, i) in sitters.OrderBy(p => names.IndexOf(p.Name)).Select((p, i) => (p, i)).Take(plan.Length))
        {
            var attempt = await exams.DemoAttemptAsync(exam, person, plan[i].Right, plan[i].Answer, started.AddMinutes(i * 7), ct);
            var shortItem = await db.AttemptItems.AsNoTracking().Where(x => x.AttemptId == attempt.Id && x.Kind == QuestionKind.Short).Select(x => (int?)x.Position).FirstOrDefaultAsync(ct);
            if (plan[i].Points is { } points && shortItem is { } position)
            {
                await marking.MarkAsync(attempt.Id, position, new Marking.MarkInput(points, plan[i].Comment), ct);
            }
        }
        // One-time exam codes (ADR 0037) for the same officials, known only in the demo: 赵丽（演示） signs in at /learning/code
        // with ZZ-DEMO-0004 and her name and may sit the demo exam again (three attempts).
        foreach (var (person, i) in sitters.OrderBy(p => names.IndexOf(p.Name)).Select((p, i) => (p, i)))
        {
            db.ExamCodes.Add(new Exams.ExamCode
            {
                ExamId = exam.Id, PersonId = person.Id, OrgUnitId = person.OrgUnitId, PersonName = person.Name, CodeHash = Exams.ExamCodes.Hash(Exams.ExamCodes.Normalise(DemoCode(i))),
                IssuedAt = time.GetUtcNow(), IsDemo = true,
            });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The demo's exam code of the <paramref name="index"/>-th official without an account (public in the demo only).</summary>
    internal static string DemoCode(int index) => $"ZZ-DEMO-{index + 1:0000}";

    private async Task SeedQuestionsAsync(CancellationToken ct)
    {
        foreach (var input in Bank)
        {
            var (question, refusal) = await PageActions.TryAsync(() => questions.CreateAsync(input, ct));
            if (refusal is not null)
            {
                continue; // the library's demo laws are not imported (a bare --demo without the library): the bank stays smaller
            }
            await db.Questions.Where(x => x.Id == question!.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.IsDemo, true), ct);
        }
        // Written when 行政复议法 (2017) 第三十二条 read “被申请人应当履行行政复议决定”; the 2023 revision changed it: flagged.
        var old = new QuestionInput(QuestionKind.TrueFalse, "被申请人应当履行行政复议决定。", "", "对", "依 2017 年行政复议法。", "《行政复议法》第三十二条", "行政复议", 1, new DateOnly(2022, 6, 1));
        var (flaggedQuestion, failed) = await PageActions.TryAsync(() => questions.CreateAsync(old, ct));
        if (failed is null)
        {
            await db.Questions.Where(x => x.Id == flaggedQuestion!.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.IsDemo, true), ct);
            await questions.CheckLegalChangesAsync(ct);
        }
    }
}
