namespace GridCase.Domain.Cases;

/// <summary>The stage of the closed loop a case is in. Discover, Close and Assess are passed automatically.</summary>
public enum CaseStage
{
    Discover,
    Accept,
    Dispatch,
    Handle,
    /// <summary>三定仲裁: returned too often, the district designates the owner.</summary>
    Arbitrate,
    Verify,
    Close,
    Assess,
    Evaluate,
    Done,
    Rejected,
    /// <summary>并案: merged into a master case; it ends with the master's result.</summary>
    Merged,
}
