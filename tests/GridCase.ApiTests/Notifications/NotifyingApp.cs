using GridCase.ApiTests.Infrastructure;
using GridCase.Host.Notifications;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GridCase.ApiTests.Notifications;

/// <summary>A host whose notifications go through <see cref="Sender"/>, retried after one second (then two, four…).</summary>
public sealed class NotifyingApp : GridCaseApp
{
    private NotifyingApp(string? dataFolder, FlakySender sender) : base(dataFolder) => Sender = sender;

    public FlakySender Sender { get; }

    public static NotifyingApp Failing(int failures) => new(null, new FlakySender(failures));

    /// <summary>A new host on an earlier host's data folder, with a sender that works.</summary>
    public static NotifyingApp RestartWorking(GridCaseApp earlier) => new(earlier.DataFolder, new FlakySender(0)) { KeepData = false };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Notifications:RetryBase", "00:00:01");
        builder.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton<INotificationSender>(Sender)));
    }
}
