namespace GridCase.Domain.WorkItems;

/// <summary>What part a work item plays, so that lists and assessment can tell who owes what.</summary>
public enum WorkItemKind
{
    /// <summary>A task of the flow, the case's own.</summary>
    Task,
    /// <summary>主办: the lead department's handling; its lateness is the case's.</summary>
    Lead,
    /// <summary>协办: a co-handling department's part; its lateness counts against that department, not the case.</summary>
    CoHandler,
    /// <summary>报到: a department summoned by a whistle (吹哨) answers; an unanswered one goes to supervision.</summary>
    Summons,
}
