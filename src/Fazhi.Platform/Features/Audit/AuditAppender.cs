using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Fazhi.Platform.Features.Audit;

/// <summary>
/// Links audit drafts into the chain inside the caller's open transaction. The write path is hot (every audited save
/// runs it), so it uses two plain commands instead of EF's query and change-tracking pipeline: read the chain head,
/// insert the entries. On PostgreSQL a transaction-scoped advisory lock serialises appenders for the short time between
/// reading the head and committing; on SQLite the write transaction (BEGIN IMMEDIATE) already does. The primary key on
/// <see cref="AuditEntry.Sequence"/> makes a lost race fail loudly rather than fork the chain.
/// </summary>
internal static class AuditAppender
{
    /// <summary>Advisory lock key for the chain on PostgreSQL ("3704" for Zaozhuang, then "audit" 1).</summary>
    public const long PostgresLockKey = 3704000001;

    private const string Insert =
        "INSERT INTO platform_audit_entries (\"Sequence\", \"At\", \"ActorId\", \"ActorName\", \"OrgUnitId\", \"Action\", \"EntityType\", \"EntityId\", \"Changes\", \"ClientIp\", \"PreviousHash\", \"Hash\") VALUES ";

    public static async Task AppendAsync(DatabaseFacade database, bool postgres, IReadOnlyList<AuditEntry> drafts, CancellationToken ct)
    {
        var connection = database.GetDbConnection();
        var transaction = database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Audit entries are appended inside the change's transaction.");
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = (postgres ? $"SELECT pg_advisory_xact_lock({PostgresLockKey}); " : "")
            + "SELECT \"Sequence\", \"Hash\" FROM platform_audit_entries ORDER BY \"Sequence\" DESC LIMIT 1";
        long seq = 0;
        var prev = AuditHasher.Genesis;
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            if (postgres)
            {
                await reader.NextResultAsync(ct);
            }
            if (await reader.ReadAsync(ct))
            {
                seq = reader.GetInt64(0);
                prev = reader.GetString(1);
            }
        }

        // One INSERT per batch of entries (one round trip on PostgreSQL instead of one per entry); the hashes are chained first.
        foreach (var d in drafts)
        {
            d.Sequence = ++seq;
            d.PreviousHash = prev;
            d.Hash = AuditHasher.Compute(d);
            prev = d.Hash;
        }
        for (var offset = 0; offset < drafts.Count; offset += RowsPerStatement)
        {
            var rows = Math.Min(RowsPerStatement, drafts.Count - offset);
            cmd.Parameters.Clear();
            cmd.CommandText = InsertFor(rows);
            for (var r = 0; r < rows; r++)
            {
                var d = drafts[offset + r];
                // Stored as the model maps them: timestamptz and uuid on PostgreSQL; Unix milliseconds and upper-case text on SQLite.
                object?[] values =
                [
                    d.Sequence, postgres ? d.At : d.At.ToUnixTimeMilliseconds(), Id(d.ActorId, postgres), d.ActorName, Id(d.OrgUnitId, postgres), d.Action,
                    d.EntityType, (object?)d.EntityId ?? DBNull.Value, d.Changes, (object?)d.ClientIp ?? DBNull.Value, d.PreviousHash, d.Hash,
                ];
                for (var c = 0; c < values.Length; c++)
                {
                    var p = cmd.CreateParameter();
                    p.ParameterName = $"@p{r}_{c}";
                    p.Value = values[c];
                    cmd.Parameters.Add(p);
                }
            }
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Rows per INSERT: 12 parameters each, well under SQLite's oldest limit of 999 parameters per statement.</summary>
    private const int RowsPerStatement = 64;

    private static readonly string[] InsertTexts = new string[RowsPerStatement + 1];

    private static string InsertFor(int rows) => InsertTexts[rows] ??= Insert + string.Join(", ",
        Enumerable.Range(0, rows).Select(r => "(" + string.Join(", ", Enumerable.Range(0, 12).Select(c => $"@p{r}_{c}")) + ")"));

    private static object Id(Guid? id, bool postgres) => id switch
    {
        null => DBNull.Value,
        { } g when postgres => g,
        { } g => g.ToString().ToUpperInvariant(),
    };
}
