using GridCase.Host.Identity;
using Hangfire.Dashboard;

namespace GridCase.Host.Hosting;

/// <summary>
/// The Hangfire dashboard is for admins only. Hangfire answers 401 when nobody is signed in and 403 when
/// someone else is; the user here is the one of the dashboard cookie alone (see <see cref="AdminTools"/>).
/// </summary>
public sealed class AdminDashboardAuthorization : IDashboardAsyncAuthorizationFilter
{
    public Task<bool> AuthorizeAsync(DashboardContext context) => Task.FromResult(context.GetHttpContext().User.IsInRole(Roles.Admin));
}
