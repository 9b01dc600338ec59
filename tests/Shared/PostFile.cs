namespace HealthFunctions.Testing;

/// <summary>
/// The text of a Markdown post as an editor uploads it: YAML front matter between <c>---</c> lines
/// (title on line 2, date on line 3, then the optional fields), then the body. For tests whose point
/// is what a post says; tests about odd encodings, broken YAML or exact bytes write their files out.
/// </summary>
public static class PostFile
{
    public const string DefaultTitle = "Test post";
    public const string DefaultDate = "2024-05-01";
    public const string DefaultBody = "Plain words for the reader.";

    /// <param name="title">Written as a double-quoted YAML string; <see langword="null"/> leaves the field out.</param>
    /// <param name="date">Written as given (<c>2024-05-01</c>, <c>2024-05-01T09:30:00Z</c>); <see langword="null"/> leaves the field out.</param>
    /// <param name="body">The Markdown after the front matter.</param>
    /// <param name="slug">The <c>slug</c> field, when given.</param>
    /// <param name="tags">The inside of a YAML flow list (<c>"heart, sleep"</c>), when given.</param>
    /// <param name="draft">Adds <c>draft: true</c>.</param>
    /// <param name="extra">More front matter lines, written as given after the others.</param>
    public static string Markdown(
        string? title = DefaultTitle,
        string? date = DefaultDate,
        string body = DefaultBody,
        string? slug = null,
        string? tags = null,
        bool draft = false,
        string? extra = null)
    {
        var lines = new List<string> { "---" };
        if (title is not null)
        {
            lines.Add($"title: \"{title.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
        }

        if (date is not null)
        {
            lines.Add($"date: {date}");
        }

        if (slug is not null)
        {
            lines.Add($"slug: {slug}");
        }

        if (tags is not null)
        {
            lines.Add($"tags: [{tags}]");
        }

        if (draft)
        {
            lines.Add("draft: true");
        }

        if (extra is not null)
        {
            lines.Add(extra);
        }

        lines.Add("---");
        lines.Add(body);
        return string.Join('\n', lines) + "\n";
    }
}
