using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using HealthFunctions.Publishing.Format;
using HealthFunctions.Publishing.Posts;
using HealthFunctions.Site.Pages;
using HealthFunctions.Site.Rendering;

namespace HealthFunctions.Site.Tests;

/// <summary>Builds page views and renders them with the default theme.</summary>
internal static class Pages
{
    public static readonly SiteView Site = new("Healthy Living", "Clear articles.", "<p>Hi, I'm <strong>Amira</strong>.</p>", "en-GB", "https://blog.example");

    public static RenderedPost Post(string title = "Ketamine IV Infusion Therapy", IReadOnlyList<string>? tags = null, string? reviewer = null) => new()
    {
        Slug = "ketamine-iv-infusion-therapy",
        Title = title,
        Published = new DateTimeOffset(2022, 11, 23, 0, 0, 0, TimeSpan.Zero),
        Description = "Ketamine infusion therapy treats depression that did not respond to other care.",
        Excerpt = "Ketamine infusion therapy treats depression…",
        WordCount = 408,
        ReadingMinutes = 3,
        Tags = tags ?? ["mental health", "ketamine"],
        Author = "dr-amira-khan",
        ReviewedBy = reviewer,
        LastReviewed = reviewer is null ? null : new DateTimeOffset(2023, 1, 10, 0, 0, 0, TimeSpan.Zero),
        References = [new PostReference("NICE guidance", new Uri("https://www.nice.org.uk/guidance/ng222"))],
        Image = "https://media.example/ketamine.png",
        ImageAlt = "An infusion pump",
        ImageWidth = 1200,
        ImageHeight = 630,
        Html = "<p>Ketamine <em>infusion</em> therapy.</p>",
    };

    public static PageView PostView(RenderedPost post, LdPerson? reviewer = null)
    {
        var url = Site.BaseUrl + PagePaths.Post(post.Slug);
        var ld = StructuredData.For(post, url, new LdPerson("Dr Amira Khan", "MD", null, null), reviewer, Site.Title, Site.Language);
        return new PageView
        {
            Site = Site,
            Latest = [new LatestView("Sleep well", "/sleep-well/", "2 November 2022", "2022-11-02T00:00:00Z", "Sleep matters.")],
            Head = new HeadView
            {
                Title = post.Title + " | " + Site.Title,
                Description = post.Description,
                CanonicalUrl = url,
                OgType = "article",
                Image = new ImageView(post.Image!, post.ImageAlt, post.ImageWidth, post.ImageHeight),
                PublishedTime = SiteReader.Iso(post.Published),
                ModifiedTime = SiteReader.Iso(post.Published),
                Author = "Dr Amira Khan",
                Tags = post.Tags,
                JsonLdHtml = StructuredData.ScriptText(ld),
            },
            Post = new PostView
            {
                Title = post.Title,
                BodyHtml = post.Html,
                Date = SiteReader.DateText(post.Published),
                DateIso = SiteReader.Iso(post.Published),
                ReadingMinutes = post.ReadingMinutes,
                WordCount = post.WordCount,
                Tags = PostPageBuilder.Tags(post.Tags),
                References = [new LinkView("NICE guidance", "https://www.nice.org.uk/guidance/ng222")],
                Image = new ImageView(post.Image!, post.ImageAlt, post.ImageWidth, post.ImageHeight),
                Author = new PersonView("Dr Amira Khan", "MD, consultant anaesthetist", "https://media.example/amira.png", 96, 96, "/authors/dr-amira-khan/"),
                Reviewer = reviewer is null ? null : new PersonView(reviewer.Name, reviewer.Credentials, null, null, null, "/authors/dr-samuel-osei/"),
                Reviewed = reviewer is null ? null : SiteReader.DateText(post.LastReviewed!.Value),
                ReviewedIso = reviewer is null ? null : SiteReader.Iso(post.LastReviewed!.Value),
            },
        };
    }

    public static Task<string> RenderAsync(string template, PageView view) =>
        new PageRenderer(new ThemeTemplates(new DefaultThemeSource()), new ThemeAssets(new DefaultThemeSource(), store: null)).RenderAsync(template, view, CancellationToken.None);

    /// <summary>Parses a page as a browser would, failing on any HTML parse error.</summary>
    public static IHtmlDocument Parse(string html)
    {
        var errors = new List<string>();
        var parser = new HtmlParser(new HtmlParserOptions { IsStrictMode = false });
        parser.Error += (_, e) => errors.Add(((AngleSharp.Html.Dom.Events.HtmlErrorEvent)e).Message + " at " + ((AngleSharp.Html.Dom.Events.HtmlErrorEvent)e).Position);
        var document = parser.ParseDocument(html);
        Assert.Empty(errors);
        return document;
    }
}
