namespace GridCase.CaseActivities;

/// <summary>When a <see cref="ParallelTasks"/> activity is done.</summary>
public enum ParallelCompletion
{
    /// <summary>Every task is completed; leaves by the outcome most chose (ties: the one listed first).</summary>
    All,
    /// <summary>The first completion decides and the other tasks are cancelled.</summary>
    Any,
    /// <summary>主办/协办: the lead has completed and every co-handler has submitted its part; leaves by the lead's outcome.</summary>
    LeadAndCoHandlers,
}
