using System.Text.Json;
using GridCase.Domain.Org;
using GridCase.Host.Identity;
using GridCase.Host.Persistence;
using GridCase.Workflows.Definitions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCase.Host.Seeding;

/// <summary>
/// The demo district: its org tree with grid polygons, departments, and one user per job so every step
/// of the loop can be tried at once. Runs only on an empty database.
/// </summary>
public sealed class DemoSeeder(GridCaseDbContext db, IConfiguration configuration, IOptions<DemoOptions> options, ILookupNormalizer normalizer)
{
    private sealed record UnitFile(string Code, string Name, OrgUnitKind Kind, string? ParentCode, JsonElement? Boundary, string? CalendarCode);

    private sealed record OrgFile(List<UnitFile> OrgUnits);

    private sealed record DepartmentFile(string Code, string Name, string? CalendarCode);

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.OrgUnits.AnyAsync(cancellationToken)) return;
        var folder = ShippedFiles.Folder(configuration);
        var area = JsonSerializer.Deserialize<OrgFile>(await File.ReadAllTextAsync(Path.Combine(folder, "demo-org.json"), cancellationToken), WorkflowJson.Options)!;
        var departments = JsonSerializer.Deserialize<List<DepartmentFile>>(await File.ReadAllTextAsync(Path.Combine(folder, "departments.json"), cancellationToken), WorkflowJson.Options)!;
        var district = area.OrgUnits.Single(u => u.Kind == OrgUnitKind.District);
        var all = area.OrgUnits.Concat(departments.Select(d => new UnitFile(d.Code, d.Name, OrgUnitKind.Department, district.Code, null, d.CalendarCode))).ToList();

        var byCode = all.ToDictionary(u => u.Code);
        string PathOf(UnitFile u) => (u.ParentCode is { } p ? PathOf(byCode[p]) : "/") + u.Code + "/";
        var units = all.Select(u => new OrgUnit
        {
            Code = u.Code, Name = u.Name, Kind = u.Kind, ParentCode = u.ParentCode, Path = PathOf(u),
            Boundary = u.Boundary?.GetRawText(), CalendarCode = u.CalendarCode,
        }).ToList();
        db.OrgUnits.AddRange(units);

        var roles = Roles.All.ToDictionary(r => r, r => new IdentityRole(r) { NormalizedName = normalizer.NormalizeName(r) });
        db.Roles.AddRange(roles.Values);

        // One hash for every demo user: hashing is deliberately slow, and they all share the demo password.
        var hash = new PasswordHasher<GridCaseUser>().HashPassword(new GridCaseUser(), options.Value.Password);
        void User(string userName, string displayName, string orgUnit, string role)
        {
            var user = new GridCaseUser
            {
                UserName = userName, NormalizedUserName = normalizer.NormalizeName(userName), DisplayName = displayName,
                OrgUnitCode = orgUnit, PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true,
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles[role].Id });
        }

        User("admin", "系统管理员", district.Code, Roles.Admin);
        User("acceptor", "受理员", district.Code, Roles.Acceptor);
        User("dispatcher", "派遣员", district.Code, Roles.Dispatcher);
        User("supervisor", "督办员", district.Code, Roles.Supervisor);
        User("callback", "回访员", district.Code, Roles.CallbackAgent);
        User("policy", "流程管理员", district.Code, Roles.PolicyAdmin);
        // A supervisor per subdistrict shows what an org scope narrower than the district sees.
        foreach (var s in units.Where(u => u.Kind == OrgUnitKind.Subdistrict))
            User($"supervisor.{s.Code}", $"{s.Name}督办员", s.Code, Roles.Supervisor);
        foreach (var d in units.Where(u => u.Kind == OrgUnitKind.Department))
            User($"handler.{d.Code}", $"{d.Name}处置员", d.Code, Roles.Handler);
        foreach (var g in units.Where(u => u.Kind == OrgUnitKind.Grid))
            User($"grid.{g.Code}", $"{g.Name}网格员", g.Code, Roles.GridWorker);

        await db.SaveChangesAsync(cancellationToken);
    }
}
