namespace GridCase.Domain.Cases;

/// <summary>The assessment record (考核) written when a case closes; rewritten if a second dispatch closes it again.</summary>
public sealed record Assessment(
    bool OnTime,
    int LateWorkItems,
    int ReworkCount,
    int ReturnCount,
    int DispatchRound,
    DateTimeOffset AssessedAt,
    /// <summary>The responsible level the case was solved at (tiered handling); null for a case on no level.</summary>
    ResponsibleLevel? SolvedAtLevel = null,
    /// <summary>How often a supervisor reopened the case after closure (案结事未了).</summary>
    int ReopenCount = 0);
