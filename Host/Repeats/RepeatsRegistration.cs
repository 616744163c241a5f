using GridCase.Workflows.Events;

namespace GridCase.Host.Repeats;

public static class RepeatsRegistration
{
    /// <summary>Repeat complaints (一人多诉 / 一事多诉): duplicate candidates at intake, merging into a master, the repeat lists.</summary>
    public static IServiceCollection AddRepeats(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DuplicateOptions>(configuration.GetSection("Duplicates"));
        services.AddScoped<DuplicateFinder>();
        services.Configure<RepeatOptions>(configuration.GetSection("RepeatComplaints"));
        services.AddScoped<RepeatLists>();
        services.AddScoped<CaseMerge>();
        services.AddScoped<MergedReportNotice>();
        services.AddScoped<IWorkflowEventHandler, MergedReportsFollowMaster>();
        return services;
    }
}
