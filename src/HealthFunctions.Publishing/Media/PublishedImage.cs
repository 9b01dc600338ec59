namespace HealthFunctions.Publishing.Media;

/// <summary>An image published to public storage: where readers fetch it and its pixel size.</summary>
/// <param name="SourcePath">The image's name in the source container (e.g. <c>2024/ketamine/drip.jpg</c>).</param>
/// <param name="Url">Public URL, with a version query so long-lived caching never serves an old copy.</param>
public sealed record PublishedImage(string SourcePath, string Url, int Width, int Height, string ContentType);
