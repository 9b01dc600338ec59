namespace HealthFunctions.Publishing.Format;

/// <summary>A source a post cites, or a link on an author's profile: a title, a link, or both.</summary>
public sealed record PostReference(string Title, Uri? Url);
