namespace HealthFunctions.Site;

/// <summary>What a written file is, which decides its content type and how long caches keep it.</summary>
public enum PageKind
{
    Post,
    List,
    Feed,
    Redirect,
    NotFound,
    Search,
}

/// <summary>A file of the site ready to store.</summary>
public sealed record SiteFile(string Path, PageKind Kind, string ContentType, string Content);
