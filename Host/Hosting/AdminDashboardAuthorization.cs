using GridCase.Host.Identity;
using Hangfire.Dashboard;

namespace GridCase.Host.Hosting;

/// <summary>The Hangfire dashboard is for admins only.</summary>
public sealed class AdminDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Admin);
}
