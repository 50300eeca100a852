using Fazhi.Platform.Features.Setup;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Features.Audit;

/// <summary><c>audit verify</c>: walks the chain; exit code 0 when intact, 3 when broken (the first broken sequence is printed).</summary>
internal sealed class AuditVerifyVerb : ICliVerb
{
    public const int BrokenExitCode = 3;

    public IReadOnlyList<string> Words => ["audit", "verify"];

    public string Usage => "audit verify                              校验审计链完整性（完整返回 0，断裂返回 3）";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, CancellationToken ct)
    {
        var result = await services.GetRequiredService<AuditTrail>().VerifyAndRecordAsync(ct);
        var rate = result.Elapsed.TotalSeconds > 0 ? result.Checked / result.Elapsed.TotalSeconds : 0;
        Console.WriteLine(result.Message);
        Console.WriteLine($"checked={result.Checked} from_sequence={result.StartedAfter + 1} elapsed_ms={result.Elapsed.TotalMilliseconds:F0} rate={rate:F0}/s");
        if (!result.Intact)
        {
            Console.WriteLine($"broken_sequence={result.BrokenSequence} reason={result.Reason}");
            return BrokenExitCode;
        }
        return 0;
    }
}
