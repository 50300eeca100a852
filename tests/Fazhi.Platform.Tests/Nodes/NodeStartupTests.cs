using Fazhi.Platform.Tests.Infrastructure;

namespace Fazhi.Platform.Tests.Nodes;

/// <summary>A node started on a database that has not been migrated to its version refuses to start, and says why.</summary>
public sealed class NodeStartupTests
{
    [Fact]
    public async Task A_node_on_an_unmigrated_database_refuses_to_start_and_points_at_migrate()
    {
        // PostgreSQL never migrates on start by default; SQLite does, so the production setting is stated for both.
        var node = new FazhiFactory { EmptyDatabase = true };
        node.Settings["Database:MigrateOnStart"] = "false";
        await node.CreateDatabaseAsync();
        try
        {
            var failure = Assert.ThrowsAny<Exception>(() => node.Services);

            var refusal = Flatten(failure).OfType<InvalidOperationException>().FirstOrDefault(e => e.Message.Contains("migrate", StringComparison.Ordinal));
            Assert.True(refusal is not null, failure.ToString());
            Assert.Contains("数据库尚未迁移", refusal.Message);
            Assert.Contains("Fazhi.Host migrate", refusal.Message);
            Assert.Contains("not migrated", refusal.Message);
        }
        finally
        {
            await ((IAsyncLifetime)node).DisposeAsync();
        }
    }

    private static IEnumerable<Exception> Flatten(Exception e)
    {
        yield return e;
        var inner = e is AggregateException agg ? agg.InnerExceptions : e.InnerException is { } i ? [i] : (IEnumerable<Exception>)[];
        foreach (var x in inner.SelectMany(Flatten))
        {
            yield return x;
        }
    }
}
