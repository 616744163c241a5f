using GridCase.CaseActivities;
using GridCase.Domain.Cases;
using GridCase.Domain.WorkItems;
using GridCase.Host.Persistence;
using GridCase.Host.Runtime;
using GridCase.Host.Supervision;
using GridCase.Workflows.Runtime;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Timers;

/// <summary>
/// Fires work items' warnings and overdues. The work item's instants are the truth: a job that runs early,
/// late, twice, on two nodes, or after an extension moved the deadline does nothing more than once per
/// deadline (SLA episode). A failure is recorded for GET /api/timers/failed and thrown, so that the
/// Hangfire job fails where the dashboard shows it.
/// </summary>
public sealed class SlaTimerJob(
    GridCaseDbContext db, UnitOfWork unit, CaseWorkflow workflow, DefinitionStore definitions, HumanTask humanTask, SupervisionList supervision,
    TimerFailures failures, TimeProvider clock, ILogger<SlaTimerJob> log)
{
    /// <summary>No Hangfire retries: the minutely sweep fires a missed instant again, and a failure shows at once.</summary>
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task FireAsync(Guid workItemId, SlaState level, CancellationToken cancellationToken)
    {
        IReadOnlyList<Guid> outcomes;
        try
        {
            outcomes = await RaiseAllAsync([new SlaTimer(workItemId, level)], cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await failures.RecordAsync(workItemId, level, e, cancellationToken);
            throw;
        }
        foreach (var id in outcomes) await ApplyOverdueOutcomeAsync(id, cancellationToken);
    }

    /// <summary>
    /// Raises the timers in one transaction (the sweep's batches; a failure fails them all, and the sweep then fires them one
    /// by one). Answers the overdue items whose flow step names an outcome for overdue: each is a stimulus of its own, which
    /// the caller applies after the commit with <see cref="ApplyOverdueOutcomeAsync"/>.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> RaiseAllAsync(IReadOnlyCollection<SlaTimer> timers, CancellationToken cancellationToken)
    {
        // On a server database a racing writer may have opened the case's supervision entry first: look again.
        var raised = await unit.RunAsync(ct => RaiseAsync(timers, ct), cancellationToken, retryAlso: SupervisionList.IsRaceLost);
        if (log.IsEnabled(LogLevel.Information))
            foreach (var (item, levels) in raised) log.LogInformation("work item {WorkItem}: {Levels}", item, string.Join(", ", levels));
        return await WithOverdueOutcomeAsync([.. timers.Where(t => t.Level == SlaState.Overdue).Select(t => t.WorkItemId)], cancellationToken);
    }

    /// <summary>The flow's outcome for an overdue item (回访超期默认满意); a failure is recorded as the overdue timer's.</summary>
    public async Task ApplyOverdueOutcomeAsync(Guid workItemId, CancellationToken cancellationToken)
    {
        try
        {
            await workflow.ApplyOverdueOutcomeAsync(workItemId, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await failures.RecordAsync(workItemId, SlaState.Overdue, e, cancellationToken);
            throw;
        }
    }

    /// <summary>
    /// Of these items, those whose flow step names an outcome for overdue (回访超期默认满意): the check ApplyOverdueOutcomeAsync
    /// makes again, done here for a whole batch in one read, so that items with nothing more to do cost no reads of their own.
    /// </summary>
    private async Task<List<Guid>> WithOverdueOutcomeAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return [];
        var steps = await db.WorkItems.AsNoTracking().Where(w => ids.Contains(w.Id))
            .Join(db.WorkflowInstances, w => w.InstanceId, i => i.Id, (w, i) => new { w.Id, w.ActivityId, i.DefinitionId, i.DefinitionVersion })
            .ToListAsync(cancellationToken);
        var found = new List<Guid>();
        foreach (var step in steps)
        {
            var definition = await definitions.GetAsync(db, step.DefinitionId, step.DefinitionVersion, cancellationToken);
            if (definition.Find(step.ActivityId) is { } node && humanTask.OverdueOutcome.Literal(node) is { Length: > 0 }) found.Add(step.Id);
        }
        return found;
    }

    private async Task<Dictionary<Guid, List<SlaState>>> RaiseAsync(IReadOnlyCollection<SlaTimer> timers, CancellationToken cancellationToken)
    {
        var ids = timers.Select(t => t.WorkItemId).ToList();
        await failures.ClearAsync(timers, cancellationToken);
        var items = await db.WorkItems.Where(w => ids.Contains(w.Id)).ToDictionaryAsync(w => w.Id, cancellationToken);
        var now = clock.GetUtcNow();
        var raised = new Dictionary<Guid, List<SlaState>>();
        foreach (var timer in timers)
        {
            if (!items.TryGetValue(timer.WorkItemId, out var item)) continue;
            // An overdue item also passed its warning; raise that first so the journal tells both.
            SlaState[] levels = timer.Level == SlaState.Overdue ? [SlaState.Warning, SlaState.Overdue] : [SlaState.Warning];
            var fresh = levels.Where(l => item.RaiseSla(l, now)).ToList();
            if (fresh.Count > 0) raised[item.Id] = fresh;
        }
        if (raised.Count == 0) return raised;

        // The cases of the items going overdue in one read (the supervision list finds them tracked); of those only warning,
        // just that they exist: a warning changes nothing on its case.
        var lateCases = raised.Where(r => r.Value.Contains(SlaState.Overdue)).Select(r => items[r.Key].CaseId).ToHashSet();
        var warnedCases = raised.Select(r => items[r.Key].CaseId).Where(c => !lateCases.Contains(c)).ToHashSet();
        var cases = await db.Cases.Where(c => lateCases.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var found = await db.Cases.Where(c => warnedCases.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
        if (cases.Count + found.Count < lateCases.Count + warnedCases.Count)
            throw new InvalidOperationException(
                $"the case of work items {string.Join(", ", raised.Keys.Where(id => !cases.ContainsKey(items[id].CaseId) && !found.Contains(items[id].CaseId)))} is missing");
        var supervised = new List<SupervisionRaise>();
        foreach (var (id, levels) in raised)
        {
            var item = items[id];
            foreach (var l in levels)
                db.Journal.Add(JournalEntry.Write(item.CaseId, now, item.Stage, item.ActivityId, l.ToString(), null, Actors.System,
                    l == SlaState.Overdue ? $"已超期 / overdue since {item.DueAt:u}" : $"临近截止 / due at {item.DueAt:u}"));
            // A warning stays on the work item (GET /api/work-items?sla=Warning) and in the journal; only overdue is supervised.
            if (!levels.Contains(SlaState.Overdue)) continue;
            // A co-handler's part or a summons runs late for its department (its item shows it), not for the case.
            if (item.CountsAgainstCase) cases[item.CaseId].RecordLateWorkItem();
            supervised.Add(OverdueSupervision.For(item, now));
        }
        await supervision.RaiseAllAsync(supervised, cancellationToken);
        return raised;
    }
}
