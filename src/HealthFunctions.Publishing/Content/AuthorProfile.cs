using System.ComponentModel;
using HealthFunctions.Publishing.Format;

namespace HealthFunctions.Publishing.Content;

/// <summary>A writer or medical reviewer, from <c>authors/&lt;slug&gt;.md</c>.</summary>
/// <remarks>Never changed once built, so the profile cache hands out the instance it holds instead of a copy.</remarks>
[ImmutableObject(true)]
public sealed record AuthorProfile
{
    public required string Slug { get; init; }

    public required string Name { get; init; }

    /// <summary>Qualifications as readers see them, e.g. "MD, anaesthesiologist".</summary>
    public string? Credentials { get; init; }

    /// <summary>Sanitised HTML of the short bio.</summary>
    public required string BioHtml { get; init; }

    public string? Avatar { get; init; }

    public int? AvatarWidth { get; init; }

    public int? AvatarHeight { get; init; }

    public IReadOnlyList<PostReference> Links { get; init; } = [];

    public IReadOnlyList<string> Warnings { get; init; } = [];
}
