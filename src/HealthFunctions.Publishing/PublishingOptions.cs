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

    /// <summary>Largest accepted image, in bytes.</summary>
    [Range(1024, 256 * 1024 * 1024)]
    public int MaxImageBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Container published images are copied to; readers fetch them from it directly (<c>$web</c> in Azure).</summary>
    [Required, RegularExpression("^(\\$web|[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9])$", ErrorMessage = "MediaContainer must be a valid blob container name or $web.")]
    public string MediaContainer { get; set; } = "media";

    /// <summary>Folder inside the media container that images go under (<c>media/</c> in Azure, beside the front end).</summary>
    public string MediaPathPrefix { get; set; } = string.Empty;

    /// <summary>Public URL of <see cref="MediaPathPrefix"/> in the media container; empty: the container's own blob URL.</summary>
    public string MediaBaseUrl { get; set; } = string.Empty;

    /// <summary>Longest excerpt, in characters, before the ellipsis.</summary>
    [Range(20, 2000)]
    public int ExcerptLength { get; set; } = 150;

    /// <summary>Reading speed used for the reading-time estimate.</summary>
    [Range(50, 1000)]
    public int WordsPerMinute { get; set; } = 200;
}
