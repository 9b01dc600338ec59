using System.ComponentModel;

namespace HealthFunctions.Publishing.Content;

/// <summary>The blog's own settings, from <c>site.yaml</c>.</summary>
/// <remarks>Never changed once built, so the profile cache hands out the instance it holds instead of a copy.</remarks>
[ImmutableObject(true)]
public sealed record SiteSettings
{
    public required string Title { get; init; }

    public string? Description { get; init; }

    /// <summary>Sanitised HTML of the "About Me" box.</summary>
    public string? AboutHtml { get; init; }

    /// <summary>Public address of the blog, without a trailing slash.</summary>
    public string? BaseUrl { get; init; }

    public string Language { get; init; } = "en";

    public string? DefaultAuthor { get; init; }
}
