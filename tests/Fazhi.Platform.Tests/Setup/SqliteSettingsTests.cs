using Fazhi.Platform.Data;
using Fazhi.Platform.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Tests.Setup;

[Collection(HostCollection.Name)]
public sealed class SqliteSettingsTests(FazhiFactory factory)
{
    [Fact]
    public async Task The_database_file_is_in_wal_mode_and_every_connection_enforces_foreign_keys()
    {
        var (journal, foreignKeys) = await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDb>();
            if (!db.Database.IsSqlite())
            {
                return ("wal", 1L);
            }
            await db.Database.OpenConnectionAsync();
            await using var cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.CommandText = "PRAGMA journal_mode";
            var mode = (string)(await cmd.ExecuteScalarAsync())!;
            cmd.CommandText = "PRAGMA foreign_keys";
            return (mode, (long)(await cmd.ExecuteScalarAsync())!);
        });

        Assert.Equal("wal", journal);
        Assert.Equal(1L, foreignKeys);
    }
}
