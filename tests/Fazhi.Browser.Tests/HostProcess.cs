using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Fazhi.Browser.Tests;

/// <summary>
/// The real Fazhi executable on a free loopback port and a fresh SQLite data folder, started the way an operator
/// starts it. Its console output is kept so tests can read the first administrator's one-time password.
/// </summary>
public sealed partial class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HostProcess(Process process, string baseUrl, string dataDir)
    {
        _process = process;
        BaseUrl = baseUrl;
        DataDirectory = dataDir;
    }

    public string BaseUrl { get; }

    public string DataDirectory { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>The one-time password the first start printed for <c>admin</c>.</summary>
    public string FirstAdminPassword => OneTimePasswordRegex().Match(Output) is { Success: true } m
        ? m.Groups[1].Value
        : throw new InvalidOperationException("The host printed no one-time password:\n" + Output);

    /// <summary>
    /// The 6-digit code in the newest text message to <paramref name="phone"/> in the host's development SMS outbox
    /// (<c>--demo</c> writes each message as a JSON file into <c>sms-outbox</c> in the data folder, ADR 0055).
    /// </summary>
    public async Task<string> SmsCodeAsync(string phone)
    {
        var dir = Path.Combine(DataDirectory, "sms-outbox");
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (Directory.Exists(dir))
            {
                foreach (var file in Directory.GetFiles(dir, "*.json").OrderByDescending(Path.GetFileName, StringComparer.Ordinal))
                {
                    using var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(file));
                    if (json.RootElement.GetProperty("phone").GetString() == phone)
                    {
                        var text = json.RootElement.GetProperty("text").GetString() ?? "";
                        return SixDigitsRegex().Match(text) is { Success: true } m ? m.Value : throw new InvalidOperationException($"No code in the SMS: {text}");
                    }
                }
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"No text message to {phone} in {dir}.");
    }

    [GeneratedRegex(@"(?<![0-9])[0-9]{6}(?![0-9])")]
    private static partial Regex SixDigitsRegex();

    public static async Task<HostProcess> StartAsync(params string[] extraArgs)
    {
        var port = FreePort();
        var dataDir = Path.Combine(Path.GetTempPath(), "fazhi-browser", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDir);
        if (extraArgs.Contains("--demo"))
        {
            // The demo data every --demo host starts from, seeded once for the run; the host's own --demo then finds it
            // there (the demo seed is idempotent), as an operator's second start with --demo does.
            CopyDirectory(await DemoTemplate.Value, dataDir);
        }
        var hostDll = HostDll();
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(hostDll);
        foreach (var a in extraArgs)
        {
            psi.ArgumentList.Add(a);
        }
        var baseUrl = $"http://127.0.0.1:{port}";
        psi.Environment["ASPNETCORE_URLS"] = baseUrl;
        psi.Environment["Urls"] = baseUrl;
        Configure(psi, dataDir);
        var process = Process.Start(psi) ?? throw new InvalidOperationException("Could not start the host.");
        var host = new HostProcess(process, baseUrl, dataDir);
        process.OutputDataReceived += (_, e) => host.Collect(e.Data);
        process.ErrorDataReceived += (_, e) => host.Collect(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var finished = await Task.WhenAny(host._ready.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(90)));
        if (finished != host._ready.Task)
        {
            await host.DisposeAsync();
            throw new InvalidOperationException("The host did not start:\n" + host.Output);
        }
        return host;
    }

    /// <summary>
    /// Runs a command-line verb of the same executable on the same data folder while the host serves, the way an
    /// operator grants a role from the console (e.g. <c>admin create demo-city --role dispute-clerk --org 370400-FJZX</c>).
    /// </summary>
    public Task<string> RunCliAsync(params string[] args) => RunVerbAsync(DataDirectory, args);

    private static async Task<string> RunVerbAsync(string dataDir, params string[] args)
    {
        var hostDll = HostDll();
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(hostDll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        Configure(psi, dataDir);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("Could not start the host command.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var output = await stdout + await stderr;
        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"`{string.Join(' ', args)}` failed ({process.ExitCode}):\n{output}");
    }

    private static void Configure(ProcessStartInfo psi, string dataDir)
    {
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["Database__Provider"] = "sqlite";
        psi.Environment["Database__ConnectionString"] = $"Data Source={Path.Combine(dataDir, "fazhi.db")}";
        psi.Environment["Storage__Root"] = Path.Combine(dataDir, "files");
        psi.Environment["Security__KeyFile"] = Path.Combine(dataDir, "keys", "fazhi.key");
        // The data folder (the library's search index lives there) is the test's own: the default, beside the
        // executable, is shared by every host started from this build and would hold another database's index.
        psi.Environment["Data__Directory"] = dataDir;
    }

    private void Collect(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.Add(line);
        }
        if (line.Contains("Application started", StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    /// <summary>
    /// A data folder made once per test run by the executable's own <c>seed demo</c> verb (migrations, reference data, every
    /// module's demo records, keys): seeding the demo is most of a --demo start, and every browser class needs one.
    /// </summary>
    private static readonly Lazy<Task<string>> DemoTemplate = new(() =>
        Environment.GetEnvironmentVariable("FAZHI_TEST_DEMO_TEMPLATE") is { Length: > 0 } made && Directory.Exists(made)
            ? Task.FromResult(made) // seeded by scripts/test for the whole run
            : MakeDemoTemplateAsync());

    private static async Task<string> MakeDemoTemplateAsync()
    {
        var dir = Path.Combine(Path.GetTempPath(), "fazhi-browser", "demo-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean.
            }
        };
        await RunVerbAsync(dir, "seed", "demo");
        return dir;
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string HostDll()
    {
        // tests/Fazhi.Browser.Tests/bin/<Configuration>/net10.0 -> src/Fazhi.Host/bin/<Configuration>/net10.0
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var tfm = here.Name;
        var configuration = here.Parent!.Name;
        var repo = here.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(repo, "src", "Fazhi.Host", "bin", configuration, tfm, "Fazhi.Host.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build src/Fazhi.Host first.", dll);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"一次性密码 once:\s*(\S+)")]
    private static partial Regex OneTimePasswordRegex();
}
