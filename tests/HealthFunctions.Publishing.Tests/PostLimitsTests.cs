using System.Diagnostics;
using System.Text;
using HealthFunctions.Publishing.Format;
using HealthFunctions.Publishing.Tests.Support;
using HealthFunctions.Publishing.Text;

namespace HealthFunctions.Publishing.Tests;

/// <summary>
/// Each limit of the post format is refused with a message naming the field (and line), fast,
/// and as a <see cref="PostFormatException"/>, never another exception.
/// </summary>
public sealed class PostLimitsTests
{
    public static TheoryData<string, string, string?, int?, string> Cases => new()
    {
        { "unclosed flow list in the title", "---\ntitle: [unclosed\ndate: 2024-05-01\n---\nBody.\n", null, 2, "line 2: the front matter is not valid YAML: it ends inside a list or map" },
        { "front matter nested 5,000 deep", PostFile.Markdown(extra: "deep: " + new string('[', 5000) + new string(']', 5000)), "deep", 4, "nested more than 10 levels deep" },
        { "block maps nested 12 deep", PostFile.Markdown(extra: "keys:\n" + string.Concat(Enumerable.Range(1, 12).Select(i => new string(' ', i * 2) + $"k{i}:\n")) + new string(' ', 26) + "v"), "keys", null, "nested more than 10 levels deep" },
        { "billion laughs", PostFile.Markdown(extra: BillionLaughs()), "a", 4, "anchors and aliases" },
        { "an alias alone", PostFile.Markdown(extra: "same: *x"), "same", 4, "anchors and aliases" },
        { "a 40,000-character title", PostFile.Markdown(new string('t', 40_000)), "title", 2, "is 40,000 characters long; the limit is 300" },
        { "a 200 KB summary", PostFile.Markdown(extra: "summary: " + new string('s', 200_000)), "summary", 4, "is 200,000 characters long; the limit is 5,000" },
        { "a 900 KB unknown field", PostFile.Markdown(extra: "notes: " + new string('n', 900_000)), "notes", 4, "fields this system does not know may hold 5,000 characters" },
        { "1,000 tags", PostFile.Markdown(extra: "tags: [" + string.Join(", ", Enumerable.Range(1, 1000).Select(i => $"tag{i}")) + "]"), "tags", 4, "has 1,000 items; the limit is 25" },
        { "a 150-character tag", PostFile.Markdown(extra: "tags: [ok, " + new string('x', 150) + "]"), "tags", 4, "the limit for one item is 100" },
        { "21 aliases", PostFile.Markdown(extra: "aliases: [" + string.Join(", ", Enumerable.Range(1, 21).Select(i => $"old-{i}")) + "]"), "aliases", 4, "has 21 items; the limit is 20" },
        { "31 references", PostFile.Markdown(extra: "references:\n" + string.Concat(Enumerable.Range(1, 31).Select(i => $"  - Source {i}\n"))), "references", 5, "has 31 sources; the limit is 30" },
        { "a long author", PostFile.Markdown(extra: "author: " + new string('a', 201)), "author", 4, "the limit is 200" },
        { "a long slug", PostFile.Markdown(extra: "slug: " + new string('a', 81)), "slug", 4, "is 81 characters long; the limit is 80" },
        { "a 5,000-character heading as the title", PostFile.Markdown(title: null, body: "# " + new string('h', 5_000) + "\n\nBody."), "title", null, "is 5,000 characters long; the limit is 300" },
        { "ten thousand empty values", PostFile.Markdown(extra: "notes: [" + string.Join(",", Enumerable.Repeat("~", 10_000)) + "]"), "notes", 4, "fields this system does not know may hold 5,000 characters" },
        { "many small unknown fields over the total", PostFile.Markdown(extra: string.Concat(Enumerable.Range(1, 2000).Select(i => $"f{i}: v\n"))), "f852", 855, "fields this system does not know may hold 5,000 characters" },
        { "front matter over 32 KiB in known fields", PostFile.Markdown(extra: "summary: " + new string('s', 4_900) + "\ndescription: " + new string('d', 4_900) + "\nreferences:\n" + string.Concat(Enumerable.Range(1, 30).Select(i => $"  - {{title: '{new string('r', 150)}'}}\n")) + "imageAlt: " + new string('i', 450) + "\n" + "extra: " + new string('e', 4_000) + "\nauthor: " + new string('a', 190) + "\nnotes: " + new string(' ', 20_000) + "x"), "notes", null, "the limit is 32,768 bytes" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_limit_is_refused_naming_the_field_and_line(string name, string markdown, string? field, int? line, string expected)
    {
        var clock = Stopwatch.StartNew();
        var error = TestPosts.Reject(markdown);
        TestContext.Current.TestOutputHelper?.WriteLine($"{name}: {clock.ElapsedMilliseconds} ms: {error.Message}");

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(field, error.Field);
        if (line is not null)
        {
            Assert.Equal(line, error.Line);
        }

        Assert.True(error.Message.Length < 1_000, "messages quote at most a short part of a value");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{name} took {clock.Elapsed}");
    }

    [Fact]
    public void A_post_at_every_limit_is_published()
    {
        var tags = string.Join(", ", Enumerable.Range(1, 25).Select(i => $"t{i}-" + new string('x', 90)));
        var markdown = PostFile.Markdown(
            new string('t', 300),
            tags: tags,
            extra: "summary: " + new string('s', 5_000) + "\ncategories: [" + tags + "]\nauthor: " + new string('a', 200) +
            "\nnotes: " + new string('n', 4_990));

        var post = TestPosts.Render(markdown);

        Assert.Equal(25, post.Tags.Count);
        Assert.Equal(300, post.Title.Length);
    }

    [Fact]
    public void Anchors_are_refused_in_author_profiles_and_site_settings_too()
    {
        var author = Assert.Throws<PostFormatException>(() =>
            TestPosts.Renderer.RenderAuthor("authors/amira.md", Encoding.UTF8.GetBytes("---\nname: &n Amira\ncredentials: *n\n---\nBio.\n")));
        var site = Assert.Throws<PostFormatException>(() =>
            TestPosts.Renderer.RenderSite(Encoding.UTF8.GetBytes("title: &t Blog\ndescription: *t\n")));

        Assert.Contains("anchors and aliases", author.Message, StringComparison.Ordinal);
        Assert.Contains("anchors and aliases", site.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Front matter, whole", PostLimits.FrontMatterBytes)]
    [InlineData("Nesting in front matter", PostLimits.FrontMatterDepth)]
    [InlineData("`title`", PostLimits.TitleLength)]
    [InlineData("`summary`, `description`", PostLimits.SummaryLength)]
    [InlineData("`author`, `reviewedBy`", PostLimits.NameLength)]
    [InlineData("`slug`", Slugs.MaxLength)]
    [InlineData("`tags`, `categories`", PostLimits.ListItems, PostLimits.ListItemLength)]
    [InlineData("`aliases`", PostLimits.Aliases, PostLimits.AliasLength)]
    [InlineData("`references`", PostLimits.References, PostLimits.ReferencesLength)]
    [InlineData("`image`", PostLimits.ImageLinkLength)]
    [InlineData("`imageAlt`", PostLimits.ImageAltLength)]
    [InlineData("Fields this system does not know", PostLimits.UnknownFieldsLength)]
    [InlineData("Author bio, site About Me (as HTML)", PostLimits.StoredHtmlLength)]
    [InlineData("Status message and warnings", PostLimits.StatusMessageLength, PostLimits.StatusWarnings)]
    public void Every_limit_is_in_the_post_format_doc_with_its_value(string limit, int value, int second = 0)
    {
        var doc = File.ReadAllText(TestPaths.Output("Docs", "post-format.md"));
        var limits = doc[doc.IndexOf("\n## Limits", StringComparison.Ordinal)..];
        var row = limits.Split('\n').SingleOrDefault(line => line.StartsWith($"| {limit} |", StringComparison.Ordinal));

        Assert.NotNull(row);
        var cells = row.Split('|');
        Assert.Contains(value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), cells[2], StringComparison.Ordinal);
        if (second > 0)
        {
            Assert.Contains(second.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), cells[2], StringComparison.Ordinal);
        }
    }

    private static string BillionLaughs()
    {
        var lines = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var c = 'b'; c <= 'i'; c++)
        {
            var previous = (char)(c - 1);
            lines.Append(c).Append(": &").Append(c).Append(" [").Append(string.Join(",", Enumerable.Repeat("*" + previous, 9))).Append("]\n");
        }

        return lines.ToString().TrimEnd('\n');
    }
}
