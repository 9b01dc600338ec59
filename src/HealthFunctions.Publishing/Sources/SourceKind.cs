namespace HealthFunctions.Publishing.Sources;

/// <summary>What an uploaded file is to the blog.</summary>
public enum SourceKind
{
    Ignored,
    Post,
    Author,
    Site,
    Image,

    /// <summary>A file of the site's theme: <c>theme/NAME.liquid</c> replaces a default template.</summary>
    Theme,

    /// <summary>Any other file of the theme (<c>theme/css/site.css</c>): replaces or adds a theme asset.</summary>
    ThemeAsset,
}
