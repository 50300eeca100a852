using Fazhi.Platform.Data;
using Fazhi.Platform.Features.OrgUnits;
using Fazhi.Platform.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Fazhi.Platform.Tests.Data;

/// <summary>
/// <see cref="DbErrors.IsUniqueViolation"/> (ADR 0068) on the engine the tests run on: a real duplicate insert is recognised,
/// as a unique index and as a primary key; a foreign-key or NOT NULL violation is not. Every insert here fails, so the shared
/// host's org tree is left as it was.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class UniqueViolationTests(FazhiFactory factory)
{
    [Fact]
    public async Task A_second_row_with_a_unique_indexs_value_is_a_unique_violation()
    {
        var failure = await FailedInsertAsync(existing => NewUnit(existing, code: existing.Code));
        AssertEngineCode(failure, sqlite: 2067, postgres: PostgresErrorCodes.UniqueViolation);
        Assert.True(failure.IsUniqueViolation());
    }

    [Fact]
    public async Task A_second_row_with_the_same_primary_key_is_a_unique_violation()
    {
        var failure = await FailedInsertAsync(existing => NewUnit(existing, id: existing.Id));
        AssertEngineCode(failure, sqlite: 1555, postgres: PostgresErrorCodes.UniqueViolation);
        Assert.True(failure.IsUniqueViolation());
    }

    [Fact]
    public async Task A_foreign_key_violation_is_not_a_unique_violation()
    {
        var failure = await FailedInsertAsync(existing => NewUnit(existing, parentId: Guid.NewGuid()));
        AssertEngineCode(failure, sqlite: 787, postgres: PostgresErrorCodes.ForeignKeyViolation);
        Assert.False(failure.IsUniqueViolation());
    }

    [Fact]
    public async Task A_not_null_violation_is_not_a_unique_violation()
    {
        var failure = await FailedInsertAsync(existing => NewUnit(existing, name: null));
        AssertEngineCode(failure, sqlite: 1299, postgres: PostgresErrorCodes.NotNullViolation);
        Assert.False(failure.IsUniqueViolation());
    }

    [Fact]
    public void A_failure_without_a_database_cause_is_not_a_unique_violation()
    {
        Assert.False(new DbUpdateException("no inner exception").IsUniqueViolation());
        Assert.False(new DbUpdateException("timeout", new TimeoutException()).IsUniqueViolation());
        // SQLITE_CONSTRAINT's other kinds (CHECK 275) and a busy database (SQLITE_BUSY 5) are not.
        Assert.False(new DbUpdateException("check", new SqliteException("CHECK constraint failed", 19, 275)).IsUniqueViolation());
        Assert.False(new DbUpdateException("busy", new SqliteException("database is locked", 5, 5)).IsUniqueViolation());
    }

    private static OrgUnit NewUnit(OrgUnit existing, Guid? id = null, string? code = null, Guid? parentId = null, string? name = "唯一性测试单位") => new()
    {
        Id = id ?? Guid.CreateVersion7(),
        Code = code ?? "uv-" + Guid.NewGuid().ToString("N")[..12],
        Name = name!,
        Kind = existing.Kind,
        Level = existing.Level,
        ParentId = parentId ?? existing.ParentId,
        Path = existing.Path + "uv/",
    };

    /// <summary>Adds the unit <paramref name="make"/> builds from an existing one and returns the save's failure.</summary>
    private Task<DbUpdateException> FailedInsertAsync(Func<OrgUnit, OrgUnit> make) => factory.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<PlatformDb>();
        var existing = await db.OrgUnits.AsNoTracking().OrderBy(u => u.Code).FirstAsync(u => u.ParentId != null);
        db.OrgUnits.Add(make(existing));
        return await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    });

    /// <summary>The failure is the engine's own, with the code expected of it (so the test checks what it means to).</summary>
    private void AssertEngineCode(DbUpdateException failure, int sqlite, string postgres)
    {
        if (factory.OnPostgres)
        {
            Assert.Equal(postgres, Assert.IsType<PostgresException>(failure.InnerException).SqlState);
        }
        else
        {
            Assert.Equal(sqlite, Assert.IsType<SqliteException>(failure.InnerException).SqliteExtendedErrorCode);
        }
    }
}
