using Fazhi.Platform.Data;
using Fazhi.Platform.Security;

namespace Fazhi.Lists.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model without the host.</summary>
internal sealed class SqliteListsDbFactory() : SqliteDesignTimeFactory<SqliteListsDb>("lists", o => new(o, SystemCurrentUser.Instance));

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model without a server.</summary>
internal sealed class PostgresListsDbFactory() : PostgresDesignTimeFactory<PostgresListsDb>("lists", o => new(o, SystemCurrentUser.Instance));
