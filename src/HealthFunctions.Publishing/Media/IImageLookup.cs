namespace HealthFunctions.Publishing.Media;

/// <summary>Finds published images by their source path, so Markdown can link them relatively.</summary>
public interface IImageLookup
{
    PublishedImage? Find(string sourcePath);
}

/// <summary>An <see cref="IImageLookup"/> over images already gathered.</summary>
public sealed class ImageCatalog(IEnumerable<PublishedImage> images) : IImageLookup
{
    public static readonly ImageCatalog Empty = new([]);

    private readonly Dictionary<string, PublishedImage> _images = images.ToDictionary(i => i.SourcePath, StringComparer.Ordinal);

    public PublishedImage? Find(string sourcePath) => _images.GetValueOrDefault(sourcePath);
}
