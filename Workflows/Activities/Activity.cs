using System.Reflection;
using GridCase.Workflows.Inputs;
using GridCase.Workflows.Runtime;

namespace GridCase.Workflows.Activities;

/// <summary>
/// The usual base of an activity type: its inputs are its public <see cref="InputDefinition"/> properties,
/// in declaration order, and its descriptor is built from them, so what the designer shows is what the code reads.
/// </summary>
public abstract class Activity : IActivity
{
    private ActivityDescriptor? _descriptor;

    protected abstract ActivityInfo Info { get; }

    public ActivityDescriptor Descriptor => _descriptor ??= Describe();

    public IReadOnlyList<InputDefinition> Inputs => field ??=
    [
        .. GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => typeof(InputDefinition).IsAssignableFrom(p.PropertyType))
            .OrderBy(p => p.MetadataToken)
            .Select(p => (InputDefinition)p.GetValue(this)!),
    ];

    public abstract ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context, CancellationToken cancellationToken);

    public virtual ValueTask<ActivityResult> ResumeAsync(ActivityExecutionContext context, Stimulus stimulus, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"{Info.Type} does not wait for a stimulus");

    private ActivityDescriptor Describe() =>
        new(Info.Type, Info.Name.Zh, Info.Name.En, Info.Category, Info.Help.ToString(),
            [.. Inputs.Select(i => i.Describe())], Info.Outcomes, Info.Blocking, Info.OutcomesFrom?.Name)
        {
            Help = Info.Help,
        };
}

/// <summary>An activity type's name, palette category, help text and ports.</summary>
/// <param name="OutcomesFrom">A list input whose values are the ports (a HumanTask's outcomes, a Fork's branches).</param>
public sealed record ActivityInfo(
    string Type, LocalizedText Name, string Category, LocalizedText Help, IReadOnlyList<string> Outcomes,
    bool Blocking = false, Input<IReadOnlyList<string>>? OutcomesFrom = null);
