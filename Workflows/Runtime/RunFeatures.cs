namespace GridCase.Workflows.Runtime;

/// <summary>Objects the caller attaches to one run, one per type, for the activities that know them.</summary>
public sealed class RunFeatures
{
    private readonly Dictionary<Type, object> _features = [];

    public void Set<T>(T feature) where T : class => _features[typeof(T)] = feature;

    public T? Find<T>() where T : class => _features.TryGetValue(typeof(T), out var feature) ? (T)feature : null;

    public T Get<T>() where T : class =>
        _features.TryGetValue(typeof(T), out var feature)
            ? (T)feature
            : throw new InvalidOperationException($"this run has no {typeof(T).Name}");
}
