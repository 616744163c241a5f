using GridCase.CaseActivities;
using GridCase.Domain;
using GridCase.Host.Hosting;
using GridCase.Host.Identity;
using GridCase.Host.Persistence;
using GridCase.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Notifications;

public static class NotificationEndpoints
{
    /// <summary>The outbox for Notify, delivery jobs and the sweep; the sender is SMTP when <c>Notifications:Smtp:Host</c> is set, else the log.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NotificationOptions>(configuration.GetSection("Notifications"));
        services.Configure<SmtpOptions>(configuration.GetSection("Notifications:Smtp"));
        services.AddScoped<INotificationOutbox, NotificationOutbox>();
        services.AddScoped<NotificationDelivery>();
        services.AddSingleton<NotificationsInFlight>();
        services.AddScoped<NotificationSweep>();
        services.AddSingleton<LogNotificationSender>();
        if (!string.IsNullOrEmpty(configuration["Notifications:Smtp:Host"]))
            services.AddSingleton<INotificationSender, SmtpNotificationSender>();
        else
            services.AddSingleton<INotificationSender>(sp => sp.GetRequiredService<LogNotificationSender>());
        return services.AddHostedService<SweepStartup<NotificationSweep>>();
    }

    public static void MapNotifications(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/notifications").WithTags("Notifications").RequireAuthorization();

        api.MapGet("", async Task<Ok<NotificationPage>> (int? page, int? pageSize, GridCaseDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            var (p, size) = RequestFields.Paging(page, pageSize, errors);
            if (errors.Count > 0) throw new DomainException("查询参数有误 / invalid query", errors);
            var mine = db.Set<Notification>().AsNoTracking().Where(n => n.UserName == http.User.UserName());
            var total = await mine.CountAsync(ct);
            var unread = await mine.CountAsync(n => n.ReadAt == null, ct);
            var items = await mine.OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id).Skip((p - 1) * size).Take(size).ToListAsync(ct);
            return TypedResults.Ok(new NotificationPage(
                [.. items.Select(n => new NotificationDto(n.Id, n.CaseId, n.Title, n.Message, n.CreatedAt, n.ReadAt is not null, n.ReadAt))], total, unread));
        }).WithSummary("我的站内通知 / your in-app notifications, newest first, with the unread count");

        api.MapPost("/{id:guid}/read", async Task<NoContent> (Guid id, GridCaseDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            var userName = http.User.UserName();
            var n = await db.Set<Notification>().SingleOrDefaultAsync(x => x.Id == id && x.UserName == userName, ct)
                ?? throw new NotFoundException($"通知 {id} 不存在 / no notification {id} for you");
            n.Read(clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        }).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("标为已读 / mark one of your notifications read");
    }
}
