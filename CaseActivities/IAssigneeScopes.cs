using GridCase.Domain.Cases;

namespace GridCase.CaseActivities;

/// <summary>Which org unit's members may work a human task, relative to the case (the case's grid, the dispatched department...).</summary>
public interface IAssigneeScopes
{
    /// <summary>The scope names a flow may give, for the designer and the validator.</summary>
    IReadOnlyList<string> Names { get; }

    /// <returns>The org unit code, or null when the case has none for this scope (no department dispatched yet).</returns>
    string? Resolve(string scope, Case @case);

    /// <summary>Whether the code names an org unit of today's tree (a task sent to a unit by its code, e.g. a co-handling department).</summary>
    bool Exists(string orgUnitCode);
}
