namespace GridCase.Workflows.Activities;

/// <summary>The activity types registered in DI; the designer's palette is built from their descriptors.</summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<string, IActivity> _byType;

    public ActivityRegistry(IEnumerable<IActivity> activities) =>
        _byType = activities.ToDictionary(a => a.Descriptor.Type, StringComparer.Ordinal);

    public IActivity? Find(string type) => _byType.GetValueOrDefault(type);

    public IEnumerable<ActivityDescriptor> Descriptors => _byType.Values.Select(a => a.Descriptor);
}
