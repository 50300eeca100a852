using System.Globalization;
using System.Text;
using Fazhi.Platform.Security.Crypto;

namespace Fazhi.Enforcement.Cases;

/// <summary>A step as exported (and as read back for verification).</summary>
internal sealed record StepRecord(int Seq, string Kind, DateTime RecordedAtUtc, DateOnly? OnDate, string Actor, string Summary, string EvidenceJson, string PrevHash, string Hash);

/// <summary>A case's exported history: one JSON file a court can read as a log, with the hashes to verify it.</summary>
internal sealed record CaseRecordExport(
    string Format, Guid CaseId, string CaseNumber, string Body, string Matter, string Party, string Stage, DateTime ExportedAtUtc,
    string Algorithm, string HowToVerify, IReadOnlyList<StepRecord> Steps, string HeadHash);

internal sealed record VerifyResult(bool Valid, int Steps, int? BrokenAtSeq, string? Problem, bool? MatchesStoredHead);

/// <summary>The per-case SM3 chain (全过程记录): each step's hash covers the previous hash and the step's content.</summary>
internal static class CaseRecord
{
    public const string Format = "fazhi.enforcement.case-record/1";

    public const string HowToVerify =
        "每一步的 hash = SM3(UTF-8(prevHash \\n caseId \\n seq \\n kind \\n recordedAtUtc(ISO 8601, 精确到毫秒, Z) \\n onDate(yyyy-MM-dd 或空) \\n actor \\n summary \\n evidenceJson))，"
        + "第一步 prevHash 为空；最后一步的 hash 即 headHash。证据文件的 SM3 列在 evidenceJson 中，可与原件逐一比对。也可上传本文件至 /api/enforcement/cases/record/verify 校验。";

    public static string HashOf(Guid caseId, int seq, string kind, DateTime recordedAtUtc, DateOnly? onDate, string actor, string summary, string evidenceJson, string prevHash)
    {
        var text = string.Join('\n',
            prevHash, caseId.ToString("D"), seq.ToString(CultureInfo.InvariantCulture), kind,
            DateTime.SpecifyKind(recordedAtUtc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            onDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", actor, summary, evidenceJson);
        return Sm3.HashHex(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Recomputes the chain of an exported record.</summary>
    public static VerifyResult Verify(Guid caseId, IReadOnlyList<StepRecord> steps, string headHash)
    {
        var prev = "";
        for (var i = 0; i < steps.Count; i++)
        {
            var s = steps[i];
            if (s.Seq != i + 1)
            {
                return new(false, steps.Count, s.Seq, $"步骤序号不连续：第 {i + 1} 步记为 {s.Seq}。", null);
            }
            if (s.PrevHash != prev)
            {
                return new(false, steps.Count, s.Seq, $"第 {s.Seq} 步的前一哈希与上一步不符（记录被删除或调换）。", null);
            }
            var expected = HashOf(caseId, s.Seq, s.Kind, s.RecordedAtUtc, s.OnDate, s.Actor, s.Summary, s.EvidenceJson, s.PrevHash);
            if (!string.Equals(expected, s.Hash, StringComparison.OrdinalIgnoreCase))
            {
                return new(false, steps.Count, s.Seq, $"第 {s.Seq} 步内容与其哈希不符（记录被改动）。", null);
            }
            prev = s.Hash;
        }
        return prev == headHash
            ? new(true, steps.Count, null, null, null)
            : new(false, steps.Count, steps.Count, "末步哈希与 headHash 不符（记录被截断）。", null);
    }
}
