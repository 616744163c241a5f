using GridCase.CaseActivities;
using GridCase.Domain.Cases;
using GridCase.Host.Persistence;
using GridCase.Workflows.Events;
using GridCase.Workflows.Runtime;

namespace GridCase.Host.Incidents;

/// <summary>Opens an incident for each activity that faults in a case's run, with its journal entry, in the run's transaction.</summary>
public sealed class IncidentRecorder(GridCaseDbContext db, ILogger<IncidentRecorder> log) : IWorkflowEventHandler
{
    /// <summary>Room for the error in the incident row; longer messages are cut, the log keeps the whole error.</summary>
    private const int MaxError = 2000;

    public ValueTask HandleAsync(WorkflowEvent workflowEvent, CancellationToken cancellationToken)
    {
        if (workflowEvent is not ActivityFaulted e || e.Run.Features.Find<CaseRun>()?.Case is not { } @case) return ValueTask.CompletedTask;
        log.LogWarning(e.Error, "case {Case}: activity {Activity} faulted; an incident is open", @case.Number, e.Fault.ActivityId);
        var error = e.Fault.Error.Length > MaxError ? e.Fault.Error[..MaxError] : e.Fault.Error;
        db.Incidents.Add(Incident.Open(e.Run.Instance.Id, @case.Id, e.Fault.ActivityId, error, e.Fault.At));
        db.Journal.Add(JournalEntry.Write(@case.Id, e.Fault.At, CaseJournal.StageOf(e.Context, @case), e.Fault.ActivityId, "Faulted", null, Actors.System, error));
        return ValueTask.CompletedTask;
    }
}
