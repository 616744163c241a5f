using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GridCase.Host.Identity;

/// <summary>Puts the user's org unit into the token, so scope checks need no user lookup per request.</summary>
public sealed class GridCaseClaimsFactory(
    UserManager<GridCaseUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<GridCaseUser, IdentityRole>(users, roles, options)
{
    public const string OrgUnitClaim = "org_unit";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(GridCaseUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(OrgUnitClaim, user.OrgUnitCode));
        return identity;
    }
}

public static class ClaimsPrincipalExtensions
{
    public static string UserName(this ClaimsPrincipal user) => user.Identity?.Name ?? "";

    public static string OrgUnitCode(this ClaimsPrincipal user) => user.FindFirstValue(GridCaseClaimsFactory.OrgUnitClaim) ?? "";
}
