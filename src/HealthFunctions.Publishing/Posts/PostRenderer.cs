using System.Globalization;
using HealthFunctions.Publishing.Content;
using HealthFunctions.Publishing.Media;
using HealthFunctions.Publishing.Rendering;
using HealthFunctions.Publishing.Text;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Publishing.Posts;

/// <summary>
/// Turns one Markdown source into a <see cref="RenderedPost"/>: decode, parse once, read front
/// matter from the syntax tree, apply defaults, render, sanitise, excerpt and count. Pure: no I/O.
/// </summary>
public sealed class PostRenderer
{
    private readonly MarkdownPipeline _pipeline;
    private readonly SafeHtmlRenderer _html;
    private readonly PublishingOptions _options;

    public PostRenderer(MarkdownPipeline pipeline, HtmlSafetyPolicy safety, IOptions<PublishingOptions> options)
    {
        _pipeline = pipeline;
        _html = new SafeHtmlRenderer(pipeline, safety);
        _options = options.Value;
    }

    /// <summary>Renders the raw bytes of an upload named <paramref name="sourceName"/>.</summary>
    /// <param name="images">Published images that relative image links may point at; null when there are none.</param>
    public RenderedPost Render(string sourceName, ReadOnlySpan<byte> content, IImageLookup? images = null) =>
        Render(Parse(sourceName, content), images);

    /// <summary>Renders Markdown text named <paramref name="sourceName"/> (the file or blob name supplies slug and date defaults).</summary>
    public RenderedPost Render(string sourceName, string markdown, IImageLookup? images = null) =>
        Render(Parse(sourceName, markdown), images);

    /// <summary>
    /// The first half of rendering: decode, parse once and read the front matter. It tells which
    /// local images the post links, so a caller fetches image sizes only when a post needs them.
    /// </summary>
    public ParsedPost Parse(string sourceName, ReadOnlySpan<byte> content) =>
        Parse(sourceName, SourceText.Decode(content, _options.MaxSourceBytes));

    public ParsedPost Parse(string sourceName, string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        markdown = markdown.TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(markdown))
        {
            throw new PostFormatException("the file holds only white space.");
        }

