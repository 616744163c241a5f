using GridCase.Host.Hosting;

namespace GridCase.Host.WorkflowTimers;

public static class WorkflowTimerRegistration
{
    public static IServiceCollection AddWorkflowTimers(this IServiceCollection services)
    {
        services.AddScoped<StoredWorkflowTimers>();
        services.AddScoped<Workflows.Runtime.IWorkflowTimers>(sp => sp.GetRequiredService<StoredWorkflowTimers>());
        services.AddScoped<WorkflowTimerJob>();
        services.AddScoped<WorkflowTimerSweep>();
        return services.AddHostedService<SweepStartup<WorkflowTimerSweep>>();
    }
}
