using Fazhi.Platform.Data;
using Fazhi.Platform.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Kit;

/// <summary>
/// The caller for work nobody signed in to do: a public form, a job, a link a citizen follows. It sees every unit (like
/// <see cref="SystemCurrentUser"/>) and the audit trail names it: <c>system:公开申请</c>, <c>system:job:disputes.deadlines</c>.
/// </summary>
public sealed class SystemActor(string work) : ICurrentUser
{
    /// <summary>What the work is, as the audit trail shows it after <c>system:</c>.</summary>
    public string Work { get; } = string.IsNullOrWhiteSpace(work) ? throw new ArgumentException("System work needs a name.", nameof(work)) : work;

    public bool IsAuthenticated => true;

    public Guid? UserId => null;

    public string? UserName => "system:" + Work;

    public Guid? OrgUnitId => null;

    public DataScope Scope => DataScope.System;

    public bool Has(string permission) => true;
}

/// <summary>
/// A module's context acting as a named system actor (ADR 0022), instead of each module building one by hand for its public
/// forms and jobs. Dispose the context when done: <c>await using var db = systemWork.Db&lt;DisputesDb&gt;("公开申请");</c>
/// </summary>
public interface ISystemWork
{
    TContext Db<TContext>(string work) where TContext : FazhiDbContext;
}

internal sealed class SystemWork(IServiceProvider services, IEnumerable<ModuleDatabase> databases) : ISystemWork
{
    public TContext Db<TContext>(string work) where TContext : FazhiDbContext
    {
        var database = databases.FirstOrDefault(d => d.ContextType == typeof(TContext))
            ?? throw new InvalidOperationException($"{typeof(TContext).Name} is not registered with AddFazhiDbContext.");
        return (TContext)ActivatorUtilities.CreateInstance(services, database.EngineType, new SystemActor(work));
    }
}
