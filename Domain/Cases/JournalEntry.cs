namespace GridCase.Domain.Cases;

/// <summary>One line of a case's append-only history: who did what, when, in which stage.</summary>
public sealed class JournalEntry
{
    private JournalEntry() { }

    public long Id { get; private set; }
    public Guid CaseId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public CaseStage Stage { get; private set; }
    public string? ActivityId { get; private set; }
    public string Event { get; private set; } = "";
    public string? Outcome { get; private set; }
    public string Actor { get; private set; } = "";
    public string? Comment { get; private set; }

    public static JournalEntry Write(
        Guid caseId, DateTimeOffset at, CaseStage stage, string? activityId, string @event, string? outcome,
        string actor, string? comment) => new()
    {
        CaseId = caseId,
        At = at,
        Stage = stage,
        ActivityId = activityId,
        Event = @event,
        Outcome = outcome,
        Actor = actor,
        Comment = comment,
    };
}
