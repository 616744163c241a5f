using GridCase.Workflows.Definitions;

namespace GridCase.Workflows.Runtime;

/// <summary>
/// Moves an instance's position from one version of its flow to another. Only where it waits moves (its bookmarks,
/// its faults, the arrivals a join holds): nothing runs, so a finished step is never done again. An active
/// activity goes to the activity the map names, else to the one of the same id in the new version; one that has
/// neither, or whose target is of another type, blocks the instance, which then stays as it is.
/// </summary>
public static class InstanceMigration
{
    public static MigrationPlan Plan(
        WorkflowDefinition from, WorkflowDefinition to, InstanceState state, IReadOnlyDictionary<string, string> activityMap)
    {
        var moves = new List<ActivityMove>();
        var blockers = new List<MigrationBlocker>();
        var active = state.Bookmarks.Select(b => b.ActivityId)
            .Concat(state.Faults.Select(f => f.ActivityId))
            .Concat(state.JoinArrivals.Where(a => a.Value.Count > 0).Select(a => a.Key))
            .Distinct();
        foreach (var activityId in active)
        {
            var source = from.Find(activityId);
            var targetId = activityMap.GetValueOrDefault(activityId) ?? activityId;
            if (to.Find(targetId) is not { } target)
            {
                blockers.Add(new(activityId, MigrationBlocker.ActivityRemoved,
                    $"v{to.Version} 中没有活动 {activityId}，映射也未指定 / v{to.Version} has no activity {activityId} and the map names none"));
                continue;
            }
            if (source is not null && source.Type != target.Type)
            {
                blockers.Add(new(activityId, MigrationBlocker.TypeChanged,
                    $"{activityId}（{source.Type}）映射到的 {target.Id} 是 {target.Type} / {activityId} ({source.Type}) maps to {target.Id}, a {target.Type}"));
                continue;
            }
            moves.Add(new(activityId, target.Id, target.Type));
        }
        // A join's arrivals name the branches that already came; each must still lead into the join in the new version.
        foreach (var (joinId, sources) in state.JoinArrivals)
        {
            var newJoin = activityMap.GetValueOrDefault(joinId) ?? joinId;
            foreach (var sourceId in sources)
            {
                var newSource = activityMap.GetValueOrDefault(sourceId) ?? sourceId;
                if (!to.Root.Connections.Any(c => c.Source.Activity == newSource && c.Target.Activity == newJoin))
                    blockers.Add(new(joinId, MigrationBlocker.JoinBranchRemoved,
                        $"汇合 {joinId} 已到达的分支 {sourceId} 在 v{to.Version} 中不再汇入 / the branch {sourceId} that reached join {joinId} no longer leads into it in v{to.Version}"));
            }
        }
        var targets = moves.GroupBy(m => m.To).Where(g => g.Count() > 1);
        foreach (var clash in targets)
            blockers.Add(new(clash.First().From, MigrationBlocker.ActivitiesMerged,
                $"{string.Join("、", clash.Select(m => m.From))} 会合并到同一活动 {clash.Key} / they would merge into one activity {clash.Key}"));
        return new MigrationPlan(moves, blockers);
    }

    /// <summary>The instance's state on the new version. Variables are kept; the new version's variables it lacks get their initial values.</summary>
    public static InstanceState Apply(MigrationPlan plan, WorkflowDefinition to, InstanceState state)
    {
        if (plan.Blocked) throw new InvalidOperationException("a blocked migration plan cannot be applied");
        var map = plan.Moves.ToDictionary(m => m.From, m => m.To);
        string Moved(string id) => map.GetValueOrDefault(id) ?? id;
        var variables = state.Variables.DeepClone().AsObject();
        foreach (var (name, value) in to.Variables ?? [])
            if (!variables.ContainsKey(name)) variables[name] = value?.DeepClone();
        return new InstanceState
        {
            Variables = variables,
            Bookmarks = [.. state.Bookmarks.Select(b => b with { ActivityId = Moved(b.ActivityId) })],
            Faults = [.. state.Faults.Select(f => f with { ActivityId = Moved(f.ActivityId) })],
            JoinArrivals = state.JoinArrivals.ToDictionary(a => Moved(a.Key), a => a.Value.Select(Moved).ToList()),
            // What an activity waiting on several bookmarks remembers (ParallelTasks) goes with it.
            ActivityStates = state.ActivityStates.ToDictionary(a => Moved(a.Key), a => a.Value.DeepClone().AsObject()),
        };
    }
}

/// <summary>Where each active activity of an instance would stand on the new version, and what keeps it from moving.</summary>
public sealed record MigrationPlan(IReadOnlyList<ActivityMove> Moves, IReadOnlyList<MigrationBlocker> Blockers)
{
    public bool Blocked => Blockers.Count > 0;

    public MigrationPlan With(IEnumerable<MigrationBlocker> more) => this with { Blockers = [.. Blockers, .. more] };
}

public sealed record ActivityMove(string From, string To, string Type);

public sealed record MigrationBlocker(string ActivityId, string Code, string Message)
{
    public const string ActivityRemoved = "ActivityRemoved";
    public const string TypeChanged = "TypeChanged";
    public const string JoinBranchRemoved = "JoinBranchRemoved";
    public const string ActivitiesMerged = "ActivitiesMerged";
}
