using GridCase.Domain.Calendars;
using GridCase.Domain.Cases;
using GridCase.Workflows.Activities;
using GridCase.Workflows.Inputs;

namespace GridCase.CaseActivities;

/// <summary>
/// A task's deadline from its activity's inputs: with useCatalogTimeLimit the case's catalog snapshot gives the
/// limit; otherwise (or without an item) the flow's, on the calendar of the org unit that works the task.
/// </summary>
internal sealed record TaskDeadlineRule(
    Input<IsoDuration?> TimeLimit, Input<CalendarKind?> Calendar, Input<bool> UseCatalogTimeLimit, Input<double?> WarnRatio)
{
    public (TaskDeadline? Deadline, string Calendar) For(ActivityExecutionContext context, Case @case, string scopeCode)
    {
        var catalog = context.Get(UseCatalogTimeLimit) ? @case.Catalog : null;
        var limit = catalog?.TimeLimit ?? context.Get(TimeLimit)?.ToString();
        var calendar = catalog?.Calendar ?? (context.Get(Calendar) ?? CalendarKind.Working).ToString();
        if (string.IsNullOrWhiteSpace(limit)) return (null, calendar);
        var ratio = context.Get(WarnRatio) ?? 0.8;
        return (context.GetRequiredService<ITaskDeadlines>().Compute(context.Now, limit, calendar, ratio, scopeCode), calendar);
    }
}
