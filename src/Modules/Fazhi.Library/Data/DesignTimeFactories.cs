using Fazhi.Platform.Data;
using Fazhi.Platform.Security;

namespace Fazhi.Library.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model without the host.</summary>
internal sealed class SqliteLibraryDbFactory() : SqliteDesignTimeFactory<SqliteLibraryDb>("library", o => new(o, SystemCurrentUser.Instance));

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model without a server.</summary>
internal sealed class PostgresLibraryDbFactory() : PostgresDesignTimeFactory<PostgresLibraryDb>("library", o => new(o, SystemCurrentUser.Instance));
