using GridCase.Domain.Cases;

namespace GridCase.Domain.WorkItems;

/// <summary>
/// A human task waiting in somebody's inbox (待办任务). Its id is the bookmark the workflow instance
/// waits on; completing it is the stimulus that moves the instance on.
/// </summary>
public sealed class WorkItem
{
    private WorkItem() { }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public Guid InstanceId { get; private set; }
    public string ActivityId { get; private set; } = "";
    public CaseStage Stage { get; private set; }
    public WorkItemKind Kind { get; private set; }
    public string Name { get; private set; } = "";
    public string Role { get; private set; } = "";
    /// <summary>The org unit whose members (of <see cref="Role"/>) may work the item.</summary>
    public string ScopeOrgUnitCode { get; private set; } = "";
    public List<string> Outcomes { get; private set; } = [];
    public WorkItemStatus Status { get; private set; }
    public string? AssignedUser { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? WarnAt { get; private set; }
    public DateTimeOffset? DueAt { get; private set; }
    public SlaState Sla { get; private set; }
    /// <summary>
    /// The deadline the SLA state belongs to: 1 for the first, one more for each extension. A warning or overdue
    /// is raised at most once per episode; a new deadline may warn again.
    /// </summary>
    public int SlaEpisode { get; private set; }
    /// <summary>Whether the limit counts working or natural time; suspension keeps the remainder in that kind.</summary>
    public string Calendar { get; private set; } = "Working";
    public DateTimeOffset? SuspendedAt { get; private set; }
    public TimeSpan? RemainingToWarn { get; private set; }
    public TimeSpan? RemainingToDue { get; private set; }
    public bool IsSuspended => SuspendedAt is not null;
    public DateTimeOffset? CompletedAt { get; private set; }
    public string? CompletedBy { get; private set; }
    public string? Outcome { get; private set; }
    public string? Comment { get; private set; }
    /// <summary>Changed on every write; a stale writer loses with a conflict on any provider.</summary>
    public Guid Version { get; set; }

    public static WorkItem Open(
        Guid caseId, Guid instanceId, string activityId, CaseStage stage, string name, string role,
        string scopeOrgUnitCode, IEnumerable<string> outcomes, DateTimeOffset now, DateTimeOffset? warnAt,
        DateTimeOffset? dueAt, string calendar = "Working", WorkItemKind kind = WorkItemKind.Task) => new()
    {
        Id = Guid.NewGuid(),
        Kind = kind,
        CaseId = caseId,
        InstanceId = instanceId,
        ActivityId = activityId,
        Stage = stage,
        Name = name,
        Role = role,
        ScopeOrgUnitCode = scopeOrgUnitCode,
        Outcomes = [.. outcomes],
        Status = WorkItemStatus.Open,
        CreatedAt = now,
        WarnAt = warnAt,
        DueAt = dueAt,
        Sla = SlaState.Normal,
        SlaEpisode = 1,
        Calendar = calendar,
        Version = Guid.NewGuid(),
    };

    public void Claim(string userName)
    {
        EnsureOpen();
        if (AssignedUser is not null && AssignedUser != userName)
            throw new ConflictException($"任务已由 {AssignedUser} 认领 / the work item is claimed by {AssignedUser}");
        AssignedUser = userName;
    }

    /// <returns>true when the item was completed after its due time.</returns>
    public bool Complete(string userName, string outcome, string? comment, DateTimeOffset now)
    {
        EnsureOpen();
        if (IsSuspended)
            throw new ConflictException("任务已挂起，请先恢复 / the work item is suspended; resume it first");
        if (AssignedUser is not null && AssignedUser != userName)
            throw new ConflictException($"任务已由 {AssignedUser} 认领 / the work item is claimed by {AssignedUser}");
        AssignedUser = userName;
        Status = WorkItemStatus.Completed;
        CompletedAt = now;
        CompletedBy = userName;
        Outcome = outcome;
        Comment = comment;
        var late = Sla != SlaState.Overdue && DueAt is { } due && now > due;
        if (late) Sla = SlaState.Overdue;
        return late;
    }

    /// <summary>Whether its lateness is the case's (the lead's or the flow's task) rather than a co-handling or summoned department's.</summary>
    public bool CountsAgainstCase => Kind is WorkItemKind.Task or WorkItemKind.Lead;

    /// <summary>Finished after its due instant, or still open and overdue.</summary>
    public bool IsLate => Sla == SlaState.Overdue;

    public void Cancel(DateTimeOffset now)
    {
        if (Status != WorkItemStatus.Open) return;
        Status = WorkItemStatus.Cancelled;
        CompletedAt = now;
    }

    /// <summary>
    /// Raises the SLA state when its instant has come; never lowers it. Returns false when nothing changed,
    /// so a timer fires at most once in effect however often its job runs, and a job made stale by an
    /// extension or a suspension does nothing.
    /// </summary>
    public bool RaiseSla(SlaState state, DateTimeOffset now)
    {
        if (Status != WorkItemStatus.Open || IsSuspended || state <= Sla) return false;
        var at = state == SlaState.Overdue ? DueAt : WarnAt;
        if (at is null || now < at) return false;
        Sla = state;
        return true;
    }

    /// <summary>挂起: the clock stops; what was left of the limit is kept for the resume.</summary>
    public void Suspend(DateTimeOffset now, TimeSpan remainingToWarn, TimeSpan remainingToDue)
    {
        EnsureOpen();
        if (IsSuspended) throw new ConflictException("任务已挂起 / the work item is already suspended");
        SuspendedAt = now;
        RemainingToWarn = remainingToWarn;
        RemainingToDue = remainingToDue;
    }

    public void Resume(DateTimeOffset? warnAt, DateTimeOffset? dueAt)
    {
        EnsureOpen();
        if (!IsSuspended) throw new ConflictException("任务未挂起 / the work item is not suspended");
        SuspendedAt = null;
        RemainingToWarn = null;
        RemainingToDue = null;
        WarnAt = warnAt;
        DueAt = dueAt;
    }

    /// <summary>
    /// An approved extension starts a new SLA episode: new instants and a Normal state, which the timers raise
    /// again (at once, if the new warning time has already passed). While the item is suspended the clock
    /// stays stopped: the new deadline becomes the time left for the resume.
    /// </summary>
    public void Extend(DateTimeOffset warnAt, DateTimeOffset dueAt, TimeSpan? remainingToWarn = null, TimeSpan? remainingToDue = null)
    {
        EnsureOpen();
        WarnAt = warnAt;
        DueAt = dueAt;
        Sla = SlaState.Normal;
        SlaEpisode++;
        if (IsSuspended)
        {
            RemainingToWarn = remainingToWarn ?? RemainingToWarn;
            RemainingToDue = remainingToDue ?? RemainingToDue;
        }
    }

    private void EnsureOpen()
    {
        if (Status != WorkItemStatus.Open)
            throw new ConflictException("任务已办结或已取消 / the work item is no longer open");
    }
}
