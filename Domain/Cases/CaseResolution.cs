namespace GridCase.Domain.Cases;

/// <summary>How a finished case ended: Unresolved when second dispatches ran out with the resident still unsatisfied.</summary>
public enum CaseResolution
{
    Resolved,
    Unresolved,
}
