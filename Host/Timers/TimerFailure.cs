using GridCase.Domain.WorkItems;

namespace GridCase.Host.Timers;

/// <summary>A timer that could not fire: kept until it fires, so that an admin sees it in GET /api/timers/failed.</summary>
public sealed class TimerFailure
{
    public const int MaxErrorLength = 2000;

    public long Id { get; set; }
    public Guid WorkItemId { get; init; }
    public SlaState Level { get; init; }
    public string Error { get; set; } = "";
    public DateTimeOffset FirstFailedAt { get; init; }
    public DateTimeOffset FailedAt { get; set; }
    public int Attempts { get; set; }
}
