using GridCase.Domain.Cases;
using GridCase.Workflows.Activities;

namespace GridCase.CaseActivities;

/// <summary>What a case activity wants its journal entry to say; the Host writes the entry from the engine's event.</summary>
public static class CaseJournal
{
    private const string StageKey = "stage";

    public static void Journal(this ActivityExecutionContext context, CaseStage stage, string @event, string? outcome = null, string? comment = null)
    {
        context.JournalData[StageKey] = stage;
        context.JournalData[JournalKeys.Event] = @event;
        context.JournalData[JournalKeys.Outcome] = outcome;
        context.JournalData[JournalKeys.Comment] = comment;
    }

    /// <summary>The stage the entry belongs to: the activity's, else the case's current one.</summary>
    public static CaseStage StageOf(ActivityExecutionContext context, Case @case) =>
        context.JournalData.GetValueOrDefault(StageKey) is CaseStage stage ? stage : @case.Stage;
}
