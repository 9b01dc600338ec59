namespace HealthFunctions.IntegrationTests;

/// <summary>An editor's theme/*.liquid replaces a default template on every page; removing it brings the default back.</summary>
public sealed class SiteThemeTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string CustomPost = """
        <article class="custom-post"><h1>{{ post.title }}</h1><p class="custom-words">{{ post.word_count }} words, themed</p>{{ post.body_html | raw }}</article>
        """;

    private readonly BlogTestHost _host = new(azurite, site: true);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task An_uploaded_template_rewrites_every_post_page_and_its_values_are_still_escaped()
    {
        await _host.UploadAndTriggerAsync("one.md", PostFile.Markdown("One <b>bold</b>", "2025-01-01"));
        await _host.UploadAndTriggerAsync("two.md", PostFile.Markdown("Two", "2025-01-02"));
        await _host.DrainAsync();
        Assert.DoesNotContain("custom-post", await _host.PageAsync("/one/"));

        await _host.UploadAndTriggerAsync("theme/post.liquid", CustomPost);
        await Task.Delay(TimeSpan.FromSeconds(5.5));
        await _host.DrainAsync();

        var one = await _host.PageAsync("/one/");
        Assert.Contains("<article class=\"custom-post\"><h1>One &lt;b&gt;bold&lt;/b&gt;</h1>", one);
        Assert.Contains("words, themed", await _host.PageAsync("/two/"));
        Assert.Contains("Latest Posts", one);

        await _host.Source.DeleteBlobAsync("theme/post.liquid");
        await _host.TriggerAsync("theme/post.liquid");
        await Task.Delay(TimeSpan.FromSeconds(5.5));
        await _host.DrainAsync();

        Assert.DoesNotContain("custom-post", await _host.PageAsync("/two/"));
        Assert.Contains("class=\"word-count\"", await _host.PageAsync("/two/"));
    }
}
