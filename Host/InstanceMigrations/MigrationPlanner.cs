using GridCase.CaseActivities;
using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Host.Persistence;
using GridCase.Host.Problems;
using GridCase.Host.Runtime;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.InstanceMigrations;

/// <summary>A request that passed validation: two published versions of one flow and a map that fits them.</summary>
public sealed record ValidMigration(WorkflowDefinition From, WorkflowDefinition To, IReadOnlyDictionary<string, string> ActivityMap, bool DryRun);

/// <summary>
/// Checks a migration request and plans each instance: the engine's plan (<see cref="InstanceMigration"/>) plus what
/// only a case flow knows — a human task must keep its loop stage, and its org scope must name a unit for the case.
/// </summary>
public sealed class MigrationPlanner(GridCaseDbContext db, DefinitionStore definitions, HumanTask humanTask, IAssigneeScopes scopes)
{
    public const string StageChanged = "StageChanged";
    public const string ScopeUnresolved = "ScopeUnresolved";

    /// <summary>All field errors at once (400, nothing written); an unknown flow is 404.</summary>
    public async Task<ValidMigration> ValidateAsync(string definitionId, MigrationRequest? request, CancellationToken cancellationToken)
    {
        var versions = await db.WorkflowDefinitions.AsNoTracking().Where(d => d.DefinitionId == definitionId)
            .Select(d => new { d.Version, d.IsPublished }).ToListAsync(cancellationToken);
        if (versions.Count == 0) throw new NotFoundException($"流程 {definitionId} 不存在 / no workflow definition {definitionId}");
        if (request is null) throw DomainException.Field("body", "须提交迁移请求 / a migration request is required");

        var errors = new Dictionary<string, string[]>();
        bool Published(int? version, string field)
        {
            if (version is not { } v) errors[field] = [$"须填写 {field} / {field} is required"];
            else if (versions.SingleOrDefault(x => x.Version == v) is not { } found) errors[field] = [$"v{v} 不存在 / there is no v{v}"];
            else if (!found.IsPublished) errors[field] = [$"v{v} 尚未发布 / v{v} is not published"];
            else return true;
            return false;
        }
        var fromOk = Published(request.FromVersion, "fromVersion");
        var toOk = Published(request.ToVersion, "toVersion");
        if (fromOk && toOk && request.FromVersion == request.ToVersion)
        {
            errors["toVersion"] = ["toVersion 须不同于 fromVersion / toVersion must differ from fromVersion"];
            toOk = false;
        }
        var from = fromOk ? await definitions.GetAsync(db, definitionId, request.FromVersion!.Value, cancellationToken) : null;
        var to = toOk ? await definitions.GetAsync(db, definitionId, request.ToVersion!.Value, cancellationToken) : null;
        var map = request.ActivityMap ?? [];
        foreach (var (oldId, newId) in map)
        {
            var field = $"activityMap.{oldId}";
            var problems = new List<string>();
            if (from is not null && from.Find(oldId) is null)
                problems.Add($"v{from.Version} 中没有活动 {oldId} / v{from.Version} has no activity {oldId}");
            if (string.IsNullOrWhiteSpace(newId))
                problems.Add("须填写新版本中的活动 / name an activity of the new version");
            else if (to is not null && to.Find(newId) is null)
                problems.Add($"v{to.Version} 中没有活动 {newId} / v{to.Version} has no activity {newId}");
            if (problems.Count > 0) errors[field] = [.. problems];
        }
        if (errors.Count > 0) throw new DomainException("迁移请求有误 / invalid migration request", errors);
        return new ValidMigration(from!, to!, map, request.DryRun ?? true);
    }

    public MigrationPlan Plan(ValidMigration migration, InstanceState state, Case @case)
    {
        var plan = InstanceMigration.Plan(migration.From, migration.To, state, migration.ActivityMap);
        var blockers = new List<MigrationBlocker>();
        foreach (var move in plan.Moves.Where(m => m.Type == humanTask.Descriptor.Type))
        {
            var source = migration.From.Find(move.From)!;
            var target = migration.To.Find(move.To)!;
            if (humanTask.Stage.Literal(source) != humanTask.Stage.Literal(target))
                blockers.Add(new(move.From, StageChanged,
                    $"{move.From}（{humanTask.Stage.Literal(source)}）映射到的 {move.To} 属于环节 {humanTask.Stage.Literal(target)} / {move.From} maps to {move.To} of another loop stage"));
            else if (humanTask.Scope.Literal(target) is { } scope && scopes.Resolve(scope, @case) is null)
                blockers.Add(new(move.From, ScopeUnresolved,
                    $"{move.To} 的组织范围 {scope} 对此案件无对应单位 / {move.To}'s scope {scope} names no org unit for this case"));
        }
        return plan.With(blockers);
    }

    /// <summary>The instances a migration takes: those of the flow still running (or faulted) on its old version.</summary>
    public IQueryable<WorkflowInstance> Candidates(string definitionId, int fromVersion) =>
        db.WorkflowInstances.Where(i => i.DefinitionId == definitionId && i.DefinitionVersion == fromVersion
            && (i.Status == WorkflowStatus.Running || i.Status == WorkflowStatus.Faulted));
}
