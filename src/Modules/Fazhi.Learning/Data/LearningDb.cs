using Fazhi.Learning.People;
using Fazhi.Learning.Questions;
using Fazhi.Platform.Data;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Learning.Data;

/// <summary>
/// The learning module's database: the personnel register, the question bank, papers, exams and attempts. Tables are
/// prefixed <c>learning_</c>.
/// </summary>
internal abstract class LearningDb : FazhiDbContext
{
    protected LearningDb(DbContextOptions options, ICurrentUser currentUser)
        : base(options, currentUser)
    {
    }

    public DbSet<Person> People => Set<Person>();

    public DbSet<Question> Questions => Set<Question>();

    public DbSet<Exams.Paper> Papers => Set<Exams.Paper>();

    public DbSet<Exams.Exam> Exams => Set<Exams.Exam>();

    public DbSet<Exams.Attempt> Attempts => Set<Exams.Attempt>();

    public DbSet<Exams.AttemptItem> AttemptItems => Set<Exams.AttemptItem>();

    public DbSet<Exams.ExamCode> ExamCodes => Set<Exams.ExamCode>();

    public DbSet<Records.Activity> Activities => Set<Records.Activity>();

    public DbSet<Records.ActivityAttendee> ActivityAttendees => Set<Records.ActivityAttendee>();

    public DbSet<Records.DutyReport> DutyReports => Set<Records.DutyReport>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(LearningDb).Assembly);
        base.OnModelCreating(modelBuilder);
    }
}

/// <summary>The learning database on SQLite; owns the SQLite migration set.</summary>
internal sealed class SqliteLearningDb(DbContextOptions<SqliteLearningDb> options, ICurrentUser currentUser)
    : LearningDb(options, currentUser);

/// <summary>The learning database on PostgreSQL; owns the PostgreSQL migration set.</summary>
internal sealed class PostgresLearningDb(DbContextOptions<PostgresLearningDb> options, ICurrentUser currentUser)
    : LearningDb(options, currentUser);
