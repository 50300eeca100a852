using Fazhi.Platform.Data;
using Fazhi.Platform.Security;

namespace Fazhi.Assessment.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model without the host.</summary>
internal sealed class SqliteAssessmentDbFactory() : SqliteDesignTimeFactory<SqliteAssessmentDb>("assessment", o => new(o, SystemCurrentUser.Instance));

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model without a server.</summary>
internal sealed class PostgresAssessmentDbFactory() : PostgresDesignTimeFactory<PostgresAssessmentDb>("assessment", o => new(o, SystemCurrentUser.Instance));
