using GridCase.Domain.Calendars;
using GridCase.Host.Org;
using GridCase.Host.Persistence;
using GridCase.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCase.Host.Calendars;

/// <summary>The working calendars in force, built from the stored years and rebuilt when a year is edited.</summary>
public sealed class CalendarService(OrgDirectory org, IOptions<CalendarOptions> options) : IWorkingCalendars
{
    public const string AlwaysOpenCode = "AlwaysOpen";

    private volatile WorkingCalendar _standard = WorkingCalendar.Create([], Hours(options.Value), options.Value.UtcOffset);
    private readonly WorkingCalendar _alwaysOpen = WorkingCalendar.AlwaysOpen(options.Value.UtcOffset);

    public async Task LoadAsync(GridCaseDbContext db, CancellationToken cancellationToken)
    {
        var years = await db.CalendarYears.AsNoTracking().ToListAsync(cancellationToken);
        _standard = WorkingCalendar.Create(years.Select(y => CalendarYear.Parse(y.Json)), Hours(options.Value), options.Value.UtcOffset);
    }

    /// <summary>The calendar of the org unit that works a task: its own when it has one (24/7 teams), else the standard one.</summary>
    public WorkingCalendar For(string? orgUnitCode) =>
        orgUnitCode is not null && org.Find(orgUnitCode)?.CalendarCode == AlwaysOpenCode ? _alwaysOpen : _standard;

    private static IReadOnlyList<WorkingPeriod> Hours(CalendarOptions options) => options.WorkingHours is not { Count: > 0 } hours
        ? WorkingCalendar.DefaultHours
        :
    [
        .. hours.Select(h =>
        {
            var parts = h.Split('-', 2, StringSplitOptions.TrimEntries);
            return new WorkingPeriod(TimeOnly.Parse(parts[0]), TimeOnly.Parse(parts[1]));
        }),
    ];
}
