namespace GridCase.Host.Hosting;

public static class RootRedirect
{
    /// <summary>Until the web app is served, the root opens the API explorer.</summary>
    public static void MapRootRedirect(this IEndpointRouteBuilder app) =>
        app.MapGet("/", () => Results.Redirect("/swagger")).ExcludeFromDescription();
}
