using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Fazhi.InputSafety.Tests.Infrastructure;

/// <summary>
/// The sweep of API operations and pages for one identity. Each request varies one parameter or field (or the whole body)
/// with a hostile value drawn by a seeded random from the values for its type; the others keep plausible values.
/// </summary>
public static partial class Sweeps
{
    /// <summary>Requests per operation (or page) and identity at most.</summary>
    public const int MaxPerOperation = 9;

    public const int MaxPerPage = 8;

    /// <summary>Signed-in accounts each API operation is swept as (ADR 0063): three of them.</summary>
    public const int AccountsPerOperation = 3;

    /// <summary>
    /// The signed-in accounts in the order <paramref name="op"/> is swept as them: ranked by a stable hash of the operation and
    /// the account, so a run is reproducible and, across operations, every account gets its share. The sweep sends each
    /// operation as the first <see cref="AccountsPerOperation"/>, and further down the ranking only while none of those
    /// was let past authorisation (so an operation only some roles may call still gets its hostile values).
    /// </summary>
    public static List<string> AccountRanking(ApiOperation op, IEnumerable<string> accounts) =>
        [.. accounts.OrderBy(a => (uint)Hostile.StableHash(op.Key + "|account|" + a)).ThenBy(a => a, StringComparer.Ordinal)];

    /// <summary>
    /// The (operation, account) pairs beyond the first <see cref="AccountsPerOperation"/> of each ranking that the sample
    /// adds so that it sends every (where, hostile value) kind the plans of all accounts would: for each kind the three
    /// accounts per operation miss, the first pair (operations in order, accounts down the ranking) whose plan has it.
    /// </summary>
    public static HashSet<(string Op, string Account)> KindCover(IReadOnlyList<ApiOperation> ops, IReadOnlyList<string> accounts)
    {
        var covered = ops.SelectMany(op => AccountRanking(op, accounts).Take(AccountsPerOperation).SelectMany(a => PlannedKinds(op, a)))
            .ToHashSet(StringComparer.Ordinal);
        var extra = new HashSet<(string Op, string Account)>();
        foreach (var op in ops)
        {
            foreach (var account in AccountRanking(op, accounts).Skip(AccountsPerOperation))
            {
                var missing = PlannedKinds(op, account).Where(k => !covered.Contains(k)).ToList();
                if (missing.Count > 0)
                {
                    extra.Add((op.Key, account));
                    covered.UnionWith(missing);
                }
            }
        }
        return extra;
    }

    /// <summary>The hostile values (where, and the value's label) the plan for <paramref name="op"/> as <paramref name="account"/> sends.</summary>
    public static IEnumerable<string> PlannedKinds(ApiOperation op, string account) =>
        Plan(op, new Random(Hostile.StableHash(op.Key + "|" + account))).Select(v => v.Where + " " + v.Value.Label);

    /// <summary>
    /// Sends the sampled hostile requests for <paramref name="op"/> as <paramref name="identity"/>. False when the identity
    /// was refused (401/403) before any value was bound: it reached nothing.
    /// </summary>
    public static async Task<bool> ApiAsync(SweepHost host, ApiOperation op, Identity identity, List<Failure> failures, HugeBudget huge)
    {
        var rng = new Random(Hostile.StableHash(op.Key + "|" + identity.Name));
        var sample = op.Body is { } b ? Bodies.Sample(b, "", host.Ids, new Random(Hostile.StableHash(op.Key))) : null;
        var plan = Plan(op, rng);
        var statuses = new List<int>();
        // The base request first: when it is refused itself (a sampled body cannot know a valid credit code or an existing
        // record), variations refused for the same reasons are not expected to name their own field.
        host.Sweep.BaseRefusal = null;
        host.Sweep.StateChanged = false;
        var baseStatus = await host.Sweep.SendAsync(identity.Api, Build(host, op, Base, sample), op.Path, identity.Name, null, failures);
        if (Sweep.IsRefusal(baseStatus))
        {
            return false; // authorisation runs before binding: refused for every value
        }
        host.Sweep.BaseRefusal = baseStatus == 400 ? host.Sweep.LastProblem : null;
        host.Sweep.StateChanged = baseStatus is >= 200 and < 300;
        foreach (var variation in plan)
        {
            var status = await host.Sweep.SendAsync(identity.Api, Build(host, op, variation, sample), op.Path, identity.Name, variation, failures);
            statuses.Add(status);
            host.Sweep.StateChanged |= status is >= 200 and < 300;
            // Authorisation runs before binding: an operation refused (401/403) is refused for every value.
            if (statuses.Count == 1 && Sweep.IsRefusal(status))
            {
                return false;
            }
        }
        if (identity.Name != "anonymous" && statuses.Any(s => !Sweep.IsRefusal(s)))
        {
            var field = op.Body is { } body && op.BodyContentType?.Contains("json", StringComparison.Ordinal) == true
                ? Bodies.Fields(body).FirstOrDefault(f => f.Shape is { Kind: "string", Format: null, IsEnum: false })
                : null;
            var query = op.QueryParameters.FirstOrDefault(p => p.Shape is { Kind: "string", Format: null, IsEnum: false });
            var hugeJson = new HostileValue("<10 MB>", System.Text.Json.JsonSerializer.Serialize(Hostile.Huge));
            Variation? v = field is not null ? new Variation("body", field.Name, field.Display, hugeJson, field)
                : query is not null ? new Variation("query", query.Name, query.Name, new HostileValue("<10 MB>", Hostile.Huge)) : null;
            if (v is not null && huge.Take())
            {
                await host.Sweep.SendAsync(identity.Api, Build(host, op, v, sample), op.Path, identity.Name, v, failures);
            }
        }
        return true;
    }

