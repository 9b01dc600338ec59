using System.Globalization;
using HealthFunctions.Publishing.Format;

namespace HealthFunctions.Publishing.Posts;

/// <summary>
/// Limits on the shape of Markdown text that keep parsing and rendering time bounded, checked before
/// Markdig sees the text. Each is part of the post format (docs/post-format.md, "Limits"); the values
/// come from measuring Markdig on hostile inputs, with room to spare for real posts.
/// </summary>
public static class SourceLimits
{
    /// <summary>
    /// Longest line, in characters. Markdig's inline parsing of some unclosed constructs (<c>[a](</c> over
    /// and over) grows with the square of the line's length; a long paragraph written on one line still fits.
    /// </summary>
    public const int MaxLineLength = 10_000;

    /// <summary>Most heading lines in one file. Heading anchors are made unique one by one, which grows with the square of their number.</summary>
    public const int MaxHeadings = 1_000;

    /// <summary>
    /// Most raw HTML tags (and comments) in one file. The sanitiser's HTML parser slows down with the
    /// square of the number of elements left open; real posts use a few dozen.
    /// </summary>
    public const int MaxRawHtmlTags = 2_000;

    /// <summary>Markdig's own limit on blocks and inlines nested inside each other (a list level counts twice).</summary>
    public const int MaxNesting = 127;

    /// <summary>
    /// Throws a <see cref="PostFormatException"/> naming the limit and the line when the Markdown of
    /// <paramref name="markdown"/> exceeds one. Front matter at the top is left to the front matter
    /// limits, which name the field.
    /// </summary>
    public static void Check(string markdown)
    {
        var headings = 0;
        var lineNumber = 0;
        var inFrontMatter = FrontMatterFence.StartsWith(markdown, "---");
        foreach (var range in markdown.AsSpan().Split('\n'))
        {
            lineNumber++;
            var line = markdown.AsSpan()[range];
            if (inFrontMatter)
            {
                inFrontMatter = lineNumber == 1 || line.TrimEnd(" \t\r") is not ("---" or "...");
                continue;
            }

            if (line.Length > MaxLineLength)
            {
                throw new PostFormatException(
                    string.Create(CultureInfo.InvariantCulture, $"the line is {line.Length:N0} characters long; the limit is {MaxLineLength:N0}. Break it into shorter lines or paragraphs."),
                    line: lineNumber);
            }

            if (IsHeadingLine(line) && ++headings > MaxHeadings)
            {
                throw new PostFormatException(
                    string.Create(CultureInfo.InvariantCulture, $"the file has more than {MaxHeadings:N0} headings; split it into several posts."),
                    line: lineNumber);
            }
        }
    }

    /// <summary>
    /// A line that may be a heading: an ATX heading (<c>## Title</c>) or a setext underline (<c>===</c>,
    /// <c>---</c>), also inside quotes and list items. It over-counts (a thematic break, a line that starts
    /// with <c>#tag</c>), which only matters to files that are far past the limit anyway.
    /// </summary>
    private static bool IsHeadingLine(ReadOnlySpan<char> line)
    {
        var text = line.TrimStart(" \t>").TrimEnd(" \t\r");
        if (text.IsEmpty)
        {
            return false;
        }

        if (text[0] is '=' or '-' && text.TrimStart(text[0]).IsEmpty)
        {
            return true;
        }

        return text.TrimStart(" \t>-*+0123456789.)") is ['#', ..];
    }
}
