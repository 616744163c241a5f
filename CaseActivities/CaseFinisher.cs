using GridCase.Domain.Cases;
using GridCase.Workflows.Activities;
using GridCase.Workflows.Events;

namespace GridCase.CaseActivities;

/// <summary>When an End finishes a case's instance: the case takes its result and tasks still open elsewhere are cancelled.</summary>
public sealed class CaseFinisher(ITaskDispatcher tasks) : IWorkflowEventHandler
{
    public async ValueTask HandleAsync(WorkflowEvent workflowEvent, CancellationToken cancellationToken)
    {
        if (workflowEvent is not WorkflowFinished finished || finished.Run.Features.Find<CaseRun>()?.Case is not { } @case) return;
        var now = finished.Run.Now;
        switch (finished.Result)
        {
            case WorkflowResult.Rejected:
                if (@case.Status != CaseStatus.Rejected) @case.Reject(now);
                break;
            case WorkflowResult.Unresolved:
                @case.Finish(CaseResolution.Unresolved);
                break;
            default:
                @case.Finish(CaseResolution.Resolved);
                break;
        }
        await tasks.CancelOpenAsync(@case.Id, now, cancellationToken);
    }
}
