using GridCase.Host.Identity;
using GridCase.Host.Org;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace GridCase.Host.Auth;

public static class AuthEndpoints
{
    public static void MapAuth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");

        // The bearer handler writes {tokenType, accessToken, expiresIn, refreshToken} itself on sign-in.
        group.MapPost("/login", async Task<IResult> (LoginRequest request, SignInManager<GridCaseUser> signIn) =>
        {
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
    }
}
