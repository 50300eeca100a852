using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Fazhi.Learning.Data;
using Fazhi.Learning.People;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Kit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Learning.Exams;

internal sealed record IssueCodesInput(Guid? UnitId);

internal sealed record CodeSignInInput(string? Code, string? Name);

internal sealed record CodeSignedIn(Guid ExamId, string Title, DateTimeOffset ClosesAt);

/// <summary>One issued code, shown once (on the printed list): the plain code is never stored.</summary>
internal sealed record IssuedCode(Guid PersonId, string Name, string UnitName, string Post, string Code);

/// <summary>A person's code as the office sees it afterwards (never the code itself).</summary>
internal sealed record CodeRow(Guid PersonId, string Name, Guid OrgUnitId, DateTimeOffset IssuedAt, bool Revoked, bool Locked, int SignIns, DateTimeOffset? LastSignInAt, int FailedCount);

/// <summary>
/// One-time exam codes (考试码, ADR 0037) for registered people without an account: the office issues them per exam (for its
/// assigned people, or one unit's) and prints the list; the person signs in with the code and their name and is signed in
/// with the module's own cookie scheme <see cref="LearningCodeAuth.Scheme"/>, which reaches only that exam's taking API and
/// page. A code is valid only within its exam's window, stored as a SHA-256 hash, locked after <see cref="MaxFailures"/>
/// names that do not match, and every issue, sign-in and failure is a change of an audited row.
/// </summary>
internal sealed class ExamCodes(LearningDb db, ExamService exams, ISystemWork systemWork, TimeProvider time, IConfiguration config)
{
    public const int MaxFailures = 5;

    /// <summary>
    /// How many days after the window closes a code still signs in once the office has released the results
    /// (<c>Learning:CodeResultsDays</c>, default 90): to see the marked paper and download the certificate, never to answer.
    /// </summary>
    private int ResultsDays => config.GetValue("Learning:CodeResultsDays", 90);

    /// <summary>Letters and digits that cannot be mistaken for each other when read off paper (no 0/O, 1/I/L).</summary>
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    private const int Length = 12;

    /// <summary>Issues a new code to every assigned person without an account (in <paramref name="input"/>'s unit when given); earlier codes of those people are revoked.</summary>
    public async Task<List<IssuedCode>> IssueAsync(Guid examId, IssueCodesInput input, CancellationToken ct)
    {
        var exam = await db.Exams.AsNoTracking().FirstOrDefaultAsync(e => e.Id == examId, ct) ?? throw Refuse.NotFound("考试不存在。");
        if (time.GetUtcNow() >= exam.ClosesAt)
        {
            throw Refuse.Conflict("考试已经结束，不能再发放考试码。", ExamAccess.CodeRule);
        }
        var candidates = await db.People.AsNoTracking().Where(p => p.IsActive && p.UserId == null).OrderBy(p => p.UnitName).ThenBy(p => p.Name).ToListAsync(ct);
        if (input.UnitId is { } unit)
        {
            var subtree = await exams.SubtreeAsync(unit, ct);
            candidates = candidates.Where(p => subtree.Contains(p.OrgUnitId)).ToList();
        }
        var assigned = new List<Person>();
        foreach (var p in candidates)
        {
            if (await exams.AssignedAsync(exam, p, ct))
            {
                assigned.Add(p);
            }
        }
        if (assigned.Count == 0)
        {
            throw Refuse.Field("unitId", "没有需要发放考试码的人员：考试码只发给本场考试参考范围内、在名册中登记但没有账号的人员。");
        }
        var ids = assigned.Select(p => p.Id).ToList();
        var now = time.GetUtcNow();
        var earlier = await db.ExamCodes.Where(c => c.ExamId == examId && c.RevokedAt == null && ids.Contains(c.PersonId)).ToListAsync(ct);
        foreach (var old in earlier)
        {
            old.RevokedAt = now;
        }
        var issued = new List<IssuedCode>();
        foreach (var p in assigned)
        {
            var code = NewCode();
            db.ExamCodes.Add(new ExamCode { ExamId = examId, PersonId = p.Id, OrgUnitId = p.OrgUnitId, PersonName = p.Name, CodeHash = Hash(Normalise(code)), IssuedAt = now, IsDemo = exam.IsDemo });
            issued.Add(new IssuedCode(p.Id, p.Name, p.UnitName, p.Post, code));
        }
        await db.SaveChangesAsync(ct);
        return issued;
    }

