using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Audit;
using Fazhi.Platform.Features.Jobs;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using static Fazhi.Platform.Tests.Accounts.AccountPages;

namespace Fazhi.Platform.Tests.Nodes;

/// <summary>
/// Several Fazhi processes against one database: a session, an antiforgery token and a bearer token issued by one
/// node are honoured by the other, and a background job runs once, not once per node. Runs on SQLite (two hosts on one
/// database file) and, with FAZHI_TEST_POSTGRES, on PostgreSQL, the engine multi-node installations use.
/// </summary>
public sealed class TwoNodeTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    private static readonly JobKey AuditJob = new(typeof(AuditChainVerifyJob).FullName!, "fazhi");

    [Fact]
    public async Task A_session_started_on_one_node_is_valid_on_the_other()
    {
        var user = await nodes.A.CreateUserAsync(BuiltInRoles.Staff, "370402", prefix: "node-session");
        var browser = nodes.NewBrowser();

        var login = await browser.SubmitAsync(browser.A, "/account/login", browser.A, "login", new Dictionary<string, string>
        {
            ["Input.UserName"] = user.UserName,
            ["Input.Password"] = user.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Contains("fazhi.auth", browser.Cookies.Keys);

        var onB = await browser.GetAsync(browser.B, "/account/manage");
        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
        Assert.Contains(user.UserName, await TextAsync(onB));
        // Without the cookie node B sends the visitor to sign in: it was the session, not chance, that let us in.
        var anonymous = await nodes.NewBrowser().GetAsync(browser.B, "/account/manage");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", Location(anonymous));
    }

    [Fact]
    public async Task A_form_shown_by_one_node_is_accepted_when_posted_to_the_other()
    {
        var user = await nodes.A.CreateUserAsync(BuiltInRoles.Staff, "370403", prefix: "node-form");
        var browser = nodes.NewBrowser();
        // Signing in crosses nodes already: the login page (and its antiforgery cookie) from A, the post to B.
        var login = await browser.SubmitAsync(browser.A, "/account/login", browser.B, "login", new Dictionary<string, string>
        {
            ["Input.UserName"] = user.UserName,
            ["Input.Password"] = user.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        var forged = await browser.PostAsync(browser.B, "/account/logout", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        // The sign-out form in the top bar of a page rendered by A, posted to B.
        var logout = await browser.SubmitAsync(browser.A, "/", browser.B, "logout", new Dictionary<string, string>(), postUrl: "/account/logout");
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.StartsWith("/account/login", Location(logout));
        Assert.DoesNotContain("fazhi.auth", browser.Cookies.Keys);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync(browser.A, "/account/manage")).StatusCode);
    }

    [Fact]
    public async Task A_bearer_token_issued_by_one_node_works_on_the_other()
    {
        var user = await nodes.A.CreateUserAsync(BuiltInRoles.Staff, "370404", prefix: "node-token");
        var fromA = await nodes.A.ApiClientAsync(user);
        var clientOfB = nodes.B.CreateClient();
        clientOfB.DefaultRequestHeaders.Authorization = fromA.DefaultRequestHeaders.Authorization;

        var response = await clientOfB.GetAsync("/api/platform/account/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(user.UserName, me.GetProperty("userName").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await nodes.B.CreateClient().GetAsync("/api/platform/account/me")).StatusCode);
    }

    [Fact]
    public async Task A_role_removed_or_an_account_deactivated_on_one_node_applies_on_the_other_as_soon_as_it_hears_of_it()
    {
        var user = await nodes.A.CreateUserAsync(BuiltInRoles.Staff, "370405", prefix: "node-epoch");
        var onB = nodes.B.CreateClient();
        onB.DefaultRequestHeaders.Authorization = (await nodes.A.ApiClientAsync(user)).DefaultRequestHeaders.Authorization;
        // Twice, so that B serves the second from what it loaded for the first.
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/api/platform/attachments?ownerType=x&ownerId=y")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/api/platform/attachments?ownerType=x&ownerId=y")).StatusCode);

        await nodes.A.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDb>();
            db.RoleAssignments.RemoveRange(await db.RoleAssignments.Where(a => a.UserId == user.Id).ToListAsync());
            await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Forbidden, await StatusOnceSettledAsync(onB, "/api/platform/attachments?ownerType=x&ownerId=y", HttpStatusCode.Forbidden));

        await nodes.A.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDb>();
            (await db.Users.SingleAsync(u => u.Id == user.Id)).IsActive = false;
            await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOnceSettledAsync(onB, "/api/platform/account/me", HttpStatusCode.Unauthorized));
    }

    /// <summary>
    /// The other node learns of a raise of the security epoch without reading it per request (ADR 0026): on PostgreSQL from
    /// the notification sent at the commit (milliseconds), on SQLite, which runs one node in production, from the recheck
    /// interval (1 s). So B is asked until it answers <paramref name="expected"/>, for at most 5 s; the node's own
    /// requests see a raise at once (Security_epoch_tests).
    /// </summary>
    private static async Task<HttpStatusCode> StatusOnceSettledAsync(HttpClient client, string url, HttpStatusCode expected)
    {
        var until = DateTime.UtcNow.AddSeconds(5);
        while (true)
        {
            var status = (await client.GetAsync(url)).StatusCode;
            if (status == expected || DateTime.UtcNow > until)
            {
                return status;
            }
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task Both_nodes_run_the_scheduler_and_on_postgres_they_form_one_cluster()
    {
        var a = await StartedSchedulerAsync(nodes.A);
        var b = await StartedSchedulerAsync(nodes.B);
        var (metaA, metaB) = (await a.GetMetadata(), await b.GetMetadata());
        Assert.True(await a.Exists(AuditJob));
        Assert.True(await b.Exists(AuditJob));

        if (!nodes.A.OnPostgres)
        {
            // SQLite installations are one node by design (ADR 0004): each host keeps its triggers in memory, so two
            // SQLite hosts would each fire the nightly job. Only PostgreSQL clusters; the CI runs this class there too.
            Assert.False(metaA.JobStoreClustered);
            Assert.False(metaB.JobStoreClustered);
            return;
        }
        Assert.True(metaA.JobStoreClustered && metaB.JobStoreClustered);
        Assert.Equal(metaA.SchedulerName, metaB.SchedulerName);
        // Each process needs its own instance id, or the cluster would take the other node's work for its own.
        Assert.NotEqual(metaA.SchedulerInstanceId, metaB.SchedulerInstanceId);

        var instances = await WaitForAsync(
            () => QueryAsync("SELECT instance_name AS \"Value\" FROM platform_qrtz_scheduler_state WHERE sched_name = 'fazhi'"),
            rows => rows.Count >= 2);
        Assert.Equal(new[] { metaA.SchedulerInstanceId, metaB.SchedulerInstanceId }.Order(), instances.Order());
        // One set of triggers, shared: the nightly trigger exists once though both nodes declared it at start.
        var triggers = await QueryAsync($"SELECT trigger_name AS \"Value\" FROM platform_qrtz_triggers WHERE job_name = '{AuditJob.Name}'");
        Assert.Single(triggers);
    }

    [Fact]
    public async Task A_job_triggered_once_runs_once_though_two_nodes_run()
    {
        var a = await StartedSchedulerAsync(nodes.A);
        var b = await StartedSchedulerAsync(nodes.B);
        var before = await VerifiedCountAsync();

        await a.TriggerJob(AuditJob);

        // Done when the run is recorded and the one-off trigger is gone from the (shared, on PostgreSQL) store: nothing
        // is left that could fire the job a second time.
        await WaitForAsync(async () => (
                Verified: await VerifiedCountAsync(),
                Triggers: (await a.QueryTriggers(new TriggerQuery { Job = AuditJob })).Items.Count,
                Running: (await a.GetMetadata()).LocalExecutingJobs + (await b.GetMetadata()).LocalExecutingJobs),
            s => s.Verified > before && s.Triggers == 1 && s.Running == 0);
        Assert.Equal(before + 1, await VerifiedCountAsync());
    }

    private static async Task<IScheduler> StartedSchedulerAsync(FazhiFactory node)
    {
        var scheduler = node.Services.GetRequiredService<IScheduler>();
        // The hosted service starts the scheduler once the application has started.
        return await WaitForAsync(() => Task.FromResult(scheduler), s => s.Status == SchedulerStatus.Running);
    }

    private Task<int> VerifiedCountAsync() => nodes.A.InScopeAsync(sp =>
        sp.GetRequiredService<PlatformDb>().Set<AuditEntry>().AsNoTracking().CountAsync(e => e.Action == "audit.verified"));

    private Task<List<string>> QueryAsync(string sql) => nodes.A.InScopeAsync(sp =>
        sp.GetRequiredService<PlatformDb>().Database.SqlQueryRaw<string>(sql).ToListAsync());

    /// <summary>Polls until <paramref name="done"/> holds (at most a minute); the wait is not what is asserted.</summary>
    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }
            await Task.Delay(100);
        }
    }
}
