using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Platform.Features.Accounts;
using Fazhi.Platform.Features.Setup;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OtpNet;

namespace Fazhi.Testing;

/// <summary>
/// The real host over HTTP, on a fresh SQLite file, or on a fresh PostgreSQL database when FAZHI_TEST_POSTGRES
/// holds a connection string (CI sets it). One host per test collection.
/// </summary>
public class FazhiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private static int _userCounter;
    private readonly string _dir;
    private readonly FazhiFactory? _sharesWith;
    private string? _pgDatabase;

    public FazhiFactory()
    {
        _dir = Path.Combine(Path.GetTempPath(), "fazhi-tests", Guid.NewGuid().ToString("N"));
    }

    /// <summary>
    /// Another node of <paramref name="sharesWith"/>'s installation: the same database, key file and attachment folder,
    /// as several Fazhi processes behind a reverse proxy have. The first factory owns (and drops) them.
    /// </summary>
    public static FazhiFactory SharingWith(FazhiFactory sharesWith) => new(sharesWith);

    private FazhiFactory(FazhiFactory sharesWith)
    {
        _sharesWith = sharesWith;
        _dir = sharesWith._dir;
    }

    /// <summary>Settings applied after the test defaults (e.g. <c>Database:MigrateOnStart</c>), set before the host starts.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    public static string? PostgresConnection => Environment.GetEnvironmentVariable("FAZHI_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    public bool OnPostgres => PostgresConnection is not null;

    public string DataDirectory => _dir;

    public const string Password = "Zaozhuang-test-pass-2026";

    public async Task InitializeAsync()
    {
        await CreateDatabaseAsync();
        // Start the host now so the first test does not pay for migrations.
        _ = Services;
    }

    /// <summary>
    /// Creates the database and folder this host runs on, without starting the host: a copy of the run's template (migrated,
    /// reference data seeded, its key file beside it), or, with <see cref="EmptyDatabase"/>, an empty database.
    /// </summary>
    public async Task CreateDatabaseAsync()
    {
        if (_sharesWith is not null)
        {
            _pgDatabase = _sharesWith._pgDatabase;
            return;
        }
        Directory.CreateDirectory(_dir);
        var prefix = _templateOf is null ? "fazhi_test_" : "fazhi_tpl_";
        // What this database starts as: a copy of the template one level below what it is to hold (a template of the
        // reference data itself starts empty), or empty when asked.
        var wanted = _templateOf ?? Starts;
        var copyOf = EmptyDatabase ? null : (_templateOf is null ? wanted : wanted - 1) switch
        {
            StartsWith.ReferenceData => ReferenceTemplate,
            StartsWith.DemoLaws => DemoLawsTemplate,
            StartsWith.Demo => DemoTemplate,
            _ => null,
        };
        if (copyOf is not null)
        {
            var template = await copyOf.Value;
            template.CopyFolder(_dir);
            if (template.PgDatabase is { } source)
            {
                _pgDatabase = prefix + Guid.NewGuid().ToString("N")[..12];
                // A connection the template's stopped host left open (an idle pool member) would make PostgreSQL refuse the copy.
                await ExecuteOnServerAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{source}'", serialised: true);
                await ExecuteOnServerAsync($"CREATE DATABASE {_pgDatabase} TEMPLATE {source}", serialised: true);
            }
            return;
        }
        if (PostgresConnection is not null)
        {
            _pgDatabase = prefix + Guid.NewGuid().ToString("N")[..12];
            await ExecuteOnServerAsync($"CREATE DATABASE {_pgDatabase}", serialised: false);
        }
    }

    /// <summary>
    /// Starts on an empty database instead of a copy of the run's template (a test of what a first start does to one). Set
    /// before the host starts.
    /// </summary>
    public bool EmptyDatabase { get; set; }

    /// <summary>
    /// What the host's database holds when it starts (set before it starts): the reference data every installation has, plus
    /// the library's demo laws, or the whole shipped demo. Each is a copy of a template made once for the test run, so no host
    /// migrates or seeds them itself; <see cref="SeedDemoAsync"/> and <see cref="ImportDemoLawsAsync"/> over a copy only find
    /// them there, as a second start with --demo does.
    /// </summary>
    public StartsWith Starts { get; set; } = StartsWith.ReferenceData;

    /// <summary>Shorthand for <see cref="Starts"/> = <see cref="StartsWith.Demo"/>.</summary>
    public bool Demo
    {
        get => Starts == StartsWith.Demo;
        // Turning the demo off leaves a lower level (DemoLaws) as it was; only Demo itself goes back to the default.
        set => Starts = value ? StartsWith.Demo : Starts == StartsWith.Demo ? StartsWith.ReferenceData : Starts;
    }

    // Migrating every module and seeding the reference data (org tree, calendar, roles) is most of a host's start: done once per
    // test process into a template that each host copies (SQLite: the files; PostgreSQL: CREATE DATABASE ... TEMPLATE).
    private static readonly Lazy<Task<Template>> ReferenceTemplate = new(() => Template.MakeAsync(StartsWith.ReferenceData));
    private static readonly Lazy<Task<Template>> DemoLawsTemplate = new(() => Template.MakeAsync(StartsWith.DemoLaws));
    // The demo template: the one scripts/test seeded for the whole run with the host's own `seed demo` verb (a folder, and on
    // PostgreSQL the database its file `postgres-database` names), or else made by this process on first use.
    private static readonly Lazy<Task<Template>> DemoTemplate = new(() =>
        Environment.GetEnvironmentVariable("FAZHI_TEST_DEMO_TEMPLATE") is { Length: > 0 } made
            ? Task.FromResult(Template.Existing(made))
            : Template.MakeAsync(StartsWith.Demo));
    private static readonly SemaphoreSlim ServerGate = new(1, 1);
    private readonly StartsWith? _templateOf;

    private FazhiFactory(StartsWith templateOf)
        : this()
    {
        _templateOf = templateOf;
    }

    private static async Task ExecuteOnServerAsync(string sql, bool serialised)
    {
        // Copies of one template are made one at a time: PostgreSQL refuses a copy while another session uses the source.
        if (serialised)
        {
            await ServerGate.WaitAsync();
        }
        try
        {
            await using var conn = new NpgsqlConnection(PostgresConnection);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand(sql, conn);
            await cmd.ExecuteNonQueryAsync();
        }
        finally
        {
            if (serialised)
            {
                ServerGate.Release();
            }
        }
    }

    /// <summary>A migrated, seeded installation (folder and, on PostgreSQL, database) that hosts copy; removed when the process exits.</summary>
    private sealed class Template(string folder, string? pgDatabase)
    {
        public string? PgDatabase => pgDatabase;

        /// <summary>A template made outside this process (by scripts/test), left in place when the process exits.</summary>
        public static Template Existing(string folder)
        {
            if (!Directory.Exists(folder))
            {
                throw new InvalidOperationException($"FAZHI_TEST_DEMO_TEMPLATE names no folder: {folder}");
            }
            var named = Path.Combine(folder, "postgres-database");
            if (PostgresConnection is not null && !File.Exists(named))
            {
                throw new InvalidOperationException($"FAZHI_TEST_DEMO_TEMPLATE {folder} is a SQLite template (no postgres-database file), but the tests run on PostgreSQL.");
            }
            return new Template(folder, PostgresConnection is null ? null : File.ReadAllText(named).Trim());
        }

        public static async Task<Template> MakeAsync(StartsWith holding)
        {
            var maker = new FazhiFactory(holding);
            await maker.CreateDatabaseAsync();
            _ = maker.Services;
            if (holding == StartsWith.DemoLaws)
            {
                await maker.ImportDemoLawsAsync();
            }
            else if (holding == StartsWith.Demo)
            {
                await maker.SeedDemoAsync();
            }
            await maker.DisposeHostAsync();
            if (maker._pgDatabase is { } made)
            {
                // The template's stopped scheduler leaves its cluster check-in row; a copy would show a third node.
                var csb = new NpgsqlConnectionStringBuilder(PostgresConnection) { Database = made, Pooling = false };
                await using var conn = new NpgsqlConnection(csb.ConnectionString);
                await conn.OpenAsync();
                await using var cmd = new NpgsqlCommand("DELETE FROM platform_qrtz_scheduler_state", conn);
                await cmd.ExecuteNonQueryAsync();
            }
            var template = new Template(maker._dir, maker._pgDatabase);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => template.Remove();
            return template;
        }

        /// <summary>
        /// The template's files: the database file on SQLite, the key file, stored files, and the library's search index (it
        /// records the database it was built from, which the copy is).
        /// </summary>
        public void CopyFolder(string to)
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(folder, file);
                // The write-ahead log travels with the database file (SQLite replays it on open); the shared-memory index is rebuilt.
                if (relative is "postgres-database" || relative.EndsWith("-shm", StringComparison.Ordinal))
                {
                    continue;
                }
                var target = Path.Combine(to, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        private void Remove()
        {
            try
            {
                if (pgDatabase is not null)
                {
                    NpgsqlConnection.ClearAllPools();
                    using var conn = new NpgsqlConnection(PostgresConnection);
                    conn.Open();
                    using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {pgDatabase} WITH (FORCE)", conn);
                    cmd.ExecuteNonQuery();
                }
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or NpgsqlException)
            {
                // Left for the next run of scripts/test (PostgreSQL) or the OS (the temp folder).
            }
        }
    }

    /// <summary>Stops the host and lets go of its database, so its files and database can be copied.</summary>
    private async Task DisposeHostAsync()
    {
        await base.DisposeAsync();
        if (_pgDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            // Everything into the database file, so a plain copy of it is whole (and keeps write-ahead logging).
            await using var conn = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_dir, "fazhi.db")};Pooling=False");
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await cmd.ExecuteNonQueryAsync();
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_sharesWith is not null)
        {
            return;
        }
        if (_pgDatabase is not null && PostgresConnection is { } cs)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(cs);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_pgDatabase} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a finalising connection; the temp folder is cleaned by the OS.
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseContentRoot(_dir);
        if (PostgresConnection is { } cs)
        {
            var csb = new NpgsqlConnectionStringBuilder(cs) { Database = _pgDatabase };
            builder.UseSetting("Database:Provider", "postgres");
            builder.UseSetting("Database:ConnectionString", csb.ConnectionString);
            builder.UseSetting("Database:MigrateOnStart", "true");
        }
        else
        {
            builder.UseSetting("Database:Provider", "sqlite");
            builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(_dir, "fazhi.db")}");
        }
        // A host per test class: more than twenty hosts in one process, each with EF internal service providers of its own
        // (ADR 0063); EF would throw on the twenty-first.
        builder.UseSetting("Database:AllowManyServiceProviders", "true");
        builder.UseSetting("Data:Directory", _dir);
        builder.UseSetting("Storage:Root", Path.Combine(_dir, "files"));
        builder.UseSetting("Security:KeyFile", Path.Combine(_dir, "keys", "fazhi.key"));
        // Every test signs in from the same (absent) client address; the per-address sign-in limit would throttle the suite.
        builder.UseSetting("Security:SignInAttemptsPerMinute", "100000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Runs work in a DI scope of the host, as the system.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task InScopeAsync(Func<IServiceProvider, Task> work) => InScopeAsync<bool>(async sp =>
    {
        await work(sp);
        return true;
    });

    /// <summary>Runs the demo seeding of <c>--demo</c> / <c>seed demo</c> (idempotent) on the shared host.</summary>
    public Task SeedDemoAsync() => InScopeAsync(sp => ReferenceData.SeedDemoAsync(sp, CancellationToken.None));

    /// <summary>Only the regulation library's demo laws (行政处罚法 2021, 行政复议法 2017 and 2023 ...), not the whole demo; idempotent.</summary>
    public Task ImportDemoLawsAsync() => InScopeAsync(sp =>
        sp.GetServices<IDemoSeed>().Single(s => s.GetType().Name == "LibraryDemoSeed").SeedAsync(CancellationToken.None));

    /// <summary>A demo account created by <see cref="SeedDemoAsync"/> (no two-factor; the shared demo password).</summary>
    public static TestUser DemoUser(string userName) => new(Guid.Empty, userName, PlatformSeeder.DemoPassword, null, Guid.Empty);

    /// <summary>Creates an account holding <paramref name="role"/> at <paramref name="orgCode"/>; administrators get TOTP enrolled.</summary>
    public async Task<TestUser> CreateUserAsync(string role = BuiltInRoles.Staff, string orgCode = "370400", bool? enrolTotp = null, string? prefix = null)
    {
        var name = $"{prefix ?? role}-{Interlocked.Increment(ref _userCounter)}-{Guid.NewGuid().ToString("N")[..6]}";
        var admin = role is BuiltInRoles.SystemAdmin or BuiltInRoles.SecurityAdmin or BuiltInRoles.AuditAdmin;
        return await InScopeAsync(async sp =>
        {
            var seeder = sp.GetRequiredService<PlatformSeeder>();
            var user = await seeder.CreateUserAsync(name, name, orgCode, role, Password, mustChange: false, demo: false, CancellationToken.None);
            string? secret = null;
            if (enrolTotp ?? admin)
            {
                var users = sp.GetRequiredService<UserManager<FazhiUser>>();
                await users.ResetAuthenticatorKeyAsync(user);
                secret = await users.GetAuthenticatorKeyAsync(user);
                await users.SetTwoFactorEnabledAsync(user, true);
            }
            return new TestUser(user.Id, name, Password, secret, user.OrgUnitId);
        });
    }

    /// <summary>An HTTP client signed in through the token endpoint, as an API client would be.</summary>
    public async Task<HttpClient> ApiClientAsync(TestUser user)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/platform/account/token", new
        {
            userName = user.UserName,
            password = user.Password,
            twoFactorCode = user.TotpSecret is null ? null : user.CurrentCode(),
        });
        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>A browser-like client: cookies kept, redirects not followed, so tests can see them.</summary>
    public HttpClient BrowserClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A browser-like client signed in with the login page as a user without two-factor (e.g. staff).</summary>
    public async Task<HttpClient> SignedInBrowserAsync(TestUser user)
    {
        var client = BrowserClient();
        var login = await Forms.SubmitAsync(client, "/account/login", "login", new Dictionary<string, string>
        {
            ["Input.UserName"] = user.UserName,
            ["Input.Password"] = user.Password,
        });
        if (login.StatusCode != System.Net.HttpStatusCode.Redirect || login.Headers.Location?.OriginalString.Contains("two-factor", StringComparison.OrdinalIgnoreCase) == true)
        {
            throw new InvalidOperationException($"Sign-in as {user.UserName} did not complete ({(int)login.StatusCode} {login.Headers.Location}).");
        }
        return client;
    }
}

/// <summary>What a test host's database holds when it starts (each level holds the one before it).</summary>
public enum StartsWith
{
    /// <summary>What every installation has after its first start: migrations, org tree, calendar, roles.</summary>
    ReferenceData = 1,

    /// <summary>And the regulation library's demo laws (行政处罚法, 行政复议法 ...), so citations resolve.</summary>
    DemoLaws = 2,

    /// <summary>And the whole shipped demo: accounts, their roles and every module's demo records.</summary>
    Demo = 3,
}

/// <summary>A host that starts with the shipped demo (<c>--demo</c>'s accounts and records), copied from the run's demo template.</summary>
public sealed class FazhiDemoFactory : FazhiFactory
{
    public FazhiDemoFactory()
    {
        Demo = true;
    }
}

/// <summary>A test account and the means to sign in as it.</summary>
public sealed record TestUser(Guid Id, string UserName, string Password, string? TotpSecret, Guid OrgUnitId)
{
    public string CurrentCode() => new Totp(Base32Encoding.ToBytes(TotpSecret!)).ComputeTotp();
}
