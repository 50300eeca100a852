using System.Data.Common;
using System.Diagnostics;
using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Platform.Features.Audit;

/// <summary>Why the chain is broken at <see cref="AuditVerifyResult.BrokenSequence"/>.</summary>
public enum AuditBreak
{
    /// <summary>The entry's fields no longer hash to its stored hash: the row was edited.</summary>
    HashMismatch,

    /// <summary>The entry's PreviousHash is not the hash of the entry before it: a row was replaced or re-hashed.</summary>
    LinkBroken,

    /// <summary>A sequence number is missing: a row was deleted.</summary>
    Gap,
}

/// <summary>The outcome of walking the chain.</summary>
public sealed record AuditVerifyResult(long Checked, long? BrokenSequence, AuditBreak? Reason, long StartedAfter, TimeSpan Elapsed)
{
    public bool Intact => BrokenSequence is null;

    /// <summary>A sentence for the audit administrator.</summary>
    public string Message => Reason switch
    {
        null => $"审计链完整：已校验 {Checked} 条记录，未发现篡改。",
        AuditBreak.HashMismatch => $"审计链在第 {BrokenSequence} 条记录处断裂：该记录的内容与其哈希值不符（记录被直接修改）。",
        AuditBreak.LinkBroken => $"审计链在第 {BrokenSequence} 条记录处断裂：该记录的前序哈希与上一条记录不符（记录被替换或重新计算）。",
        _ => $"审计链在第 {BrokenSequence} 条记录处断裂：该序号的记录缺失（记录被删除）。",
    };
}

/// <summary>
/// Walks the audit chain in sequence order and names the first broken link. Reads keyset-paged batches with a plain
/// data reader into reused row objects (no change tracking, no per-row materialiser), fetches the next batch while
/// the current one is hashed, and hashes a batch on every core with one reusable buffer per worker.
/// </summary>
internal sealed class AuditVerifier(PlatformDb db)
{
    private const string Columns =
        "\"Sequence\", \"At\", \"ActorId\", \"ActorName\", \"OrgUnitId\", \"Action\", \"EntityType\", \"EntityId\", \"Changes\", \"ClientIp\", \"PreviousHash\", \"Hash\"";

    /// <summary>Rows per round trip.</summary>
    public int BatchSize { get; init; } = 20_000;

    public async Task<AuditVerifyResult> VerifyAsync(CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var checkpoint = await db.Set<AuditCheckpoint>().AsNoTracking()
            .OrderByDescending(c => c.Sequence)
            .Select(c => new { c.Sequence, c.Hash })
            .FirstOrDefaultAsync(ct);
        var start = checkpoint?.Sequence ?? 0;
        var prevSeq = start;
        var prevHash = checkpoint?.Hash ?? AuditHasher.Genesis;
        long checkedCount = 0;

        var workers = Math.Max(1, Math.Min(Environment.ProcessorCount, 8));
        var buffers = Enumerable.Range(0, workers).Select(_ => new AuditHashBuffer()).ToArray();
        var hashOk = new bool[BatchSize];
        // Two sets of row objects: one being hashed, one being filled by the next read.
        AuditEntry[][] rows = [NewRows(BatchSize), NewRows(BatchSize)];
        var current = 0;

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.CommandText = $"SELECT {Columns} FROM platform_audit_entries WHERE \"Sequence\" > @after ORDER BY \"Sequence\" LIMIT {BatchSize}";
            var after = cmd.CreateParameter();
            after.ParameterName = "@after";
            after.DbType = System.Data.DbType.Int64;
            cmd.Parameters.Add(after);

            var next = FetchAsync(cmd, after, prevSeq, rows[current], ct);
            while (true)
            {
                var count = await next;
                if (count == 0)
                {
                    break;
                }
                var batch = rows[current];
                current ^= 1;
                // The connection serves one reader at a time: the next page is read while this one is hashed.
                next = FetchAsync(cmd, after, batch[count - 1].Sequence, rows[current], ct);
                HashAll(batch, count, buffers, hashOk);
                for (var i = 0; i < count; i++)
                {
                    var e = batch[i];
                    AuditBreak? broken = null;
                    var at = e.Sequence;
                    if (e.Sequence != prevSeq + 1)
                    {
                        broken = AuditBreak.Gap;
                        at = prevSeq + 1;
                    }
                    else if (!hashOk[i])
                    {
                        broken = AuditBreak.HashMismatch;
                    }
                    else if (!string.Equals(e.PreviousHash, prevHash, StringComparison.Ordinal))
                    {
                        broken = AuditBreak.LinkBroken;
                    }
                    if (broken is not null)
                    {
                        await next;
                        return new AuditVerifyResult(checkedCount, at, broken, start, clock.Elapsed);
                    }
                    checkedCount++;
                    prevSeq = e.Sequence;
                    prevHash = e.Hash;
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return new AuditVerifyResult(checkedCount, null, null, start, clock.Elapsed);
    }

    private static AuditEntry[] NewRows(int n)
    {
        var rows = new AuditEntry[n];
        for (var i = 0; i < n; i++)
        {
            rows[i] = new AuditEntry();
        }
        return rows;
    }

    /// <summary>Reads the next page into <paramref name="into"/>; returns how many rows it holds. Columns as EF maps them
    /// (the model's At is Unix milliseconds on SQLite, timestamptz on PostgreSQL).</summary>
    private async Task<int> FetchAsync(DbCommand cmd, DbParameter after, long afterSequence, AuditEntry[] into, CancellationToken ct)
    {
        after.Value = afterSequence;
        var postgres = db.IsPostgres;
        var n = 0;
        await using var r = await cmd.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
        while (await r.ReadAsync(ct))
        {
            var e = into[n++];
            e.Sequence = r.GetInt64(0);
            e.At = postgres ? r.GetFieldValue<DateTimeOffset>(1) : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(1));
            e.ActorId = r.IsDBNull(2) ? null : r.GetGuid(2);
            e.ActorName = r.GetString(3);
            e.OrgUnitId = r.IsDBNull(4) ? null : r.GetGuid(4);
            e.Action = r.GetString(5);
            e.EntityType = r.GetString(6);
            e.EntityId = r.IsDBNull(7) ? null : r.GetString(7);
            e.Changes = r.GetString(8);
            e.ClientIp = r.IsDBNull(9) ? null : r.GetString(9);
            e.PreviousHash = r.GetString(10);
            e.Hash = r.GetString(11);
        }
        return n;
    }

    private static void HashAll(AuditEntry[] batch, int count, AuditHashBuffer[] buffers, bool[] ok)
    {
        if (count < 512 || buffers.Length == 1)
        {
            for (var i = 0; i < count; i++)
            {
                ok[i] = buffers[0].Matches(batch[i]);
            }
            return;
        }
        var chunk = (count + buffers.Length - 1) / buffers.Length;
        Parallel.For(0, buffers.Length, w =>
        {
            var end = Math.Min(count, (w + 1) * chunk);
            for (var i = w * chunk; i < end; i++)
            {
                ok[i] = buffers[w].Matches(batch[i]);
            }
        });
    }
}
