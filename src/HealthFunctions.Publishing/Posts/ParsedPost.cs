using HealthFunctions.Publishing.Media;
using HealthFunctions.Publishing.Rendering;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HealthFunctions.Publishing.Posts;

/// <summary>A post parsed once, between <see cref="PostRenderer.Parse(string, string)"/> and <see cref="PostRenderer.Render(ParsedPost, IImageLookup?)"/>.</summary>
public sealed class ParsedPost
{
    internal ParsedPost(string sourceName, MarkdownDocument document, FrontMatter matter)
    {
        SourceName = sourceName;
        Document = document;
        Matter = matter;
        LinksLocalImages = ImagePaths.IsRelative(matter.Image)
            || MarkdownWalk.Inlines<LinkInline>(document).Any(link => link.IsImage && ImagePaths.IsRelative(link.Url));
    }

    public string SourceName { get; }

    /// <summary>True when the post links an image by a relative path (its body or its cover).</summary>
    public bool LinksLocalImages { get; }

    internal MarkdownDocument Document { get; }

    internal FrontMatter Matter { get; }
}
