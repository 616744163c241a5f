using GridCase.CaseActivities;
using GridCase.Host.FlowBindings;
using GridCase.Host.Runtime.Outcomes;
using GridCase.Workflows.Events;

namespace GridCase.Host.Runtime;

public static class CaseWorkflowRegistration
{
    /// <summary>The engine with the case activities, and what the Host gives them: work items, deadlines, scopes, outcome handlers, the journal.</summary>
    public static IServiceCollection AddCaseWorkflow(this IServiceCollection services)
    {
        services.AddCaseActivities();
        services.AddSingleton<DefinitionStore>();
        services.AddScoped<WorkItemDispatcher>();
        services.AddScoped<ITaskDispatcher>(sp => sp.GetRequiredService<WorkItemDispatcher>());
        services.AddSingleton<ITaskDeadlines, CalendarTaskDeadlines>();
        services.AddSingleton<IAssigneeScopes, CaseAssigneeScopes>();
        services.AddSingleton<ITaskRoles, IdentityTaskRoles>();
        services.AddSingleton<IDispatchTargets, OrgDispatchTargets>();
        services.AddScoped<IClosureRequirementSource, BoundClosureRequirements>();
        services.AddScoped<ICaseClassifier, Catalog.CatalogCaseClassifier>();
        services.AddScoped<IWorkflowEventHandler, CaseJournalRecorder>();
        services.AddScoped<CaseWorkflow>();
        services.AddScoped<HandlingEvidence>();
        return services
            .AddOutcomeHandler<CaseAccepted>()
            .AddOutcomeHandler<CaseRejected>()
            .AddOutcomeHandler<CaseDispatched>()
            .AddOutcomeHandler<CaseReturned>()
            .AddOutcomeHandler<CaseHandled>()
            .AddOutcomeHandler<CaseSolvedOnSpot>()
            .AddOutcomeHandler<CaseVerified>()
            .AddOutcomeHandler<CaseSentBackForRework>()
            .AddOutcomeHandler<CaseEvaluated>();
    }
}
