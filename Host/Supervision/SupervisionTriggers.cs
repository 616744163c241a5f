using GridCase.CaseActivities;
using GridCase.Domain.Cases;
using GridCase.Domain.Supervision;
using GridCase.Host.Runtime;
using GridCase.Workflows.Activities;
using GridCase.Workflows.Events;
using GridCase.Workflows.Runtime;

namespace GridCase.Host.Supervision;

/// <summary>The automatic triggers of the supervision list that ride on the loop; overdue ones come from the SLA timers.</summary>
public static class SupervisionTriggers
{
    /// <summary>From this many reworks or returns on, a case is supervised.</summary>
    public const int RepeatThreshold = 2;

    public static IServiceCollection AddSupervision(this IServiceCollection services)
    {
        services.AddScoped<SupervisionList>();
        services.AddScoped<ISupervisionList>(sp => sp.GetRequiredService<SupervisionList>());
        services.AddScoped<SupervisionReader>();
        services.AddScoped<SupervisionActions>();
        services.AddScoped<SupervisionScope>();
        services.AddScoped<IWorkflowEventHandler, UnresolvedSupervision>();
        return services
            .AddOutcomeHandler<ReworkSupervision>()
            .AddOutcomeHandler<ReturnsSupervision>();
    }
}

/// <summary>多次返工: the second failed verification (and each after it) puts the case on the list.</summary>
public sealed class ReworkSupervision(ISupervisionList supervision) : IStageOutcomeHandler
{
    public CaseStage Stage => CaseStage.Verify;
    public string? Outcome => "Fail";

    public async ValueTask HandleAsync(StageOutcome outcome, CancellationToken cancellationToken)
    {
        // The case's own handler (registered before this one) has counted this rework already.
        var count = outcome.Case.ReworkCount;
        if (count < SupervisionTriggers.RepeatThreshold) return;
        await supervision.RaiseAsync(new SupervisionRaise(outcome.Case.Id, SupervisionKind.Rework,
            $"返工 {count} 次 / reworked {count} times", SupervisionSeverity.High, outcome.Stimulus.Actor, outcome.Now), cancellationToken);
    }
}

/// <summary>多次退单: the second return of a case (and each after it) puts it on the list.</summary>
public sealed class ReturnsSupervision(ISupervisionList supervision) : IStageOutcomeHandler
{
    public CaseStage Stage => CaseStage.Handle;
    public string? Outcome => "Return";

    public async ValueTask HandleAsync(StageOutcome outcome, CancellationToken cancellationToken)
    {
        var count = outcome.Case.ReturnCount;
        if (count < SupervisionTriggers.RepeatThreshold) return;
        await supervision.RaiseAsync(new SupervisionRaise(outcome.Case.Id, SupervisionKind.Returns,
            $"退单 {count} 次 / returned {count} times", SupervisionSeverity.Normal, outcome.Stimulus.Actor, outcome.Now), cancellationToken);
    }
}

/// <summary>未解决: a case whose flow ended Unresolved (second dispatches ran out) is supervised.</summary>
public sealed class UnresolvedSupervision(ISupervisionList supervision) : IWorkflowEventHandler
{
    public async ValueTask HandleAsync(WorkflowEvent workflowEvent, CancellationToken cancellationToken)
    {
        if (workflowEvent is not WorkflowFinished { Result: WorkflowResult.Unresolved } finished
            || finished.Run.Features.Find<CaseRun>()?.Case is not { } @case) return;
        await supervision.RaiseAsync(new SupervisionRaise(@case.Id, SupervisionKind.Unresolved,
            $"案件未解决结束（派单 {@case.DispatchRound} 轮）/ closed unresolved after {@case.DispatchRound} rounds",
            SupervisionSeverity.Critical, finished.Run.Actor, finished.Run.Now), cancellationToken);
    }
}
