using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Json;

namespace GridCase.Workflows.Expressions;

/// <summary>
/// Evaluates JavaScript inputs with Jint. Scripts are parsed once and cached; each evaluation gets its
/// own engine because a Jint engine is not thread-safe, and limits keep a bad script from hanging a request.
/// </summary>
public sealed class JavaScriptEvaluator
{
    private readonly ConcurrentDictionary<string, Prepared<Acornima.Ast.Script>> _cache = new();

    /// <returns>null when the script parses, else the parser's message.</returns>
    public static string? CheckSyntax(string script)
    {
        try
        {
            Engine.PrepareScript(script);
            return null;
        }
        catch (Exception e)
        {
            return e.Message;
        }
    }

    public JsonNode? Evaluate(string script, IReadOnlyDictionary<string, JsonNode?> globals)
    {
        var prepared = _cache.GetOrAdd(script, s => Engine.PrepareScript(s));
        var engine = new Engine(o => o.TimeoutInterval(TimeSpan.FromSeconds(2)).LimitRecursion(64).MaxStatements(10_000));
        var parser = new JsonParser(engine);
        foreach (var (name, value) in globals)
            engine.SetValue(name, value is null ? JsValue.Null : parser.Parse(value.ToJsonString()));
        var result = engine.Evaluate(prepared);
        return result.IsUndefined() || result.IsNull()
            ? null
            : JsonNode.Parse(new JsonSerializer(engine).Serialize(result).ToString());
    }
}
