using System.Globalization;
using HealthFunctions.Publishing.Media;
using HealthFunctions.Publishing.Rendering;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HealthFunctions.Publishing.Posts;

/// <summary>
/// The links-and-images step: points relative image links at their published copies and writes each
/// one's width and height, so pages do not shift as images load. Missing images and images without alt
/// text become warnings, never errors: the post is still published.
/// </summary>
public sealed class PostImages
{
    /// <summary>Resolves the images in the body of <paramref name="document"/>.</summary>
    /// <param name="images">Published images relative links may point at; null when there are none.</param>
    public void Link(MarkdownDocument document, string sourceName, IImageLookup? images, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var link in MarkdownWalk.Inlines<LinkInline>(document).Where(l => l.IsImage))
        {
            var alt = string.Concat(MarkdownWalk.Inlines<LiteralInline>(link).Select(l => l.Content.ToString())).Trim();
            if (alt.Length == 0)
            {
                warnings.Add($"image '{link.Url}' has no alt text; describe it for readers who cannot see it.");
            }

            if (!ImagePaths.IsRelative(link.Url) || Find(sourceName, link.Url!, images, warnings) is not { } image)
            {
                continue;
            }

            link.Url = image.Url;
            var attributes = link.GetAttributes();
            attributes.AddPropertyIfNotExist("width", image.Width.ToString(CultureInfo.InvariantCulture));
            attributes.AddPropertyIfNotExist("height", image.Height.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The published copy of a post's cover image, when it is a relative path that was found.</summary>
    public PublishedImage? Cover(FrontMatter matter, string sourceName, IImageLookup? images, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(matter);
        if (matter.Image is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(matter.ImageAlt))
        {
            warnings.Add($"the cover image '{matter.Image}' has no 'imageAlt'; describe it for readers who cannot see it.");
        }

        return ImagePaths.IsRelative(matter.Image) ? Find(sourceName, matter.Image, images, warnings) : null;
    }

    /// <summary>The published copy of the image at <paramref name="relative"/> to <paramref name="sourceName"/>, or a warning.</summary>
    public PublishedImage? Find(string sourceName, string relative, IImageLookup? images, ICollection<string> warnings)
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
}
