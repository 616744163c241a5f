using GridCase.CaseActivities;
using GridCase.Domain.Cases;
using GridCase.Host.Persistence;
using GridCase.Workflows.Events;

namespace GridCase.Host.Arbitrations;

/// <summary>
/// Puts a case on the district's arbitration list when its flow opens an Arbitrate task: the flow decides when
/// (the shipped one at the second return), the list follows, in the same unit of work.
/// </summary>
public sealed class ArbitrationRecorder(GridCaseDbContext db) : IWorkflowEventHandler
{
    public ValueTask HandleAsync(WorkflowEvent workflowEvent, CancellationToken cancellationToken)
    {
        if (workflowEvent is BookmarkCreated { Context.Activity: HumanTask } e
            && e.Run.Features.Find<CaseRun>()?.Case is { Stage: CaseStage.Arbitrate } @case)
            db.Arbitrations.Add(Arbitration.Open(@case, e.Bookmark.Id, e.Run.Now));
        return ValueTask.CompletedTask;
    }
}
