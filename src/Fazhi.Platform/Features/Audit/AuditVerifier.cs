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
/// Walks the audit chain in sequence order and names the first broken link. Reads in keyset-paged batches without
/// tracking, fetches the next batch while the current one is hashed, and hashes a batch on every core with one
/// reusable buffer per worker.
/// </summary>
internal sealed class AuditVerifier(PlatformDb db)
{
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

        var next = FetchAsync(prevSeq, ct);
        while (true)
        {
            var batch = await next;
            if (batch.Count == 0)
            {
                break;
            }
            // The context serves one query at a time: the next page is read while this one is hashed.
            next = FetchAsync(batch[^1].Sequence, ct);
            HashAll(batch, buffers, hashOk);
            for (var i = 0; i < batch.Count; i++)
            {
                var e = batch[i];
                AuditBreak? broken = null;
                long at = e.Sequence;
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
        return new AuditVerifyResult(checkedCount, null, null, start, clock.Elapsed);
    }

    private Task<List<AuditEntry>> FetchAsync(long after, CancellationToken ct) =>
        db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Sequence > after)
            .OrderBy(e => e.Sequence)
            .Take(BatchSize)
            .ToListAsync(ct);

    private static void HashAll(List<AuditEntry> batch, AuditHashBuffer[] buffers, bool[] ok)
    {
        if (batch.Count < 512 || buffers.Length == 1)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                ok[i] = buffers[0].Matches(batch[i]);
            }
            return;
        }
        var chunk = (batch.Count + buffers.Length - 1) / buffers.Length;
        Parallel.For(0, buffers.Length, w =>
        {
            var end = Math.Min(batch.Count, (w + 1) * chunk);
            for (var i = w * chunk; i < end; i++)
            {
                ok[i] = buffers[w].Matches(batch[i]);
            }
        });
    }
}
