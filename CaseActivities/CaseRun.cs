using GridCase.Domain.Cases;

namespace GridCase.CaseActivities;

/// <summary>The case an instance belongs to, attached to each run (<c>run.Features</c>) by whoever loaded it.</summary>
public sealed class CaseRun(Case @case)
{
    public Case Case { get; } = @case;
}
