using GridCase.CaseActivities;
using GridCase.Domain.Cases;
using GridCase.Host.Persistence;
using GridCase.Workflows.Activities;
using GridCase.Workflows.Events;
using GridCase.Workflows.Runtime;

namespace GridCase.Host.Runtime;

/// <summary>
/// Writes a case's journal from the engine's events: a step the activity named (its journal data), a task
/// opened and completed, the flow finished. Steps that name nothing (Fork, Join, SetVariable) are plumbing.
/// A refused resume is logged only: its run is rolled back, and so would be its entry. A faulted automatic step is
/// journaled with its incident (<see cref="Incidents.IncidentRecorder"/>).
/// </summary>
public sealed class CaseJournalRecorder(GridCaseDbContext db, ILogger<CaseJournalRecorder> log) : IWorkflowEventHandler
{
    private readonly HashSet<ActivityExecutionContext> _announced = [];

    public ValueTask HandleAsync(WorkflowEvent workflowEvent, CancellationToken cancellationToken)
    {
        if (workflowEvent.Run.Features.Find<CaseRun>()?.Case is not { } @case) return ValueTask.CompletedTask;
        switch (workflowEvent)
        {
            case ActivityExecuted e when Named(e.Context) is { } name:
                Write(@case, e.Context, name, e.Context.JournalData.GetValueOrDefault(JournalKeys.Actor) as string ?? Actors.System);
                break;
            // An activity that opens several tasks at once (ParallelTasks) says so in one entry.
            case BookmarkCreated e when Named(e.Context) is { } name && _announced.Add(e.Context):
                Write(@case, e.Context, name, Actors.System);
                break;
            case BookmarkResumed e when Named(e.Context) is { } name:
                Write(@case, e.Context, name, e.Stimulus.Actor);
                break;
            case WorkflowFinished e:
                db.Journal.Add(JournalEntry.Write(@case.Id, e.Run.Now, @case.Stage, e.Context.Node.Id, "Finished", e.Result.ToString(), Actors.System, null));
                break;
            case WorkflowFaulted e:
                log.LogWarning(e.Error, "case {Case}: activity {Activity} failed", @case.Number, e.Context.Node.Id);
                break;
        }
        return ValueTask.CompletedTask;
    }

    private static string? Named(ActivityExecutionContext context) => context.JournalData.GetValueOrDefault(JournalKeys.Event) as string;

    private void Write(Case @case, ActivityExecutionContext context, string name, string actor) =>
        db.Journal.Add(JournalEntry.Write(
            @case.Id, context.Now, CaseJournal.StageOf(context, @case), context.Node.Id, name,
            context.JournalData.GetValueOrDefault(JournalKeys.Outcome) as string, actor,
            context.JournalData.GetValueOrDefault(JournalKeys.Comment) as string));
}
