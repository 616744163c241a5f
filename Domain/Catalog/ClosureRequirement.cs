namespace GridCase.Domain.Catalog;

/// <summary>The machine-checkable parts of a closure standard (结案标准).</summary>
public enum ClosureRequirement
{
    AfterPhoto,
    BeforePhoto,
    HandlerComment,
    VerificationPass,
    ResidentCallback,
}
