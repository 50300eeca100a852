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
        "INSERT INTO platform_audit_entries (\"Sequence\", \"At\", \"ActorId\", \"ActorName\", \"OrgUnitId\", \"Action\", \"EntityType\", \"EntityId\", \"Changes\", \"ClientIp\", \"PreviousHash\", \"Hash\") " +
        "VALUES (@seq, @at, @actor, @actorName, @org, @action, @type, @id, @changes, @ip, @prev, @hash)";

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

        cmd.CommandText = Insert;
        var p = new DbParameter[12];
        string[] names = ["@seq", "@at", "@actor", "@actorName", "@org", "@action", "@type", "@id", "@changes", "@ip", "@prev", "@hash"];
        for (var i = 0; i < names.Length; i++)
        {
            p[i] = cmd.CreateParameter();
            p[i].ParameterName = names[i];
            cmd.Parameters.Add(p[i]);
        }
        foreach (var d in drafts)
        {
            d.Sequence = ++seq;
            d.PreviousHash = prev;
            d.Hash = AuditHasher.Compute(d);
            prev = d.Hash;
            p[0].Value = d.Sequence;
            // Stored as the model maps them: timestamptz and uuid on PostgreSQL; Unix milliseconds and upper-case text on SQLite.
            p[1].Value = postgres ? d.At : d.At.ToUnixTimeMilliseconds();
            p[2].Value = Id(d.ActorId, postgres);
            p[3].Value = d.ActorName;
            p[4].Value = Id(d.OrgUnitId, postgres);
            p[5].Value = d.Action;
            p[6].Value = d.EntityType;
            p[7].Value = (object?)d.EntityId ?? DBNull.Value;
            p[8].Value = d.Changes;
            p[9].Value = (object?)d.ClientIp ?? DBNull.Value;
            p[10].Value = d.PreviousHash;
            p[11].Value = d.Hash;
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    private static object Id(Guid? id, bool postgres) => id switch
    {
        null => DBNull.Value,
        { } g when postgres => g,
        { } g => g.ToString().ToUpperInvariant(),
    };
}