    /// <summary>The printable list: one sheet per unit with name, post, code, the window and where to sign in.</summary>
    public static byte[] Workbook(Exam exam, IReadOnlyList<IssuedCode> codes, string signInAddress)
    {
        var window = $"{exam.OpensAt.InChina():yyyy-MM-dd HH:mm} – {exam.ClosesAt.InChina():yyyy-MM-dd HH:mm}";
        var columns = new List<XlsxColumn> { new("姓名", 14), new("单位", 28), new("职务/岗位", 16), new("考试码", 18), new("考试", 30), new("有效时间（北京时间）", 36), new("登录地址", 36) };
        var sheets = codes.GroupBy(c => c.UnitName).Select((g, i) => new XlsxSheet(SheetName(g.Key, i), columns,
            g.Select(c => (IReadOnlyList<object?>)[c.Name, c.UnitName, c.Post, c.Code, exam.Title, window, signInAddress]))).ToArray();
        return XlsxWriter.Write(sheets);
    }

    /// <summary>The exam's codes as the office sees them (status only; the codes themselves are not kept).</summary>
    public async Task<List<CodeRow>> ListAsync(Guid examId, CancellationToken ct) =>
        (await db.ExamCodes.AsNoTracking().Where(c => c.ExamId == examId).ToListAsync(ct))
        .OrderBy(c => c.PersonName).ThenByDescending(c => c.IssuedAt)
        .Select(c => new CodeRow(c.PersonId, c.PersonName, c.OrgUnitId, c.IssuedAt, c.RevokedAt is not null, c.FailedCount >= MaxFailures, c.SignIns, c.LastSignInAt, c.FailedCount))
        .ToList();

    /// <summary>
    /// Checks a code and the person's name (as system work: nobody is signed in yet). A code is refused, naming the rule, when
    /// unknown, revoked, locked, outside its exam's window or given with another name (counted; locked at <see cref="MaxFailures"/>).
    /// </summary>
    public async Task<(CodeTaker Taker, CodeSignedIn Exam)> CheckAsync(CodeSignInInput input, CancellationToken ct)
    {
        var checks = new FieldChecks();
        var given = Normalise(input.Code);
        var name = TextRules.Required(checks, "name", "姓名", input.Name, 64);
        checks.When(given.Length == 0, "code", "请填写考试码。");
        checks.ThrowIfAny("未能登录。");
        await using var work = systemWork.Db<LearningDb>("考试码登录");
        var hash = Hash(given);
        var code = await work.ExamCodes.FirstOrDefaultAsync(c => c.CodeHash == hash, ct)
                   ?? throw Refuse.Field("code", "考试码不正确，请核对考试通知上的考试码。", ExamAccess.CodeRule);
        if (code.RevokedAt is not null)
        {
            throw Refuse.Field("code", "该考试码已作废（已重新发放），请使用新的考试码。", ExamAccess.CodeRule);
        }
        if (code.FailedCount >= MaxFailures)
        {
            throw Refuse.Field("code", $"该考试码因姓名连续 {MaxFailures} 次不符已锁定，请联系考试组织部门重新发放。", ExamAccess.CodeRule);
        }
        if (!string.Equals(name.Replace(" ", "").Replace("\u3000", ""), code.PersonName.Replace(" ", ""), StringComparison.Ordinal))
        {
            code.FailedCount++;
            await work.SaveChangesAsync(ct);
            throw Refuse.Field("name", $"姓名与考试码不符（考试码只能由本人使用；连续 {MaxFailures} 次不符将锁定）。", ExamAccess.CodeRule);
        }
        var exam = await work.Exams.AsNoTracking().FirstOrDefaultAsync(e => e.Id == code.ExamId, ct) ?? throw Refuse.NotFound("考试不存在。");
        var now = time.GetUtcNow();
        if (exam.Status != ExamStatus.Published)
        {
            throw Refuse.Conflict("考试尚未发布。", ExamAccess.CodeRule);
        }
        if (now < exam.OpensAt)
        {
            throw Refuse.Conflict($"考试码只在考试时间内有效：本场考试 {exam.OpensAt.InChina():yyyy-MM-dd HH:mm} 开考。", ExamAccess.CodeRule);
        }
        // After the window a code only shows the result (ADR 0046): once the office has released it, for ResultsDays.
        if (now >= exam.ClosesAt && (!exam.ResultsReleased || now >= exam.ClosesAt.AddDays(ResultsDays)))
        {
            throw Refuse.Conflict(exam.ResultsReleased
                ? $"考试码已过期：本场考试已于 {exam.ClosesAt.InChina():yyyy-MM-dd HH:mm} 结束，成绩查询期（{ResultsDays} 天）也已结束。"
                : $"考试码已过期：本场考试已于 {exam.ClosesAt.InChina():yyyy-MM-dd HH:mm} 结束；考试组织部门公布成绩后，可用本考试码登录查看成绩、下载合格证书。", ExamAccess.CodeRule);
        }
        code.SignIns++;
        code.LastSignInAt = now;
        code.FailedCount = 0;
        await work.SaveChangesAsync(ct);
        return (new CodeTaker(code.PersonId, code.ExamId, code.Id), new CodeSignedIn(exam.Id, exam.Title, exam.ClosesAt));
    }