    /// <summary>Nothing varied: the sampled body and default parameters.</summary>
    private static readonly Variation Base = new("none", null, "(base)", new HostileValue("-", ""));

    private static List<Variation> Plan(ApiOperation op, Random rng)
    {
        var plan = new List<Variation>();
        foreach (var p in op.PathParameters)
        {
            plan.AddRange(Hostile.Sample(Hostile.InPath(Hostile.ForText(p.Shape)), 2, rng).Select(v => new Variation("path", p.Name, p.Name, v)));
        }
        foreach (var p in op.QueryParameters)
        {
            plan.AddRange(Hostile.Sample(Hostile.ForText(p.Shape), 2, rng).Select(v => new Variation("query", p.Name, p.Name, v)));
        }
        if (op.Body is { } body)
        {
            var json = op.BodyContentType?.Contains("json", StringComparison.Ordinal) == true;
            foreach (var field in Hostile.Sample(Bodies.Fields(body), 8, rng))
            {
                var values = json ? Hostile.ForJson(field.Shape) : Hostile.ForText(field.Shape);
                plan.AddRange(Hostile.Sample(values, 1, rng).Select(v => new Variation("body", field.Name, field.Display, v, field)));
            }
            plan.AddRange(Hostile.Sample(Hostile.Bodies, json ? 2 : 1, rng).Select(v => new Variation("body", null, "(whole body)", v)));
        }
        if (plan.Count == 0)
        {
            // Nothing to vary: an unknown query parameter with a hostile value.
            plan.Add(new Variation("query", null, "unexpected", Hostile.Sample(Hostile.ForText(Shape.Unknown), 1, rng)[0]));
        }
        return plan.Count > MaxPerOperation ? Hostile.Sample(plan, MaxPerOperation, rng) : plan;
    }

    private static HttpRequestMessage Build(SweepHost host, ApiOperation op, Variation v, JsonNode? sample)
    {
        var defaults = new Random(Hostile.StableHash(op.Key + "#defaults"));
        var url = op.Path;
        foreach (var p in op.PathParameters)
        {
            var text = v.Where == "path" && v.Name == p.Name ? v.Value.Text : DefaultText(host, op.Path, p.Name, p.Shape, defaults);
            url = url.Replace("{" + p.Name + "}", Uri.EscapeDataString(text), StringComparison.Ordinal);
        }
        var query = new List<string>();
        foreach (var p in op.QueryParameters)
        {
            if (v.Where == "query" && v.Name == p.Name)
            {
                query.Add(p.Name + "=" + Uri.EscapeDataString(v.Value.Text));
            }
            else if (p.Required)
            {
                query.Add(p.Name + "=" + Uri.EscapeDataString(DefaultText(host, op.Path, p.Name, p.Shape, defaults)));
            }
        }
        if (v is { Where: "query", Name: null })
        {
            query.Add("unexpected=" + Uri.EscapeDataString(v.Value.Text));
        }
        if (query.Count > 0)
        {
            url += "?" + string.Join("&", query);
        }
        var method = new HttpMethod(op.Method);
        if (op.Body is null)
        {
            return new HttpRequestMessage(method, url);
        }
        var json = op.BodyContentType?.Contains("json", StringComparison.Ordinal) == true;
        if (v is { Where: "body", Field: null })
        {
            // The whole body replaced: sent as JSON whatever the operation reads.
            return Sweep.Json(method, url, v.Value.Text);
        }
        if (json)
        {
            return Sweep.Json(method, url, v.Field is { } field ? Bodies.With(sample, field, v.Value.Text) : sample?.ToJsonString() ?? "null");
        }
        return new HttpRequestMessage(method, url) { Content = Form(op, v, host, defaults) };
    }

