using GridCase.Host.Identity;
using GridCase.Host.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCase.Host.Seeding;

/// <summary>The demo users (<see cref="DemoUsers"/>), all with the published demo password, written into a database without users.</summary>
public sealed class DemoSeeder(GridCaseDbContext db, IOptions<DemoOptions> options, ILookupNormalizer normalizer)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Users.AnyAsync(cancellationToken)) return;
        var units = await db.OrgUnits.AsNoTracking().ToListAsync(cancellationToken);
        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, cancellationToken);

        // One hash for every demo user: hashing is deliberately slow, and they all share the demo password.
        var hash = new PasswordHasher<GridCaseUser>().HashPassword(new GridCaseUser(), options.Value.Password);
        foreach (var demo in DemoUsers.For(units))
        {
            var user = new GridCaseUser
            {
                UserName = demo.UserName, NormalizedUserName = normalizer.NormalizeName(demo.UserName), DisplayName = demo.DisplayName,
                OrgUnitCode = demo.OrgUnitCode, PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true,
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles[demo.Role].Id });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
