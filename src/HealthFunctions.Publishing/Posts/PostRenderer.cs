using System.Text.RegularExpressions;
using HealthFunctions.Publishing.Rendering;
using HealthFunctions.Publishing.Text;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Renderers;
using Markdig.Syntax;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Publishing.Posts;

/// <summary>
/// Turns one Markdown source into a <see cref="RenderedPost"/>: decode, parse once, read front
/// matter from the syntax tree, apply defaults, render, sanitise, excerpt and count. Pure: no I/O.
/// </summary>
public sealed partial class PostRenderer
{
    private readonly MarkdownPipeline _pipeline;
    private readonly HtmlSafetyPolicy _safety;
    private readonly PublishingOptions _options;

    public PostRenderer(MarkdownPipeline pipeline, HtmlSafetyPolicy safety, IOptions<PublishingOptions> options)
    {
        _pipeline = pipeline;
        _safety = safety;
        _options = options.Value;
    }

    /// <summary>Renders the raw bytes of an upload named <paramref name="sourceName"/>.</summary>
    public RenderedPost Render(string sourceName, ReadOnlySpan<byte> content) =>
        Render(sourceName, SourceText.Decode(content, _options.MaxSourceBytes));

    /// <summary>Renders Markdown text named <paramref name="sourceName"/> (the file or blob name supplies slug and date defaults).</summary>
    public RenderedPost Render(string sourceName, string markdown)
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
        var matter = ReadFrontMatter(document, markdown);

        var stem = FileStem(sourceName);
        var hasFileDate = PostDates.TryTakeFileNameDate(stem, out var fileDate, out var stemSlug);

        var title = matter.Title ?? TakeTitleHeading(document)
            ?? throw new PostFormatException("the post has no title; add 'title:' to the front matter or start the text with a '# Heading'.", "title");
        var published = matter.Date ?? (hasFileDate ? fileDate : (DateTimeOffset?)null)
            ?? throw new PostFormatException("the post has no date; add 'date: 2024-05-01' to the front matter or name the file '2024-05-01-my-post.md'.", "date");
        var slug = matter.Slug ?? Slugs.From(stemSlug);

        var blocks = document.Where(block => block is not YamlFrontMatterBlock).ToList();
        var moreIndex = blocks.FindIndex(IsMoreMarker);
        var wordCount = WordCounter.Count(DocumentText.Of(blocks));
        var summary = PlainText(matter.Summary) ?? PlainText(matter.Description);
        var excerpt = Excerpts.Cut(summary ?? OpeningText(blocks, moreIndex), _options.ExcerptLength);

        return new RenderedPost
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
            Image = matter.Image,
            ImageAlt = matter.ImageAlt,
            Extra = matter.Extra,
            Html = _safety.Sanitize(ToHtml(document)),
        };
    }

    private string ToHtml(MarkdownDocument document)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    private static FrontMatter ReadFrontMatter(MarkdownDocument document, string markdown)
    {
        if (document.FirstOrDefault() is YamlFrontMatterBlock block)
        {
            var yaml = string.Join('\n', block.Lines.Lines.Take(block.Lines.Count).Select(line => line.Slice.ToString()));
            return FrontMatterReader.Read(yaml, block.Line + 2);
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

    /// <summary>The summary divider: <c>&lt;!--more--&gt;</c> on a line of its own (any case, spaces allowed inside).</summary>
    private static bool IsMoreMarker(Block block) =>
        block is HtmlBlock html && MoreMarker().IsMatch(html.Lines.ToString());

    [GeneratedRegex(@"^\s*<!--\s*more\s*-->\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex MoreMarker();

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
