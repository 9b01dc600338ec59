namespace HealthFunctions.Publishing.Text;

/// <summary>
/// The one definition of which addresses content may use: links and images take relative paths or
/// <see cref="Allowed"/> schemes; fields that name a page elsewhere (references, a site's address,
/// a profile link) take only absolute <see cref="Web"/> addresses.
/// </summary>
public static class UrlSchemes
{
    /// <summary>Schemes a link or image in a post may use.</summary>
    public static readonly IReadOnlySet<string> Allowed = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "http", "https", "mailto",
    };

    /// <summary>Schemes of an address on the web.</summary>
    public static readonly IReadOnlySet<string> Web = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "http", "https",
    };

    /// <summary>What <see cref="IsAllowed"/> accepts, in words, for messages to editors.</summary>
    public const string AllowedText = "only http, https and mailto links and relative paths are allowed";

    /// <summary>
    /// True when a link or image may point at <paramref name="url"/>: no scheme (a relative path, a
    /// query or a fragment) or one of <see cref="Allowed"/>, read as a browser reads it (see <see cref="SchemeOf"/>).
    /// </summary>
    public static bool IsAllowed(string? url) => SchemeOf(url) is not { } scheme || Allowed.Contains(scheme);

    /// <summary>True for an http or https address as a browser reads it: a link that leaves the site.</summary>
    public static bool IsWeb(string? url) => SchemeOf(url) is { } scheme && Web.Contains(scheme);

    /// <summary>True for a parsed absolute http or https address.</summary>
    public static bool IsWeb(Uri uri) => uri.IsAbsoluteUri && Web.Contains(uri.Scheme);

    /// <summary>Parses an absolute http or https address; anything else (relative, another scheme, not a URI) is false.</summary>
    public static bool TryParseWeb(string? value, out Uri uri)
    {
        if (Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var parsed) && IsWeb(parsed))
        {
            uri = parsed;
            return true;
        }

        uri = null!;
        return false;
    }

    /// <summary>
    /// The scheme of <paramref name="url"/> in lower case as a browser finds it (tabs and line breaks
    /// anywhere are ignored, and so are control characters and spaces at either end), or null when it
    /// has none (a path, query or fragment comes before any colon).
    /// </summary>
    public static string? SchemeOf(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        var cleaned = url.AsSpan().Trim(ControlsAndSpace);
        if (cleaned.ContainsAny('\t', '\n', '\r'))
        {
            cleaned = new string(cleaned.ToArray().Where(c => c is not ('\t' or '\n' or '\r')).ToArray());
        }

        var colon = cleaned.IndexOf(':');
        if (colon < 0)
        {
            return null;
        }

        var stop = cleaned.IndexOfAny('/', '?', '#');
        return stop >= 0 && stop < colon ? null : cleaned[..colon].ToString().ToLowerInvariant();
    }

    /// <summary>C0 control characters and the space, which browsers strip from both ends of a URL.</summary>
    private static readonly char[] ControlsAndSpace = Enumerable.Range(0, 0x21).Select(c => (char)c).ToArray();
}
