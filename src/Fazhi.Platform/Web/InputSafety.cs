using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Fazhi.Platform.Kit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace Fazhi.Platform.Web;

/// <summary>
/// Input safety for every module without the module doing anything (ADR 0021): the API's JSON binds enums by name only,
/// refuses implausible dates and control characters and trims text; query strings that do not parse are dropped on pages
/// (treated as absent) and refused with 400 on the API; query dates outside the plausible range likewise.
/// </summary>
internal static class InputSafety
{
    public static void Add(IServiceCollection services)
    {
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o => Configure(o.SerializerOptions));
        // Binding failures throw, so the one exception handler answers them in Chinese with the parameter named.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
    }

    public static void Configure(JsonSerializerOptions options)
    {
        options.Converters.Insert(0, new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        var resolver = options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver();
        options.TypeInfoResolver = resolver.WithAddedModifier(CheckAfterReading);
    }

    /// <summary>
    /// After an object is read (the framework's own converters, so the OpenAPI document keeps its types and formats):
    /// text trimmed (invisible characters too) and free of control characters (secrets are kept as typed); dates within
    /// the plausible range; a field the type declares non-nullable present and not null (the OpenAPI document marks it
    /// required), so a missing summary is refused naming it instead of failing later as a null. All reasons together.
    /// </summary>
    private static void CheckAfterReading(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }
        var texts = info.Properties
            .Where(p => p.PropertyType == typeof(string) && p.Get is not null && !IsSecret(p.Name))
            .Select(p => (p.Name, Get: p.Get!, p.Set))
            .ToArray();
        var dates = info.Properties
            .Where(p => p.Get is not null && IsDate(p.PropertyType))
            .Select(p => (p.Name, Get: p.Get!))
            .ToArray();
        var required = info.Properties
            .Where(p => !p.PropertyType.IsValueType && p.Get is not null && !p.IsGetNullable && !p.IsSetNullable
                && p.AssociatedParameter is not { IsNullable: true } && p.AssociatedParameter is not { HasDefaultValue: true })
            .Select(p => (p.Name, Get: p.Get!))
            .ToArray();
        if (texts.Length + dates.Length + required.Length == 0)
        {
            return;
        }
        var previous = info.OnDeserialized;
        info.OnDeserialized = o =>
        {
            previous?.Invoke(o);
            FieldChecks? checks = null;
            foreach (var (name, get, set) in texts)
            {
                if (get(o) is not string text)
                {
                    continue;
                }
                if (TextRules.HasControl(text))
                {
                    (checks ??= new()).Add(name, $"字段 {name} 含有不允许的控制字符。");
                }
                else if (set is not null && TextRules.Clean(text) is { } clean && clean.Length != text.Length)
                {
                    set(o, clean);
                }
            }
            foreach (var (name, get) in dates)
            {
                if (!Plausible(get(o)))
                {
                    (checks ??= new()).Add(name, $"字段 {name}：" + DateRules.RangeMessage("日期"));
                }
            }
            foreach (var (name, get) in required)
            {
                if (get(o) is null)
                {
                    (checks ??= new()).Add(name, $"缺少必填字段 {name}。");
                }
            }
            if (checks is { Any: true })
            {
                var refusal = Refuse.Fields(checks.Errors);
                throw new JsonException(refusal.Message, refusal);
            }
        };
    }

    private static bool IsDate(Type type)
    {
        var bare = Nullable.GetUnderlyingType(type) ?? type;
        return bare == typeof(DateOnly) || bare == typeof(DateTime) || bare == typeof(DateTimeOffset);
    }

    /// <summary>
    /// The default value (0001-01-01) is "not given": a request may leave a non-nullable date out for the server to fill
    /// (the decision date of an evaluation), and a service that needs it refuses it as missing, naming its rule.
    /// </summary>
    private static bool Plausible(object? value) => value switch
    {
        DateOnly d => d == default || DateRules.Plausible(d),
        DateTime d => d == default || DateRules.Plausible(d),
        DateTimeOffset d => d == default || DateRules.Plausible(d),
        _ => true,
    };

    private static bool IsSecret(string name) =>
        name.Contains("password", StringComparison.OrdinalIgnoreCase) || name.Contains("secret", StringComparison.OrdinalIgnoreCase)
        || name.Contains("token", StringComparison.OrdinalIgnoreCase) || name.Contains("code", StringComparison.OrdinalIgnoreCase) && name.Contains("otp", StringComparison.OrdinalIgnoreCase);

    /// <summary>The query-string guard: after routing, before the endpoint runs.</summary>
    internal sealed class QueryGuardMiddleware(RequestDelegate next)
    {
        private static readonly ConcurrentDictionary<Endpoint, QueryParameter[]> Parameters = new();

        public Task InvokeAsync(HttpContext http)
        {
            if (http.Request.QueryString.HasValue && http.GetEndpoint() is { } endpoint)
            {
                var parameters = Parameters.GetOrAdd(endpoint, Describe);
                if (parameters.Length > 0)
                {
                    Guard(http, endpoint, parameters);
                }
            }
            return next(http);
        }

        private static void Guard(HttpContext http, Endpoint endpoint, QueryParameter[] parameters)
        {
            var isPage = endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;
            Dictionary<string, StringValues>? kept = null;
            foreach (var p in parameters)
            {
                if (!http.Request.Query.TryGetValue(p.Name, out var values))
                {
                    continue;
                }
                foreach (var raw in values)
                {
                    var value = raw ?? "";
                    // An empty value is absent for a nullable parameter; a non-nullable one on a page cannot take it.
                    if (value.Length == 0 ? p.Nullable || !isPage : p.Accepts(value))
                    {
                        continue;
                    }
                    if (!isPage)
                    {
                        var message = p.IsDate && p.Parses(value)
                            ? $"参数 {p.Name}：" + DateRules.RangeMessage("日期")
                            : $"参数 {p.Name} 的值“{(value.Length > 40 ? value[..40] + "…" : value)}”无法识别：{FazhiExceptionHandler.Expected(p.TypeName)}。";
                        throw Refuse.Field(p.Name, message);
                    }
                    // A page treats a value it cannot read as absent: the list shows unfiltered rather than failing.
                    kept ??= http.Request.Query.ToDictionary(q => q.Key, q => q.Value, StringComparer.OrdinalIgnoreCase);
                    kept.Remove(p.Name);
                    break;
                }
            }
            if (kept is not null)
            {
                http.Request.QueryString = QueryString.Create(kept.SelectMany(k => k.Value.Select(v => new KeyValuePair<string, string?>(k.Key, v))));
            }
        }

        private static QueryParameter[] Describe(Endpoint endpoint)
        {
            if (endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is { } component)
            {
                return component.Type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                    .Select(p => (p, a: p.GetCustomAttribute<SupplyParameterFromQueryAttribute>()))
                    .Where(x => x.a is not null)
                    .Select(x => QueryParameter.For(x.a!.Name ?? x.p.Name, x.p.PropertyType))
                    .OfType<QueryParameter>()
                    .ToArray();
            }
            if (endpoint is RouteEndpoint route && endpoint.Metadata.GetMetadata<MethodInfo>() is { } method)
            {
                var parameters = method.GetParameters();
                // An [AsParameters] argument (the kit's ListQuery) binds its settable properties like parameters.
                var grouped = parameters.Where(p => p.IsDefined(typeof(AsParametersAttribute)))
                    .SelectMany(p => p.ParameterType.GetProperties(BindingFlags.Instance | BindingFlags.Public))
                    .Where(p => p.CanWrite && route.RoutePattern.GetParameter(p.Name) is null && IsQuery(p))
                    .Select(p => QueryParameter.For(p.GetCustomAttribute<FromQueryAttribute>()?.Name ?? p.Name, p.PropertyType));
                return parameters
                    .Where(p => p.Name is not null && route.RoutePattern.GetParameter(p.Name) is null && IsQuery(p) && !p.IsDefined(typeof(AsParametersAttribute)))
                    .Select(p => QueryParameter.For(p.GetCustomAttribute<FromQueryAttribute>()?.Name ?? p.Name!, p.ParameterType))
                    .Concat(grouped)
                    .OfType<QueryParameter>()
                    .ToArray();
            }
            return [];
        }

        private static bool IsQuery(ICustomAttributeProvider p) =>
            !p.IsDefined(typeof(FromBodyAttribute), true) && !p.IsDefined(typeof(FromServicesAttribute), true) && !p.IsDefined(typeof(FromHeaderAttribute), true)
            && !p.IsDefined(typeof(FromFormAttribute), true) && !p.IsDefined(typeof(FromRouteAttribute), true);
    }

    /// <summary>One typed query parameter: how its values parse (as the framework parses them) and whether they are plausible.</summary>
    internal sealed record QueryParameter(string Name, Type Type, bool Nullable)
    {
        public string TypeName => Type.Name;

        public bool IsDate => Type == typeof(DateOnly) || Type == typeof(DateTime) || Type == typeof(DateTimeOffset);

        public static QueryParameter? For(string name, Type type)
        {
            var bare = type.IsArray ? type.GetElementType()! : type;
            var nullable = type.IsArray || System.Nullable.GetUnderlyingType(bare) is not null;
            bare = System.Nullable.GetUnderlyingType(bare) ?? bare;
            return bare == typeof(string) || !(bare.IsPrimitive || bare.IsEnum || bare == typeof(decimal) || bare == typeof(Guid)
                || bare == typeof(DateOnly) || bare == typeof(DateTime) || bare == typeof(DateTimeOffset) || bare == typeof(TimeOnly))
                ? null
                : new QueryParameter(name, bare, nullable);
        }

        public bool Parses(string value) => Parse(value, out _);

        public bool Accepts(string value) => Parse(value, out var parsed) && parsed switch
        {
            DateOnly d => DateRules.Plausible(d),
            DateTime d => DateRules.Plausible(d),
            DateTimeOffset d => DateRules.Plausible(d),
            _ => true,
        };

        private bool Parse(string value, out object? parsed)
        {
            var c = CultureInfo.InvariantCulture;
            parsed = null;
            bool ok;
            switch (Type)
            {
                case var t when t == typeof(int): ok = int.TryParse(value, NumberStyles.Integer, c, out var i); parsed = i; return ok;
                case var t when t == typeof(long): ok = long.TryParse(value, NumberStyles.Integer, c, out var l); parsed = l; return ok;
                case var t when t == typeof(short): ok = short.TryParse(value, NumberStyles.Integer, c, out var s); parsed = s; return ok;
                case var t when t == typeof(byte): ok = byte.TryParse(value, NumberStyles.Integer, c, out var b); parsed = b; return ok;
                case var t when t == typeof(decimal): ok = decimal.TryParse(value, NumberStyles.Number, c, out var m); parsed = m; return ok;
                case var t when t == typeof(double): ok = double.TryParse(value, NumberStyles.Float, c, out var d) && double.IsFinite(d); parsed = d; return ok;
                case var t when t == typeof(float): ok = float.TryParse(value, NumberStyles.Float, c, out var f) && float.IsFinite(f); parsed = f; return ok;
                case var t when t == typeof(bool): ok = bool.TryParse(value, out var bo); parsed = bo; return ok;
                case var t when t == typeof(Guid): ok = Guid.TryParse(value, out var g); parsed = g; return ok;
                case var t when t == typeof(DateOnly): ok = DateOnly.TryParse(value, c, DateTimeStyles.None, out var dd); parsed = dd; return ok;
                case var t when t == typeof(DateTime): ok = DateTime.TryParse(value, c, DateTimeStyles.None, out var dt); parsed = dt; return ok;
                case var t when t == typeof(DateTimeOffset): ok = DateTimeOffset.TryParse(value, c, DateTimeStyles.None, out var dto); parsed = dto; return ok;
                case var t when t == typeof(TimeOnly): ok = TimeOnly.TryParse(value, c, DateTimeStyles.None, out var to); parsed = to; return ok;
                case { IsEnum: true }:
                    // By name only: a number is not an enum value a person chose.
                    object? e = null;
                    ok = !value.Any(char.IsAsciiDigit) && Enum.TryParse(Type, value, ignoreCase: true, out e) && Enum.IsDefined(Type, e!);
                    parsed = e;
                    return ok;
                default: return true;
            }
        }
    }
}
