using GridCase.Domain.Org;
using GridCase.Host.Identity;
using GridCase.Host.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Seeding;

/// <summary>
/// Outside the demo, a database without users gets exactly one: an admin with the password the operator set
/// in Bootstrap:AdminPassword. Without it the host refuses to start rather than run with nobody able to sign in
/// or with a password everyone can read in the README.
/// </summary>
public sealed class BootstrapAdmin(GridCaseDbContext db, UserManager<GridCaseUser> users, IConfiguration configuration)
{
    public const string PasswordKey = "Bootstrap:AdminPassword";
    public const string UserNameKey = "Bootstrap:AdminUserName";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Users.AnyAsync(cancellationToken)) return;
        if (configuration[PasswordKey] is not { Length: > 0 } password)
            throw new InvalidOperationException(
                $"The database has no users and the demo is off: set {PasswordKey} (environment variable Bootstrap__AdminPassword) "
                + "to create the first admin, or Demo:Seed=true for the demo users. / 数据库中没有用户且未启用演示数据：请设置 "
                + $"{PasswordKey} 以创建首个管理员，或设置 Demo:Seed=true。");
        var district = await db.OrgUnits.AsNoTracking().Where(u => u.Kind == OrgUnitKind.District).Select(u => u.Code).FirstAsync(cancellationToken);
        var admin = new GridCaseUser { UserName = configuration[UserNameKey] ?? "admin", DisplayName = "系统管理员", OrgUnitCode = district, LockoutEnabled = true };
        Check(await users.CreateAsync(admin, password));
        Check(await users.AddToRoleAsync(admin, Roles.Admin));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"{PasswordKey}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
