using GridCase.Domain.WorkItems;
using GridCase.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Org;

/// <summary>Who may work which task: users of the task's role whose org unit holds the task's scope.</summary>
public sealed class UserDirectory(GridCaseDbContext db, OrgDirectory org)
{
    public sealed record Member(string UserName, string DisplayName, string OrgUnitCode, string Role);

    public async Task<List<Member>> MembersAsync(IReadOnlyCollection<string> roles, CancellationToken cancellationToken) =>
        await (from u in db.Users
               join ur in db.UserRoles on u.Id equals ur.UserId
               join r in db.Roles on ur.RoleId equals r.Id
               where roles.Contains(r.Name!)
               orderby u.UserName
               select new Member(u.UserName!, u.DisplayName, u.OrgUnitCode, r.Name!))
            .ToListAsync(cancellationToken);

    /// <summary>Those of <paramref name="userNames"/> that are users.</summary>
    public async Task<HashSet<string>> ExistingAsync(IReadOnlyCollection<string> userNames, CancellationToken cancellationToken) =>
        [.. await db.Users.Where(u => userNames.Contains(u.UserName!)).Select(u => u.UserName!).ToListAsync(cancellationToken)];

    public async Task<Dictionary<Guid, IReadOnlyList<string>>> CandidatesAsync(IReadOnlyCollection<WorkItem> items, CancellationToken cancellationToken)
    {
        if (items.Count == 0) return [];
        var members = await MembersAsync([.. items.Select(i => i.Role).Distinct()], cancellationToken);
        return items.ToDictionary(
            i => i.Id,
            i => (IReadOnlyList<string>)[.. members.Where(m => m.Role == i.Role && org.Covers(m.OrgUnitCode, i.ScopeOrgUnitCode)).Select(m => m.UserName)]);
    }
}
