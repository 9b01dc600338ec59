namespace HealthFunctions.Publishing.Media;

/// <summary>Public storage for images, with long-lived cache headers.</summary>
public interface IMediaStore
{
    Task<PublishedImage> PublishAsync(string sourcePath, byte[] content, ImageFacts facts, string sourceETag, CancellationToken cancellationToken);

    Task DeleteAsync(string sourcePath, CancellationToken cancellationToken);

    /// <summary>Every published image whose source path starts with <paramref name="folder"/>.</summary>
    Task<ImageCatalog> ListAsync(string folder, CancellationToken cancellationToken);
}
