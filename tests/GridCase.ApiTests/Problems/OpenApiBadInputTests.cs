using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Deadlines;
using GridCase.ApiTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace GridCase.ApiTests.Problems;

/// <summary>
/// Walks the OpenAPI document — whatever operations it lists, also ones added after this test was written —
/// and sends every operation, as every demo role and as nobody, malformed JSON, wrong types, unknown enum names,
/// huge numbers, 100 000-character strings and bad GUIDs in path, query and body. No answer may be a 5xx, and
/// no row may change. The host runs on a fake clock that stands still, so no timer writes while it walks.
/// </summary>
public sealed class OpenApiBadInputTests(ClockedApp app, ITestOutputHelper output) : IClassFixture<ClockedApp>
{
    private static readonly string[] Users = ["acceptor", "dispatcher", "handler.CGJ", "grid.JB0101G01", "callback", "supervisor", "policy", "admin"];
    private static readonly string Long = new('x', 100_000);
    private static readonly string[] EnumLike = ["channel", "status", "stage", "kind", "calendar", "urgency", "responsibilityBasis", "level", "sla", "format", "outcome", "role", "closureRequirements"];

    /// <summary>
    /// Tables left out of the before/after comparison, and why: DataProtectionKeys is the key ring, which ASP.NET
    /// Core may create or roll on any request that protects data (a cookie, a token) — not a row the request asked for.
    /// </summary>
    private static readonly HashSet<string> Unchecked = ["DataProtectionKeys"];

    private sealed record Probe(string Operation, string Method, string Path, HttpContent? Body, string What);

    [Fact]
    public async Task No_operation_answers_bad_input_with_a_5xx_or_changes_a_row()
    {
        var admin = await app.Client("admin").SignInAsync();
        var document = await admin.GetJsonAsync("/swagger/v1/swagger.json");
        // Something real to list and read while the probes run: a case waiting in Handle.
        await new CaseDriver(app).ToHandleAsync(TestCatalog.PlainItem(app).Code);

        var clients = new Dictionary<string, HttpClient> { ["anonymous"] = app.CreateClient() };
        foreach (var user in Users) clients[user] = (await app.Client(user).SignInAsync()).Http;
        var before = Checksums();

        var probes = Probes(document).ToList();
        var operations = probes.GroupBy(p => p.Operation).ToList();
        var failures = new ConcurrentBag<string>();
        var accepted = new ConcurrentBag<string>();
        var sent = 0;
        foreach (var (user, http) in clients)
            await Parallel.ForEachAsync(operations, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (operation, ct) =>
            {
                foreach (var probe in operation)
                {
                    using var request = new HttpRequestMessage(new HttpMethod(probe.Method), probe.Path) { Content = probe.Body is null ? null : await CloneAsync(probe.Body) };
                    using var response = await http.SendAsync(request, ct);
                    Interlocked.Increment(ref sent);
                    var said = $"{(int)response.StatusCode} {user} {probe.Method} {Shorten(probe.Path)} [{probe.What}]";
                    if ((int)response.StatusCode >= 500) failures.Add($"{said}: {Shorten(await response.Content.ReadAsStringAsync(ct))}");
                    // A probe is bad input: success on a write is what to look at first when a row changed.
                    if (response.IsSuccessStatusCode && probe.Method != "GET") accepted.Add(said);
                    // Authorization comes before binding: once the caller is refused, every other probe of the operation would be too.
                    if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) break;
                }
            });
        output.WriteLine($"{probes.Count} probes over {operations.Count} operations × {clients.Count} callers: {sent} requests sent");

