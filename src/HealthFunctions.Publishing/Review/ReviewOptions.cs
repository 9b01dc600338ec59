using System.ComponentModel.DataAnnotations;

namespace HealthFunctions.Publishing.Review;

/// <summary>How fresh a medical review must be. Bound to the "Review" section.</summary>
public sealed class ReviewOptions
{
    public const string SectionName = "Review";

    /// <summary>Months after <c>lastReviewed</c> when a post is due for medical review again.</summary>
    [Range(1, 120)]
    public int MaxAgeMonths { get; set; } = 12;
}
