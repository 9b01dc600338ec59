using System.Globalization;
using HealthFunctions.Publishing.Format;
using HealthFunctions.Publishing.Rendering;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Publishing.Posts;

/// <summary>
/// The first step of rendering: decode the upload, check the limits that must hold before Markdig sees
/// the text (<see cref="SourceLimits"/>), parse it once and read the front matter from the syntax tree.
/// </summary>
public sealed class PostParser(MarkdownPipeline pipeline, IOptions<PublishingOptions> options)
{
    /// <summary>Decodes raw upload bytes as strict UTF-8 within the size limit.</summary>
    public string Decode(ReadOnlySpan<byte> content) => SourceText.Decode(content, options.Value.MaxSourceBytes);

    public ParsedPost Parse(string sourceName, ReadOnlySpan<byte> content) => Parse(sourceName, Decode(content));

    public ParsedPost Parse(string sourceName, string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        markdown = markdown.TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(markdown))
        {
            throw new PostFormatException("the file holds only white space.");
        }

        if (FrontMatterFence.StartsWith(markdown, "+++"))
        {
            throw new PostFormatException("TOML front matter ('+++') is not supported; write it as YAML between '---' lines.", line: 1);
        }

        markdown = FrontMatterFence.BlankEmpty(markdown);
        var document = ParseMarkdown(markdown);
        return new ParsedPost(sourceName, document, ReadFrontMatter(document, markdown));
    }

    /// <summary>
    /// Parses Markdown text (a post, a profile, a summary) with the one pipeline, after the limits that
    /// keep parsing time bounded. Markdig's own depth limit becomes an editor's error.
    /// </summary>
    public MarkdownDocument ParseMarkdown(string markdown)
    {
        SourceLimits.Check(markdown);
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(markdown, pipeline);
        }
        catch (ArgumentException ex) when (ex.Message.Contains("deeply nested", StringComparison.Ordinal))
        {
            throw TooDeep();
        }

        // Emphasis and link brackets are matched after parsing and may nest deeper than the parser checks;
        // Markdig's renderer would refuse them later, so the same limit is applied here.
        if (MarkdownWalk.InlineDepth(document) > SourceLimits.MaxNesting)
        {
            throw TooDeep();
        }

        var tags = RawHtml.TagCount(document);
        return tags > SourceLimits.MaxRawHtmlTags
            ? throw new PostFormatException(string.Create(
                CultureInfo.InvariantCulture,
                $"the file has {tags:N0} raw HTML tags; the limit is {SourceLimits.MaxRawHtmlTags:N0}. Write more of it as Markdown, or split the post."))
            : document;
    }

    private static PostFormatException TooDeep() =>
        new($"the text is nested too deeply: quotes, lists, links or emphasis may be nested at most {SourceLimits.MaxNesting} levels inside each other.");

    /// <summary>The text between the front matter fences, as one string.</summary>
    public static string YamlOf(YamlFrontMatterBlock block) =>
        string.Join('\n', block.Lines.Lines.Take(block.Lines.Count).Select(line => line.Slice.ToString()));

    private static FrontMatter ReadFrontMatter(MarkdownDocument document, string markdown)
    {
        if (document.FirstOrDefault() is YamlFrontMatterBlock block)
        {
            return FrontMatterReader.Read(YamlOf(block), block.Line + 2);
        }

        if (FrontMatterFence.StartsWith(markdown, "---"))
        {
            throw new PostFormatException("the front matter opened with '---' on line 1 is never closed; end it with a '---' line.", line: 1);
        }

        return FrontMatter.Empty;
    }
}
