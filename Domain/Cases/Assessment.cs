namespace GridCase.Domain.Cases;

/// <summary>The assessment record (考核) written when a case closes; rewritten if a second dispatch closes it again.</summary>
public sealed record Assessment(
    bool OnTime,
    int LateWorkItems,
    int ReworkCount,
    int ReturnCount,
    int DispatchRound,
    DateTimeOffset AssessedAt);
