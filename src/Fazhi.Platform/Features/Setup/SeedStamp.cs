using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Features.Setup;

/// <summary>
/// Which build last seeded this database's reference data (ADR 0070). The stamp is a hash of what seeding would do: the
/// platform's seeder and every module seed, by type and by their assemblies' module version ids (which change whenever
/// their code changes), and the module roles shipped. A restart that finds its own stamp skips the seeds: being
/// idempotent, they would find nothing to do. A new build, a new or migrated database, <c>--demo</c> or a CLI verb seed as
/// before, and seeding records the stamp when it completes. The one-row table lives outside the EF models (like Quartz's
/// job store), so that it is read before any model is built; it is created by the first recording.
/// </summary>
internal static class SeedStamp
{
    private const string Table = "platform_start_stamps";
    private const string Key = "reference-data";

    /// <summary>The stamp of the seeds registered in <paramref name="sp"/>.</summary>
    public static string Compute(IServiceProvider sp)
    {
        var text = new StringBuilder();
        void Add(Type type) => text.Append(type.FullName).Append('@').Append(type.Assembly.ManifestModule.ModuleVersionId).Append('\n');
        Add(typeof(PlatformSeeder)); // the org tree, the built-in roles and the calendars are the platform assembly's
        foreach (var seed in sp.GetServices<IModuleSeed>())
        {
            Add(seed.GetType());
        }
        foreach (var role in sp.GetServices<ModuleRole>())
        {
            text.Append(role.Code).Append(':').AppendJoin(',', role.Permissions).Append('\n');
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The stamp recorded in the database, or null (none yet, or no table: a new database, or one from before ADR 0070).</summary>
    public static async Task<string?> ReadAsync(PlatformDb db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.CommandText = $"SELECT \"Value\" FROM {Table} WHERE \"Key\" = '{Key}'";
            return await cmd.ExecuteScalarAsync(ct) as string;
        }
        catch (DbException)
        {
            return null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Records <paramref name="stamp"/> after a complete seeding.</summary>
    public static async Task RecordAsync(PlatformDb db, string stamp, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync(
            $"CREATE TABLE IF NOT EXISTS {Table} (\"Key\" varchar(64) NOT NULL PRIMARY KEY, \"Value\" varchar(128) NOT NULL)", ct);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO platform_start_stamps (\"Key\", \"Value\") VALUES ({Key}, {stamp}) ON CONFLICT (\"Key\") DO UPDATE SET \"Value\" = excluded.\"Value\"", ct);
    }
}
