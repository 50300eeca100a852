using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Audit;
using Fazhi.Platform.Features.OrgUnits;
using Fazhi.Platform.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Tests.Data;

/// <summary>
/// SQLite's writers are queued in the process (ADR 0018): every way a transaction can end gives the queue back, so the next
/// writer starts at once rather than after the gate's ten-second bound. The same tests run on PostgreSQL, which has no gate.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class WriteGateTests(FazhiFactory factory)
{
    /// <summary>Shorter than the gate's bound (10 s): a writer that waits this long was kept waiting by a leaked gate.</summary>
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(5);

    public static TheoryData<string> Endings => new() { "commit", "rollback", "dispose", "dispose-open-connection", "failed-save" };

    [Theory]
    [MemberData(nameof(Endings))]
    public async Task The_next_writer_starts_at_once_however_the_previous_transaction_ended(string ending)
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDb>();
            if (ending == "dispose-open-connection")
            {
                // The connection stays open after the transaction (as after the security-epoch read every request makes).
                await db.Database.OpenConnectionAsync();
            }
            if (ending == "failed-save")
            {
                // A save whose own transaction fails: a duplicate primary key.
                var unit = await db.OrgUnits.AsNoTracking().FirstAsync();
                db.OrgUnits.Add(new OrgUnit { Id = unit.Id, Code = "dup-" + Guid.NewGuid().ToString("N")[..8], Name = "重复", Kind = unit.Kind, Path = unit.Path });
                await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            }
            else
            {
                var tx = await db.Database.BeginTransactionAsync();
                await db.WriteAuditEventAsync("test.gate", "Gate", ending, null);
                switch (ending)
                {
                    case "commit":
                        await tx.CommitAsync();
                        break;
                    case "rollback":
                        await tx.RollbackAsync();
                        break;
                }
                await tx.DisposeAsync();
            }

            // Another writer, while the first context (and its connection) is still alive.
            var next = Task.Run(async () =>
            {
                await using var other = factory.Services.CreateAsyncScope();
                var otherDb = other.ServiceProvider.GetRequiredService<PlatformDb>();
                await otherDb.WriteAuditEventAsync("test.gate", "Gate", ending + "-next", null);
            });
            Assert.Same(next, await Task.WhenAny(next, Task.Delay(Prompt)));
            await next;
        }
        var written = await factory.InScopeAsync(sp => sp.GetRequiredService<PlatformDb>().Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Action == "test.gate" && (e.EntityId == ending || e.EntityId == ending + "-next")).Select(e => e.EntityId!).ToListAsync());
        Assert.Contains(ending + "-next", written);
        Assert.Equal(ending == "commit", written.Contains(ending));
    }
}
