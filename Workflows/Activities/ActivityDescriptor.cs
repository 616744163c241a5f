namespace GridCase.Workflows.Activities;

/// <summary>What the designer's palette and property panel need to know about an activity type.</summary>
public sealed record ActivityDescriptor(
    string Type,
    string DisplayName,
    string DisplayNameEn,
    string Category,
    string Description,
    IReadOnlyList<InputDescriptor> Inputs,
    IReadOnlyList<string> Outcomes,
    bool Blocking = false,
    /// <summary>When set, the outcomes are the values of this list input (e.g. a HumanTask's outcomes).</summary>
    string? OutcomesFromInput = null);

/// <param name="Type">string | number | boolean | stringList | object | duration | enum</param>
public sealed record InputDescriptor(
    string Name,
    string Type,
    string Description,
    bool Required = false,
    bool SupportsExpression = false,
    IReadOnlyList<string>? Options = null,
    object? DefaultValue = null);
