namespace HealthFunctions.Site;

/// <summary>Content types of the files the site is made of.</summary>
public static class SiteFiles
{
    public const string Html = "text/html; charset=utf-8";

    public const string Rss = "application/rss+xml; charset=utf-8";

    public const string Atom = "application/atom+xml; charset=utf-8";

    public const string Xml = "application/xml; charset=utf-8";

    public const string Text = "text/plain; charset=utf-8";
}
