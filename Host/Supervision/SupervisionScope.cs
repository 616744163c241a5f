using System.Security.Claims;
using GridCase.Domain;
using GridCase.Domain.Supervision;
using GridCase.Host.Identity;
using GridCase.Host.Org;

namespace GridCase.Host.Supervision;

/// <summary>
/// Which entries a supervisor answers for: those whose responsible org unit or whose case's grid lies within the
/// caller's org unit, so that an area's supervisor sees its cases wherever responsibility went.
/// </summary>
public sealed class SupervisionScope(OrgDirectory org)
{
    public bool Sees(ClaimsPrincipal user, SupervisionEntry entry) =>
        org.Covers(user.OrgUnitCode(), entry.ResponsibleOrgUnitCode) || org.Covers(user.OrgUnitCode(), entry.GridCode);

    /// <summary>Null when the caller covers the whole tree (no filter needed); otherwise the codes the caller covers.</summary>
    public List<string>? Units(ClaimsPrincipal user)
    {
        var own = org.Find(user.OrgUnitCode());
        if (own is null) return [];
        return own.ParentCode is null ? null : org.CodesWithin(own.Code);
    }

    /// <summary>The codes inside <paramref name="orgUnitCode"/>, for the list's orgUnitCode filter.</summary>
    public List<string> Within(string orgUnitCode)
    {
        if (org.Find(orgUnitCode) is null) throw DomainException.Field("orgUnitCode", $"组织 {orgUnitCode} 不存在 / no org unit {orgUnitCode}");
        return org.CodesWithin(orgUnitCode);
    }
}
