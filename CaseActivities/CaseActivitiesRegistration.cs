using GridCase.Workflows;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Events;
using GridCase.Workflows.Expressions;
using Microsoft.Extensions.DependencyInjection;

namespace GridCase.CaseActivities;

public static class CaseActivitiesRegistration
{
    /// <summary>
    /// The case activities, $case for scripts, finishing a case with its flow, and the closure check. The Host
    /// supplies <see cref="ITaskDispatcher"/>, <see cref="ITaskDeadlines"/>, <see cref="IAssigneeScopes"/>,
    /// <see cref="ITaskRoles"/>, <see cref="IClosureRequirementSource"/>, <see cref="ICaseClassifier"/>, <see cref="IDispatchTargets"/>, <see cref="INotificationOutbox"/>, <see cref="ISupervisionList"/> and the <see cref="IStageOutcomeHandler"/>s.
    /// </summary>
    public static IServiceCollection AddCaseActivities(this IServiceCollection services)
    {
        services.AddWorkflowEngine()
            .AddActivity<HumanTask>()
            .AddActivity<AutoAccept>()
            .AddActivity<ParallelTasks>()
            .AddActivity<AutoDispatch>()
            .AddActivity<CloseCase>()
            .AddActivity<Assess>()
            .AddActivity<SecondDispatch>()
            .AddActivity<Notify>()
            .AddActivity<Escalate>()
            .AddActivity<AddToSupervision>();
        services.AddSingleton<IScriptGlobals, CaseScriptGlobals>();
        // Before the Host's journal handlers, so the journal sees the case as the End left it.
        services.AddScoped<IWorkflowEventHandler, CaseFinisher>();
        services.AddScoped<IDefinitionCheck, ClosureRequirementCheck>();
        services.AddScoped<IDefinitionCheck, AutoDispatchCheck>();
        services.AddScoped<IDefinitionCheck, ParallelTasksCheck>();
        return services;
    }

    public static IServiceCollection AddOutcomeHandler<T>(this IServiceCollection services) where T : class, IStageOutcomeHandler =>
        services.AddScoped<IStageOutcomeHandler, T>();
}
