namespace GridCase.CaseActivities;

/// <summary>Takes notifications into the Host's outbox, in the run's transaction; the Host delivers them once it commits.</summary>
public interface INotificationOutbox
{
    ValueTask PutAsync(NotificationRequest request, CancellationToken cancellationToken);
}

/// <param name="Roles">Users of these roles whose org unit holds <paramref name="ScopeOrgUnitCode"/>.</param>
/// <param name="Users">Users by name.</param>
/// <param name="ToReporter">Also the resident who reported the case (by phone, through an SMS gateway).</param>
public sealed record NotificationRequest(
    Guid CaseId, string ActivityId, IReadOnlyList<string> Roles, string ScopeOrgUnitCode, IReadOnlyList<string> Users,
    bool ToReporter, string Title, string Message, DateTimeOffset Now);