        RejectOtherFrontMatter(markdown);
        markdown = BlankEmptyFrontMatter(markdown);
        var document = Markdown.Parse(markdown, _pipeline);
        return new ParsedPost(sourceName, document, ReadFrontMatter(document, markdown));
    }

    /// <summary>The second half: defaults, image links, excerpt, counts, HTML. A parsed post is rendered once.</summary>
    public RenderedPost Render(ParsedPost parsed, IImageLookup? images = null)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var (sourceName, document, matter) = (parsed.SourceName, parsed.Document, parsed.Matter);

        var stem = FileStem(sourceName);
        var hasFileDate = PostDates.TryTakeFileNameDate(stem, out var fileDate, out var stemSlug);

        var title = matter.Title ?? TakeTitleHeading(document)
            ?? throw new PostFormatException("the post has no title; add 'title:' to the front matter or start the text with a '# Heading'.", "title");
        var published = matter.Date ?? (hasFileDate ? fileDate : (DateTimeOffset?)null)
            ?? throw new PostFormatException("the post has no date; add 'date: 2024-05-01' to the front matter or name the file '2024-05-01-my-post.md'.", "date");
        var slug = matter.Slug ?? Slugs.From(stemSlug);
        var warnings = new List<string>();
        ResolveImages(document, sourceName, images, warnings);
        var cover = ResolveCover(matter, sourceName, images, warnings);

        var blocks = document.Where(block => block is not YamlFrontMatterBlock).ToList();
        var moreIndex = blocks.FindIndex(MoreDivider.Is);
        var wordCount = DocumentText.CountWords(blocks);
        var summary = PlainText(matter.Summary) ?? PlainText(matter.Description);
        var excerpt = Excerpts.Cut(summary ?? OpeningText(blocks, moreIndex), _options.ExcerptLength);

        return PostLimits.Checked(new RenderedPost
        {
            Slug = slug,
            Title = Excerpts.Collapse(title),
            Published = published,
            Updated = matter.Updated,
            Tags = matter.Tags,
            Categories = matter.Categories,
            Description = summary ?? excerpt,
            Excerpt = excerpt,
            WordCount = wordCount,
            ReadingMinutes = Math.Max(1, (int)Math.Ceiling(wordCount / (double)_options.WordsPerMinute)),
            Author = matter.Author,
            ReviewedBy = matter.ReviewedBy,
            LastReviewed = matter.LastReviewed,
            References = matter.References,
            Aliases = matter.Aliases.Where(alias => alias != slug).ToList(),
            Draft = matter.Draft,
            ExpiryDate = matter.ExpiryDate,
            Image = cover?.Url ?? matter.Image,
            ImageAlt = matter.ImageAlt,
            ImageWidth = cover?.Width,
            ImageHeight = cover?.Height,
            Extra = matter.Extra,
            Warnings = warnings,
            Html = _html.Render(document, warnings),
        });
    }

    /// <summary>Renders an author profile (<c>authors/&lt;slug&gt;.md</c>): front matter fields plus the bio as sanitised HTML.</summary>
    public AuthorProfile RenderAuthor(string sourceName, ReadOnlySpan<byte> content, IImageLookup? images = null)
    {
        var markdown = BlankEmptyFrontMatter(SourceText.Decode(content, _options.MaxSourceBytes));
        var document = Markdown.Parse(markdown, _pipeline);
        if (document.FirstOrDefault() is not YamlFrontMatterBlock block)
        {
            throw new PostFormatException("the author profile needs front matter between '---' lines with at least 'name:'.", "name", 1);
        }

        var fields = ContentReaders.ReadAuthor(YamlOf(block), block.Line + 2);
        var warnings = new List<string>();
        ResolveImages(document, sourceName, images, warnings);
        PublishedImage? avatar = null;
        if (ImagePaths.IsRelative(fields.Avatar))
        {
            avatar = FindImage(sourceName, fields.Avatar!, images, warnings);
        }

        return new AuthorProfile
        {
            Slug = Slugs.From(FileStem(sourceName)),
            Name = Excerpts.Collapse(fields.Name),
            Credentials = fields.Credentials,
            BioHtml = _html.Render(document, warnings),
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
        var fields = ContentReaders.ReadSite(SourceText.Decode(content, _options.MaxSourceBytes));
        return new SiteSettings
        {
            Title = fields.Title,
            Description = fields.Description,
            AboutHtml = fields.AboutMarkdown is null ? null : _html.Render(Markdown.Parse(fields.AboutMarkdown, _pipeline)),
            BaseUrl = fields.BaseUrl,
            Language = fields.Language,
            DefaultAuthor = fields.DefaultAuthor,
        };
    }

    /// <summary>
    /// Points relative image links at their published copies and writes each one's width and height, so pages
    /// do not shift as images load. Missing images and images without alt text become warnings.
    /// </summary>
    private static void ResolveImages(MarkdownDocument document, string sourceName, IImageLookup? images, List<string> warnings)
    {
        foreach (var link in MarkdownWalk.Inlines<LinkInline>(document).Where(l => l.IsImage))
        {
            var alt = string.Concat(MarkdownWalk.Inlines<LiteralInline>(link).Select(l => l.Content.ToString())).Trim();
            if (alt.Length == 0)
            {
                warnings.Add($"image '{link.Url}' has no alt text; describe it for readers who cannot see it.");
            }

            if (!ImagePaths.IsRelative(link.Url) || FindImage(sourceName, link.Url!, images, warnings) is not { } image)
            {
                continue;
            }

            link.Url = image.Url;
            var attributes = link.GetAttributes();
            attributes.AddPropertyIfNotExist("width", image.Width.ToString(CultureInfo.InvariantCulture));
            attributes.AddPropertyIfNotExist("height", image.Height.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static PublishedImage? ResolveCover(FrontMatter matter, string sourceName, IImageLookup? images, List<string> warnings)
    {
        if (matter.Image is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(matter.ImageAlt))
        {
            warnings.Add($"the cover image '{matter.Image}' has no 'imageAlt'; describe it for readers who cannot see it.");
        }

        return ImagePaths.IsRelative(matter.Image) ? FindImage(sourceName, matter.Image, images, warnings) : null;
    }

    private static PublishedImage? FindImage(string sourceName, string relative, IImageLookup? images, List<string> warnings)
    {
        var path = ImagePaths.Resolve(sourceName, relative);
        var image = path is null ? null : images?.Find(path);
        if (image is null)
        {
            warnings.Add(path is null
                ? $"image '{relative}' points outside the blog's folders."
                : $"image '{relative}' was not found (looked for '{path}'); upload it beside the post.");
        }

        return image;
    }

    private static string YamlOf(YamlFrontMatterBlock block) =>
        string.Join('\n', block.Lines.Lines.Take(block.Lines.Count).Select(line => line.Slice.ToString()));

    private static FrontMatter ReadFrontMatter(MarkdownDocument document, string markdown)
    {
        if (document.FirstOrDefault() is YamlFrontMatterBlock block)
        {
            return FrontMatterReader.Read(YamlOf(block), block.Line + 2);
        }

        if (StartsWithFence(markdown, "---"))
        {
            throw new PostFormatException("the front matter opened with '---' on line 1 is never closed; end it with a '---' line.", line: 1);
        }

        return FrontMatter.Empty;
    }

    private static void RejectOtherFrontMatter(string markdown)
    {
        if (StartsWithFence(markdown, "+++"))
        {
            throw new PostFormatException("TOML front matter ('+++') is not supported; write it as YAML between '---' lines.", line: 1);
        }
    }

    private static bool StartsWithFence(string markdown, string fence) =>
        markdown.StartsWith(fence, StringComparison.Ordinal)
        && markdown.AsSpan(fence.Length).TrimStart(' ').TrimStart('\r') is var rest
        && (rest.IsEmpty || rest[0] == '\n');

    /// <summary>Uses the first top-level '# Heading' as the title and removes it from the body, so pages do not show it twice.</summary>
    private static string? TakeTitleHeading(MarkdownDocument document)
    {
        var heading = document.OfType<HeadingBlock>().FirstOrDefault(h => h.Level == 1);
        if (heading is null)
        {
            return null;
        }

        var text = DocumentText.Of([heading]).FirstOrDefault();
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        document.Remove(heading);
        return text;
    }

    /// <summary>A front matter summary may use Markdown and entities; listings need its plain text.</summary>
    private string? PlainText(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return null;
        }

        var text = Excerpts.Collapse(string.Join(' ', DocumentText.Of(Markdown.Parse(markdown, _pipeline))));
        return text.Length == 0 ? null : text;
    }

    /// <summary>
    /// Markdig does not take <c>---</c> straight after <c>---</c> as (empty) front matter; it would render two
    /// rules. The two fence lines are blanked, so line numbers stay the same.
    /// </summary>
    private static string BlankEmptyFrontMatter(string markdown)
    {
        if (!StartsWithFence(markdown, "---"))
        {
            return markdown;
        }

        var firstEnd = markdown.IndexOf('\n');
        if (firstEnd < 0)
        {
            return markdown;
        }

        var secondEnd = markdown.IndexOf('\n', firstEnd + 1);
        var second = (secondEnd < 0 ? markdown[(firstEnd + 1)..] : markdown[(firstEnd + 1)..secondEnd]).TrimEnd('\r', ' ', '\t');
        return second is "---" or "..."
            ? "\n\n" + (secondEnd < 0 ? string.Empty : markdown[(secondEnd + 1)..])
            : markdown;
    }

    /// <summary>
    /// The text an excerpt is cut from: everything before the <c>&lt;!--more--&gt;</c> divider when there is one;
    /// otherwise the opening top-level paragraphs (and block quotes), up to the first heading after them or
    /// until there is enough text. A post with no such paragraphs falls back to all its prose, lists included.
    /// </summary>
    private string OpeningText(List<Block> blocks, int moreIndex)
    {
        if (moreIndex >= 0)
        {
            return string.Join(' ', DocumentText.Of(blocks.Take(moreIndex), paragraphsOnly: true));
        }

        var text = new List<string>();
        var length = 0;
        foreach (var block in blocks)
        {
            if (block is HeadingBlock && length > 0)
            {
                break;
            }

            if (block is not (ParagraphBlock or QuoteBlock))
            {
                continue;
            }

            foreach (var paragraph in DocumentText.Of([block], paragraphsOnly: true).Where(p => !string.IsNullOrWhiteSpace(p)))
            {
                text.Add(paragraph);
                length += paragraph.Length;
            }

            if (length > _options.ExcerptLength)
            {
                break;
            }
        }

        return text.Count > 0
            ? string.Join(' ', text)
            : string.Join(' ', DocumentText.Of(blocks, paragraphsOnly: true));
    }

    private static string FileStem(string sourceName)
    {
        var name = sourceName.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name[..dot] : name;
    }
}
