using Hangfire;

namespace GridCase.Host.Hosting;

/// <summary>On start with in-memory storage (which forgot every job with the last process): loads the first window and registers the minutely load.</summary>
public sealed class TimerHorizonStartup(IServiceScopeFactory scopes, IRecurringJobManager recurring, TimerHorizon horizon) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (horizon.HoldsEveryTimer) return;
        recurring.AddOrUpdate<TimerHorizonJob>(TimerHorizonJob.JobId, j => j.RunAsync(CancellationToken.None), Cron.Minutely());
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TimerHorizonJob>().RunAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class TimerHorizonRegistration
{
    public static IServiceCollection AddTimerHorizon(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TimerOptions>().Bind(configuration.GetSection(TimerOptions.Section))
            .Validate(o => o.Horizon >= TimeSpan.FromSeconds(70), "Timers:Horizon must be at least 00:01:10 (it is loaded every minute)")
            .Validate(o => !string.IsNullOrWhiteSpace(o.SweepCron), "Timers:SweepCron must be a cron expression")
            .Validate(o => o.BatchSize is > 0 and <= 1000, "Timers:BatchSize must be 1..1000")
            .ValidateOnStart();
        services.AddSingleton<TimerHorizon>();
        services.AddScoped<TimerHorizonJob>();
        return services.AddHostedService<TimerHorizonStartup>();
    }
}
