using GridCase.Host.Hosting;
using GridCase.Host.Identity;
using GridCase.Host.Org;
using GridCase.Host.Persistence;
using GridCase.Host.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace GridCase.Host.Auth;

public static class AuthEndpoints
{
    public static void MapAuth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");

        // The bearer handler writes {tokenType, accessToken, expiresIn, refreshToken} itself on sign-in.
        group.MapPost("/login", async Task<IResult> (LoginRequest request, SignInManager<GridCaseUser> signIn, LoginThrottle throttle, HttpContext http) =>
        {
            if (throttle.Refuse(http.Connection.RemoteIpAddress, request.UserName) is { } wait)
            {
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Problem(title: "登录尝试过于频繁，请稍后再试 / too many sign-in attempts; try again later",
                    statusCode: StatusCodes.Status429TooManyRequests);
            }
            if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrEmpty(request.Password))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["userName"] = ["须填写用户名和密码 / userName and password are required"],
                }, title: "登录信息不完整 / incomplete login");
            signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
            var result = await signIn.PasswordSignInAsync(request.UserName, request.Password, isPersistent: false, lockoutOnFailure: true);
            return result.Succeeded
                ? TypedResults.Empty
                : TypedResults.Problem(title: "用户名或密码错误 / wrong user name or password", statusCode: StatusCodes.Status401Unauthorized);
        }).AllowAnonymous().WithSummary("登录 / sign in and get a bearer token");

        group.MapGet("/me", async Task<Results<Ok<CurrentUserDto>, UnauthorizedHttpResult>> (
            HttpContext http, UserManager<GridCaseUser> users, OrgDirectory org) =>
        {
            // The token outlives a deleted user; such a token is as good as none.
            if (await users.GetUserAsync(http.User) is not { } user) return TypedResults.Unauthorized();
            var unit = org.Find(user.OrgUnitCode);
            return TypedResults.Ok(new CurrentUserDto(user.UserName!, user.DisplayName, [.. Roles.All.Where(http.User.IsInRole)],
                user.OrgUnitCode, unit?.Name ?? user.OrgUnitCode));
        }).RequireAuthorization().WithSummary("当前用户 / the signed-in user, roles and org unit");

        group.MapGet("/demo", async Task<Ok<DemoInfo>> (DemoMode demo, IOptions<DemoOptions> options, OrgDirectory org,
            GridCaseDbContext db, CancellationToken ct) =>
        {
            if (!demo.Enabled) return TypedResults.Ok(new DemoInfo(false, null, null));
            var listed = DemoUsers.For(org.All);
            var names = listed.Select(u => u.UserName).ToList();
            var existing = await db.Users.AsNoTracking().Where(u => names.Contains(u.UserName!)).Select(u => u.UserName!).ToHashSetAsync(ct);
            return TypedResults.Ok(new DemoInfo(true, options.Value.Password, [.. listed.Where(u => existing.Contains(u.UserName))]));
        }).AllowAnonymous().WithSummary("演示账号（仅演示模式）/ the demo users and their password, when the demo is on");

        group.MapPost("/dashboard-session", async Task<NoContent> (HttpContext http) =>
        {
            await AdminTools.SignInAsync(http);
            return TypedResults.NoContent();
        }).RequireAuthorization(p => p.RequireRole(Roles.Admin))
          .WithSummary("运维页面会话（Hangfire、API 文档，15 分钟）/ a 15-minute cookie session for /hangfire and /swagger (admins)");
    }
}
