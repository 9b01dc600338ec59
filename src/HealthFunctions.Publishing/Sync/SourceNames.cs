namespace HealthFunctions.Publishing.Sync;

/// <summary>Which uploaded file names are posts.</summary>
public static class SourceNames
{
    public const int MaxLength = 1024;

    private static readonly string[] MarkdownExtensions = [".md", ".markdown"];

    /// <summary>True when <paramref name="name"/> is a Markdown post; otherwise <paramref name="reason"/> says why not.</summary>
    public static bool IsPost(string name, out string reason)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxLength)
        {
            reason = $"blob names must be 1 to {MaxLength} characters long.";
            return false;
        }

        if (name.Any(char.IsControl))
        {
            reason = "the blob name contains control characters.";
            return false;
        }

        if (!MarkdownExtensions.Any(ext => name.EndsWith(ext, StringComparison.OrdinalIgnoreCase)))
        {
            reason = "only .md and .markdown files are posts.";
            return false;
        }

        var fileName = name[(name.LastIndexOf('/') + 1)..];
        if (fileName.StartsWith('.') || fileName.StartsWith('_'))
        {
            reason = "files whose names start with '.' or '_' are not published.";
            return false;
        }

        reason = string.Empty;
        return true;
    }
}
