namespace GridCase.Load;

/// <summary>
/// Plays every person of the case loop for one case: reports it as the acceptor, then completes whatever work
/// item is open as its first candidate user, until the case reaches Done.
/// </summary>
public sealed class ClosedLoop(GridCaseClient api, Metrics metrics)
{
    private const string Acceptor = "acceptor";

    /// <summary>What each human stage of the shipped loop is answered with, by stage name (the API tests' two-node load uses it too).</summary>
    // Following the open work items rather than a fixed script keeps the driver right if the published flow
    // gains or reorders human steps; only a stage it has no answer for stops it.
    public static readonly IReadOnlyDictionary<string, (string Outcome, string? Comment)> Answers = new Dictionary<string, (string Outcome, string? Comment)>
    {
        ["Accept"] = ("Accept", null),
        ["Dispatch"] = ("Dispatch", null),
        // Some items require a handler comment to close; giving one always keeps every plain item closable.
        ["Handle"] = ("Complete", "已按结案标准处置完毕（压测） / handled to the closure standard (load test)"),
        ["Verify"] = ("Pass", null),
        ["Evaluate"] = ("Satisfied", null),
    };

    // The shipped flow takes five steps; the margin allows for extra steps without looping forever on a flow that never ends.
    private const int MaxSteps = 20;

    /// <summary>Returns true when the case reached Done; failures are already counted in the error log.</summary>
    /// <param name="intakeOnly">Only report the case: it counts as done once the Host accepted the report.</param>
    public async Task<bool> RunAsync(CaseSpec spec, CancellationToken cancellationToken, bool intakeOnly = false)
    {
        try
        {
            var (c, reportTime) = await api.SendAsync<CaseView>(HttpMethod.Post, "/api/cases", Acceptor, spec.ToReport(), cancellationToken);
            metrics.Report.Add(reportTime);
            if (intakeOnly) return true;

            for (var step = 0; step < MaxSteps; step++)
            {
                if (c.Stage == "Done") return true;
                var item = c.OpenWorkItems?.FirstOrDefault(w => Answers.ContainsKey(w.Stage));
                if (item is null)
                    return Stuck(c, $"no open work item this tool can answer (open: {string.Join(", ", c.OpenWorkItems?.Select(w => w.Stage) ?? [])})");
                if (item.CandidateUsers is not [var user, ..])
                    return Stuck(c, $"the {item.Stage} work item has no candidate user");

                var (outcome, comment) = Answers[item.Stage];
                if (item.Outcomes is { Count: > 0 } offered && !offered.Contains(outcome))
                    return Stuck(c, $"the {item.Stage} work item does not offer {outcome} (offers {string.Join(", ", offered)})");
                TimeSpan elapsed;
                (c, elapsed) = await api.SendAsync<CaseView>(HttpMethod.Post, $"/api/work-items/{item.Id}/complete", user,
                    new CompleteWorkItemRequest(outcome, comment), cancellationToken);
                metrics.RecordComplete(item.Stage, elapsed);
            }
            return c.Stage == "Done" || Stuck(c, $"not Done after {MaxSteps} steps");
        }
        catch (LoadCallException)
        {
            return false;
        }
    }

    private bool Stuck(CaseView c, string why)
    {
        metrics.Errors.Add($"case {c.Id} ({c.GridCode}) stuck at stage {c.Stage}: {why}");
        return false;
    }
}
