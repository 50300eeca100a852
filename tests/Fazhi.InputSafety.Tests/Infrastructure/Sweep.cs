using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.InputSafety.Tests.Infrastructure;

/// <summary>Who sends the requests: nobody, or a demo account (bearer token for the API, cookie session for pages).</summary>
public sealed record Identity(string Name, HttpClient Api, HttpClient Browser, bool Administrator);

/// <summary>One request that broke a rule, with what the host logged while answering it.</summary>
public sealed record Failure(string Cause, string Method, string Template, string Url, string Role, string Parameter, string Value, int Status, string Body, IReadOnlyList<LogEntry> Log)
{
    public override string ToString() =>
        $"{Method} {Url} as {Role} [{Parameter} = {Value}] -> {Status}: {Body}" + (Log.Count > 0 ? " | log: " + string.Join(" | ", Log.Select(l => l.ToString())) : "");
}

/// <summary>What one request varied: a named parameter or field (or the whole body) and the hostile value sent.</summary>
public sealed record Variation(string Where, string? Name, string Display, HostileValue Value, BodyField? Field = null);

/// <summary>Sends requests one at a time and checks every answer: no 5xx; API 400s are Chinese ProblemDetails naming the
/// varied field; a refused request appends nothing to the audit trail.</summary>
public sealed partial class Sweep(FazhiFactory factory, ErrorLog errors) : IAsyncDisposable
{
    private readonly Dictionary<string, TimeSpan> _time = [];
    private long _auditSequence;
    private readonly AuditTrailReader _audit = new(factory);

    /// <summary>The operations or pages that took the most processor time in all, with their total milliseconds.</summary>
    public IEnumerable<string> Slowest(int count) =>
        _time.OrderByDescending(t => t.Value).Take(count).Select(t => $"{t.Key} {t.Value.TotalMilliseconds:N0} ms CPU");

    public int Requests { get; private set; }

    /// <summary>Requests after which the audit trail had grown (accepted changes): shows the audit check sees writes.</summary>
    public int Audited { get; private set; }

    public async Task StartAsync() => _auditSequence = await AuditSequenceAsync();

    public ValueTask DisposeAsync() => _audit.DisposeAsync();

    private async Task<long> AuditSequenceAsync() => await _audit.Entries.MaxAsync(e => (long?)e.Sequence) ?? 0;

    private Task<List<string>> AuditActionsSinceAsync(long sequence) =>
        _audit.Entries.Where(e => e.Sequence > sequence).OrderBy(e => e.Sequence)
            .Select(e => e.Action + " " + e.EntityType).Take(5).ToListAsync();

    /// <summary>Sends the request, checks the answer, adds what broke to <paramref name="failures"/>; returns the status.</summary>
    public async Task<int> SendAsync(HttpClient client, HttpRequestMessage request, string template, string role, Variation? variation, List<Failure> failures)
    {
        errors.Drain();
        var before = _auditSequence;
        var url = request.RequestUri!.OriginalString;
        var shownUrl = url.Length > 160 ? url[..160] + $"…<{url.Length:N0} chars>" : url;
        var method = request.Method.Method;
        var parameter = variation is null ? "-" : $"{variation.Where}:{variation.Display}";
        var value = variation?.Value.Label ?? "-";
        Requests++;
        var started = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        int status;
        string body;
        string? mediaType;
        try
        {
            using var response = await client.SendAsync(request);
            status = (int)response.StatusCode;
            mediaType = response.Content.Headers.ContentType?.MediaType;
            body = await response.Content.ReadAsStringAsync();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var (signature, message) = ErrorLog.Describe(ex);
            failures.Add(new Failure("request threw: " + signature, method, template, shownUrl, role, parameter, value, 0, message, errors.Drain()));
            _auditSequence = await AuditSequenceAsync();
            return 0;
        }
        _auditSequence = await AuditSequenceAsync();
        var key = method + " " + template;
        _time[key] = _time.GetValueOrDefault(key) + (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - started);
        var log = errors.Drain();
        var shownBody = Shorten(body);
        void Fail(string cause) => failures.Add(new Failure(cause, method, template, shownUrl, role, parameter, value, status, shownBody, log));

        if (status >= 500)
        {
            var logged = log.FirstOrDefault(l => !l.Category.StartsWith("Microsoft.AspNetCore.Diagnostics", StringComparison.Ordinal)) ?? log.FirstOrDefault();
            Fail($"{status}: " + (logged?.Signature ?? "(nothing logged)"));
        }
        else if (status == 400 && template.StartsWith("/api/", StringComparison.Ordinal))
        {
            CheckProblem(mediaType, body, variation, Fail);
        }
        if (_auditSequence > before)
        {
            Audited++;
        }
        if (status is >= 400 and < 500 && _auditSequence > before)
        {
            var actions = await AuditActionsSinceAsync(before);
            Fail($"refused ({status}) but appended {_auditSequence - before} audit entr{(_auditSequence - before == 1 ? "y" : "ies")}: {string.Join(", ", actions)}");
        }
        return status;
    }

