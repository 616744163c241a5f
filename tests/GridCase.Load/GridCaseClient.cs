using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace GridCase.Load;

/// <summary>
/// One load client's view of the Host: a single HttpClient (so each client keeps its own connection) that can act
/// as any demo user by attaching that user's shared token per request.
/// </summary>
public sealed class GridCaseClient(HttpClient http, TokenStore tokens, ErrorLog errors)
{
    /// <summary>Sends a call, times it end to end (including reading the body), and returns the parsed answer.</summary>
    /// <exception cref="LoadCallException">The call failed; it has been counted.</exception>
    public async Task<(T Value, TimeSpan Elapsed)> SendAsync<T>(HttpMethod method, string path, string userName, object? body, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(userName, cancellationToken);
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: Json.Options);
        // Like the web app, the driver needs only where the case stands after a write, not the whole case rebuilt.
        if (method == HttpMethod.Post) request.Headers.TryAddWithoutValidation("Prefer", "return=minimal");

        var what = $"{method} {path} as {userName}";
        byte[] payload;
        HttpStatusCode status;
        // The clock covers only the wire and the Host; token lookup and JSON parsing on this side stay outside it.
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            payload = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            status = response.StatusCode;
        }
        catch (HttpRequestException ex)
        {
            throw Fail($"{what}: {Describe(ex)}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Fail($"{what}: timed out after {http.Timeout.TotalSeconds:0} s");
        }
        var elapsed = watch.Elapsed;

        if ((int)status is < 200 or > 299)
            throw Fail($"{what} → {(int)status} {Shorten(System.Text.Encoding.UTF8.GetString(payload))}");
        try
        {
            return (JsonSerializer.Deserialize<T>(payload, Json.Options) ?? throw new JsonException("empty body"), elapsed);
        }
        catch (JsonException ex)
        {
            throw Fail($"{what} → {(int)status} but the body was not the expected JSON: {ex.Message}");
        }
    }

    /// <summary>A set-up read whose failure is not a load error: the caller falls back to another source.</summary>
    public async Task<T?> TryGetAsync<T>(string path, string userName, CancellationToken cancellationToken) where T : class
    {
        var token = await tokens.GetAsync(userName, cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<T>(Json.Options, cancellationToken) : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException
                                   || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null;
        }
    }

    // "An error occurred while sending the request" alone says nothing; the inner exception names the cause.
    public static string Describe(HttpRequestException ex) =>
        ex.InnerException is { } inner ? $"{ex.Message} ({inner.Message})" : ex.Message;

    public static string Shorten(string text)
    {
        text = text.ReplaceLineEndings(" ").Trim();
        return text.Length <= 300 ? text : text[..300] + "…";
    }

    private LoadCallException Fail(string description)
    {
        errors.Add(description);
        return new LoadCallException(description);
    }
}
