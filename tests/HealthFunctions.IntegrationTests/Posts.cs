namespace HealthFunctions.IntegrationTests;

/// <summary>Builds Markdown posts for tests.</summary>
internal static class Posts
{
    public static string Markdown(
        string title,
        string date,
        string body = "Plain words for the reader.",
        string? slug = null,
        string? tags = null,
        bool draft = false,
        string? extra = null)
    {
        var lines = new List<string> { "---", $"title: \"{title}\"", $"date: {date}" };
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
        lines.Add(string.Empty);
        lines.Add(body);
        return string.Join('\n', lines) + "\n";
    }
}
