using GridCase.Workflows.Inputs;

namespace GridCase.Workflows.Activities;

/// <summary>Puts a value (usually a JavaScript expression's) into an instance variable for later steps to read as vars.name.</summary>
public sealed class SetVariable : Activity
{
    protected override ActivityInfo Info { get; } = new(
        "SetVariable", new("设置变量", "Set variable"), ActivityCategories.Flow,
        new("把值（常为 JavaScript 表达式）写入流程变量，后续以 vars.变量名 读取",
            "Writes a value (usually a JavaScript expression's) into an instance variable, read later as vars.name."),
        ["Done"]);

    public Input<string?> Variable { get; } = Input.Text("variable", "变量名", "variable name") with { Required = true };

    public Input<System.Text.Json.Nodes.JsonNode?> Value { get; } = Input.Json("value", "值", "value") with { SupportsExpression = true };

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context, CancellationToken cancellationToken)
    {
        var name = context.Get(Variable);
        if (string.IsNullOrWhiteSpace(name)) throw context.InputError($"{Variable.Name} is required");
        context.Variables[name] = context.Get(Value);
        return ValueTask.FromResult(ActivityResult.Done("Done"));
    }
}
