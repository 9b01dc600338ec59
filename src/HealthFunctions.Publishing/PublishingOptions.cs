using System.ComponentModel.DataAnnotations;

namespace HealthFunctions.Publishing;

/// <summary>Where the blog's content lives and how posts are shaped. Bound to the "Publishing" section.</summary>
public sealed class PublishingOptions
{
    public const string SectionName = "Publishing";

    /// <summary>Container editors upload Markdown posts (and later authors, images, site.yaml) to.</summary>
    [Required, RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$", ErrorMessage = "SourceContainer must be a valid blob container name.")]
    public string SourceContainer { get; set; } = "posts";

    /// <summary>Private container that holds the rendered, sanitised HTML of each post.</summary>
    [Required, RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$", ErrorMessage = "HtmlContainer must be a valid blob container name.")]
    public string HtmlContainer { get; set; } = "html";

    /// <summary>Table that holds the post index, the per-source status rows and slug aliases.</summary>
    [Required, RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$", ErrorMessage = "IndexTable must be a valid table name.")]
    public string IndexTable { get; set; } = "PostIndex";

    /// <summary>Largest source file accepted, in bytes. Larger uploads are recorded as failed.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxSourceBytes { get; set; } = 1024 * 1024;

    /// <summary>Longest excerpt, in characters, before the ellipsis.</summary>
    [Range(20, 2000)]
    public int ExcerptLength { get; set; } = 150;

    /// <summary>Reading speed used for the reading-time estimate.</summary>
    [Range(50, 1000)]
    public int WordsPerMinute { get; set; } = 200;
}
