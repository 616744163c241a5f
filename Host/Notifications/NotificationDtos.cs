namespace GridCase.Host.Notifications;

public sealed record NotificationDto(Guid Id, Guid CaseId, string Title, string Message, DateTimeOffset CreatedAt, bool Read, DateTimeOffset? ReadAt);

public sealed record NotificationPage(IReadOnlyList<NotificationDto> Items, int Total, int Unread);
