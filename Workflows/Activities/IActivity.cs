namespace GridCase.Workflows.Activities;

public interface IActivity
{
    ActivityDescriptor Descriptor { get; }

    ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken);

    /// <summary>Called with the stimulus that releases this activity's bookmark; only blocking activities get one.</summary>
    ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Runtime.Stimulus stimulus, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"{Descriptor.Type} does not wait for a stimulus");
}
