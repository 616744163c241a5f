namespace GridCase.Domain.Cases;

/// <summary>案结事未了: why a supervisor reopens a closed case.</summary>
public enum ReopenKind
{
    /// <summary>结而未解: closed, but the problem is still there.</summary>
    ClosedNotSolved,
    /// <summary>暂时解决: solved only for now; it came back.</summary>
    SolvedForNow,
}
