using System.Security.Cryptography;
using Fazhi.Learning.Data;
using Fazhi.Learning.Exams;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Learning.Grades;

/// <summary>What the public verification page shows of a certificate: only the name, the exam, the result and the date.</summary>
internal sealed record CertificateCheck(string Number, string Name, string Exam, string Result, DateOnly Date);

/// <summary>
/// The pass certificate (合格证书, ADR 0033). A final result that is a pass gets a verification number at once: “XF”, the
/// year and ten random characters from an alphabet without look-alikes (0/O, 1/I), so numbers cannot be guessed one from
/// another. The certificate is a .docx written with the platform's official-notice layout; anyone can check a number on
/// the public page, which shows only the name, the exam, the result and the date.
/// </summary>
internal sealed class Certificates(LearningDb db, ICurrentUser user, IOrgDirectory orgs)
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    /// <summary>Set for a one-time exam code's taker (ADR 0037, 0046): only that person's attempt at that exam is theirs.</summary>
    internal CodeTaker? Code { get; set; }

    /// <summary>Makes an attempt's result final at <paramref name="at"/>; a pass gets its certificate number.</summary>
    public static void Finalise(Attempt attempt, DateTimeOffset at)
    {
        attempt.FinalAt = at;
        if (attempt.Passed == true && attempt.CertificateNumber is null)
        {
            attempt.CertificateNumber = NewNumber(at);
        }
    }

    public static string NewNumber(DateTimeOffset at) =>
        "XF" + at.InChina().Year + "-" + new string(Enumerable.Range(0, 10).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]).ToArray());

    /// <summary>Normalises what somebody typed (spaces, lower case) to a number's form; null when it cannot be one.</summary>
    public static string? Normalise(string? number)
    {
        var n = (number ?? "").Trim().Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return n.Length is >= 8 and <= 32 && n.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? n : null;
    }

    /// <summary>The public check of a number: null when no certificate has it.</summary>
    public async Task<CertificateCheck?> CheckAsync(string? number, CancellationToken ct)
    {
        if (Normalise(number) is not { } n)
        {
            return null;
        }
        var hit = await db.Attempts.AsNoTracking().Where(a => a.CertificateNumber == n && a.Passed == true)
            .Select(a => new { a.PersonName, a.ExamId, a.FinalAt, a.SubmittedAt }).FirstOrDefaultAsync(ct);
        if (hit is null)
        {
            return null;
        }
        var exam = await db.Exams.AsNoTracking().Where(e => e.Id == hit.ExamId).Select(e => e.Title).FirstAsync(ct);
        return new CertificateCheck(n, hit.PersonName, exam, "合格", (hit.FinalAt ?? hit.SubmittedAt!.Value).ChinaDate());
    }

    /// <summary>The certificate of a passed attempt as .docx: the taker's own (an account's, or a code taker's), or any for the office.</summary>
    public async Task<(byte[] Content, string FileName)> DocumentAsync(Guid attemptId, CancellationToken ct)
    {
        var attempt = await db.Attempts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attemptId, ct);
        var own = attempt is not null && (Code is { } c
            ? attempt.UserId is null && attempt.PersonId == c.PersonId && attempt.ExamId == c.ExamId
            : (attempt.UserId is not null && attempt.UserId == user.UserId) || user.Has(LearningPermissions.Manage));
        if (attempt is null || !own)
        {
            throw Refuse.NotFound("答卷不存在。");
        }
        if (attempt.CertificateNumber is null)
        {
            throw Refuse.Conflict(attempt.Passed is null ? "成绩尚未最终确定（简答题待阅卷），暂无合格证书。" : "考试未合格，没有合格证书。");
        }
        var exam = await db.Exams.AsNoTracking().FirstAsync(e => e.Id == attempt.ExamId, ct);
        var unit = await orgs.FindAsync(attempt.OrgUnitId, ct);
        // Issued in the name of the city (or the highest unit above the taker's below a province).
        var chain = unit is null ? [] : new[] { unit }.Concat(await orgs.AncestorsAsync(unit.Id, ct)).ToList();
        var root = chain.LastOrDefault(u => u.Level != Fazhi.Platform.Features.OrgUnits.OrgLevel.Province) ?? chain.LastOrDefault();
        var date = (attempt.FinalAt ?? attempt.SubmittedAt!.Value).ChinaDate();
        var bytes = DocxNotice.Create(new OfficialNotice
        {
            Issuer = root?.Name,
            DocNumber = "验证编号：" + attempt.CertificateNumber,
            Title = "学法考法合格证书",
            Recipient = attempt.PersonName + "：",
            Body =
            [
                $"你{(unit is null ? "" : "（" + unit.Name + "）")}于{date:yyyy年M月d日}参加“{exam.Title}”，成绩{attempt.Score:0.##}分（满分{attempt.MaxScore:0.##}分，及格分{exam.PassMark}分），考试合格，特发此证。",
                $"本证书验证编号为{attempt.CertificateNumber}，可在法治平台公开页面“/public/learning/certificates”输入编号查验真伪。",
            ],
            Signature = root?.Name,
            Date = date,
        });
        return (bytes, DownloadName.Safe($"合格证书-{attempt.PersonName}-{exam.Title}.docx"));
    }
}
