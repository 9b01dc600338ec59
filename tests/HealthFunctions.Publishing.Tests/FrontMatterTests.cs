using HealthFunctions.Publishing.Format;
using HealthFunctions.Publishing.Posts;
using HealthFunctions.Publishing.Tests.Support;

namespace HealthFunctions.Publishing.Tests;

public sealed class FrontMatterTests
{
    private static RenderedPost WithFields(string fields, string body = "Body text.") =>
        TestPosts.Render(PostFile.Markdown("Fields", body: body, extra: fields));

    [Fact]
    public void Given_every_known_field_When_rendered_Then_each_lands_in_the_record()
    {
        var post = TestPosts.Render("""
            ---
            title: "Ketamine infusions: what to expect"
            date: 2024-05-01T09:30:00+02:00
            updated: 2024-06-01
            slug: ketamine-infusions
            tags: [ketamine, depression]
            categories: [Treatments]
            summary: A short, plain summary.
            author: Dr Amira Khan
            draft: false
            expiryDate: 2030-01-01
            reviewedBy: Dr Lee Chen, MD
            lastReviewed: 2024-05-20
            references:
              - https://www.nice.org.uk/guidance/ng222
            aliases: [ketamine-iv]
            image: https://images.example.org/infusion.jpg
            imageAlt: An infusion pump beside a recliner
            ---
            Body text.
            """);

        Assert.Equal("Ketamine infusions: what to expect", post.Title);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 7, 30, 0, TimeSpan.Zero), post.Published);
        Assert.Equal(new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero), post.Updated);
        Assert.Equal("ketamine-infusions", post.Slug);
        Assert.Equal(["ketamine", "depression"], post.Tags);
        Assert.Equal(["Treatments"], post.Categories);
        Assert.Equal("A short, plain summary.", post.Excerpt);
        Assert.Equal("Dr Amira Khan", post.Author);
        Assert.False(post.Draft);
        Assert.Equal(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), post.ExpiryDate);
        Assert.Equal("Dr Lee Chen, MD", post.ReviewedBy);
        Assert.Equal(new DateTimeOffset(2024, 5, 20, 0, 0, 0, TimeSpan.Zero), post.LastReviewed);
        Assert.Equal(new Uri("https://www.nice.org.uk/guidance/ng222"), Assert.Single(post.References).Url);
        Assert.Equal(["ketamine-iv"], post.Aliases);
        Assert.Equal("https://images.example.org/infusion.jpg", post.Image);
        Assert.Equal("An infusion pump beside a recliner", post.ImageAlt);
        Assert.Empty(post.Extra);
    }

    [Theory]
    [InlineData("tags: [sleep, Sleep, insomnia]", new[] { "sleep", "insomnia" })]
    [InlineData("tags: sleep, insomnia , ", new[] { "sleep", "insomnia" })]
    [InlineData("tags:\n  - sleep\n  - mental health", new[] { "sleep", "mental health" })]
    [InlineData("tags: \"single\"", new[] { "single" })]
    [InlineData("tags:", new string[0])]
    [InlineData("tags: ~", new string[0])]
    public void Tags_may_be_a_list_or_a_comma_separated_line_and_duplicates_are_dropped(string field, string[] expected) =>
        Assert.Equal(expected, WithFields(field).Tags);

    [Theory]
    [InlineData("categories: [Nutrition, Sleep]")]
    [InlineData("category: Nutrition, Sleep")]
    public void Categories_accept_the_singular_name_too(string field) =>
        Assert.Equal(["Nutrition", "Sleep"], WithFields(field).Categories);

    [Fact]
    public void Description_is_the_summary_when_there_is_no_summary_field()
    {
        var post = WithFields("description: Hugo-style description.");

        Assert.Equal("Hugo-style description.", post.Description);
        Assert.Equal("Hugo-style description.", post.Excerpt);
    }

    [Fact]
    public void Summary_wins_over_description()
    {
        var post = WithFields("summary: The summary.\ndescription: The description.");

        Assert.Equal("The summary.", post.Excerpt);
        Assert.Equal("The summary.", post.Description);
    }

    [Theory]
    [InlineData("draft: true", true)]
    [InlineData("draft: yes", true)]
    [InlineData("draft: On", true)]
    [InlineData("draft: FALSE", false)]
    [InlineData("draft: no", false)]
    [InlineData("published: false", true)]
    [InlineData("published: true", false)]
    [InlineData("", false)]
    public void Draft_reads_yaml_booleans_and_the_jekyll_published_flag(string field, bool draft) =>
        Assert.Equal(draft, WithFields(field).Draft);

    [Theory]
    [InlineData("updated: 2024-06-02")]
    [InlineData("lastmod: 2024-06-02")]
    [InlineData("modified: 2024-06-02")]
    public void Updated_accepts_hugo_lastmod_and_modified(string field) =>
        Assert.Equal(new DateTimeOffset(2024, 6, 2, 0, 0, 0, TimeSpan.Zero), WithFields(field).Updated);

    [Theory]
    [InlineData("expiryDate: 2025-01-01")]
    [InlineData("expiry_date: 2025-01-01")]
    [InlineData("expires: 2025-01-01")]
    public void Expiry_date_accepts_its_common_spellings(string field) =>
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), WithFields(field).ExpiryDate);

    [Theory]
    [InlineData("reviewedBy: Dr Ng\nlastReviewed: 2024-02-03")]
    [InlineData("reviewed_by: Dr Ng\nlast_reviewed: 2024-02-03")]
    [InlineData("Reviewed-By: Dr Ng\nLASTREVIEWED: 2024-02-03")]
    public void Field_names_ignore_case_dashes_and_underscores(string fields)
    {
        var post = WithFields(fields);

        Assert.Equal("Dr Ng", post.ReviewedBy);
        Assert.Equal(new DateTimeOffset(2024, 2, 3, 0, 0, 0, TimeSpan.Zero), post.LastReviewed);
    }

    [Fact]
    public void References_may_be_text_a_link_or_a_title_and_url()
    {
        var post = WithFields("""
            references:
              - "NICE. Depression in adults: treatment and management (NG222), 2022."
              - https://www.ncbi.nlm.nih.gov/books/NBK470357/
              - title: Esketamine nasal spray - FDA label
                url: https://www.accessdata.fda.gov/drugsatfda_docs/label/2019/211243lbl.pdf
              - url: https://www.cochranelibrary.com/
            """);

        Assert.Equal(
            [
                new PostReference("NICE. Depression in adults: treatment and management (NG222), 2022.", null),
                new PostReference("https://www.ncbi.nlm.nih.gov/books/NBK470357/", new Uri("https://www.ncbi.nlm.nih.gov/books/NBK470357/")),
                new PostReference("Esketamine nasal spray - FDA label", new Uri("https://www.accessdata.fda.gov/drugsatfda_docs/label/2019/211243lbl.pdf")),
                new PostReference("https://www.cochranelibrary.com/", new Uri("https://www.cochranelibrary.com/")),
            ],
            post.References);
    }

    [Fact]
    public void A_text_reference_with_a_script_scheme_is_kept_as_text_not_as_a_link()
    {
        var reference = Assert.Single(WithFields("references:\n  - javascript:alert(1)").References);

        Assert.Null(reference.Url);
    }

    [Fact]
    public void Aliases_keep_the_last_path_segment_and_drop_the_post_s_own_slug()
    {
        var post = TestPosts.Render("---\ntitle: Sleep\ndate: 2024-05-01\nslug: sleep-basics\naliases:\n  - /2019/03/old-sleep-post/\n  - sleep-tips\n  - /posts/sleep-basics\n---\nBody.\n");

        Assert.Equal(["old-sleep-post", "sleep-tips"], post.Aliases);
    }

    [Theory]
    [InlineData("image: /img/a.png\nimage_alt: A chart", "/img/a.png", "A chart")]
    [InlineData("coverImage: https://images.example.org/a.png", "https://images.example.org/a.png", null)]
    [InlineData("image: //cdn.example.org/a.png", "//cdn.example.org/a.png", null)]
    [InlineData("image: img/a:b.png", "img/a:b.png", null)]
    [InlineData("image: /img/a.png?v=1:2", "/img/a.png?v=1:2", null)]
    public void Image_and_its_alt_text_are_read(string fields, string image, string? alt)
    {
        var post = WithFields(fields);

        Assert.Equal(image, post.Image);
        Assert.Equal(alt, post.ImageAlt);
    }

    [Fact]
    public void Unknown_fields_are_kept_in_extra_and_do_not_fail_the_post()
    {
        var post = WithFields("layout: post\ncomments: true\ntoc: [intro, dosing]\nseo:\n  noindex: false\n  canonical: https://example.org/x");

        Assert.Equal("post", post.Extra["layout"]);
        Assert.Equal("true", post.Extra["comments"]);
        Assert.Equal(["intro", "dosing"], Assert.IsType<List<object?>>(post.Extra["toc"]));
        var seo = Assert.IsType<Dictionary<string, object?>>(post.Extra["seo"]);
        Assert.Equal("https://example.org/x", seo["canonical"]);
    }

    [Fact]
    public void Numbers_in_text_fields_are_read_as_text()
    {
        var post = TestPosts.Render("---\ntitle: 2024\ndate: 2024-05-01\nauthor: 42\n---\nBody.\n");

        Assert.Equal("2024", post.Title);
        Assert.Equal("42", post.Author);
    }

    [Fact]
    public void Empty_front_matter_fields_fall_back_to_their_defaults()
    {
        var post = TestPosts.Render("---\ntitle: \"\"\ndate:\nsummary:\n---\n# From the heading\n\nBody.\n", "2024-03-04-empty-fields.md");

        Assert.Equal("From the heading", post.Title);
        Assert.Equal(new DateTimeOffset(2024, 3, 4, 0, 0, 0, TimeSpan.Zero), post.Published);
        Assert.Equal("Body.", post.Excerpt);
    }

    [Fact]
    public void Regression_yaml_null_values_were_read_as_the_text_null()
    {
        // `draft: null` failed with "'null' is not true or false" and `title: ~` became the title "~".
        var post = TestPosts.Render("---\ntitle: ~\ndate: 2024-05-01\ndraft: null\nauthor: NULL\nreferences: ~\nlayout: ~\n---\n# Real title\n\nBody.\n");

        Assert.Equal("Real title", post.Title);
        Assert.False(post.Draft);
        Assert.Null(post.Author);
        Assert.Empty(post.References);
        Assert.Null(post.Extra["layout"]);
    }

    [Fact]
    public void A_quoted_null_is_ordinary_text()
    {
        var post = TestPosts.Render("---\ntitle: \"null\"\ndate: 2024-05-01\n---\nBody.\n");

        Assert.Equal("null", post.Title);
    }
}
