using Fazhi.Platform.Data;
using Fazhi.Platform.Security;

namespace Fazhi.Enforcement.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model without the host.</summary>
internal sealed class SqliteEnforcementDbFactory() : SqliteDesignTimeFactory<SqliteEnforcementDb>("enforcement", o => new(o, SystemCurrentUser.Instance));

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model without a server.</summary>
internal sealed class PostgresEnforcementDbFactory() : PostgresDesignTimeFactory<PostgresEnforcementDb>("enforcement", o => new(o, SystemCurrentUser.Instance));
