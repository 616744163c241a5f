namespace GridCase.Workflows.Activities;

/// <summary>The palette groups.</summary>
public static class ActivityCategories
{
    public const string Flow = "流程 / Flow";
    public const string Human = "人工 / Human";
    public const string Loop = "闭环 / Loop";
}
