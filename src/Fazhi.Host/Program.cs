using Fazhi.Host;
using Fazhi.Host.Components;
using Fazhi.Host.Components.Account;
using Fazhi.Assessment;
using Fazhi.Disputes;
using Fazhi.Enforcement;
using Fazhi.Lists;
using Fazhi.Learning;
using Fazhi.Rulemaking;
using Fazhi.Library;
using Fazhi.Oversight;
using Fazhi.Platform;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Setup;
using Scalar.AspNetCore;

var timeline = new StartupTimeline(); // where a start's time goes, logged once when the host listens (ADR 0070)
var demo = args.Contains("--demo");
// appsettings.json is read at start, not watched: watching it watched the whole content root, where the SQLite database
// and its write-ahead log live (data/), so every write woke a file-watcher thread (measured: about 6 % of the CPU under
// intake load). Settings that change at run time live in the database. First, so a later argument can turn it back on.
string[] hostArgs = ["--hostBuilder:reloadConfigOnChange=false", .. args.Where(a => a != "--demo")];
// Started from another folder (`dotnet /opt/fazhi/Fazhi.Host.dll` from /root), the host still reads its own
// appsettings.json: the content root is the current folder only when that folder holds one (dotnet run, a service
// started in its folder), otherwise the folder the host's files are in.
var contentRoot = File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json")) ? Directory.GetCurrentDirectory() : AppContext.BaseDirectory;
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = hostArgs, ContentRootPath = contentRoot });
// Quiet defaults that hold even without appsettings.json: framework, EF and Quartz at Warning (ADR 0021).
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
builder.Logging.AddFilter("Quartz", LogLevel.Warning);
builder.WebHost.ConfigureKestrel(k =>
{
    // Request size limit: the largest legitimate body is an attachment upload (see Attachments:MaxBytes).
    k.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
    k.AddServerHeader = false;
});
// Serves wwwroot and the framework script from the build output under `dotnet run`, whatever the environment;
// a published app has no static web assets manifest and is unaffected.
builder.WebHost.UseStaticWebAssets();
builder.AddFazhiPlatform();
builder.AddDisputes();
builder.AddEnforcement();
builder.AddAssessment();
builder.AddLibrary();
builder.AddOversight();
builder.AddLists();
builder.AddLearning();
builder.AddRulemaking();
builder.Services.AddRazorComponents();
builder.Services.AddCascadingAuthenticationState();

timeline.Mark("services");
var app = builder.Build();
timeline.Mark("host build");

if (PlatformCli.IsVerb(args))
{
    return await PlatformCli.RunAsync(app, args);
}

Console.WriteLine($"Fazhi 数据目录 data folder: {DataFolder.Resolve(app.Configuration, app.Environment.ContentRootPath)}（Data:Directory 可改）");
timeline.Mark("cli check");
await PlatformStartup.InitialiseAsync(app, demo, timeline);

app.UseFazhiPlatform();
app.MapStaticAssets().AllowAnonymous();
app.MapRazorComponents<App>()
    .AddAdditionalAssemblies(typeof(PlatformModule).Assembly, typeof(DisputesModule).Assembly, typeof(EnforcementModule).Assembly, typeof(AssessmentModule).Assembly, typeof(LibraryModule).Assembly, typeof(OversightModule).Assembly, typeof(ListsModule).Assembly, typeof(LearningModule).Assembly,
        typeof(RulemakingModule).Assembly);
app.MapFazhiPlatform();
app.MapDisputes();
app.MapEnforcement();
app.MapAssessment();
app.MapLibrary();
app.MapOversight();
app.MapLists();
app.MapLearning();
app.MapRulemaking();
app.MapAccountEndpoints();
// The API reference page: bundled script only; no external proxy, telemetry, fonts, agent or MCP (the network is closed
// and a government system sends nothing out).
app.MapScalarApiReference("/api-docs", o => o
    .WithTitle("法治枣庄 Fazhi API")
    .WithOpenApiRoutePattern("/openapi/{documentName}.json")
    .DisableTelemetry()
    .DisableDefaultFonts()
    .DisableAgent()
    .DisableMcp()
    .HideDeveloperTools()).AllowAnonymous();
timeline.Mark("endpoints mapped");
app.Lifetime.ApplicationStarted.Register(() =>
{
    timeline.Mark("listen");
    timeline.Log(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Fazhi.Startup"));
});

await app.RunAsync();
return 0;

/// <summary>The host's entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
