using HealthFunctions.Publishing.Rendering;
using HealthFunctions.Publishing.Text;
using Markdig.Syntax;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Publishing.Posts;

/// <summary>A post's description (for feeds and search engines) and its listing excerpt, both plain text.</summary>
public sealed record PostSummary(string Description, string Excerpt);

/// <summary>
/// The excerpt step. The front matter <c>summary</c> (or <c>description</c>) wins; otherwise the text
/// before the <c>&lt;!--more--&gt;</c> divider; otherwise the opening paragraphs. The excerpt is cut at a
/// word boundary to <see cref="PublishingOptions.ExcerptLength"/>.
/// </summary>
public sealed class PostExcerpts(PostParser parser, IOptions<PublishingOptions> options)
{
    private int Length => options.Value.ExcerptLength;

    public PostSummary For(FrontMatter matter, PostBody body)
    {
        ArgumentNullException.ThrowIfNull(matter);
        ArgumentNullException.ThrowIfNull(body);
        var summary = PlainText(matter.Summary) ?? PlainText(matter.Description);
        var excerpt = Excerpts.Cut(summary ?? OpeningText(body), Length);
        return new PostSummary(summary ?? excerpt, excerpt);
    }

    /// <summary>A front matter summary may use Markdown and entities; listings need its plain text.</summary>
    private string? PlainText(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return null;
        }

        var text = Excerpts.Collapse(string.Join(' ', DocumentText.Of(parser.ParseMarkdown(markdown))));
        return text.Length == 0 ? null : text;
    }

    /// <summary>
    /// Everything before the divider when there is one; otherwise the opening top-level paragraphs (and
    /// block quotes), up to the first heading after them or until there is enough text. A post with no
    /// such paragraphs falls back to all its prose, lists included.
    /// </summary>
    private string OpeningText(PostBody body)
    {
        if (body.MoreIndex >= 0)
        {
            return string.Join(' ', DocumentText.Of(body.BeforeMore, paragraphsOnly: true));
        }

        var text = new List<string>();
        var length = 0;
        foreach (var block in body.Blocks)
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

            if (length > Length)
            {
                break;
            }
        }

        return text.Count > 0
            ? string.Join(' ', text)
            : string.Join(' ', DocumentText.Of(body.Blocks, paragraphsOnly: true));
    }
}
