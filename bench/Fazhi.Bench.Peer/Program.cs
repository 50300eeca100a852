using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Data.Sqlite;
using Npgsql;

// The stock ASP.NET Core peer of docs/benchmarks.md "Signed-in requests against a stock peer" (issue 14): what the
// framework does with the same authentication schemes as Fazhi (bearer tokens or cookies, chosen per request) and the
// same database engines, with nothing of Fazhi's. bench/signin.sh starts it beside Fazhi and drives both with wrk.
//   dotnet Fazhi.Bench.Peer.dll --urls http://127.0.0.1:5093 [--db sqlite|postgres] [--conn CONNECTION]
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
var engine = builder.Configuration["db"] ?? "sqlite";
var connection = builder.Configuration["conn"] ?? $"Data Source={Path.Combine(Path.GetTempPath(), "fazhi-peer.db")}";

const string Either = "cookie-or-bearer";
builder.Services.AddAuthentication(o => o.DefaultScheme = Either)
    .AddPolicyScheme(Either, "Cookie or bearer", o => o.ForwardDefaultSelector = ctx =>
        ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? BearerTokenDefaults.AuthenticationScheme
            : CookieAuthenticationDefaults.AuthenticationScheme)
    .AddBearerToken()
    .AddCookie();
builder.Services.AddAuthorization();
builder.Services.AddSingleton(new Store(engine, connection));

var app = builder.Build();
await app.Services.GetRequiredService<Store>().CreateAsync();
app.UseAuthentication();
app.UseAuthorization();

static ClaimsPrincipal Principal(string name) => new(new ClaimsIdentity(
    [new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new Claim(ClaimTypes.Name, name)], "peer"));

app.MapPost("/token", (string? user) => Results.SignIn(Principal(user ?? "peer"), authenticationScheme: BearerTokenDefaults.AuthenticationScheme));
app.MapPost("/cookie", async (HttpContext http, string? user) =>
{
    await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Principal(user ?? "peer"));
    return Results.NoContent();
});
app.MapGet("/anonymous", () => "ok");
app.MapGet("/noop", (ClaimsPrincipal user) => user.Identity!.Name).RequireAuthorization();
app.MapPost("/insert", async (ClaimsPrincipal user, Store store) => Results.Ok(await store.InsertAsync(user.Identity!.Name!))).RequireAuthorization();
await app.RunAsync();

/// <summary>One table, one INSERT per request: SQLite in WAL with one writer at a time (as SQLite allows), or PostgreSQL.</summary>
internal sealed class Store(string engine, string connection)
{
    private readonly SemaphoreSlim _writer = new(1, 1);

    public async Task CreateAsync()
    {
        const string Sql = "CREATE TABLE IF NOT EXISTS peer_items (id TEXT PRIMARY KEY, name TEXT NOT NULL, created TEXT NOT NULL)";
        if (engine == "postgres")
        {
            await using var pg = new NpgsqlConnection(connection);
            await pg.OpenAsync();
            await using var cmd = new NpgsqlCommand(Sql, pg);
            await cmd.ExecuteNonQueryAsync();
            return;
        }
        await using var db = new SqliteConnection(connection);
        await db.OpenAsync();
        await using var setup = db.CreateCommand();
        setup.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; " + Sql;
        await setup.ExecuteNonQueryAsync();
    }

    public async Task<Guid> InsertAsync(string name)
    {
        var id = Guid.NewGuid();
        const string Sql = "INSERT INTO peer_items (id, name, created) VALUES (@id, @name, @created)";
        if (engine == "postgres")
        {
            await using var pg = new NpgsqlConnection(connection);
            await pg.OpenAsync();
            await using var cmd = new NpgsqlCommand(Sql, pg);
            cmd.Parameters.AddWithValue("id", id.ToString());
            cmd.Parameters.AddWithValue("name", name);
            cmd.Parameters.AddWithValue("created", DateTimeOffset.UtcNow.ToString("O"));
            await cmd.ExecuteNonQueryAsync();
            return id;
        }
        await _writer.WaitAsync();
        try
        {
            await using var db = new SqliteConnection(connection);
            await db.OpenAsync();
            await using var cmd = db.CreateCommand();
            cmd.CommandText = "PRAGMA synchronous=NORMAL; " + Sql;
            cmd.Parameters.AddWithValue("@id", id.ToString());
            cmd.Parameters.AddWithValue("@name", name);
            cmd.Parameters.AddWithValue("@created", DateTimeOffset.UtcNow.ToString("O"));
            await cmd.ExecuteNonQueryAsync();
            return id;
        }
        finally
        {
            _writer.Release();
        }
    }
}
