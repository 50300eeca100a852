using Fazhi.Platform.Data;
using Fazhi.Platform.Security;

namespace Fazhi.Oversight.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model without the host.</summary>
internal sealed class SqliteOversightDbFactory() : SqliteDesignTimeFactory<SqliteOversightDb>("oversight", o => new(o, SystemCurrentUser.Instance));

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model without a server.</summary>
internal sealed class PostgresOversightDbFactory() : PostgresDesignTimeFactory<PostgresOversightDb>("oversight", o => new(o, SystemCurrentUser.Instance));
