using System.Collections.Concurrent;

namespace GridCase.Load;

/// <summary>Everything the clients measure; shared by all of them.</summary>
public sealed class Metrics
{
    private int _casesDone;
    private int _casesNotDone;

    public ErrorLog Errors { get; } = new();
    public LatencyRecorder Report { get; } = new();
    public LatencyRecorder Complete { get; } = new();
    public ConcurrentDictionary<string, LatencyRecorder> CompleteByStage { get; } = new();

    public int CasesDone => Volatile.Read(ref _casesDone);
    public int CasesNotDone => Volatile.Read(ref _casesNotDone);
    public int Completions => Complete.Count;

    public void RecordComplete(string stage, TimeSpan elapsed)
    {
        Complete.Add(elapsed);
        CompleteByStage.GetOrAdd(stage, _ => new LatencyRecorder()).Add(elapsed);
    }

    public void CaseFinished(bool done)
    {
        if (done) Interlocked.Increment(ref _casesDone);
        else Interlocked.Increment(ref _casesNotDone);
    }
}
