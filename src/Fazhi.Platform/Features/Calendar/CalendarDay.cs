using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Platform.Features.Calendar;

/// <summary>
/// One day that differs from the ordinary Monday-to-Friday week, as in the official yearly notice (holiday-cn format):
/// a statutory holiday (<see cref="IsOffDay"/> true) or a make-up working day, 调休上班日 (false).
/// Ordinary weekdays and weekends are not stored.
/// </summary>
internal sealed class CalendarDay : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public DateOnly Date { get; set; }

    /// <summary>True: a holiday (rest day). False: a make-up working day (调休上班日).</summary>
    public bool IsOffDay { get; set; }

    /// <summary>The holiday's name, e.g. 国庆节; make-up working days carry the name of the holiday they belong to.</summary>
    public required string Name { get; set; }

    /// <summary>
    /// The year of the notice the day belongs to. Usually <c>Date.Year</c>, but a holiday that spans New Year belongs to
    /// the next year's notice (the official 2023 file lists 2022-12-31 for 元旦).
    /// </summary>
    public int Year { get; set; }

    /// <summary>Where the day came from: <c>seed</c>, <c>import:FILE</c> or <c>manual</c>.</summary>
    public required string Source { get; set; }

    public long Version { get; set; }
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> b)
    {
        b.ToTable("platform_calendar_days");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.Date).IsUnique();
        b.HasIndex(x => x.Year);
        b.Property(x => x.Name).HasMaxLength(32);
        b.Property(x => x.Source).HasMaxLength(128);
    }
}
