using System.Text.Json.Nodes;
using GridCase.Workflows.Definitions;

namespace GridCase.Workflows.Inputs;

/// <summary>
/// A typed input. <see cref="Read"/> turns a literal (or an expression's result) into a <typeparamref name="T"/>
/// with the same rules the validator applies to literals on save; see <see cref="Input"/> for the kinds.
/// </summary>
public sealed record Input<T> : InputDefinition
{
    private readonly Func<JsonNode, (T Value, string? Error)> _convert;

    public Input(string name, LocalizedText label, string kind, Func<JsonNode, (T Value, string? Error)> convert) : base(name, label)
    {
        Kind = kind;
        _convert = convert;
    }

    public override string Kind { get; }
    public T Default { get; init; } = default!;
    public IReadOnlyList<string>? Choices { get; init; }
    public double? Minimum { get; init; }
    public double? Maximum { get; init; }
    /// <summary>How the default shows in the descriptor; the default's own JSON when not given.</summary>
    public Func<T, object?> Show { get; init; } = v => v;

    public override IReadOnlyList<string>? Options => Choices;
    public override double? Min => Minimum;
    public override double? Max => Maximum;
    public override object? DefaultValue => Default is null ? null : Show(Default);

    public override string? Check(JsonNode literal) => _convert(literal).Error;

    /// <summary>The value of a JSON node, or the default when it is null; an unfit value is an error naming this input.</summary>
    public bool TryRead(JsonNode? node, out T value, out string? error)
    {
        if (node is null)
        {
            (value, error) = (Default, null);
            return true;
        }
        (value, error) = _convert(node);
        if (error is null) return true;
        value = Default;
        return false;
    }

    /// <summary>The literal written on a node (expressions are not evaluated), or the default.</summary>
    public T Literal(ActivityNode node) =>
        ExpressionOf(RawOn(node)) is null && TryRead(RawOn(node), out var value, out _) ? value : Default;
}
