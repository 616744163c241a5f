using System.Diagnostics;

namespace GridCase.Load;

/// <summary>Asks the Host's GET /health until it answers 200.</summary>
public static class HostHealth
{
    /// <param name="gaveUp">Checked between tries; true ends the wait early (e.g. the Host process died).</param>
    public static async Task<bool> WaitAsync(HttpClient http, Uri url, TimeSpan timeout, Func<bool>? gaveUp, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (gaveUp?.Invoke() == true) return false;
            try
            {
                using var response = await http.GetAsync(new Uri(url, "/health"), cancellationToken);
                if (response.IsSuccessStatusCode) return true;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested) { }
            if (clock.Elapsed >= timeout) return false;
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }
}
