using System.Globalization;
using HealthFunctions.Publishing.Format;
using HealthFunctions.Publishing.Rendering;
using HealthFunctions.Publishing.Text;
using Markdig.Syntax;

namespace HealthFunctions.Publishing.Posts;

/// <summary>A post's title, publication date and slug once defaults are applied.</summary>
public sealed record PostIdentity(string Title, DateTimeOffset Published, string Slug);

/// <summary>
/// The defaults step: fills in what the front matter leaves out. The title comes from the first
/// top-level <c># Heading</c> (taken out of the body), the date and slug from the file name
/// (<c>2024-05-01-my-post.md</c>).
/// </summary>
public sealed class PostDefaults
{
    public PostIdentity Apply(ParsedPost parsed, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var matter = parsed.Matter;
        var hasFileDate = PostDates.TryTakeFileNameDate(SourceFiles.Stem(parsed.SourceName), out var fileDate, out var stemSlug);

        var title = matter.Title ?? TakeTitleHeading(parsed.Document)
            ?? throw new PostFormatException("the post has no title; add 'title:' to the front matter or start the text with a '# Heading'.", "title");
        var slug = matter.Slug ?? Slugs.From(stemSlug);
        return new PostIdentity(Excerpts.Collapse(title), Published(matter, hasFileDate ? fileDate : null, warnings), slug);
    }

    private static DateTimeOffset Published(FrontMatter matter, DateTimeOffset? fileDate, ICollection<string> warnings)
    {
        if (matter.Date is { } date)
        {
            return date;
        }

        if (matter.UnreadableDate is { } problem)
        {
            // Jekyll publishes such a post with the date in its file name; so do we, and say so.
            if (fileDate is not { } fallback)
            {
                throw problem;
            }

            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{problem.Message} The date in the file name, {fallback:yyyy-MM-dd}, was used instead."));
            return fallback;
        }

        return fileDate
            ?? throw new PostFormatException("the post has no date; add 'date: 2024-05-01' to the front matter or name the file '2024-05-01-my-post.md'.", "date");
    }

    /// <summary>Uses the first top-level '# Heading' as the title and removes it from the body, so pages do not show it twice.</summary>
    private static string? TakeTitleHeading(MarkdownDocument document)
    {
        var heading = document.OfType<HeadingBlock>().FirstOrDefault(h => h.Level == 1);
        var text = heading is null ? null : DocumentText.Of([heading]).FirstOrDefault();
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        document.Remove(heading!);
        return text;
    }
}
