namespace GridCase.Host.Hosting;

/// <summary>The loop every sweep runs over its due rows.</summary>
public static class SweepItems
{
    /// <summary>
    /// Fires each due row in its own scope, so that one failure (recorded by the job that failed) does not hold back all
    /// the others; then fails at the end if any failed, so that Hangfire shows the sweep failed too.
    /// </summary>
    public static async Task<int> FireEachAsync<TId>(IReadOnlyList<TId> due, IServiceScopeFactory scopes, string what,
        Func<IServiceProvider, TId, Task> fire, CancellationToken cancellationToken)
    {
        var errors = new List<Exception>();
        foreach (var id in due)
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await fire(scope.ServiceProvider, id);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                errors.Add(e);
            }
        if (errors.Count > 0)
            throw new AggregateException($"{errors.Count} of {due.Count} {what} failed", errors);
        return due.Count;
    }
}
