using System.Text.Json.Nodes;
using GridCase.Workflows.Activities;
using GridCase.Workflows.Expressions;
using GridCase.Workflows.Inputs;

namespace GridCase.Workflows.Definitions;

/// <summary>Checks a definition before it may be saved or published, so that no instance meets a broken flow.</summary>
public sealed class DefinitionValidator(ActivityRegistry registry, IEnumerable<IDefinitionCheck> checks)
{
    /// <summary>The engine's own checks and every registered <see cref="IDefinitionCheck"/>, errors and warnings.</summary>
    public async Task<IReadOnlyList<DefinitionIssue>> ValidateAsync(WorkflowDefinition definition, CancellationToken cancellationToken)
    {
        var issues = Validate(definition).ToList();
        foreach (var check in checks)
            await check.CheckAsync(definition, issues, cancellationToken);
        return issues;
    }

    /// <summary>The engine's own checks: structure, connections, reachability, and every input against its declaration.</summary>
    public IReadOnlyList<DefinitionIssue> Validate(WorkflowDefinition definition)
    {
        var errors = new List<DefinitionIssue>();
        var activities = definition.Root.Activities;
        if (string.IsNullOrWhiteSpace(definition.DefinitionId)) errors.Add(new(null, "MissingId", "definitionId is required"));
        if (string.IsNullOrWhiteSpace(definition.Name)) errors.Add(new(null, "MissingName", "name is required"));
        if (activities.Count == 0) errors.Add(new(null, "Empty", "the flowchart has no activities"));

        foreach (var group in activities.GroupBy(a => a.Id).Where(g => g.Count() > 1))
            errors.Add(new(group.Key, "DuplicateActivity", $"activity id {group.Key} is used {group.Count()} times"));

        var byId = activities.GroupBy(a => a.Id).ToDictionary(g => g.Key, g => g.First());
        foreach (var node in activities)
        {
            if (string.IsNullOrWhiteSpace(node.Id)) errors.Add(new(null, "MissingActivityId", "an activity has no id"));
            var activity = registry.Find(node.Type);
            if (activity is null)
            {
                errors.Add(new(node.Id, "UnknownType", $"unknown activity type {node.Type}"));
                continue;
            }
            CheckInputs(node, activity, errors);
            foreach (var port in OutcomesOf(node, activity.Descriptor))
                if (activity.Descriptor.Blocking && !definition.From(node.Id, port).Any())
                    errors.Add(new(node.Id, "UnconnectedOutcome", $"outcome {port} of {node.Id} leads nowhere"));
        }

        CheckConnections(definition, byId, errors);
        CheckReachability(definition, byId, errors);
        return errors;
    }

    private void CheckConnections(WorkflowDefinition definition, Dictionary<string, ActivityNode> byId, List<DefinitionIssue> errors)
    {
        var seen = new HashSet<(string, string?, string)>();
        foreach (var c in definition.Root.Connections)
        {
            if (!byId.TryGetValue(c.Source.Activity, out var source))
            {
                errors.Add(new(c.Source.Activity, "DanglingConnection", $"connection from unknown activity {c.Source.Activity}"));
                continue;
            }
            if (!byId.ContainsKey(c.Target.Activity))
            {
                errors.Add(new(c.Source.Activity, "DanglingConnection", $"connection from {c.Source.Activity} to unknown activity {c.Target.Activity}"));
                continue;
            }
            if (!seen.Add((c.Source.Activity, c.Source.Port, c.Target.Activity)))
                errors.Add(new(c.Source.Activity, "DuplicateConnection", $"{c.Source.Activity}.{c.Source.Port} → {c.Target.Activity} is connected twice"));
            if (registry.Find(source.Type) is { } activity && !OutcomesOf(source, activity.Descriptor).Contains(c.Source.Port ?? ""))
                errors.Add(new(c.Source.Activity, "UnknownPort", $"{c.Source.Activity} has no outcome {c.Source.Port}"));
        }
    }

    private static void CheckReachability(WorkflowDefinition definition, Dictionary<string, ActivityNode> byId, List<DefinitionIssue> errors)
    {
        var starts = definition.StartActivities().Select(a => a.Id).ToList();
        if (starts.Count == 0 && byId.Count > 0)
            errors.Add(new(null, "NoStart", "every activity has an incoming connection, so nothing starts the flow"));
        var reached = new HashSet<string>(starts);
        var frontier = new Queue<string>(starts);
        while (frontier.TryDequeue(out var id))
            foreach (var c in definition.Root.Connections.Where(c => c.Source.Activity == id))
                if (byId.ContainsKey(c.Target.Activity) && reached.Add(c.Target.Activity))
                    frontier.Enqueue(c.Target.Activity);
        foreach (var id in byId.Keys.Where(id => !reached.Contains(id)))
            errors.Add(new(id, "Unreachable", $"activity {id} cannot be reached from the start"));
    }

    /// <summary>Every input against its declaration: required ones present, literals of the declared type, expressions that parse.</summary>
    private static void CheckInputs(ActivityNode node, IActivity activity, List<DefinitionIssue> errors)
    {
        var declared = InputsOf(activity);
        foreach (var input in declared)
        {
            var raw = input.RawOn(node);
            if (raw is null)
            {
                if (input.Required && input.DefaultValue is null)
                    errors.Add(new(node.Id, "MissingInput", $"{node.Id}: input {input.Name} is required") { Input = input.Name });
                continue;
            }
            if (InputDefinition.ExpressionOf(raw) is { } script)
            {
                if (JavaScriptEvaluator.CheckSyntax(script) is { } problem)
                    errors.Add(new(node.Id, "BadExpression", $"{node.Id}.{input.Name}: {problem}") { Input = input.Name });
            }
            else if (input.Check(raw) is { } problem)
                errors.Add(new(node.Id, "BadInput", $"{node.Id}.{input.Name}: {problem}") { Input = input.Name });
        }
        foreach (var (name, _) in node.Inputs ?? [])
            if (activity is Activity && declared.All(i => i.Name != name))
                errors.Add(new(node.Id, "UnknownInput", $"{node.Id}: {activity.Descriptor.Type} has no input {name}", IssueSeverity.Warning) { Input = name });
    }

    private static IReadOnlyList<InputDefinition> InputsOf(IActivity activity) => activity is Activity declared ? declared.Inputs : [];

    public static IReadOnlyList<string> OutcomesOf(ActivityNode node, ActivityDescriptor descriptor) =>
        descriptor.OutcomesFromInput is { } input && node.Inputs?[input] is JsonArray list
            ? [.. list.Select(x => x?.ToString() ?? "")]
            : descriptor.OutcomesFromInput is not null && descriptor.Inputs.FirstOrDefault(i => i.Name == descriptor.OutcomesFromInput)?.DefaultValue is IEnumerable<string> defaults
                ? [.. defaults]
                : descriptor.Outcomes;
}
