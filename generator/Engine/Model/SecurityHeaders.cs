namespace SiteGen.Engine;

/// <summary>
/// The one Content-Security-Policy of the site. Every page carries it as a meta element (the
/// theme prints {{ site.csp }}), and _headers sends it as a real header on hosts that read that
/// file. No 'unsafe-inline', no 'unsafe-eval': every script and style is a file of the site.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; base-uri 'self'; object-src 'none'";

    /// <summary>The _headers file Netlify and Cloudflare Pages apply to every response.</summary>
    public static string HeadersFile() =>
        "/*\n" +
        $"  Content-Security-Policy: {ContentSecurityPolicy}; frame-ancestors 'none'\n" +
        "  X-Content-Type-Options: nosniff\n" +
        "  Referrer-Policy: strict-origin-when-cross-origin\n" +
        "  X-Frame-Options: DENY\n";
}
