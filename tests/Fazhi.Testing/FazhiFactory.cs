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
public sealed class FazhiFactory : WebApplicationFactory<Program>, IAsyncLifetime
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

    /// <summary>Creates the empty database (PostgreSQL) and folder this host runs on, without starting the host.</summary>
    public async Task CreateDatabaseAsync()
    {
        if (_sharesWith is not null)
        {
            _pgDatabase = _sharesWith._pgDatabase;
            return;
        }
        Directory.CreateDirectory(_dir);
        if (PostgresConnection is { } cs)
        {
            _pgDatabase = "fazhi_test_" + Guid.NewGuid().ToString("N")[..12];
            await using var conn = new NpgsqlConnection(cs);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {_pgDatabase}", conn);
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
        // Every test client shares one (absent) remote address: the sign-in rate limit would throttle the whole suite.
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

/// <summary>A test account and the means to sign in as it.</summary>
public sealed record TestUser(Guid Id, string UserName, string Password, string? TotpSecret, Guid OrgUnitId)
{
    public string CurrentCode() => new Totp(Base32Encoding.ToBytes(TotpSecret!)).ComputeTotp();
}