        var after = Checksums();
        var changed = before.Keys.Union(after.Keys).Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t)).ToList();
        Assert.True(failures.IsEmpty, $"{failures.Count} answers were 5xx:\n" + string.Join("\n", failures.Order().Take(40)));
        Assert.True(changed.Count == 0,
            $"rows changed in {string.Join(", ", changed)}; writes that succeeded:\n" + string.Join("\n", accepted.Order().Take(40)));
    }

    private IEnumerable<Probe> Probes(JsonNode document)
    {
        var schemas = document["components"]?["schemas"];
        foreach (var (path, item) in document["paths"]!.AsObject())
        foreach (var (method, operation) in item!.AsObject())
        {
            var parameters = operation!["parameters"]?.AsArray().Select(p => p!).ToList() ?? [];
            var pathParams = parameters.Where(p => p["in"]!.GetValue<string>() == "path").ToList();
            var queryParams = parameters.Where(p => p["in"]!.GetValue<string>() == "query").ToList();
            var verb = method.ToUpperInvariant();
            var hasBody = verb is "POST" or "PUT" or "PATCH";
            // Nothing real is ever addressed: a probe aimed at a real thing might be a good request.
            string Url(Dictionary<string, string>? pathValues = null, string? query = null)
            {
                var url = path;
                foreach (var p in pathParams)
                {
                    var name = p["name"]!.GetValue<string>();
                    url = url.Replace("{" + name + "}", pathValues?.GetValueOrDefault(name) ?? Missing(p["schema"]));
                }
                return query is null ? url : url + "?" + query;
            }
            HttpContent? Empty() => hasBody ? Json("{}") : null;

            // The operation as it stands, aimed at nothing real: first, so that a refused caller stops here.
            yield return new Probe($"{verb} {path}", verb, Url(), Empty(), "as is");
            foreach (var p in pathParams)
            foreach (var bad in PathValues(p["schema"]))
                yield return new Probe($"{verb} {path}", verb, Url(new() { [p["name"]!.GetValue<string>()] = bad }), Empty(), $"path {p["name"]}={Shorten(bad)}");

            foreach (var p in queryParams)
            foreach (var bad in QueryValues())
                yield return new Probe($"{verb} {path}", verb, Url(query: $"{p["name"]}={bad}"), Empty(), $"query {p["name"]}={Shorten(bad)}");

            if (!hasBody) continue;
            var schema = Resolve(operation["requestBody"]?["content"]?["application/json"]?["schema"], schemas);
            var isList = Type(schema) == "array";
            // An empty list is a good body where the body is a list (e.g. "no flow bindings"); null is one where the body may be left out.
            var goodAnyway = new HashSet<string>();
            if (isList) goodAnyway.Add("[]");
            if (operation["requestBody"]?["required"]?.GetValue<bool>() != true) goodAnyway.Add("null");
            foreach (var (body, what) in MalformedBodies(goodAnyway))
                yield return new Probe($"{verb} {path}", verb, Url(), body, what);
            if (schema is null) continue;
            var element = isList ? Resolve(schema["items"], schemas) : schema;
            if (element is null) continue;
            foreach (var (body, what) in Mutations(Plausible(element, schemas, 0), element, schemas, "", 0))
                yield return new Probe($"{verb} {path}", verb, Url(), Json(isList ? new JsonArray(body).ToJsonString() : body.ToJsonString()), what);
        }
    }

    private static string Missing(JsonNode? schema) => Type(schema) switch
    {
        "integer" => "2099",
        _ when schema?["format"]?.GetValue<string>() == "uuid" => Guid.NewGuid().ToString(),
        _ => "nope",
    };

    private static IEnumerable<string> PathValues(JsonNode? schema) => Type(schema) switch
    {
        "integer" => ["99999999999", "-1", "abc", "1e400"],
        _ when schema?["format"]?.GetValue<string>() == "uuid" => ["not-a-guid", Guid.Empty.ToString(), Guid.NewGuid().ToString(), Uri.EscapeDataString(Long)],
        _ => [Uri.EscapeDataString(Long), "%FF", "..", "%2F..%2F"],
    };

    private static IEnumerable<string> QueryValues() =>
        [Uri.EscapeDataString(Long), "NotAMember", "99999999999", "-1", "1e400", "not-a-guid", "%FF", "", "0", "abc"];

    private static IEnumerable<(HttpContent, string)> MalformedBodies(IReadOnlySet<string> goodAnyway)
    {
        foreach (var text in new[] { "{", "{\"a\":", "[", "nul", "\"", "{}}", "[]", "\"text\"", "12", "null", "true", Nested(5000) }.Where(t => !goodAnyway.Contains(t)))
            yield return (Json(text), $"body {Shorten(text)}");
        yield return (new StringContent("a=b", Encoding.UTF8, "application/x-www-form-urlencoded"), "form body");
        yield return (new StringContent("--x\r\nbroken", Encoding.UTF8, "multipart/form-data"), "multipart without boundary");
        var form = new MultipartFormDataContent { { new StringContent(Long), "kind" }, { new ByteArrayContent([0, 1, 2]), "file", new string('f', 5000) } };
        yield return (form, "multipart with junk fields");
        yield return (new StringContent("{}", Encoding.UTF8, "text/plain"), "json as text/plain");
    }

    private static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    /// <summary>
    /// Each variant of an otherwise plausible body with exactly one field made bad — never the plausible body
    /// itself, which could be a good request.
    /// </summary>
    private static IEnumerable<(JsonObject, string)> Mutations(JsonNode? valid, JsonNode schema, JsonNode? schemas, string prefix, int depth)
    {
        if (valid is not JsonObject obj || schema["properties"] is not JsonObject properties || depth > 3) yield break;
        foreach (var (name, raw) in properties)
        {
            var property = Resolve(raw, schemas);
            foreach (var bad in BadValues(name, property))
            {
                var copy = obj.DeepClone().AsObject();
                copy[name] = bad?.DeepClone();
                yield return (copy, $"{prefix}{name}={Shorten(bad?.ToJsonString() ?? "null")}");
            }
            if (property?["properties"] is not null)
                foreach (var (inner, what) in Mutations(obj[name], property, schemas, $"{prefix}{name}.", depth + 1))
                {
                    var copy = obj.DeepClone().AsObject();
                    copy[name] = inner;
                    yield return (copy, what);
                }
        }
    }

    private static IEnumerable<JsonNode?> BadValues(string name, JsonNode? schema)
    {
        switch (Type(schema))
        {
            case "integer":
                return [JsonNode.Parse("99999999999999999999"), JsonNode.Parse("1e400"), "abc", 1.5];
            case "number":
                return [JsonNode.Parse("1e400"), JsonNode.Parse("-1e400"), "abc"];
            case "boolean":
                return ["yes", 2];
            case "array":
                return ["x", new JsonObject(), new JsonArray(Long), new JsonArray(12)];
            case "object":
                return ["x", 12, new JsonArray()];
            default:
                var format = schema?["format"]?.GetValue<string>();
                List<JsonNode?> values = [Long, 12, new JsonObject(), new JsonArray(), true];
                if (format == "uuid") values.Add("not-a-guid");
                if (format == "date-time") values.AddRange(["not-a-date", "9999-99-99T99:99:99Z"]);
                if (EnumLike.Contains(name, StringComparer.OrdinalIgnoreCase)) values.Add("NotAMember");
                return values;
        }
    }

    /// <summary>A body that would pass binding, with values a real client might send (never addressing real things by id).</summary>
    private static JsonNode? Plausible(JsonNode? schema, JsonNode? schemas, int depth)
    {
        if (schema is null || depth > 4) return null;
        switch (Type(schema))
        {
            case "integer": return 1;
            case "number": return 1.5;
            case "boolean": return true;
            case "array": return new JsonArray();
            case "string":
                return schema["format"]?.GetValue<string>() switch
                {
                    "uuid" => Guid.NewGuid().ToString(),
                    "date-time" => "2030-01-01T00:00:00Z",
                    _ => "x",
                };
        }
        var o = new JsonObject();
        if (schema["properties"] is JsonObject properties)
            foreach (var (name, raw) in properties)
                o[name] = Known.TryGetValue(name, out var known) ? known?.DeepClone() : Plausible(Resolve(raw, schemas), schemas, depth + 1);
        return o;
    }

    /// <summary>Values that make a report good apart from the one field a mutation spoils (null: left out).</summary>
    private static readonly Dictionary<string, JsonNode?> Known = new()
    {
        ["channel"] = "App", ["title"] = "井盖缺失", ["gridCode"] = "JB0101G01", ["lat"] = null, ["lng"] = null, ["itemCode"] = null,
        ["phone"] = "13800000000", ["name"] = "张先生",
    };

    private static JsonNode? Resolve(JsonNode? schema, JsonNode? schemas)
    {
        for (var i = 0; i < 10 && schema?["$ref"]?.GetValue<string>() is { } reference; i++)
            schema = schemas?[reference.Split('/')[^1]];
        if (schema?["allOf"] is JsonArray { Count: 1 } all) return Resolve(all[0], schemas);
        return schema;
    }

    private static string? Type(JsonNode? schema) => schema?["type"] switch
    {
        JsonValue v => v.GetValue<string>(),
        JsonArray a => a.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null"),
        _ => schema?["properties"] is not null ? "object" : null,
    };

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static async Task<HttpContent> CloneAsync(HttpContent content)
    {
        var bytes = await content.ReadAsByteArrayAsync();
        var copy = new ByteArrayContent(bytes);
        foreach (var header in content.Headers) copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        return copy;
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + $"…({text.Length})";

    /// <summary>A hash of every row of every table but the unchecked ones, read straight from the SQLite file.</summary>
    private Dictionary<string, string> Checksums()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(app.DataFolder, "gridcase.db"), Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read()) tables.Add(reader.GetString(0));
        }
        var sums = new Dictionary<string, string>();
        foreach (var table in tables.Where(t => !Unchecked.Contains(t)))
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1";
            using var reader = command.ExecuteReader();
            var rows = 0;
            while (reader.Read())
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                    hash.AppendData(Encoding.UTF8.GetBytes((reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)) + "\u001f"));
                hash.AppendData("\u001e"u8);
            }
            sums[table] = $"{rows}:{Convert.ToHexString(hash.GetHashAndReset())}";
        }
        return sums;
    }
}
