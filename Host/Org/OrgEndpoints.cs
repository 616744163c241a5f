using GridCase.Domain.Org;
using GridCase.Host.Identity;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCase.Host.Org;

public sealed record OrgUnitNode(string Code, string Name, string Kind, IReadOnlyList<OrgUnitNode> Children);

/// <summary>A grid with its polygon as GeoJSON geometry, for the web app's drawings (no map tiles).</summary>
public sealed record GridShapeDto(string Code, string Name, string? ParentCode, JsonElement Boundary);

public sealed record UserDto(string UserName, string DisplayName, IReadOnlyList<string> Roles, string OrgUnitCode);

public static class OrgEndpoints
{
    public static void MapOrg(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Org").RequireAuthorization();

        api.MapGet("/org-units", Ok<IReadOnlyList<OrgUnitNode>> (OrgDirectory org) =>
        {
            var byParent = org.All.ToLookup(u => u.ParentCode ?? "");
            IReadOnlyList<OrgUnitNode> Children(string parent) =>
                [.. byParent[parent].OrderBy(u => u.Kind).ThenBy(u => u.Code).Select(u => new OrgUnitNode(u.Code, u.Name, u.Kind.ToString(), Children(u.Code)))];
            return TypedResults.Ok(Children(""));
        }).WithSummary("组织架构树 / the org tree");

        api.MapGet("/grids", Ok<IReadOnlyList<GridShapeDto>> (OrgDirectory org) =>
        {
            IReadOnlyList<GridShapeDto> grids =
            [
                .. org.All.Where(u => u.Kind == OrgUnitKind.Grid && u.Boundary is not null).OrderBy(u => u.Code)
                    .Select(u => new GridShapeDto(u.Code, u.Name, u.ParentCode, JsonSerializer.Deserialize<JsonElement>(u.Boundary!))),
            ];
            return TypedResults.Ok(grids);
        }).WithSummary("网格边界 / grid polygons (GeoJSON geometry)");

        api.MapGet("/users", async Task<Ok<IReadOnlyList<UserDto>>> (string? role, string? orgUnitCode, UserDirectory users, CancellationToken ct) =>
        {
            var members = await users.MembersAsync(role is null ? Roles.All : [role], ct);
            IReadOnlyList<UserDto> result =
            [
                .. members.Where(m => orgUnitCode is null || m.OrgUnitCode == orgUnitCode)
                    .GroupBy(m => m.UserName)
                    .Select(g => new UserDto(g.Key, g.First().DisplayName, [.. g.Select(m => m.Role)], g.First().OrgUnitCode)),
            ];
            return TypedResults.Ok(result);
        }).RequireAuthorization(p => p.RequireRole(Roles.Admin)).WithSummary("用户 / users (admins)");
    }
}
