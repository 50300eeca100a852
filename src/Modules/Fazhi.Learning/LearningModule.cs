using Fazhi.Learning.Data;
using Fazhi.Learning.Demo;
using Fazhi.Learning.Exams;
using Fazhi.Learning.People;
using Fazhi.Learning.Questions;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Jobs;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Security;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fazhi.Learning;

/// <summary>
/// Officials' law study and exams (学法用法、两述两考, ADR 0028): the personnel register, the question bank tied to the law in
/// force through the regulation library, papers and exams taken on a phone or a PC with the clock kept by the server.
/// </summary>
public static class LearningModule
{
    /// <summary>The public certificate check: 60 look-ups a minute per address.</summary>
    public const string PublicRateLimit = "learning-public";

    /// <summary>Exam-code sign-ins per client address and minute (ADR 0037): a whole exam room may share one address.</summary>
    public const string CodeSignInRateLimit = "learning-code-signin";

    public static WebApplicationBuilder AddLearning(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        LearningAuditLabels.Add(services);
        builder.AddFazhiDbContext<LearningDb, SqliteLearningDb, PostgresLearningDb>("learning");
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<PeopleService>();
        services.AddScoped<QuestionService>();
        services.AddMemoryCache();
        services.AddScoped<ExamService>();
        services.AddScoped<ProctorService>();
        services.AddScoped<Marking.MarkingService>();
        services.AddScoped<Grades.ResultsService>();
        services.AddScoped<Grades.Certificates>();
        services.AddScoped<Records.RecordsService>();
        services.AddScoped<Fazhi.Assessment.Contracts.IComputedIndicatorProvider, Indicators.ExamParticipationIndicator>();
        services.AddScoped<Fazhi.Assessment.Contracts.IComputedIndicatorProvider, Indicators.ExamPassIndicator>();
        services.AddScoped<Fazhi.Assessment.Contracts.IComputedIndicatorProvider, Indicators.DutyReportIndicator>();
        services.AddScoped<Fazhi.Assessment.Contracts.IComputedIndicatorProvider, Indicators.StudyIndicator>();
        services.AddRateLimiter(o => o.AddPolicy(PublicRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = 60, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        var codeSignIns = builder.Configuration.GetValue("Learning:CodeSignInsPerMinute", 300);
        services.AddRateLimiter(o => o.AddPolicy(CodeSignInRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = codeSignIns, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        services.AddScoped<ExamCodes>();
        LearningCodeAuth.Add(services);
        services.AddFazhiJob<AttemptSweepJob>("0 * * * * ?", "每分钟 考试到时自动交卷");
        services.AddFazhiJob<QuestionLegalCheckJob>("0 50 2 * * ?", "每日 02:50 题库法条变更检查");
        services.AddScoped<IDemoSeed, LearningDemoSeed>();
        services.AddPermissions(LearningPermissions.All);
        services.AddModuleText<LearningText>();
        services.AddModuleRoles(
            new ModuleRole("learning-office", "学法考法管理", "管理人员名册、题库、试卷和考试，阅卷、发布成绩和答案，监考。",
                [LearningPermissions.Manage, LearningPermissions.Unit, LearningPermissions.Mark]),
            new ModuleRole("learning-marker", "学法考法阅卷人", "简答题阅卷：看不到考生姓名，按题评分并写评语。", [LearningPermissions.Mark]),
            new ModuleRole("learning-unit", "学法考法单位联络员", "维护本单位人员名册，查看本单位人员的学法考法记录和考试成绩。", [LearningPermissions.Unit]));
        // --demo: the city account runs the office side; each district account keeps its own people.
        services.AddDemoRoleAssignments(
            new DemoRoleAssignment("demo-city", "learning-office", "370400"),
            new DemoRoleAssignment("demo-xuecheng", "learning-unit", "370403"));
        services.AddNavItems(
            new NavItem("学法考法", "人员名册", "/learning/people", LearningPermissions.Unit, 10, "Personnel register"),
            new NavItem("学法考法", "题库", "/learning/questions", LearningPermissions.Manage, 20, "Question bank"),
            new NavItem("学法考法", "试卷与考试", "/learning/exams", LearningPermissions.Manage, 30, "Papers and exams"),
            new NavItem("学法考法", "阅卷", "/learning/marking", LearningPermissions.Mark, 40, "Marking"),
            new NavItem("学法考法", "考试成绩", "/learning/results", LearningPermissions.Unit, 50, "Exam results"),
            new NavItem("学法考法", "学法述法记录", "/learning/records", LearningPermissions.Unit, 60, "Study and duty records"),
            new NavItem("学法考法", "我的考试", "/learning/my", null, 5, "My exams"));
        return builder;
    }

    public static WebApplication MapLearning(this WebApplication app)
    {
        var api = app.MapGroup("/api/learning").WithTags("learning");
        PeopleApi.Map(api);
        QuestionsApi.Map(api);
        ExamsApi.Map(api);
        Marking.MarkingApi.Map(api);
        Grades.GradesApi.Map(api);
        Records.RecordsApi.Map(api);
        return app;
    }
}
