using GridCase.Workflows.Activities;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Expressions;
using GridCase.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GridCase.Workflows;

public static class WorkflowEngineRegistration
{
    /// <summary>The engine, its validator and expression evaluator, and the core activities.</summary>
    public static IServiceCollection AddWorkflowEngine(this IServiceCollection services)
    {
        services.TryAddSingleton<ActivityRegistry>();
        services.TryAddSingleton<WorkflowEngine>();
        services.TryAddSingleton<JavaScriptEvaluator>();
        // Scoped: registered checks may ask the request's database what a flow will meet.
        services.TryAddScoped<DefinitionValidator>();
        return services
            .AddActivity<Decision>()
            .AddActivity<Fork>()
            .AddActivity<Join>()
            .AddActivity<SetVariable>()
            .AddActivity<Activities.Timer>()
            .AddActivity<WaitForSignal>()
            .AddActivity<End>();
    }

    /// <summary>Registers an activity type; the palette, the validator and the engine find it from here.</summary>
    public static IServiceCollection AddActivity<T>(this IServiceCollection services) where T : class, IActivity
    {
        services.TryAddSingleton<T>();
        services.AddSingleton<IActivity>(sp => sp.GetRequiredService<T>());
        return services;
    }
}
