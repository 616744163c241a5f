namespace GridCase.Domain.Supervision;

/// <summary>Why a case is on the supervision list (督办清单); a case has at most one open entry per kind.</summary>
public enum SupervisionKind
{
    /// <summary>超期: a work item of the case ran past its deadline.</summary>
    Overdue,
    /// <summary>未解决: the case ended Unresolved.</summary>
    Unresolved,
    /// <summary>多次返工: verification failed twice or more.</summary>
    Rework,
    /// <summary>多次退单: the case was returned twice or more.</summary>
    Returns,
    /// <summary>报到超期: a summoned department did not answer a whistle (吹哨) in time.</summary>
    SummonsUnanswered,
    /// <summary>人工督办: put on the list by a supervisor, e.g. a leader's instruction (领导批示).</summary>
    Manual,
}
