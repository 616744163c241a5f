using GridCase.Workflows.Runtime;

namespace GridCase.Workflows.Activities;

/// <summary>An activity type. One instance serves every node of its type; per-node values come from the context's inputs.</summary>
public interface IActivity
{
    ActivityDescriptor Descriptor { get; }

    ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context, CancellationToken cancellationToken);

    /// <summary>Called with the stimulus that releases this activity's bookmark; only blocking activities get one.</summary>
    ValueTask<ActivityResult> ResumeAsync(ActivityExecutionContext context, Stimulus stimulus, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"{Descriptor.Type} does not wait for a stimulus");
}
