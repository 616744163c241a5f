using System.Text.Json.Nodes;
using GridCase.Workflows.Activities;
using GridCase.Workflows.Definitions;

namespace GridCase.Workflows.Inputs;

/// <summary>
/// One declared input of an activity type: what the designer shows (its descriptor), what the validator
/// accepts as a literal, and how the activity reads it. Declared once, so the three cannot drift apart.
/// </summary>
public abstract record InputDefinition(string Name, LocalizedText Label)
{
    public LocalizedText? Help { get; init; }
    public bool Required { get; init; }
    public bool SupportsExpression { get; init; }

    /// <summary>string | number | boolean | stringList | object | duration | enum | any</summary>
    public abstract string Kind { get; }
    public virtual IReadOnlyList<string>? Options => null;
    public virtual double? Min => null;
    public virtual double? Max => null;
    /// <summary>The default as JSON shows it, for the designer.</summary>
    public abstract object? DefaultValue { get; }

    /// <returns>null when the literal fits this input, else what is wrong with it.</returns>
    public abstract string? Check(JsonNode literal);

    public InputDescriptor Describe() =>
        new(Name, Kind, Label.ToString(), Required, SupportsExpression, Options, DefaultValue)
        {
            Label = Label, Help = Help, Min = Min, Max = Max,
        };

    /// <summary>The raw value on a node: a literal, an expression object, or null when absent.</summary>
    public JsonNode? RawOn(ActivityNode node) => node.Inputs?[Name];

    public static string? ExpressionOf(JsonNode? raw) =>
        raw is JsonObject o && o["expression"] is JsonObject e && e["value"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
