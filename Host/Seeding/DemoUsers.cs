using GridCase.Domain.Org;
using GridCase.Host.Identity;

namespace GridCase.Host.Seeding;

public sealed record DemoUser(string UserName, string Role, string OrgUnitCode, string DisplayName);

/// <summary>One user per job, so that every step of the loop can be tried at once: the one list the seeder writes and the login page shows.</summary>
public static class DemoUsers
{
    public static IReadOnlyList<DemoUser> For(IEnumerable<OrgUnit> units)
    {
        var all = units.ToList();
        var district = all.Single(u => u.Kind == OrgUnitKind.District).Code;
        return
        [
            new("admin", Roles.Admin, district, "系统管理员"),
            new("acceptor", Roles.Acceptor, district, "受理员"),
            new("dispatcher", Roles.Dispatcher, district, "派遣员"),
            new("supervisor", Roles.Supervisor, district, "督办员"),
            new("callback", Roles.CallbackAgent, district, "回访员"),
            new("policy", Roles.PolicyAdmin, district, "流程管理员"),
            // A supervisor per subdistrict shows what an org scope narrower than the district sees.
            .. Of(all, OrgUnitKind.Subdistrict).Select(s => new DemoUser($"supervisor.{s.Code}", Roles.Supervisor, s.Code, $"{s.Name}督办员")),
            // Tiered handling (分级处置): a community worker (议事协商) and a subdistrict law-enforcement officer (综合执法) per unit.
            .. Of(all, OrgUnitKind.Community).Select(c => new DemoUser($"community.{c.Code}", Roles.Handler, c.Code, $"{c.Name}社区工作人员")),
            .. Of(all, OrgUnitKind.Subdistrict).Select(s => new DemoUser($"enforcement.{s.Code}", Roles.Handler, s.Code, $"{s.Name}综合执法队员")),
            .. Of(all, OrgUnitKind.Department).Select(d => new DemoUser($"handler.{d.Code}", Roles.Handler, d.Code, $"{d.Name}处置员")),
            // Duty teams work sensor alerts around the clock; their handlers are "duty." + the team.
            .. Of(all, OrgUnitKind.DutyTeam).Select(t => new DemoUser($"duty.{t.Code}", Roles.Handler, t.Code, $"{t.Name}值班员")),
            .. Of(all, OrgUnitKind.Grid).Select(g => new DemoUser($"grid.{g.Code}", Roles.GridWorker, g.Code, $"{g.Name}网格员")),
        ];
    }

    private static IEnumerable<OrgUnit> Of(List<OrgUnit> units, OrgUnitKind kind) => units.Where(u => u.Kind == kind).OrderBy(u => u.Code, StringComparer.Ordinal);
}
