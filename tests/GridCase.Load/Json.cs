using System.Text.Json;

namespace GridCase.Load;

public static class Json
{
    // The Host speaks ASP.NET Core's web defaults: camelCase, case-insensitive reads, enums as names.
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
