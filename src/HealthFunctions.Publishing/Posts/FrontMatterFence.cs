namespace HealthFunctions.Publishing.Posts;

/// <summary>The fence lines that open and close front matter at the top of a file.</summary>
internal static class FrontMatterFence
{
    /// <summary>True when the first line of <paramref name="markdown"/> is <paramref name="fence"/> alone.</summary>
    public static bool StartsWith(string markdown, string fence) =>
        markdown.StartsWith(fence, StringComparison.Ordinal)
        && markdown.AsSpan(fence.Length).TrimStart(' ').TrimStart('\r') is var rest
        && (rest.IsEmpty || rest[0] == '\n');

    /// <summary>
    /// Markdig does not take <c>---</c> straight after <c>---</c> as (empty) front matter; it would render two
    /// rules. The two fence lines are blanked, so line numbers stay the same.
    /// </summary>
    public static string BlankEmpty(string markdown)
    {
        if (!StartsWith(markdown, "---"))
        {
            return markdown;
        }

        var firstEnd = markdown.IndexOf('\n');
        if (firstEnd < 0)
        {
            return markdown;
        }

        var secondEnd = markdown.IndexOf('\n', firstEnd + 1);
        var second = (secondEnd < 0 ? markdown[(firstEnd + 1)..] : markdown[(firstEnd + 1)..secondEnd]).TrimEnd('\r', ' ', '\t');
        return second is "---" or "..."
            ? "\n\n" + (secondEnd < 0 ? string.Empty : markdown[(secondEnd + 1)..])
            : markdown;
    }
}
