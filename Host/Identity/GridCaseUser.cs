using Microsoft.AspNetCore.Identity;

namespace GridCase.Host.Identity;

public sealed class GridCaseUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    /// <summary>The org unit the user works for; it bounds what the user may see and do.</summary>
    public string OrgUnitCode { get; set; } = "";
}
