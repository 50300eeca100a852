using Fazhi.Platform.Kit;
using System.Globalization;
using System.Text;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.OrgUnits;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Fazhi.Platform.Features.Audit;

/// <summary>Filters of the audit list and export; every one optional.</summary>
public sealed record AuditFilter(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? Actor = null,
    string? Action = null,
    string? EntityType = null,
    string? EntityId = null,
    Guid? OrgUnitId = null);

/// <summary>One audit entry as the API and the page show it.</summary>
public sealed record AuditEntryDto(
    long Sequence, DateTimeOffset At, Guid? ActorId, string ActorName, Guid? OrgUnitId, string? OrgUnitName,
    string Action, string EntityType, string? EntityId, string Changes, string? ClientIp, string PreviousHash, string Hash);


/// <summary>Result of a purge request.</summary>
public sealed record AuditPurgeResult(bool Done, string Message, long? ThroughSequence = null, int Removed = 0);

/// <summary>
/// Reading, verifying, exporting and purging the audit trail: the rules the page, the API and the CLI share.
/// The trail itself is written only by <see cref="FazhiDbContext"/>.
/// </summary>
internal sealed class AuditTrail(PlatformDb db, AuditVerifier verifier, ICurrentUser current, IConfiguration config, ILogger<AuditTrail> log, TimeProvider time)
{
    /// <summary>
    /// 网络安全法 第二十一条（三）: 采取监测、记录网络运行状态、网络安全事件的技术措施，并按照规定留存相关的网络日志不少于六个月。
    /// The minimum is the law's; an installation may keep logs longer (Audit:RetentionDays) but never shorter.
    /// </summary>
    public const int StatutoryRetentionDays = 180;

    public int RetentionDays => Math.Max(StatutoryRetentionDays, config.GetValue("Audit:RetentionDays", StatutoryRetentionDays));

    public IQueryable<AuditEntry> Query(AuditFilter f)
    {
        var q = db.Set<AuditEntry>().AsNoTracking();
        if (f.From is { } from)
        {
            var fromUtc = from.ToUniversalTime();
            q = q.Where(e => e.At >= fromUtc);
        }
        if (f.To is { } to)
        {
            var toUtc = to.ToUniversalTime();
            q = q.Where(e => e.At < toUtc);
        }
        if (!string.IsNullOrWhiteSpace(f.Actor))
        {
            var actor = f.Actor.Trim();
            q = q.Where(e => e.ActorName.Contains(actor));
        }
        if (!string.IsNullOrWhiteSpace(f.Action))
        {
            var action = f.Action.Trim();
            q = q.Where(e => e.Action.StartsWith(action));
        }
        if (!string.IsNullOrWhiteSpace(f.EntityType))
        {
            var type = f.EntityType.Trim();
            q = q.Where(e => e.EntityType == type);
        }
        if (!string.IsNullOrWhiteSpace(f.EntityId))
        {
            var id = f.EntityId.Trim();
            q = q.Where(e => e.EntityId == id);
        }
        if (f.OrgUnitId is { } org)
        {
            q = q.Where(e => e.OrgUnitId == org);
        }
        return q;
    }

    /// <summary>The org unit with this code (e.g. 370402), for filters typed by people rather than by id.</summary>
    public async Task<Guid?> OrgUnitByCodeAsync(string code, CancellationToken ct)
    {
        var trimmed = code.Trim();
        return await db.Set<OrgUnit>().AsNoTracking().Where(o => o.Code == trimmed).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>A page of entries, newest first.</summary>
    public async Task<Paged<AuditEntryDto>> ListAsync(AuditFilter filter, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 200);
        var q = Query(filter);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(e => e.Sequence).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var names = await OrgNamesAsync(rows, ct);
        return new Paged<AuditEntryDto>(rows.Select(e => ToDto(e, names)).ToList(), total, page, pageSize);
    }

    public async Task<AuditEntryDto?> GetAsync(long sequence, CancellationToken ct)
    {
        var e = await db.Set<AuditEntry>().AsNoTracking().FirstOrDefaultAsync(x => x.Sequence == sequence, ct);
        return e is null ? null : ToDto(e, await OrgNamesAsync([e], ct));
    }

    /// <summary>The filtered entries, oldest first, for the .xlsx export; null when there are more than <paramref name="max"/>.</summary>
    public async Task<List<AuditEntryDto>?> ExportEntriesAsync(AuditFilter filter, int max, CancellationToken ct)
    {
        var rows = await Query(filter).OrderBy(e => e.Sequence).Take(max + 1).ToListAsync(ct);
        if (rows.Count > max)
        {
            return null;
        }
        await db.WriteAuditEventAsync("audit.exported", "AuditChain", null, new { filter, format = "xlsx", rows = rows.Count }, ct);
        var names = await OrgNamesAsync(rows, ct);
        return rows.Select(e => ToDto(e, names)).ToList();
    }

