using System.Text.Json.Nodes;
using GridCase.Workflows.Activities;
using GridCase.Workflows.Expressions;

namespace GridCase.Workflows.Definitions;

/// <summary>Checks a definition before it may be saved or published, so that no instance meets a broken flow.</summary>
public sealed class DefinitionValidator(ActivityRegistry registry)
{
    public IReadOnlyList<DefinitionError> Validate(WorkflowDefinition definition)
    {
        var errors = new List<DefinitionError>();
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
            CheckInputs(node, activity.Descriptor, errors);
            foreach (var port in OutcomesOf(node, activity.Descriptor))
                if (activity.Descriptor.Blocking && !definition.From(node.Id, port).Any())
                    errors.Add(new(node.Id, "UnconnectedOutcome", $"outcome {port} of {node.Id} leads nowhere"));
        }

        CheckConnections(definition, byId, errors);
        CheckReachability(definition, byId, errors);
        return errors;
    }

    private void CheckConnections(WorkflowDefinition definition, Dictionary<string, ActivityNode> byId, List<DefinitionError> errors)
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

    private static void CheckReachability(WorkflowDefinition definition, Dictionary<string, ActivityNode> byId, List<DefinitionError> errors)
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

    private static void CheckInputs(ActivityNode node, ActivityDescriptor descriptor, List<DefinitionError> errors)
    {
        foreach (var input in descriptor.Inputs)
        {
            var raw = node.Inputs?[input.Name];
            if (input.Required && raw is null && input.DefaultValue is null)
                errors.Add(new(node.Id, "MissingInput", $"{node.Id}: input {input.Name} is required"));
            if (ActivityContext.ExpressionOf(raw) is { } script)
            {
                if (JavaScriptEvaluator.CheckSyntax(script) is { } problem)
                    errors.Add(new(node.Id, "BadExpression", $"{node.Id}.{input.Name}: {problem}"));
            }
            else if (raw is JsonValue value && input.Options is { Count: > 0 } options && input.Type == "enum"
                     && !options.Contains(value.ToString()))
                errors.Add(new(node.Id, "BadInput", $"{node.Id}.{input.Name} must be one of {string.Join(", ", options)}"));
        }
    }

    public static IReadOnlyList<string> OutcomesOf(ActivityNode node, ActivityDescriptor descriptor) =>
        descriptor.OutcomesFromInput is { } input && node.Inputs?[input] is JsonArray list
            ? [.. list.Select(x => x?.ToString() ?? "")]
            : descriptor.OutcomesFromInput is not null && descriptor.Inputs.FirstOrDefault(i => i.Name == descriptor.OutcomesFromInput)?.DefaultValue is IEnumerable<string> defaults
                ? [.. defaults]
                : descriptor.Outcomes;
}
