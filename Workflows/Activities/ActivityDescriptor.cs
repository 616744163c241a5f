using GridCase.Workflows.Inputs;

namespace GridCase.Workflows.Activities;

/// <summary>What the designer's palette and property panel need to know about an activity type.</summary>
/// <param name="DisplayName">Chinese name; <paramref name="DisplayNameEn"/> is the English one.</param>
/// <param name="Description">Help text, "中文 / English"; <see cref="Help"/> has the two apart.</param>
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
    string? OutcomesFromInput = null)
{
    public required LocalizedText Help { get; init; }
}

/// <param name="Type">string | number | boolean | stringList | object | duration | enum | any</param>
/// <param name="Description">The label, "中文 / English"; <see cref="Label"/> has the two apart.</param>
public sealed record InputDescriptor(
    string Name,
    string Type,
    string Description,
    bool Required = false,
    bool SupportsExpression = false,
    IReadOnlyList<string>? Options = null,
    object? DefaultValue = null)
{
    public required LocalizedText Label { get; init; }
    public LocalizedText? Help { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }
}
