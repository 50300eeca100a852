using Microsoft.EntityFrameworkCore;

namespace Fazhi.Platform.Data;

/// <summary>Which database engine Fazhi runs on. Bound from the <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>The <c>Database</c> section, or the embedded SQLite defaults when it is absent.</summary>
    public static DatabaseOptions From(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var options = Microsoft.Extensions.Configuration.ConfigurationBinder.Get<DatabaseOptions>(configuration.GetSection(SectionName)) ?? new DatabaseOptions();
        options.DataDirectory = configuration[DataFolder.ConfigKey];
        return options;
    }

    /// <summary>The data folder setting (<c>Data:Directory</c>), if any; see <see cref="DataFolder"/>.</summary>
    internal string? DataDirectory { get; private set; }

    /// <summary><c>sqlite</c> (embedded default) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>The connection string; for SQLite the default is a file under <c>./data/</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply migrations on start. On by default for SQLite; production PostgreSQL uses the <c>migrate</c> verb.</summary>
    public bool? MigrateOnStart { get; set; }

    /// <summary>
    /// How a list in a query (<c>ids.Contains(x.Id)</c>) reaches SQL: <c>multiple</c> (default, EF 10's own: one parameter
    /// per element, which SQLite's planner estimates well, but EF regenerates the SQL on every execution), <c>json</c> (one
    /// array parameter: the SQL is cached, but SQLite may plan a scan where it sought before) or <c>constants</c>. The data
    /// scope filter always uses one array parameter (ADR 0042); this setting is for measuring the rest.
    /// </summary>
    public string CollectionParameters { get; set; } = "multiple";

    /// <summary>
    /// Log EF Core's <c>ManyServiceProvidersCreatedWarning</c> instead of throwing it (EF's default). Off in production, where
    /// one process runs one host. The test hosts turn it on: each in-process host builds EF internal service providers of its
    /// own (the host's sensitive-data protector is part of their identity, ADR 0063), so a test process with more than twenty
    /// hosts would otherwise fail its twenty-first.
    /// </summary>
    public bool AllowManyServiceProviders { get; set; }

    internal ParameterTranslationMode CollectionMode => CollectionParameters.Trim().ToLowerInvariant() switch
    {
        "json" => ParameterTranslationMode.Parameter,
        "constants" => ParameterTranslationMode.Constant,
        _ => ParameterTranslationMode.MultipleParameters,
    };

    internal bool IsPostgres => string.Equals(Provider, "postgres", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Provider, "postgresql", StringComparison.OrdinalIgnoreCase);

    internal bool ShouldMigrateOnStart => MigrateOnStart ?? !IsPostgres;

    internal string EffectiveConnectionString(string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return ConnectionString;
        }
        if (IsPostgres)
        {
            throw new InvalidOperationException("Database:Provider 为 postgres 时必须设置 Database:ConnectionString。");
        }
        var dir = DataFolder.Resolve(DataDirectory, contentRoot);
        Directory.CreateDirectory(dir);
        return $"Data Source={Path.Combine(dir, "fazhi.db")}";
    }
}

/// <summary>
/// Where Fazhi keeps its files (the SQLite database, the key file, attachments): <c>Data:Directory</c> when set
/// (relative to the content root), otherwise <c>data/</c> under the content root. Printed at start.
/// </summary>
public static class DataFolder
{
    public const string ConfigKey = "Data:Directory";

    public static string Resolve(string? configured, string contentRoot) =>
        string.IsNullOrWhiteSpace(configured) ? Path.Combine(contentRoot, "data") : Path.GetFullPath(configured, contentRoot);

    public static string Resolve(Microsoft.Extensions.Configuration.IConfiguration configuration, string contentRoot) =>
        Resolve(configuration[ConfigKey], contentRoot);
}
