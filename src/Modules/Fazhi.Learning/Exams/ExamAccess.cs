using System.Net;
using System.Security.Cryptography;
using System.Text;
using Fazhi.Platform.Kit;

namespace Fazhi.Learning.Exams;

/// <summary>
/// An exam's access rules (ADR 0037), checked by the server when a taker starts: the allowed networks (CIDR, on the client
/// address the platform's reverse-proxy settings give), the staggered start (a delay of 0…N minutes per taker, derived from
/// the exam and the person so every request computes the same one without storing it) and the access code. Each refusal
/// names its rule in the ProblemDetails' <c>rule</c>.
/// </summary>
internal static class ExamAccess
{
    public const string NetworkRule = "考试入场规则：允许的网段";

    public const string StaggerRule = "考试入场规则：错峰开考";

    public const string AccessCodeRule = "考试入场规则：入场码";

    public const string WindowRule = "考试入场规则：考试时间";

    public const string CodeRule = "一次性考试码：仅限本场考试、本人、考试时间内使用";

    public const int MaxStaggerMinutes = 60;

    public const int MaxNetworks = 50;

    internal sealed record Rules(string AccessCode, string Networks, int StaggerMinutes);

    /// <summary>Reads and checks the office's input: an access code of 4–32 letters or digits, CIDR lines, a stagger of 0–60 minutes.</summary>
    public static Rules Read(FieldChecks checks, string? accessCode, string? networks, int staggerMinutes, int timeLimitMinutes)
    {
        var code = TextRules.Clean(accessCode) ?? "";
        checks.When(code.Length > 0 && (code.Length is < 4 or > 32 || !code.All(char.IsAsciiLetterOrDigit)), "accessCode", "入场码应为 4–32 位字母或数字（不填则不设入场码）。");
        var lines = (networks ?? "").Replace("\r", "").Split(['\n', ',', ';', '，', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var parsed = new List<string>();
        foreach (var line in lines)
        {
            if (!TryParse(line, out var network))
            {
                checks.When(true, "allowedNetworks", $"“{Shorten(line)}”不是有效的网段，请写成 10.1.0.0/16 或单个地址 10.1.2.3。");
                continue;
            }
            parsed.Add(network.ToString());
        }
        checks.When(parsed.Count > MaxNetworks || string.Join("\n", parsed.Distinct()).Length > 2000, "allowedNetworks", $"允许的网段最多 {MaxNetworks} 个（合计不超过 2000 个字符）。");
        checks.When(staggerMinutes is < 0 or > MaxStaggerMinutes, "staggerMinutes", $"错峰开考的时长应为 0–{MaxStaggerMinutes} 分钟（0 为不错峰）。");
        checks.When(staggerMinutes > 0 && staggerMinutes >= timeLimitMinutes, "staggerMinutes", "错峰开考的时长应短于考试时长。");
        return new Rules(code, string.Join("\n", parsed.Distinct()), Math.Clamp(staggerMinutes, 0, MaxStaggerMinutes));
    }

    /// <summary>A CIDR range or a single address (as /32 or /128).</summary>
    public static bool TryParse(string text, out IPNetwork network)
    {
        if (IPNetwork.TryParse(text, out network))
        {
            return true;
        }
        if (!text.Contains('/') && IPAddress.TryParse(text, out var single))
        {
            network = new IPNetwork(single, single.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }
        return false;
    }

    /// <summary>Whether <paramref name="address"/> lies in one of the exam's networks (an IPv4-mapped IPv6 address counts as IPv4).</summary>
    public static bool Allowed(string networks, IPAddress? address)
    {
        if (networks.Length == 0)
        {
            return true;
        }
        if (address is null)
        {
            return false;
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        foreach (var line in networks.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (TryParse(line, out var n) && n.Contains(address))
            {
                return true;
            }
        }
        return false;
    }

    public static void CheckNetwork(Exam exam, IPAddress? address)
    {
        if (!Allowed(exam.AllowedNetworks, address))
        {
            throw new RefusalException(RefusalKind.Forbidden,
                $"本场考试只允许从指定的网络参加，您当前的网络地址（{address?.ToString() ?? "未知"}）不在允许的网段内，请在考场网络中作答。", null, NetworkRule);
        }
    }

    /// <summary>This taker's start under the staggered start: the opening plus a delay of 0…N minutes, the same on every request.</summary>
    public static DateTimeOffset StartsAt(Exam exam, Guid personId)
    {
        if (exam.StaggerMinutes <= 0)
        {
            return exam.OpensAt;
        }
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"learning-stagger:{exam.Id:N}:{personId:N}"));
        var seconds = BitConverter.ToUInt32(hash, 0) % (uint)(exam.StaggerMinutes * 60);
        return exam.OpensAt.AddSeconds(seconds);
    }

    public static void CheckStagger(Exam exam, Guid personId, DateTimeOffset now)
    {
        var at = StartsAt(exam, personId);
        if (now < at)
        {
            var wait = (long)Math.Ceiling((at - now).TotalSeconds);
            throw Refuse.Conflict($"本场考试错峰开考，您的开考时间为 {at.InChina():HH:mm:ss}，还需等待 {wait} 秒。", StaggerRule);
        }
    }

    public static void CheckAccessCode(Exam exam, string? given)
    {
        if (exam.AccessCode.Length == 0)
        {
            return;
        }
        var text = TextRules.Clean(given) ?? "";
        var ok = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(text.ToUpperInvariant()), Encoding.UTF8.GetBytes(exam.AccessCode.ToUpperInvariant()));
        if (!ok)
        {
            throw Refuse.Field("accessCode", text.Length == 0 ? "本场考试需要入场码，请向监考人员索取。" : "入场码不正确，请向监考人员核对。", AccessCodeRule);
        }
    }

    private static string Shorten(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
