using HealthFunctions.Publishing.Content;
using HealthFunctions.Publishing.Format;
using HealthFunctions.Publishing.Media;
using HealthFunctions.Publishing.Rendering;
using HealthFunctions.Publishing.Text;
using Markdig.Extensions.Yaml;

namespace HealthFunctions.Publishing.Posts;

/// <summary>
/// Turns one Markdown source into a <see cref="RenderedPost"/>, in steps: front matter
/// (<see cref="PostParser"/>) → defaults (<see cref="PostDefaults"/>) → body (<see cref="PostBody"/>)
/// → links and images (<see cref="PostImages"/>) → safe HTML (<see cref="SafeHtmlRenderer"/>) → excerpt
/// (<see cref="PostExcerpts"/>) → counts (<see cref="PostCounts"/>). Pure: no I/O, and nothing is kept
/// between posts, so the same file gives the same post on any instance in any order.
/// </summary>
public sealed class PostRenderer(
    PostParser parser,
    PostDefaults defaults,
    PostImages images,
    SafeHtmlRenderer html,
    PostExcerpts excerpts,
    PostCounts counts)
{
    /// <summary>Renders the raw bytes of an upload named <paramref name="sourceName"/>.</summary>
    /// <param name="published">Published images that relative image links may point at; null when there are none.</param>
    public RenderedPost Render(string sourceName, ReadOnlySpan<byte> content, IImageLookup? published = null) =>
        Render(Parse(sourceName, content), published);

    /// <summary>Renders Markdown text named <paramref name="sourceName"/> (the file or blob name supplies slug and date defaults).</summary>
    public RenderedPost Render(string sourceName, string markdown, IImageLookup? published = null) =>
        Render(Parse(sourceName, markdown), published);

    /// <summary>
    /// The first half of rendering: decode, parse once and read the front matter. It tells which local
    /// images the post links, so a caller fetches image sizes only when a post needs them.
    /// </summary>
    public ParsedPost Parse(string sourceName, ReadOnlySpan<byte> content) => parser.Parse(sourceName, content);

    public ParsedPost Parse(string sourceName, string markdown) => parser.Parse(sourceName, markdown);

    /// <summary>The second half: defaults, body, images, HTML, excerpt, counts. A parsed post is rendered once.</summary>
    public RenderedPost Render(ParsedPost parsed, IImageLookup? published = null)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var (sourceName, document, matter) = (parsed.SourceName, parsed.Document, parsed.Matter);
        var warnings = new List<string>();

        var identity = defaults.Apply(parsed, warnings);
        var body = PostBody.Of(document);
        images.Link(document, sourceName, published, warnings);
        var cover = images.Cover(matter, sourceName, published, warnings);
        var safeHtml = html.Render(document, warnings);
        var summary = excerpts.For(matter, body);
        var reading = counts.For(body);

        return RenderedPostChecks.Checked(new RenderedPost
        {
            Slug = identity.Slug,
            Title = identity.Title,
            Published = identity.Published,
            Updated = matter.Updated,
            Tags = matter.Tags,
            Categories = matter.Categories,
            Description = summary.Description,
            Excerpt = summary.Excerpt,
            WordCount = reading.WordCount,
            ReadingMinutes = reading.ReadingMinutes,
            Author = matter.Author,
            ReviewedBy = matter.ReviewedBy,
            LastReviewed = matter.LastReviewed,
            References = matter.References,
            Aliases = matter.Aliases.Where(alias => alias != identity.Slug).ToList(),
            Draft = matter.Draft,
            ExpiryDate = matter.ExpiryDate,
            Image = cover?.Url ?? matter.Image,
            ImageAlt = matter.ImageAlt,
            ImageWidth = cover?.Width,
            ImageHeight = cover?.Height,
            Extra = matter.Extra,
            Warnings = warnings,
            Html = safeHtml,
        });
    }

    /// <summary>Renders an author profile (<c>authors/&lt;slug&gt;.md</c>): front matter fields plus the bio as sanitised HTML.</summary>
    public AuthorProfile RenderAuthor(string sourceName, ReadOnlySpan<byte> content, IImageLookup? published = null)
    {
        var document = parser.ParseMarkdown(FrontMatterFence.BlankEmpty(parser.Decode(content)));
        if (document.FirstOrDefault() is not YamlFrontMatterBlock block)
        {
            throw new PostFormatException("the author profile needs front matter between '---' lines with at least 'name:'.", "name", 1);
        }

        var fields = ContentReaders.ReadAuthor(PostParser.YamlOf(block), block.Line + 2);
        var warnings = new List<string>();
        images.Link(document, sourceName, published, warnings);
        var avatar = ImagePaths.IsRelative(fields.Avatar) ? images.Find(sourceName, fields.Avatar!, published, warnings) : null;

        return new AuthorProfile
        {
            Slug = Slugs.From(SourceFiles.Stem(sourceName)),
            Name = Excerpts.Collapse(fields.Name),
            Credentials = fields.Credentials,
            BioHtml = html.Render(document, warnings),
            Avatar = avatar?.Url ?? (ImagePaths.IsRelative(fields.Avatar) ? null : fields.Avatar),
            AvatarWidth = avatar?.Width,
            AvatarHeight = avatar?.Height,
            Links = fields.Links,
            Warnings = warnings,
        };
    }

    /// <summary>Reads <c>site.yaml</c>; its About Me text is Markdown, rendered and sanitised like a post.</summary>
    public SiteSettings RenderSite(ReadOnlySpan<byte> content)
    {
        var fields = ContentReaders.ReadSite(parser.Decode(content));
        return new SiteSettings
        {
            Title = fields.Title,
            Description = fields.Description,
            AboutHtml = fields.AboutMarkdown is null ? null : html.Render(parser.ParseMarkdown(fields.AboutMarkdown)),
            BaseUrl = fields.BaseUrl,
            Language = fields.Language,
            DefaultAuthor = fields.DefaultAuthor,
        };
    }
}