    /// <summary>Verifies the chain and records that it was verified, with the result, in the chain itself.</summary>
    public async Task<AuditVerifyResult> VerifyAndRecordAsync(CancellationToken ct)
    {
        var result = await verifier.VerifyAsync(ct);
        if (!result.Intact)
        {
            log.LogError("Audit chain broken at sequence {Sequence}: {Reason}", result.BrokenSequence, result.Reason);
        }
        await db.WriteAuditEventAsync("audit.verified", "AuditChain", null, new
        {
            result.Intact,
            result.Checked,
            result.BrokenSequence,
            Reason = result.Reason?.ToString(),
            ElapsedMs = (long)result.Elapsed.TotalMilliseconds,
        }, ct);
        return result;
    }

    /// <summary>Writes the filtered entries as CSV (UTF-8 with BOM, so Excel opens Chinese correctly), oldest first.</summary>
    public async Task ExportCsvAsync(AuditFilter filter, Stream output, CancellationToken ct)
    {
        await db.WriteAuditEventAsync("audit.exported", "AuditChain", null, new { filter, format = "csv" }, ct);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024);
        await writer.WriteLineAsync("序号,时间(UTC),操作人,操作人ID,单位ID,动作,对象类型,对象ID,变更内容,客户端IP,前序哈希,哈希");
        await foreach (var e in Query(filter).OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            await writer.WriteLineAsync(string.Join(',',
                e.Sequence.ToString(CultureInfo.InvariantCulture),
                e.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
                Csv(e.ActorName), e.ActorId?.ToString() ?? "", e.OrgUnitId?.ToString() ?? "",
                Csv(e.Action), Csv(e.EntityType), Csv(e.EntityId), Csv(e.Changes), Csv(e.ClientIp), e.PreviousHash, e.Hash));
        }
        await writer.FlushAsync(ct);
    }

    /// <summary>
    /// Removes entries older than <paramref name="before"/>, if that is older than the retention period and the chain
    /// is intact. The newest entry is always kept (the chain's head), and a checkpoint keeps the rest verifiable.
    /// </summary>
    public async Task<AuditPurgeResult> PurgeAsync(DateTimeOffset before, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var limit = now.AddDays(-RetentionDays);
        if (before > limit)
        {
            return new AuditPurgeResult(false,
                $"拒绝清理：依据《网络安全法》第二十一条，网络日志留存不少于六个月；本系统审计日志至少保留 {RetentionDays} 天，" +
                $"只能清理 {limit.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd} 之前的记录。");
        }
        var check = await verifier.VerifyAsync(ct);
        if (!check.Intact)
        {
            return new AuditPurgeResult(false, $"拒绝清理：{check.Message} 请先调查，清理会销毁证据。");
        }

        var beforeUtc = before.ToUniversalTime();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.IsPostgres)
        {
            // The appenders' lock: no entry is linked to the head while the tail is cut.
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(3704000001)", ct);
        }
        var entries = db.Set<AuditEntry>();
        var head = await entries.MaxAsync(e => (long?)e.Sequence, ct) ?? 0;
        // Entries are purged as a prefix of the chain: up to the first entry that is not old enough, never the head.
        var firstKept = await entries.Where(e => e.At >= beforeUtc).MinAsync(e => (long?)e.Sequence, ct) ?? head;
        var through = Math.Min(firstKept, head) - 1;
        var floor = await db.Set<AuditCheckpoint>().MaxAsync(c => (long?)c.Sequence, ct) ?? 0;
        if (through <= floor)
        {
            return new AuditPurgeResult(false, "没有可清理的记录：该日期之前的记录已清理或不存在。");
        }
        var last = await entries.AsNoTracking().Where(e => e.Sequence == through).Select(e => e.Hash).SingleAsync(ct);
        db.Set<AuditCheckpoint>().Add(new AuditCheckpoint
        {
            Sequence = through,
            Hash = last,
            Before = beforeUtc,
            PurgedAt = now,
            PurgedBy = current.UserName ?? "system",
        });
        await db.SaveChangesAsync(ct);
        var removed = await entries.Where(e => e.Sequence <= through).ExecuteDeleteAsync(ct);
        await db.WriteAuditEventAsync("audit.purged", "AuditChain", null, new { before = beforeUtc, throughSequence = through, hash = last, removed }, ct);
        await tx.CommitAsync(ct);
        return new AuditPurgeResult(true, $"已清理第 {floor + 1} 至 {through} 条审计记录（共 {removed} 条），校验从检查点继续。", through, removed);
    }

    private async Task<Dictionary<Guid, string>> OrgNamesAsync(IReadOnlyCollection<AuditEntry> rows, CancellationToken ct)
    {
        var ids = rows.Where(r => r.OrgUnitId is not null).Select(r => r.OrgUnitId!.Value).Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }
        return await db.Set<OrgUnit>().AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }

    private static AuditEntryDto ToDto(AuditEntry e, Dictionary<Guid, string> orgNames) => new(
        e.Sequence, e.At, e.ActorId, e.ActorName, e.OrgUnitId,
        e.OrgUnitId is { } o && orgNames.TryGetValue(o, out var n) ? n : null,
        e.Action, e.EntityType, e.EntityId, e.Changes, e.ClientIp, e.PreviousHash, e.Hash);

    /// <summary>RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet never runs it as a formula.</summary>
    private static string Csv(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        if (value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
