using Fazhi.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Fazhi.Platform.Features.Jobs;

/// <summary>
/// The one scheduler (Quartz.NET). On PostgreSQL: the persistent, clustered job store in the shared database, so a job
/// fires once across all nodes. On SQLite (a single node by definition): the in-memory store. See docs/adr/0004.
/// </summary>
internal static class JobsFeature
{
    public static void Add(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var db = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton<IDatabaseMigrationStep, QuartzSchemaStep>();
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                // One name for the cluster (every node's rows carry it), one id per process: a node that shared another's
                // id would recover that node's running work as its own. Quartz 4 already generates it under UseClustering;
                // stated here rather than left to that default (tested by Nodes/TwoNodeTests on PostgreSQL).
                s.InstanceName = "fazhi";
                s.GenerateInstanceId = db.IsPostgres;
            });
            if (db.IsPostgres)
            {
                var connectionString = db.EffectiveConnectionString(builder.Environment.ContentRootPath);
                q.UsePersistentStore(store =>
                {
                    store.UsePostgres(connectionString);
                    store.UseSystemTextJsonSerializer();
                    store.UseClustering();
                    store.ConfigureStore(o => o.TablePrefix = QuartzSchemaStep.TablePrefix);
                });
            }
            else
            {
                q.UseInMemoryStore();
            }
        });
        // Jobs:Run = false: the scheduler is not started in this process (a test host whose checks must not see a job's
        // writes mid-request, or a node kept for interactive work only); jobs still run when called directly.
        if (builder.Configuration.GetValue("Jobs:Run", true))
        {
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        }
        services.AddFazhiJob<AuditChainVerifyJob>("0 30 2 * * ?", "每日 02:30 校验审计链完整性");
    }
}

/// <summary>How modules register background jobs with the platform's scheduler.</summary>
public static class FazhiJobServiceCollectionExtensions
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>
    /// Schedules <typeparamref name="TJob"/> on a Quartz cron expression (seconds first, Beijing time), e.g.
    /// <c>"0 30 2 * * ?"</c> for 02:30 every night. The job is resolved from DI in its own scope, runs as the system,
    /// never overlaps itself, and on PostgreSQL runs on one node only.
    /// </summary>
    public static IServiceCollection AddFazhiJob<TJob>(this IServiceCollection services, string cron, string description)
        where TJob : class, IJob
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cron);
        var name = typeof(TJob).FullName ?? typeof(TJob).Name;
        services.AddScoped<TJob>();
        services.ConfigureAllQuartzSchedulers(q => q.ScheduleJob<TJob>(
            t => t.WithIdentity(name, "fazhi").WithDescription(description).WithCronSchedule(cron, c => c.InTimeZone(China)),
            j => j.WithIdentity(name, "fazhi").WithDescription(description).DisallowConcurrentExecution()));
        return services;
    }
}
