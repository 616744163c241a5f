namespace GridCase.Host.Cases;

/// <summary>
/// RFC 7240 <c>Prefer: return=minimal</c>: a client that refetches what it shows anyway (the web app, a load driver)
/// asks a write to answer with the case's progress only, which spares the server rebuilding the whole case.
/// </summary>
public static class ReturnPreference
{
    public static bool Minimal(HttpRequest request)
    {
        foreach (var header in request.Headers["Prefer"])
            foreach (var preference in (header ?? "").Split(','))
                if (preference.Trim().Equals("return=minimal", StringComparison.OrdinalIgnoreCase))
                {
                    request.HttpContext.Response.Headers["Preference-Applied"] = "return=minimal";
                    return true;
                }
        return false;
    }
}
