namespace GridCase.CaseActivities;

/// <summary>Warn and due instants for a task opened now, on the calendar of the org unit that works it.</summary>
public interface ITaskDeadlines
{
    TaskDeadline Compute(DateTimeOffset start, string timeLimit, string calendar, double warnRatio, string scopeOrgUnitCode);
}
