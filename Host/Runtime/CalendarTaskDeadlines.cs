using GridCase.CaseActivities;
using GridCase.Domain.Calendars;
using GridCase.Host.Calendars;

namespace GridCase.Host.Runtime;

/// <summary>Task deadlines on the working calendar of the org unit that works the task.</summary>
public sealed class CalendarTaskDeadlines(CalendarService calendars) : ITaskDeadlines
{
    public TaskDeadline Compute(DateTimeOffset start, string timeLimit, string calendar, double warnRatio, string scopeOrgUnitCode)
    {
        var kind = Enum.Parse<CalendarKind>(calendar);
        var workingCalendar = calendars.For(scopeOrgUnitCode);
        var due = DeadlineCalculator.Due(workingCalendar, start, new TimeLimit(timeLimit, kind));
        return new TaskDeadline(DeadlineCalculator.WarnAt(workingCalendar, start, due, kind, warnRatio), due);
    }
}
