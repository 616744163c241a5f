using System.Text.Json.Nodes;
using GridCase.Host.Identity;
using GridCase.Workflows.Activities;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCase.Host.WorkflowDefinitions;

public static class DefinitionEndpoints
{
    public static void MapWorkflowDefinitions(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Workflow definitions").RequireAuthorization();
        var defs = api.MapGroup("/workflow-definitions");

        defs.MapGet("", async Task<Ok<IReadOnlyList<DefinitionSummaryDto>>> (DefinitionEditor editor, CancellationToken ct) =>
            TypedResults.Ok(await editor.ListAsync(ct))).WithSummary("流程列表 / workflow definitions and their versions");

        defs.MapGet("/{definitionId}", async Task<Ok<JsonNode>> (string definitionId, int? version, DefinitionEditor editor, CancellationToken ct) =>
            TypedResults.Ok(await editor.GetAsync(definitionId, version, ct))).WithSummary("流程定义 / a version (default: the latest)");

        defs.MapPut("/{definitionId}/draft", async Task<Ok<JsonNode>> (string definitionId, JsonObject body, DefinitionEditor editor, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await editor.SaveDraftAsync(definitionId, body, http.User.UserName(), ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.PolicyAdmin, Roles.Admin)).WithSummary("保存草稿（先校验）/ save a validated draft");

        defs.MapPost("/{definitionId}/publish", async Task<Ok<JsonNode>> (string definitionId, DefinitionEditor editor, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await editor.PublishAsync(definitionId, http.User.UserName(), ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.PolicyAdmin, Roles.Admin)).WithSummary("发布草稿 / publish the latest draft");

        api.MapGet("/activity-descriptors", Ok<IEnumerable<ActivityDescriptor>> (ActivityRegistry registry) =>
            TypedResults.Ok(registry.Descriptors)).WithSummary("活动类型 / activity types for the designer palette");
    }
}
