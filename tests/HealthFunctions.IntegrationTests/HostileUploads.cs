using System.Text;

namespace HealthFunctions.IntegrationTests;

/// <summary>One hostile or careless upload: a file name, its bytes, and what its status row must say.</summary>
public sealed record HostileUpload(string Case, string Name, string Content, string State, string Message)
{
    public override string ToString() => Case;
}

/// <summary>The uploads of issue 14 (an attacker and a careless editor), as files.</summary>
internal static class HostileUploads
{
    public const string Unexpected = "unexpected error (reference ";

    /// <summary>What an editor reads when quotes, lists, links or emphasis nest past Markdig's limit.</summary>
    public const string Deep = "the text is nested too deeply: quotes, lists, links or emphasis may be nested at most 127 levels inside each other.";

    public static TheoryData<HostileUpload> All => new(
        Failed("malformed YAML", "2025-03-01-unclosed.md", "---\ntitle: [unclosed\ndate: 2025-03-01\n---\nBody.\n", "is not valid YAML"),
        Failed("front matter nested 5,000 deep", "2025-03-01-nested.md", PostFile.Markdown(extra: "deep: " + new string('[', 5_000) + new string(']', 5_000)), "'deep' (line 4): lists and maps are nested more than 10 levels deep"),
        Failed("billion laughs", "2025-03-01-laughs.md", PostFile.Markdown(extra: BillionLaughs()), "'a' (line 4): YAML anchors and aliases ('&name', '*name') are not supported"),
        Failed("40,000-character title", "2025-03-01-title.md", PostFile.Markdown(new string('t', 40_000)), "'title' (line 2): is 40,000 characters long; the limit is 300."),
        Failed("200 KB summary", "2025-03-01-summary.md", PostFile.Markdown(extra: "summary: " + new string('s', 200_000)), "'summary' (line 4): is 200,000 characters long; the limit is 5,000."),
        Failed("900 KB unknown field", "2025-03-01-unknown.md", PostFile.Markdown(extra: "notes: " + new string('n', 900_000)), "'notes' (line 4): fields this system does not know may hold 5,000 characters in all"),
        Failed("1,000 tags", "2025-03-01-tags.md", PostFile.Markdown(extra: "tags: [" + string.Join(", ", Enumerable.Range(1, 1_000).Select(i => $"tag {i}")) + "]"), "'tags' (line 4): has 1,000 items; the limit is 25."),
        Failed("10,000 nested block quotes", "2025-03-01-quotes.md", PostFile.Markdown(body: new string('>', 10_000) + " deep"), "line 5: the line is 10,005 characters long; the limit is 10,000."),
        Failed("9,000 nested block quotes", "2025-03-01-quotes-short.md", PostFile.Markdown(body: new string('>', 9_000) + " deep"), Deep),
        Failed("10,000 nested list markers", "2025-03-01-lists.md", PostFile.Markdown(body: string.Concat(Enumerable.Repeat("- ", 10_000)) + "x"), "line 5: the line is 20,001 characters long; the limit is 10,000."),
        Failed("50,000 '['", "2025-03-01-brackets.md", PostFile.Markdown(body: new string('[', 50_000)), "line 5: the line is 50,000 characters long; the limit is 10,000."),
        Failed("50,000 '*' around a word", "2025-03-01-stars.md", PostFile.Markdown(body: StarsAroundAWord(25_000)), Deep),
        Failed("50,000 unclosed raw HTML elements", "2025-03-01-unclosed-html.md", PostFile.Markdown(body: string.Concat(Enumerable.Repeat("<div>\n", 50_000))), "the file has 50,000 raw HTML tags; the limit is 2,000."),
        Failed("10,000 identical headings", "2025-03-01-headings.md", PostFile.Markdown(body: string.Concat(Enumerable.Repeat("## Same\n\n", 10_000))), "line 2005: the file has more than 1,000 headings"),
        Failed("a 1,000,000-character line", "2025-03-01-long-line.md", PostFile.Markdown(body: new string('a', 1_000_000)), "line 5: the line is 1,000,000 characters long; the limit is 10,000."),
        Failed("author bio of 200,000 characters", "authors/long-bio.md", "---\nname: Long Bio\n---\n" + string.Join("\n\n", Enumerable.Repeat(new string('b', 100), 2_000)) + "\n", "'bio': becomes 216,000 characters of HTML"),
        Ignored("hidden file", ".hidden.md", "files whose names start with '.' or '_' are not published."),
        Ignored("draft by name", "drafts/_draft.md", "files whose names start with '.' or '_' are not published."),
        Ignored("SVG image", "img.svg", "SVG images are not published: they can carry script."),
        Ignored("tab in the name", "tab\tname.md", "the blob name contains control characters."),
        Ignored("name over 1,024 characters", new string('n', 1_100) + ".md", "blob names must be 1 to 1024 characters long."));

    private static HostileUpload Failed(string name, string file, string content, string message) =>
        new(name, file, content, "Failed", message);

    /// <summary>Asterisks on lines of 4,000 (within the line limit), around one word: emphasis nested half as deep.</summary>
    private static string StarsAroundAWord(int each)
    {
        var lines = string.Join('\n', new string('*', each).Chunk(4_000).Select(chunk => new string(chunk)));
        return lines + "a" + lines;
    }

    private static HostileUpload Ignored(string name, string file, string message) =>
        new(name, file, PostFile.Markdown(), "Ignored", message);

    private static string BillionLaughs()
    {
        var yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]");
        for (var c = 'b'; c <= 'i'; c++)
        {
            yaml.Append('\n').Append(c).Append(": &").Append(c).Append(" [").Append(string.Join(",", Enumerable.Repeat("*" + (char)(c - 1), 9))).Append(']');
        }

        return yaml.ToString();
    }
}
