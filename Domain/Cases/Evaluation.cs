namespace GridCase.Domain.Cases;

/// <summary>The resident's evaluation after the callback (回访评价).</summary>
public enum Evaluation
{
    Satisfied,
    BasicallySatisfied,
    Unsatisfied,
}
