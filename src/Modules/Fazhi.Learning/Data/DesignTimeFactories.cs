using Fazhi.Platform.Data;
using Fazhi.Platform.Security;

namespace Fazhi.Learning.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model without the host.</summary>
internal sealed class SqliteLearningDbFactory() : SqliteDesignTimeFactory<SqliteLearningDb>("learning", o => new(o, SystemCurrentUser.Instance));

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model without a server.</summary>
internal sealed class PostgresLearningDbFactory() : PostgresDesignTimeFactory<PostgresLearningDb>("learning", o => new(o, SystemCurrentUser.Instance));
