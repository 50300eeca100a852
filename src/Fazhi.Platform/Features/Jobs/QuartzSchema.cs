using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Platform.Features.Jobs;

/// <summary>
/// Creates the Quartz job store tables (prefix <c>platform_qrtz_</c>) on PostgreSQL during <c>migrate</c>, so the
/// production database account needs no DDL rights at run time. SQLite uses Quartz's in-memory store: nothing to create.
/// </summary>
internal sealed class QuartzSchemaStep : IDatabaseMigrationStep
{
    public const string TablePrefix = "platform_qrtz_";

    public string Module => "platform";

    public async Task RunAsync(DbContext context, CancellationToken ct)
    {
        if (context.Database.ProviderName != "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            return;
        }
        await using var stream = typeof(QuartzSchemaStep).Assembly.GetManifestResourceStream("Fazhi.Platform.Jobs.platform_qrtz_postgres.sql")
            ?? throw new InvalidOperationException("Embedded Quartz schema script is missing.");
        using var reader = new StreamReader(stream);
        var script = await reader.ReadToEndAsync(ct);
        await using var tx = await context.Database.BeginTransactionAsync(ct);
        // Two nodes migrating at once would race on CREATE TABLE IF NOT EXISTS; one at a time.
        await context.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(3704000002)", ct);
        await context.Database.ExecuteSqlRawAsync(script, ct);
        await tx.CommitAsync(ct);
    }
}
