using Fazhi.Platform.Data;
using Fazhi.Platform.Security;

namespace Fazhi.Rulemaking.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model without the host.</summary>
internal sealed class SqliteRulemakingDbFactory() : SqliteDesignTimeFactory<SqliteRulemakingDb>("rulemaking", o => new(o, SystemCurrentUser.Instance));

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model without a server.</summary>
internal sealed class PostgresRulemakingDbFactory() : PostgresDesignTimeFactory<PostgresRulemakingDb>("rulemaking", o => new(o, SystemCurrentUser.Instance));
