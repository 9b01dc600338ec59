using System.ComponentModel.DataAnnotations;

namespace HealthFunctions.Search.Related;

/// <summary>How related-posts lists are recomputed when a post changes. Bound to the "Related" section.</summary>
public sealed class RelatedOptions
{
    public const string SectionName = "Related";

    /// <summary>Storage queue carrying recomputations beyond <see cref="InlineLimit"/>.</summary>
    [Required, RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$", ErrorMessage = "Queue must be a valid queue name.")]
    public string Queue { get; set; } = "related-posts";

    /// <summary>How many posts' lists one publish recomputes itself (the changed post first); the rest go through the queue.</summary>
    [Range(1, 100)]
    public int InlineLimit { get; set; } = 10;

    /// <summary>How many posts one queue message carries.</summary>
    [Range(1, 100)]
    public int BatchSize { get; set; } = 10;
}
