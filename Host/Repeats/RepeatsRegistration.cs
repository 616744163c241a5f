namespace GridCase.Host.Repeats;

public static class RepeatsRegistration
{
    /// <summary>Repeat complaints (一人多诉 / 一事多诉): duplicate candidates at intake.</summary>
    public static IServiceCollection AddRepeats(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DuplicateOptions>(configuration.GetSection("Duplicates"));
        services.AddScoped<DuplicateFinder>();
        return services;
    }
}
