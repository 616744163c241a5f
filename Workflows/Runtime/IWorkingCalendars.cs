using GridCase.Domain.Calendars;

namespace GridCase.Workflows.Runtime;

/// <summary>The working calendars a flow's waits are counted on; the Host keeps them (holidays, make-up days, 24/7 units).</summary>
public interface IWorkingCalendars
{
    /// <summary>The calendar of the org unit, or the standard one when it is null or has none of its own.</summary>
    WorkingCalendar For(string? orgUnitCode);
}
