using HealthFunctions.Publishing.Media;
using HealthFunctions.Publishing.Sources;
using HealthFunctions.Publishing.Theme;

namespace HealthFunctions.Publishing.Sync;

/// <summary>
/// Which uploaded file names are what: <c>site.yaml</c> at the root is the site settings,
/// <c>authors/&lt;slug&gt;.md</c> an author profile, <c>theme/NAME.liquid</c> a theme template, any other file under <c>theme/</c> a theme asset, PNG/JPEG/GIF/WebP files images, any other
/// <c>.md</c> or <c>.markdown</c> file a post.
/// </summary>
public static class SourceNames
{
    public const int MaxLength = 1024;

    public const string AuthorsFolder = "authors/";

    public const string ThemeFolder = "theme/";

    private static readonly string[] MarkdownExtensions = [".md", ".markdown"];

    private static readonly string[] SiteFiles = ["site.yaml", "site.yml"];

    public static SourceKind Classify(string name, out string reason)
    {
        reason = string.Empty;
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxLength)
        {
            reason = $"blob names must be 1 to {MaxLength} characters long.";
            return SourceKind.Ignored;
        }

        if (name.Any(char.IsControl))
        {
            reason = "the blob name contains control characters.";
            return SourceKind.Ignored;
        }

        var fileName = name[(name.LastIndexOf('/') + 1)..];
        if (fileName.StartsWith('.') || fileName.StartsWith('_'))
        {
            reason = "files whose names start with '.' or '_' are not published.";
            return SourceKind.Ignored;
        }

        if (name.StartsWith(ThemeFolder, StringComparison.Ordinal))
        {
            return ClassifyTheme(name[ThemeFolder.Length..], out reason);
        }

        if (SiteFiles.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return SourceKind.Site;
        }

        if (ImagePaths.IsImage(name))
        {
            return SourceKind.Image;
        }

        if (MarkdownExtensions.Any(ext => name.EndsWith(ext, StringComparison.OrdinalIgnoreCase)))
        {
            return name.StartsWith(AuthorsFolder, StringComparison.OrdinalIgnoreCase) && name.IndexOf('/', AuthorsFolder.Length) < 0
                ? SourceKind.Author
                : SourceKind.Post;
        }

        reason = name.EndsWith(".svg", StringComparison.OrdinalIgnoreCase)
            ? "SVG images are not published: they can carry script. Use PNG, JPEG, GIF or WebP."
            : "only Markdown posts (.md, .markdown), authors/<slug>.md, site.yaml and PNG, JPEG, GIF or WebP images are published.";
        return SourceKind.Ignored;
    }

    private static SourceKind ClassifyTheme(string path, out string reason)
    {
        reason = string.Empty;
        if (path.EndsWith(".liquid", StringComparison.Ordinal))
        {
            if (!path.Contains('/'))
            {
                return SourceKind.Theme;
            }

            reason = "theme templates sit directly in theme/ (theme/NAME.liquid).";
            return SourceKind.Ignored;
        }

        if (ThemeAssetNames.Check(path) is { } problem)
        {
            reason = problem;
            return SourceKind.Ignored;
        }

        return SourceKind.ThemeAsset;
    }
}
