using GridCase.Host.Cases;
using GridCase.Host.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCase.Host.Repeats;

public static class RepeatEndpoints
{
    public static void MapRepeats(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/cases/{id:guid}/merge", MergeAsync).WithTags("Cases").WithName("MergeCase")
            .RequireAuthorization(p => p.RequireRole(Roles.Acceptor))
            .WithSummary("并案：把受理中的案件并入主案件，随主案件办结 / merge a case at acceptance into a master; it ends with the master");
    }

    private static async Task<Ok<CaseDto>> MergeAsync(
        Guid id, MergeCaseBody body, CaseMerge merge, CaseReader reader, HttpContext http, CancellationToken ct)
    {
        await merge.MergeAsync(id, body, http.User, ct);
        return TypedResults.Ok(await reader.GetAsync(id, http.User, ct));
    }
}
