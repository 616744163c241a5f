using System.Security.Claims;
using GridCase.Host.Identity;
using Hangfire;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace GridCase.Host.Hosting;

/// <summary>
/// The operators' browser pages: the Hangfire dashboard and the API explorer. A browser cannot send a bearer
/// token when it opens a page, so a signed-in admin asks for a short-lived tool session
/// (<c>POST /api/auth/dashboard-session</c>): HttpOnly, SameSite=Strict cookies holding a protected ticket, one per
/// page path. The bearer token itself never travels in a URL or a cookie.
/// </summary>
public static class AdminTools
{
    public const string DashboardScheme = "HangfireDashboard";
    public const string SwaggerScheme = "SwaggerSession";
    public const string DashboardPath = "/hangfire";
    public const string SwaggerPath = "/swagger";

    public static void AddAdminTools(this AuthenticationBuilder authentication, IConfiguration configuration)
    {
        var lifetime = configuration.GetValue<TimeSpan?>("AdminTools:SessionLifetime") ?? TimeSpan.FromMinutes(15);
        void Cookie(string scheme, string path, string name) => authentication.AddCookie(scheme, o =>
        {
            o.Cookie.Name = name;
            o.Cookie.Path = path;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = lifetime;
            // A fixed lifetime: the session ends 15 minutes after the admin asked for it, however busy.
            o.SlidingExpiration = false;
            // These schemes only ever authenticate; nobody is sent to a login page.
            o.Events.OnRedirectToLogin = c => { c.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
            o.Events.OnRedirectToAccessDenied = c => { c.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
        });
        Cookie(DashboardScheme, DashboardPath, "gridcase_dashboard");
        Cookie(SwaggerScheme, SwaggerPath, "gridcase_swagger");
    }

    /// <summary>Issues the tool session cookies to the signed-in admin.</summary>
    public static async Task SignInAsync(HttpContext http)
    {
        var identity = new ClaimsIdentity(http.User.Claims, "AdminTools", http.User.Identities.First().NameClaimType, http.User.Identities.First().RoleClaimType);
        var properties = new AuthenticationProperties { IsPersistent = false, AllowRefresh = false };
        await http.SignInAsync(DashboardScheme, new ClaimsPrincipal(identity), properties);
        await http.SignInAsync(SwaggerScheme, new ClaimsPrincipal(identity), properties);
    }

    /// <summary>
    /// /hangfire sees only its own cookie: a bearer header there counts for nothing. /swagger is open in
    /// Development; elsewhere an admin's bearer token or tool cookie opens it (401 without, 403 for others).
    /// </summary>
    public static void UseAdminTools(this WebApplication app)
    {
        app.UseWhen(c => c.Request.Path.StartsWithSegments(DashboardPath), b => b.Use(async (context, next) =>
        {
            var result = await context.AuthenticateAsync(DashboardScheme);
            context.User = result.Succeeded ? result.Principal : new ClaimsPrincipal(new ClaimsIdentity());
            await next(context);
        }));
        app.UseHangfireDashboard(DashboardPath, new Hangfire.DashboardOptions { AsyncAuthorization = [new AdminDashboardAuthorization()], AppPath = "/" });

        if (!app.Environment.IsDevelopment())
            app.UseWhen(c => c.Request.Path.StartsWithSegments(SwaggerPath), b => b.Use(async (context, next) =>
            {
                var user = context.User.Identity?.IsAuthenticated == true ? context.User : (await context.AuthenticateAsync(SwaggerScheme)).Principal;
                if (user?.IsInRole(Roles.Admin) == true)
                {
                    await next(context);
                    return;
                }
                context.Response.StatusCode = user?.Identity?.IsAuthenticated == true ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
            }));
        app.UseSwagger();
        app.UseSwaggerUI();
    }
}
