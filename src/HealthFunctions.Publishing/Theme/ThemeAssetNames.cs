using System.Text.RegularExpressions;

namespace HealthFunctions.Publishing.Theme;

/// <summary>
/// The rules for a theme asset, a file uploaded under <c>theme/</c> beside the templates
/// (<c>theme/css/site.css</c>, <c>theme/img/logo.png</c>, <c>theme/fonts/body.woff2</c>): its name,
/// its type and its size. The site publishes it under <c>/assets/</c> with the rest of the theme.
/// </summary>
public static partial class ThemeAssetNames
{
    /// <summary>Largest theme asset, in bytes.</summary>
    public const int MaxBytes = 512 * 1024;

    /// <summary>Most theme assets the site publishes (the first, in name order).</summary>
    public const int MaxCount = 100;

    /// <summary>Most folders below <c>theme/</c> an asset may sit in.</summary>
    public const int MaxDepth = 3;

    /// <summary>Longest asset path below <c>theme/</c>.</summary>
    public const int MaxPathLength = 200;

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".mjs"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
        [".avif"] = "image/avif",
        [".ico"] = "image/x-icon",
        [".woff2"] = "font/woff2",
        [".woff"] = "font/woff",
    };

    /// <summary>The file types a theme asset may have, for messages and docs.</summary>
    public static string AllowedTypes => string.Join(", ", ContentTypes.Keys);

    /// <summary>The content type of an asset path (<c>css/site.css</c>), or null when the type is not allowed.</summary>
    public static string? ContentTypeOf(string path) => ContentTypes.GetValueOrDefault(Path.GetExtension(path));

    /// <summary>Checks an asset path below <c>theme/</c> (<c>css/site.css</c>); null when it is fine, else why not.</summary>
    public static string? Check(string path)
    {
        if (path.Length > MaxPathLength)
        {
            return $"theme asset paths are at most {MaxPathLength} characters below theme/.";
        }

        var segments = path.Split('/');
        if (segments.Length - 1 > MaxDepth)
        {
            return $"theme assets may sit at most {MaxDepth} folders below theme/.";
        }

        if (!segments.All(segment => Segment().IsMatch(segment)))
        {
            return "theme asset names may use only lower-case letters a-z, digits, '-', '_' and '.', must start with a letter or digit, and may not contain '..' (e.g. theme/css/site.css).";
        }

        return ContentTypeOf(path) is null
            ? $"theme assets must be one of {AllowedTypes} (templates are theme/NAME.liquid)."
            : null;
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9_-]|\\.(?!\\.))*$", RegexOptions.CultureInvariant)]
    private static partial Regex Segment();
}
