using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Fazhi.Platform.Data;

/// <summary>What a failed save says about its cause, on either engine (ADR 0068).</summary>
public static class DbErrors
{
    /// <summary>SQLite's extended result code for a UNIQUE constraint (<c>SQLITE_CONSTRAINT_UNIQUE</c>).</summary>
    private const int SqliteConstraintUnique = 2067;

    /// <summary>SQLite's extended result code for a PRIMARY KEY constraint (<c>SQLITE_CONSTRAINT_PRIMARYKEY</c>).</summary>
    private const int SqliteConstraintPrimaryKey = 1555;

    /// <summary>
    /// True when the save failed only because a row with the same key is already there: a unique index or primary key
    /// (SQLite 2067 / 1555, PostgreSQL SQLSTATE 23505). A service that lets the unique index settle a race catches exactly
    /// this (<c>catch (DbUpdateException e) when (e.IsUniqueViolation())</c>); a foreign-key or NOT NULL violation, a full
    /// disk or a busy database is a different failure and must not be answered as "already there".
    /// </summary>
    public static bool IsUniqueViolation(this DbUpdateException e) => e.InnerException switch
    {
        SqliteException s => s.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>
    /// The save, or <paramref name="refusal"/> when a unique index refused it: the one refusal type for a race the index
    /// settles (two submissions from one number at once), so a module states the refusal and catches nothing itself.
    /// </summary>
    public static async Task<T> RefusingDuplicateAsync<T>(this Task<T> save, Func<Fazhi.Platform.Kit.RefusalException> refusal)
    {
        try
        {
            return await save;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            throw refusal();
        }
    }
}
