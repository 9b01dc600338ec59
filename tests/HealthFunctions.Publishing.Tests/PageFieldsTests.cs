using HealthFunctions.Publishing.Format;
using HealthFunctions.Publishing.Posts;
using HealthFunctions.Publishing.Tests.Support;

namespace HealthFunctions.Publishing.Tests;

/// <summary>The page-only front matter fields, canonicalUrl and noindex: checked, and kept for the page under one spelling.</summary>
public sealed class PageFieldsTests
{
    private static RenderedPost WithFields(string fields) =>
        TestPosts.Render(PostFile.Markdown("Fields", body: "Body text.", extra: fields));

    [Fact]
    public void Given_canonical_url_and_noindex_When_rendered_Then_both_are_kept_under_their_own_names()
    {
        var post = WithFields("canonical_url: https://first.example.org/sleep\nNoIndex: yes");

        Assert.Equal("https://first.example.org/sleep", post.Extra[FrontMatter.CanonicalUrlField]);
        Assert.Equal(true, post.Extra[FrontMatter.NoIndexField]);
    }

    [Theory]
    [InlineData("canonicalUrl: javascript:alert(1)", "canonicalUrl")]
    [InlineData("canonicalUrl: /relative/path", "canonicalUrl")]
    [InlineData("noindex: perhaps", "noindex")]
    public void Given_a_bad_page_field_When_rendered_Then_the_error_names_it(string fields, string field)
    {
        var error = Assert.Throws<PostFormatException>(() => WithFields(fields));

        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }
}
