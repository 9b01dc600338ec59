namespace HealthFunctions.Site.Pages;

// What templates see. Names reach Liquid in snake_case (page.head.canonical_url). Every string is
// escaped by the template engine on output, except the ones whose names end in "Html", which hold
// sanitised HTML and are written with the raw filter.

/// <summary>The site's own settings as a page shows them; <see cref="SearchUrl"/> is where the search box goes.</summary>
public sealed record SiteView(string Title, string? Description, string? AboutHtml, string Language, string BaseUrl, string SearchUrl = "/search.html");

public sealed record LinkView(string Title, string Url);

/// <summary>A post in the "Latest Posts" box: title, date and a short excerpt cut at a word.</summary>
public sealed record LatestView(string Title, string Url, string Date, string DateIso, string Excerpt);

public sealed record ImageView(string Url, string? Alt, int? Width, int? Height);

public sealed record PersonView(string Name, string? Credentials, string? Avatar, int? AvatarWidth, int? AvatarHeight, string? Url);

/// <summary>What goes into <c>&lt;head&gt;</c>: title, description, canonical URL, Open Graph, Twitter card, JSON-LD.</summary>
public sealed record HeadView
{
    public required string Title { get; init; }

    public required string Description { get; init; }

    public required string CanonicalUrl { get; init; }

    public string OgType { get; init; } = "website";

    public ImageView? Image { get; init; }

    public string? PublishedTime { get; init; }

    public string? ModifiedTime { get; init; }

    public string? Author { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public bool NoIndex { get; init; }

    /// <summary>JSON-LD already made safe for a script element (<see cref="StructuredData.ScriptText"/>).</summary>
    public string? JsonLdHtml { get; init; }

    public string? FeedUrl { get; init; }

    /// <summary>A theme script this page loads besides the one every page loads (<c>js/search.js</c>), named by its path in the theme.</summary>
    public string? Script { get; init; }
}

/// <summary>A post in a list page.</summary>
public sealed record CardView(string Title, string Url, string Date, string DateIso, string Excerpt, int ReadingMinutes, IReadOnlyList<LinkView> Tags);

/// <summary>The article itself.</summary>
public sealed record PostView
{
    public required string Title { get; init; }

    public required string BodyHtml { get; init; }

    public required string Date { get; init; }

    public required string DateIso { get; init; }

    public string? Updated { get; init; }

    public string? UpdatedIso { get; init; }

    public required int ReadingMinutes { get; init; }

    public required int WordCount { get; init; }

    public IReadOnlyList<LinkView> Tags { get; init; } = [];

    public IReadOnlyList<LinkView> References { get; init; } = [];

    public ImageView? Image { get; init; }

    public PersonView? Author { get; init; }

    public PersonView? Reviewer { get; init; }

    /// <summary>The last medical review's date (<c>23 November 2022</c>), only when the post names both its reviewer and the date.</summary>
    public string? Reviewed { get; init; }

    public string? ReviewedIso { get; init; }

    public LinkView? Newer { get; init; }

    public LinkView? Older { get; init; }

    /// <summary>Up to five related posts (shared tags and similar text), each still published.</summary>
    public IReadOnlyList<LinkView> Related { get; init; } = [];
}

/// <summary>A list of posts: home, a tag, an author or a month.</summary>
public sealed record ListView
{
    public required string Heading { get; init; }

    public string? Intro { get; init; }

    public PersonView? Profile { get; init; }

    public string? ProfileBioHtml { get; init; }

    public IReadOnlyList<LinkView> ProfileLinks { get; init; } = [];

    public IReadOnlyList<CardView> Posts { get; init; } = [];

    /// <summary>Where older posts continue (a date archive), if there are any.</summary>
    public LinkView? Older { get; init; }

    /// <summary>Query for <c>GET /api/posts</c> that the "more posts" script continues with (<c>tag=sleep</c>), or empty.</summary>
    public string MoreQuery { get; init; } = string.Empty;
}

/// <summary>Everything one page template gets: <c>site</c>, <c>head</c>, <c>latest</c> and one of <c>post</c>, <c>list</c> or <c>redirect</c>.</summary>
public sealed record PageView
{
    public required SiteView Site { get; init; }

    public required HeadView Head { get; init; }

    public IReadOnlyList<LatestView> Latest { get; init; } = [];

    public bool IsHome { get; init; }

    public PostView? Post { get; init; }

    public ListView? List { get; init; }

    /// <summary>For a redirect page: where the page now lives.</summary>
    public string? RedirectUrl { get; init; }
}
