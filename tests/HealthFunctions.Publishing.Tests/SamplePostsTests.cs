using HealthFunctions.Publishing.Posts;
using HealthFunctions.Publishing.Tests.Support;

namespace HealthFunctions.Publishing.Tests;

/// <summary>Renders every post in samples/blog/posts and checks that what editors would see is sensible.</summary>
public sealed class SamplePostsTests
{
    private static string SamplePath(string fileName) => TestPaths.Output("Samples", fileName);

    private static RenderedPost RenderSample(string fileName) =>
        TestPosts.Renderer.Render(fileName, File.ReadAllBytes(SamplePath(fileName)));

    public static TheoryData<string> AllSamples()
    {
        var samples = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(TestPaths.Output("Samples"), "*.md").Order(StringComparer.Ordinal))
        {
            samples.Add(Path.GetFileName(file));
        }

        return samples;
    }

    [Fact]
    public void There_are_about_ten_samples()
    {
        Assert.InRange(AllSamples().Count, 8, 20);
    }

    [Theory]
    [MemberData(nameof(AllSamples))]
    public void Every_sample_renders_with_a_sensible_excerpt_and_counts(string fileName)
    {
        var post = RenderSample(fileName);

        Assert.True(Text.Slugs.IsValid(post.Slug), post.Slug);
        Assert.InRange(post.Title.Length, 10, 100);
        Assert.InRange(post.Published, new DateTimeOffset(2010, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(TimeSpan.Zero, post.Published.Offset);

        Assert.InRange(post.Excerpt.Length, 40, 151);
        Assert.DoesNotContain('<', post.Excerpt);
        Assert.DoesNotContain("&amp;", post.Excerpt, StringComparison.Ordinal);
        Assert.DoesNotContain("  ", post.Excerpt, StringComparison.Ordinal);
        AssertEndsOnWordBoundary(post);

        // An independent estimate: white-space separated tokens of the rendered text that contain a letter or digit.
        var estimate = Html.Text(post.Html).Split(' ').Count(token => token.Any(char.IsLetterOrDigit));
        Assert.InRange(post.WordCount, (int)(estimate * 0.85), (int)Math.Ceiling(estimate * 1.1));
        Assert.Equal(Math.Max(1, (int)Math.Ceiling(post.WordCount / 200.0)), post.ReadingMinutes);
        Assert.NotEmpty(post.Html);
    }

    public static TheoryData<string, string, string, string, string> Expected => new()
    {
        { "ketamine-iv-infusion-therapy.md", "ketamine-iv-infusion-therapy", "Ketamine IV infusion therapy: what to expect", "2024-05-14T08:00:00Z", "Ketamine has been used as an anaesthetic for more than fifty years." },
        { "2013-05-06-staying-hydrated-in-summer-heat.md", "staying-hydrated-in-summer-heat", "Staying hydrated in summer heat", "2013-05-06T00:12:52Z", "When temperatures climb, the body cools itself by sweating" },
        { "sleep-hygiene-basics.md", "sleep-hygiene-basics", "Sleep hygiene basics: seven habits for better nights", "2022-09-01T07:00:00Z", "Seven evidence-based habits" },
        { "managing-seasonal-allergies.md", "managing-seasonal-allergies", "Managing seasonal allergies", "2024-04-02T07:15:00Z", "Pollen season is here." },
        { "vitamin-d-in-winter.md", "vitamin-d-in-winter", "Vitamin D in winter: do you need a supplement?", "2024-01-15T00:00:00Z", "Between October and March" },
        { "understanding-blood-pressure-readings.md", "understanding-blood-pressure-readings", "Understanding your blood pressure readings", "2023-03-20T15:00:00Z", "What the two numbers mean" },
        { "first-aid-kit-essentials.md", "first-aid-kit-essentials", "What to keep in a home first aid kit", "2023-08-09T00:00:00Z", "A well-stocked kit means" },
        { "2024-02-10-a-week-of-meal-prep.md", "a-week-of-meal-prep", "A week of healthy meal prep, planned in an hour", "2024-02-10T00:00:00Z", "Spending an hour on Sunday" },
        { "2023-11-02-understanding-migraine-triggers.md", "understanding-migraine-triggers", "Understanding migraine triggers", "2023-11-02T00:00:00Z", "Migraine is more than a bad headache" },
        { "intermittent-fasting-what-the-evidence-says.md", "intermittent-fasting-what-the-evidence-says", "Intermittent fasting: what the evidence says", "2024-06-20T00:00:00Z", "Time-restricted eating is popular" },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Each_sample_gets_the_slug_title_date_and_excerpt_an_editor_expects(string fileName, string slug, string title, string date, string excerptStart)
    {
        var post = RenderSample(fileName);

        Assert.Equal(slug, post.Slug);
        Assert.Equal(title, post.Title);
        Assert.Equal(DateTimeOffset.Parse(date, System.Globalization.CultureInfo.InvariantCulture), post.Published);
        Assert.StartsWith(excerptStart, post.Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ketamine_article_is_about_400_words_in_headed_sections()
    {
        var post = RenderSample("ketamine-iv-infusion-therapy.md");

        Assert.InRange(post.WordCount, 340, 450);
        Assert.Equal(2, post.ReadingMinutes);
        var headings = Html.Body(post.Html).QuerySelectorAll("h2").Select(h => h.Id).ToList();
        Assert.Equal(["who-is-it-for", "before-the-first-session", "during-an-infusion", "how-many-sessions", "side-effects-and-risks", "the-bottom-line"], headings);
        Assert.Equal("An infusion line running from a drip bag in a quiet clinic room", post.ImageAlt);
    }

    [Fact]
    public void The_jekyll_sample_keeps_its_layout_and_uses_the_more_divider()
    {
        var post = RenderSample("2013-05-06-staying-hydrated-in-summer-heat.md");

        Assert.Equal("post", post.Extra["layout"]);
        Assert.Equal(["hydration", "heat", "older adults"], post.Tags);
        Assert.DoesNotContain("Older adults", post.Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void The_hugo_sample_reads_lastmod_expiry_date_and_aliases()
    {
        var post = RenderSample("sleep-hygiene-basics.md");

        Assert.Equal(new DateTimeOffset(2024, 2, 11, 18, 30, 0, TimeSpan.Zero), post.Updated);
        Assert.Equal(new DateTimeOffset(2027, 9, 1, 0, 0, 0, TimeSpan.Zero), post.ExpiryDate);
        Assert.Equal(["better-sleep-habits", "sleep-tips"], post.Aliases);
        Assert.False(post.IsPublicAt(new DateTimeOffset(2027, 9, 2, 0, 0, 0, TimeSpan.Zero)));
        Assert.True(post.IsPublicAt(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [MemberData(nameof(AllSamples))]
    public void Every_sample_is_plain_utf8_with_unix_line_endings(string fileName)
    {
        // The sample blog reads as a real one; the BOM and CRLF cases live in the integration tests' Fixtures/Encodings.
        var bytes = File.ReadAllBytes(SamplePath(fileName));

        Assert.False(bytes.AsSpan().StartsWith(System.Text.Encoding.UTF8.Preamble), $"{fileName} starts with a byte order mark");
        Assert.DoesNotContain((byte)'\r', bytes);
    }

    [Fact]
    public void The_reviewed_sample_carries_reviewer_date_and_three_kinds_of_reference()
    {
        var post = RenderSample("understanding-blood-pressure-readings.md");

        Assert.Equal("dr-samuel-osei", post.ReviewedBy);
        Assert.Equal(new DateTimeOffset(2024, 3, 15, 0, 0, 0, TimeSpan.Zero), post.LastReviewed);
        Assert.Collection(
            post.References,
            text => Assert.Null(text.Url),
            link => Assert.Equal(link.Title, link.Url!.ToString()),
            titled => Assert.Equal("NICE guideline NG136: Hypertension in adults", titled.Title));
    }

    [Fact]
    public void The_raw_html_sample_keeps_details_abbr_sup_kbd_and_its_image()
    {
        var body = Html.Body(RenderSample("first-aid-kit-essentials.md").Html);

        Assert.NotNull(body.QuerySelector("details > summary"));
        Assert.Equal("oral rehydration solution", body.QuerySelector("abbr")!.GetAttribute("title"));
        Assert.NotNull(body.QuerySelector("sup"));
        Assert.Equal(2, body.QuerySelectorAll("kbd").Length);
        Assert.Equal("https://images.example.org/blog/first-aid-kit.jpg", body.QuerySelector("img")!.GetAttribute("src"));
    }

    [Fact]
    public void The_meal_prep_sample_has_a_table_a_task_list_and_footnotes()
    {
        var body = Html.Body(RenderSample("2024-02-10-a-week-of-meal-prep.md").Html);

        Assert.Equal(5, body.QuerySelectorAll("table tbody tr").Length);
        Assert.Equal(5, body.QuerySelectorAll("li.task-list-item input[type=checkbox][disabled]").Length);
        Assert.Equal(2, body.QuerySelectorAll("div.footnotes li").Length);
        Assert.NotNull(body.QuerySelector("li del"));
    }

    [Fact]
    public void The_draft_sample_is_never_public()
    {
        var post = RenderSample("intermittent-fasting-what-the-evidence-says.md");

        Assert.True(post.Draft);
        Assert.False(post.IsPublicAt(DateTimeOffset.MaxValue));
    }

    /// <summary>The excerpt is either whole text, or a prefix of the post's text that stops at the end of a word.</summary>
    private static void AssertEndsOnWordBoundary(RenderedPost post)
    {
        if (!post.Excerpt.EndsWith('…'))
        {
            return;
        }

        var head = post.Excerpt[..^1];
        Assert.False(char.IsWhiteSpace(head[^1]), $"excerpt ends in white space: '{post.Excerpt}'");
        var source = post.Description.Length > post.Excerpt.Length ? post.Description : Html.Text(post.Html);
        var at = source.IndexOf(head, StringComparison.Ordinal);
        Assert.True(at >= 0, $"excerpt '{head}' is not taken from the text: '{source}'");
        var next = at + head.Length;
        Assert.True(next == source.Length || !char.IsLetterOrDigit(source[next]), $"excerpt cut inside a word: '{post.Excerpt}'");
    }
}