    /// <summary>Checks the code and starts the exam-only session (the module's cookie scheme, until two hours after the window closes, or two hours from now after it).</summary>
    public async Task<CodeSignedIn> SignInAsync(HttpContext http, CodeSignInInput input, CancellationToken ct)
    {
        var (taker, exam) = await CheckAsync(input, ct);
        var identity = new ClaimsIdentity(LearningCodeAuth.Scheme);
        identity.AddClaim(new Claim(LearningCodeAuth.PersonClaim, taker.PersonId.ToString()));
        identity.AddClaim(new Claim(LearningCodeAuth.ExamClaim, taker.ExamId.ToString()));
        identity.AddClaim(new Claim(LearningCodeAuth.CodeClaim, taker.CodeId.ToString()));
        await http.SignInAsync(LearningCodeAuth.Scheme, new ClaimsPrincipal(identity),
            new AuthenticationProperties { IsPersistent = false, ExpiresUtc = Max(exam.ClosesAt, time.GetUtcNow()).AddHours(2), AllowRefresh = false });
        return exam;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    internal static string Normalise(string? code) =>
        new string((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray()) is { Length: <= 64 } s ? s : "";

    internal static string Hash(string normalised) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("fazhi-learning-code:" + normalised)));

    private static string NewCode()
    {
        var chars = new char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
        var s = new string(chars);
        return $"{s[..4]}-{s[4..8]}-{s[8..]}";
    }

    private static string SheetName(string unit, int index)
    {
        var clean = new string(unit.Where(c => !"[]:*?/\\".Contains(c)).ToArray());
        clean = clean.Length == 0 ? "单位" : clean;
        return (clean.Length > 24 ? clean[..24] : clean) + (index > 0 ? $"-{index + 1}" : "");
    }
}

/// <summary>
/// The exam-code session (ADR 0037): its own cookie (<c>fazhi.exam</c>) and scheme beside the platform's, so the platform's
/// sign-in pipeline, current user and fallback policy never see it: a code taker is anonymous to every other page and API,
/// and only the endpoints and page that ask for <see cref="Policy"/> accept it.
/// </summary>
internal static class LearningCodeAuth
{
    public const string Scheme = "learning-code";

    public const string Policy = "learning-code-taker";

    public const string PersonClaim = "fazhi:learning-person";

    public const string ExamClaim = "fazhi:learning-exam";

    public const string CodeClaim = "fazhi:learning-code";

    public static void Add(IServiceCollection services)
    {
        services.AddAuthentication().AddCookie(Scheme, o =>
        {
            o.Cookie.Name = "fazhi.exam";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = false;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.LoginPath = "/learning/code";
            o.AccessDeniedPath = "/learning/code";
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        });
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireClaim(ExamClaim).RequireClaim(PersonClaim));
    }

    /// <summary>The code taker of this request, or null.</summary>
    public static CodeTaker? Taker(ClaimsPrincipal? user)
    {
        var identity = user?.Identities.FirstOrDefault(i => i.IsAuthenticated && i.AuthenticationType == Scheme);
        return identity is not null
               && Guid.TryParse(identity.FindFirst(PersonClaim)?.Value, out var person)
               && Guid.TryParse(identity.FindFirst(ExamClaim)?.Value, out var exam)
               && Guid.TryParse(identity.FindFirst(CodeClaim)?.Value, out var code)
            ? new CodeTaker(person, exam, code)
            : null;
    }

    /// <summary>An exam service acting for the code taker of <paramref name="http"/>: as named system work (nobody is signed in to the platform), its taker the code's person.</summary>
    public static ExamService Service(HttpContext http)
    {
        var taker = Taker(http.User) ?? throw Refuse.NotFound("请先用考试码登录。");
        var service = ActivatorUtilities.CreateInstance<ExamService>(http.RequestServices, Db(http));
        service.Code = taker;
        return service;
    }

    /// <summary>The certificates acting for the code taker of <paramref name="http"/>: their own passed attempt at the code's exam only.</summary>
    public static Grades.Certificates Certificates(HttpContext http)
    {
        var taker = Taker(http.User) ?? throw Refuse.NotFound("请先用考试码登录。");
        var service = ActivatorUtilities.CreateInstance<Grades.Certificates>(http.RequestServices, Db(http));
        service.Code = taker;
        return service;
    }

    private static LearningDb Db(HttpContext http)
    {
        var db = http.RequestServices.GetRequiredService<ISystemWork>().Db<LearningDb>("考试码考生");
        http.Response.RegisterForDisposeAsync(db);
        return db;
    }

    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
