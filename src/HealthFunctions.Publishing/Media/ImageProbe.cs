using HealthFunctions.Publishing.Format;
using SkiaSharp;

namespace HealthFunctions.Publishing.Media;

/// <summary>What an image file really is, read from its header by SkiaSharp's decoder (no pixels are decoded).</summary>
public sealed record ImageFacts(int Width, int Height, string ContentType);

/// <summary>Checks an upload is a real image of an accepted type and reads its size.</summary>
public static class ImageProbe
{
    public static ImageFacts Read(string name, byte[] content, int maxBytes)
    {
        if (content.Length == 0)
        {
            throw new PostFormatException("the image file is empty.");
        }

        if (content.Length > maxBytes)
        {
            throw new PostFormatException($"the image is {content.Length:N0} bytes; the limit is {maxBytes:N0} bytes.");
        }

        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data)
            ?? throw new PostFormatException($"'{name}' is not an image this blog can publish (PNG, JPEG, GIF or WebP).");
        var contentType = codec.EncodedFormat switch
        {
            SKEncodedImageFormat.Png => "image/png",
            SKEncodedImageFormat.Jpeg => "image/jpeg",
            SKEncodedImageFormat.Gif => "image/gif",
            SKEncodedImageFormat.Webp => "image/webp",
            var other => throw new PostFormatException($"'{name}' is a {other} image; publish PNG, JPEG, GIF or WebP."),
        };
        if (ImagePaths.ContentTypeOf(name) is { } expected && expected != contentType)
        {
            throw new PostFormatException($"'{name}' is named as {expected} but holds {contentType}; rename it or convert it.");
        }

        return new ImageFacts(codec.Info.Width, codec.Info.Height, contentType);
    }
}