    /// <summary>
    /// The refusal of the operation's base request (its sampled body, nothing varied), when it was refused: a varied
    /// request refused for the same fields (or with the same message) is refused before its own field is reached, so it
    /// need not name that field. Set by the API sweep around one operation.
    /// </summary>
    public (HashSet<string> Keys, string Detail)? BaseRefusal { get; set; }

    /// <summary>
    /// Set when a request of the operation being swept was accepted (2xx): the records it made can make later ones conflict
    /// on another field (a second benchmark version must start later), so those need not name their own field.
    /// </summary>
    public bool StateChanged { get; set; }

    /// <summary>The error keys and detail of the last 400 ProblemDetails answered.</summary>
    public (HashSet<string> Keys, string Detail)? LastProblem { get; private set; }

    private void CheckProblem(string? mediaType, string body, Variation? variation, Action<string> fail)
    {
        LastProblem = null;
        if (mediaType != "application/problem+json")
        {
            fail($"400 is not application/problem+json (Content-Type {mediaType ?? "none"}{(body.Length == 0 ? ", empty body" : "")})");
            return;
        }
        JsonObject? problem;
        try
        {
            problem = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            problem = null;
        }
        if (problem is null)
        {
            fail("400 problem+json body is not a JSON object");
            return;
        }
        var title = (string?)problem["title"] ?? "";
        var detail = (string?)problem["detail"] ?? "";
        var errorKeys = problem["errors"] is JsonObject e ? e.Select(p => p.Key).ToList() : [];
        var errorText = problem["errors"]?.ToJsonString() ?? "";
        var decodedErrors = Regex.Unescape(errorText);
        if (!HasCjk(title) && !HasCjk(detail) && !HasCjk(decodedErrors))
        {
            fail($"400 ProblemDetails without Chinese text (title \"{Shorten(title, 60)}\")");
            return;
        }
        LastProblem = (errorKeys.ToHashSet(StringComparer.Ordinal), detail);
        var excused = StateChanged || (BaseRefusal is { } b && (detail == b.Detail || (errorKeys.Count > 0 && errorKeys.All(b.Keys.Contains))));
        if (variation?.Name is { } name && !excused && !Names(name, errorKeys, detail + " " + title + " " + decodedErrors))
        {
            fail($"400 ProblemDetails does not name the {variation.Where} field \"{name}\"");
        }
    }

    private static bool Names(string name, List<string> errorKeys, string text) =>
        errorKeys.Any(k => k.Contains(name, StringComparison.OrdinalIgnoreCase)) || text.Contains(name, StringComparison.OrdinalIgnoreCase);

    public static bool HasCjk(string text) => text.Any(c => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\u3000' and <= '\u303F' or >= '\uFF00' and <= '\uFFEF');

    public static string Shorten(string text, int max = 200)
    {
        var oneLine = text.ReplaceLineEndings(" ");
        return oneLine.Length > max ? oneLine[..max] + "…" : oneLine;
    }

    public static HttpRequestMessage Json(HttpMethod method, string url, string? rawJson)
    {
        var request = new HttpRequestMessage(method, url);
        if (rawJson is not null)
        {
            request.Content = new StringContent(rawJson, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }
        return request;
    }

    public static bool IsRefusal(int status) => status is (int)HttpStatusCode.Unauthorized or (int)HttpStatusCode.Forbidden;

    /// <summary>All failures, grouped by cause: the distinct operations and parameters under each, then every request.</summary>
    public static string Report(string title, IReadOnlyList<Failure> failures, int requests, TimeSpan elapsed)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"{title}: {failures.Count} failing requests of {requests} sent in {elapsed.TotalSeconds:N0} s.");
        foreach (var group in failures.GroupBy(f => CauseKey(f.Cause)).OrderByDescending(g => g.Count()))
        {
            sb.AppendLine();
            sb.AppendLine($"== {group.Key}  ({group.Count()} requests)");
            foreach (var op in group.GroupBy(f => $"{f.Method} {f.Template} [{f.Parameter}]").OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var f = op.First();
                var roles = string.Join(",", op.Select(x => x.Role).Distinct());
                var values = string.Join(" ; ", op.Select(x => x.Value).Distinct().Take(6));
                sb.AppendLine($"   {op.Key} values {values} as {roles} -> {f.Status}: {Shorten(f.Body, 200)}");
            }
        }
        sb.AppendLine();
        sb.AppendLine("== every failing request");
        foreach (var f in failures)
        {
            sb.AppendLine("   " + f);
        }
        return sb.ToString();
    }

    /// <summary>The cause without the request's own values (paths, ids, the exception message's specifics).</summary>
    private static string CauseKey(string cause) => GuidRegex().Replace(cause, "{guid}");

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidRegex();
}
