using System.Data.Common;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Accounts;
using Fazhi.Platform.Features.Setup;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Fazhi.Bench.Hosting;

/// <summary>
/// The real Fazhi host in process (every module, middleware, authentication and audit), on a database that survives
/// between runs so that a million generated rows are made once. It adds one thing the product does not have: the floor
/// endpoint <c>POST /bench/floor</c>, which does a single INSERT into the same database and nothing else, the baseline the
/// issues measure intake against.
/// </summary>
internal sealed class BenchHost : WebApplicationFactory<Fazhi.Host.Components.App>
{
    private readonly string _provider;
    private readonly string _connection;
    private readonly string _dir;

    public BenchHost(string provider, string nameOrConnection)
    {
        _provider = provider;
        _dir = Path.Combine(Path.GetTempPath(), "fazhi-bench", provider == "postgres" ? "pg-" + new NpgsqlConnectionStringBuilder(nameOrConnection).Database : nameOrConnection);
        Directory.CreateDirectory(_dir);
        _connection = provider == "postgres" ? nameOrConnection : $"Data Source={Path.Combine(_dir, "fazhi.db")}";
    }

    public string Provider => _provider;

    /// <summary>Settings applied after the bench defaults, set before the host starts.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    public static BenchHost FromArgs(string[] args) => args.Length > 0 && args[0] == "postgres"
        ? new BenchHost("postgres", args.Length > 1 ? args[1] : throw new ArgumentException("postgres needs a connection string whose database will be created"))
        : new BenchHost("sqlite", args.Length > 1 ? args[1] : "default");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseContentRoot(_dir);
        builder.UseSetting("Database:Provider", _provider);
        builder.UseSetting("Database:ConnectionString", _connection);
        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("Storage:Root", Path.Combine(_dir, "files"));
        builder.UseSetting("Security:KeyFile", Path.Combine(_dir, "keys", "fazhi.key"));
        builder.UseSetting("Security:SignInAttemptsPerMinute", "100000");
        builder.UseSetting("Disputes:PublicPostsPerMinute", "100000000");
        // Statistics are measured as first computations: no per-user report cache.
        builder.UseSetting("Disputes:StatisticsCacheSeconds", "0");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, FloorEndpoint>());
    }

    public static async Task EnsurePostgresDatabaseAsync(string connection)
    {
        var csb = new NpgsqlConnectionStringBuilder(connection);
        var name = csb.Database!;
        csb.Database = "postgres";
        await using var conn = new NpgsqlConnection(csb.ConnectionString);
        await conn.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", conn);
        exists.Parameters.AddWithValue("n", name);
        if (await exists.ExecuteScalarAsync() is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            await create.ExecuteNonQueryAsync();
        }
    }

    /// <summary>A user holding <paramref name="role"/> at <paramref name="orgCode"/>, created once per database.</summary>
    public async Task<(string UserName, string Password)> UserAsync(string userName, string role, string orgCode)
    {
        const string password = "Bench-pass-Zaozhuang-2026";
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDb>();
        if (!await db.Users.IgnoreQueryFilters().AnyAsync(u => u.UserName == userName))
        {
            await scope.ServiceProvider.GetRequiredService<PlatformSeeder>()
                .CreateUserAsync(userName, userName, orgCode, role, password, mustChange: false, demo: false, CancellationToken.None);
        }
        return (userName, password);
    }

    /// <summary>An HTTP client with a bearer token, as an API client (a referring system, a script) holds one.</summary>
    public async Task<HttpClient> ApiClientAsync(string userName, string role, string orgCode)
    {
        var (name, password) = await UserAsync(userName, role, orgCode);
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/platform/account/token", new { userName = name, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    /// <summary>A raw connection to the host's database, for counting and for the floor table.</summary>
    public async Task<T> WithDbAsync<T>(Func<PlatformDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PlatformDb>());
    }

    /// <summary><c>POST /bench/floor</c>: one INSERT of a small row into <c>bench_floor</c>, no authentication, no audit.</summary>
    private sealed class FloorEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map("/bench/floor", floor => floor.Run(async http =>
            {
                var db = http.RequestServices.GetRequiredService<PlatformDb>();
                var conn = db.Database.GetDbConnection();
                if (conn.State != System.Data.ConnectionState.Open)
                {
                    await conn.OpenAsync(http.RequestAborted);
                }
                await using var cmd = conn.CreateCommand();
                cmd.CommandText = "INSERT INTO bench_floor (id, at, payload) VALUES (@id, @at, @payload)";
                Add(cmd, "id", Guid.CreateVersion7().ToString());
                Add(cmd, "at", DateTime.UtcNow.ToString("O"));
                Add(cmd, "payload", "申请人：张三；被申请人：李四；纠纷类别：邻里纠纷");
                await cmd.ExecuteNonQueryAsync(http.RequestAborted);
                http.Response.StatusCode = StatusCodes.Status201Created;
            }));
            next(app);
        };

        private static void Add(DbCommand cmd, string name, string value)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }
    }

    public async Task EnsureFloorTableAsync() => await WithDbAsync(async db =>
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE IF NOT EXISTS bench_floor (id varchar(40) PRIMARY KEY, at varchar(40) NOT NULL, payload varchar(400) NOT NULL)"));
}
