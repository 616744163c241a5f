namespace GridCase.Domain.Supervision;

/// <summary>
/// 督办: a case a supervisor must hold to account, for one reason (kind). While open, a repeated trigger of the same
/// kind updates the entry instead of adding another; resolving or closing it ends it.
/// </summary>
public sealed class SupervisionEntry
{
    private const int MaxText = 2000;

    private SupervisionEntry() { }

    public long Id { get; private set; }
    public Guid CaseId { get; private set; }
    public SupervisionKind Kind { get; private set; }
    public string Reason { get; private set; } = "";
    public SupervisionSeverity Severity { get; private set; }
    public SupervisionStatus Status { get; private set; }
    /// <summary>The org unit held to account; escalation moves it one level up.</summary>
    public string ResponsibleOrgUnitCode { get; private set; } = "";
    /// <summary>The case's grid: supervisors of the area see the entry wherever responsibility lies.</summary>
    public string GridCode { get; private set; } = "";
    /// <summary>The work item whose lateness raised it, when one did (the latest one).</summary>
    public Guid? WorkItemId { get; private set; }
    public string RaisedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    /// <summary>When the supervision itself should be settled.</summary>
    public DateTimeOffset DueAt { get; private set; }
    /// <summary>How often the trigger fired while the entry was open (1 for the first).</summary>
    public int TriggerCount { get; private set; }
    public int UrgeCount { get; private set; }
    /// <summary>What happened to the entry, one line per event (repeated triggers, urges, escalations), newest last.</summary>
    public string Notes { get; private set; } = "";
    public string? Result { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public string? FinishedBy { get; private set; }
    /// <summary>
    /// 0 while the entry is open, its own id once it is finished: a unique index over (case, kind, slot) then allows one
    /// open entry per case and kind on every provider, without a filtered index.
    /// </summary>
    public long OpenSlot { get; private set; }
    public Guid Version { get; set; }

    public bool IsOpen => Status is SupervisionStatus.Open or SupervisionStatus.Urged;

    public static SupervisionEntry Raise(
        Guid caseId, SupervisionKind kind, string reason, SupervisionSeverity severity, string responsibleOrgUnitCode, string gridCode,
        Guid? workItemId, string raisedBy, DateTimeOffset now, DateTimeOffset? dueAt)
    {
        var entry = new SupervisionEntry
        {
            CaseId = caseId, Kind = kind, Severity = severity, Status = SupervisionStatus.Open,
            ResponsibleOrgUnitCode = responsibleOrgUnitCode, GridCode = gridCode, WorkItemId = workItemId, RaisedBy = raisedBy,
            CreatedAt = now, UpdatedAt = now, DueAt = dueAt ?? now + DefaultTerm(severity), TriggerCount = 1, Version = Guid.NewGuid(),
        };
        entry.Reason = Clip(reason);
        entry.Note(now, raisedBy, $"立督办 / raised: {entry.Reason}");
        return entry;
    }

    /// <summary>How long a supervision may take when nobody says: the more severe, the shorter.</summary>
    public static TimeSpan DefaultTerm(SupervisionSeverity severity) => severity switch
    {
        SupervisionSeverity.Critical => TimeSpan.FromDays(1),
        SupervisionSeverity.High => TimeSpan.FromDays(3),
        _ => TimeSpan.FromDays(5),
    };

    /// <summary>The same reason fired again while the entry is open: it is updated, never doubled; severity only rises.</summary>
    public void Retrigger(string reason, SupervisionSeverity severity, Guid? workItemId, string actor, DateTimeOffset now)
    {
        EnsureOpen();
        Reason = Clip(reason);
        if (severity > Severity) Severity = severity;
        if (workItemId is not null) WorkItemId = workItemId;
        TriggerCount++;
        Note(now, actor, $"再次触发 / raised again: {Reason}");
    }

    /// <summary>催办.</summary>
    public void Urge(string actor, string? comment, DateTimeOffset now)
    {
        EnsureOpen();
        Status = SupervisionStatus.Urged;
        UrgeCount++;
        Note(now, actor, $"催办 / urged ({UrgeCount})" + (string.IsNullOrWhiteSpace(comment) ? "" : $": {comment.Trim()}"));
    }

    /// <summary>上报: the next org level above the responsible one takes over.</summary>
    public void Escalate(string parentOrgUnitCode, string actor, string reason, DateTimeOffset now)
    {
        EnsureOpen();
        var from = ResponsibleOrgUnitCode;
        ResponsibleOrgUnitCode = parentOrgUnitCode;
        Note(now, actor, $"上报 / escalated {from} → {parentOrgUnitCode}: {reason.Trim()}");
    }

    /// <summary>联合督办: several departments were given work items with their own deadline.</summary>
    public void StartJoint(string leadCode, IEnumerable<string> coHandlerCodes, DateTimeOffset dueAt, string actor, DateTimeOffset now)
    {
        EnsureOpen();
        Note(now, actor, $"联合督办 / joint supervision: 主办 {leadCode}, 协办 {string.Join(", ", coHandlerCodes)}, 限 {dueAt:yyyy-MM-dd HH:mm}");
    }

    public void Resolve(string result, string actor, DateTimeOffset now) => Finish(SupervisionStatus.Resolved, result, actor, now);

    public void Close(string result, string actor, DateTimeOffset now) => Finish(SupervisionStatus.Closed, result, actor, now);

    private void Finish(SupervisionStatus status, string result, string actor, DateTimeOffset now)
    {
        EnsureOpen();
        Status = status;
        Result = Clip(result.Trim());
        FinishedAt = now;
        FinishedBy = actor;
        OpenSlot = Id;
        Note(now, actor, $"{(status == SupervisionStatus.Resolved ? "办结 / resolved" : "关闭 / closed")}: {Result}");
    }

    private void EnsureOpen()
    {
        if (!IsOpen)
            throw new ConflictException($"督办已{(Status == SupervisionStatus.Resolved ? "办结" : "关闭")} / the supervision entry is {Status}");
    }

    private void Note(DateTimeOffset now, string actor, string line)
    {
        UpdatedAt = now;
        var notes = (Notes.Length == 0 ? "" : Notes + "\n") + $"{now:yyyy-MM-dd HH:mm} {actor}: {line}";
        // The newest lines matter most: drop the oldest when the column is full.
        Notes = notes.Length <= MaxText ? notes : notes[^MaxText..];
    }

    private static string Clip(string text) => text.Length <= MaxText ? text : text[..MaxText];
}
