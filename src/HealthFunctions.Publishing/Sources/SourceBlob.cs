namespace HealthFunctions.Publishing.Sources;

/// <summary>
/// One version of an uploaded source file. <see cref="Content"/> is null when the file is larger
/// than the reader was allowed to download.
/// </summary>
public sealed record SourceBlob(string Name, string ETag, DateTimeOffset LastModified, long Length, byte[]? Content);