    private static HttpContent Form(ApiOperation op, Variation v, SweepHost host, Random defaults)
    {
        var fields = op.Body!.Properties;
        if (op.BodyContentType == "application/x-www-form-urlencoded")
        {
            return new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name,
                v.Field?.Name == f.Name ? v.Value.Text : DefaultText(host, op.Path, f.Name, f.Shape, defaults))));
        }
        var content = new MultipartFormDataContent();
        foreach (var (name, shape) in fields)
        {
            var hostile = v.Field?.Name == name;
            if (shape.Format == "binary" || (shape.Kind == "array" && shape.Items?.Format == "binary"))
            {
                var bytes = Encoding.UTF8.GetBytes(hostile ? v.Value.Text : "枣庄 demo file");
                var file = new ByteArrayContent(bytes);
                file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
                content.Add(file, name, hostile ? v.Value.Text.Replace("\0", "", StringComparison.Ordinal) + ".txt" : "demo.txt");
            }
            else
            {
                content.Add(new StringContent(hostile ? v.Value.Text : DefaultText(host, op.Path, name, shape, defaults)), name);
            }
        }
        return content;
    }

    /// <summary>A plausible value for a parameter the request does not vary: a real id when one was seen.</summary>
    private static string DefaultText(SweepHost host, string template, string name, Shape shape, Random rng)
    {
        if (shape.IsEnum)
        {
            return shape.Enum[0]?.ToString() ?? "";
        }
        return shape switch
        {
            { Kind: "integer" } => "1",
            { Kind: "number" } => "1",
            { Kind: "boolean" } => "false",
            { Kind: "string", Format: "uuid" } => (host.Ids.ForPath(template, name) ?? host.Ids.ForName(name) ?? Bodies.RandomGuid(rng)).ToString(),
            { Kind: "string", Format: "date" } => "2026-03-02",
            { Kind: "string", Format: "date-time" } => "2026-03-02T09:00:00+08:00",
            _ => "demo",
        };
    }

    /// <summary>Sends the sampled hostile requests for <paramref name="page"/> as <paramref name="identity"/>.</summary>
    public static async Task PageAsync(SweepHost host, Page page, Identity identity, List<Failure> failures, HugeBudget huge)
    {
        if (identity.Name != "anonymous" && host.SignsOut.Contains(page.Route))
        {
            return;
        }
        var rng = new Random(Hostile.StableHash(page.Route + "|" + identity.Name));
        var plan = new List<Variation?> { null };
        var varied = new List<Variation>();
        foreach (var p in page.Parameters)
        {
            varied.AddRange(Hostile.Sample(p.InRoute ? Hostile.InPath(Hostile.ForType(p.Type)) : Hostile.ForType(p.Type), 2, rng).Select(v => new Variation(p.InRoute ? "route" : "query", p.Name, p.Name, v)));
        }
        plan.AddRange(varied.Count > MaxPerPage - 1 ? Hostile.Sample(varied, MaxPerPage - 1, rng) : varied);
        var statuses = new List<int>();
        foreach (var variation in plan)
        {
            statuses.Add(await host.Sweep.SendAsync(identity.Browser, new HttpRequestMessage(HttpMethod.Get, PageUrl(host, page, variation)), page.Route, identity.Name, variation, failures));
            // A page that sends this identity to sign in (or refuses it) renders nothing the query reaches.
            if (statuses.Count == 2 && statuses.All(s => s is 302 or 401 or 403))
            {
                return;
            }
        }
        if (statuses[0] == 200 && page.QueryParameters.FirstOrDefault(p => p.Type == typeof(string)) is { } q && huge.Take())
        {
            var v = new Variation("query", q.Name, q.Name, new HostileValue("<10 MB>", Hostile.Huge));
            await host.Sweep.SendAsync(identity.Browser, new HttpRequestMessage(HttpMethod.Get, PageUrl(host, page, v)), page.Route, identity.Name, v, failures);
        }
    }

    public static string PageUrl(SweepHost host, Page page, Variation? v)
    {
        var defaults = new Random(Hostile.StableHash(page.Route + "#defaults"));
        var bare = RouteParameterRegex().Replace(page.Route, "{$1}");
        var url = RouteParameterRegex().Replace(page.Route, m =>
        {
            var name = m.Groups[1].Value;
            if (v is { Where: "route" } && v.Name == name)
            {
                return Uri.EscapeDataString(v.Value.Text);
            }
            var parameter = page.Parameters.First(p => p.InRoute && p.Name == name);
            return parameter.Constraint == "guid" || parameter.Type == typeof(Guid)
                ? (host.Ids.ForPath(bare, name) ?? Bodies.RandomGuid(defaults)).ToString()
                : parameter.Type == typeof(int) ? "1" : "demo-token";
        });
        if (!url.StartsWith('/'))
        {
            url = "/" + url;
        }
        return v is { Where: "query" } ? url + "?" + v.Name + "=" + Uri.EscapeDataString(v.Value.Text) : url;
    }

    [GeneratedRegex(@"\{\*{0,2}([^}:=?]+)[^}]*\}")]
    private static partial Regex RouteParameterRegex();

    public static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("N1", CultureInfo.InvariantCulture);
}

/// <summary>The few 10 MB requests of a run: the first eligible operations or pages get them.</summary>
public sealed class HugeBudget(int count)
{
    private int _left = count;

    public bool Take() => _left-- > 0;
}
