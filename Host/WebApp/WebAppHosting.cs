using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace GridCase.Host.WebApp;

/// <summary>
/// Serves the built web app (Designer/dist, or wwwroot/ beside a published Host) at the root, with the
/// single-page fallback: a client route such as /inbox gets index.html, while /api keeps answering 404
/// ProblemDetails for paths it does not know.
/// </summary>
public static class WebAppHosting
{
    /// <summary>Where the built app is: <c>WebApp:Folder</c>, else a published Host's wwwroot, else the source tree's Designer/dist.</summary>
    public static string? Folder(IConfiguration configuration, IWebHostEnvironment environment)
    {
        string[] candidates =
        [
            configuration["WebApp:Folder"] ?? "",
            Path.Combine(AppContext.BaseDirectory, "wwwroot"),
            Path.Combine(environment.ContentRootPath, "..", "Designer", "dist"),
        ];
        return candidates.Where(c => c.Length > 0).Select(Path.GetFullPath).FirstOrDefault(c => File.Exists(Path.Combine(c, "index.html")));
    }

    /// <summary>
    /// The app's files go out compressed (brotli, else gzip): its scripts and antd's stylesheet are about 2 MB, a few
    /// hundred KB compressed, which a district office's line feels on a first visit. Only the app's own types: API
    /// answers (JSON, problem details, XLSX exports) are left as they are, so no answer that holds a user's data is
    /// compressed beside what a request put in it.
    /// </summary>
    public static IServiceCollection AddWebApp(this IServiceCollection services) =>
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.MimeTypes = ["text/html", "text/css", "text/javascript", "application/javascript", "image/svg+xml"];
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });

    public static void UseWebApp(this WebApplication app)
    {
        var folder = Folder(app.Configuration, app.Environment);
        if (folder is null)
        {
            app.Logger.LogWarning("No built web app found (Designer/dist/index.html): only the API is served. Build Host without -p:SkipDesignerBuild=true, or run `npm run build` in Designer/.");
            app.MapGet("/", () => Results.Redirect("/swagger")).ExcludeFromDescription();
        }
        else
        {
            var files = new PhysicalFileProvider(folder);
            app.UseResponseCompression();
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = files,
                // Vite names assets by content hash: they never change under a name. index.html must be revalidated.
                OnPrepareResponse = context => context.Context.Response.Headers[HeaderNames.CacheControl] =
                    context.Context.Request.Path.StartsWithSegments("/assets") ? "public, max-age=31536000, immutable" : "no-cache",
            });
            app.MapFallbackToFile("index.html", new StaticFileOptions
            {
                FileProvider = files,
                OnPrepareResponse = context => context.Context.Response.Headers[HeaderNames.CacheControl] = "no-cache",
            }).ExcludeFromDescription();
        }
        // More specific than the client-route fallback: an unknown API path is an API 404, never the app.
        app.MapFallback("/api/{**path}", () => TypedResults.Problem(title: "没有这个接口 / no such endpoint", statusCode: StatusCodes.Status404NotFound))
            .ExcludeFromDescription();
    }
}
