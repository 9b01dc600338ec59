using System.Net;
using HealthFunctions.Cli;
using HealthFunctions.Publishing.Index;

namespace HealthFunctions.IntegrationTests;

/// <summary>
/// The example blog in samples/blog (posts, two authors, images, site.yaml) uploaded with the
/// CLI and reindexed: the site, author and post responses carry every field, and image URLs
/// resolve against Azurite.
/// </summary>
public sealed class BlogFolderTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly HttpClient Http = new();
    private readonly BlogTestHost _host = new(azurite);

    public async ValueTask InitializeAsync()
    {
        var sample = Path.Combine(RepositoryRoot.Find(), "samples", "blog");
        var settings = new Dictionary<string, string?>(_host.Settings);
        var output = new StringWriter();
        Assert.Equal(0, await CliApp.RunAsync(["publish", sample], TextReader.Null, output, TextWriter.Null, settings));
        Assert.Contains("uploaded site.yaml", output.ToString());
        Assert.Contains("uploaded posts/images/iv-drip.png", output.ToString());
        var errors = new StringWriter();
        var code = await CliApp.RunAsync(["reindex"], TextReader.Null, TextWriter.Null, errors, settings);
        Assert.True(code == 0, $"reindex exited {code}: {errors}");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Site_settings_come_from_site_yaml()
    {
        var site = (await _host.GetAsync("/api/site")).Json;

        Assert.Equal("Trending Health And Medical Information For Healthy Living", site.GetProperty("title").GetString());
        Assert.Equal("https://healthy-living.example.org", site.GetProperty("baseUrl").GetString());
        Assert.Equal("en-GB", site.GetProperty("language").GetString());
        Assert.Equal("dr-amira-khan", site.GetProperty("defaultAuthor").GetString());
        Assert.Contains("<strong>Amira</strong>", site.GetProperty("aboutHtml").GetString());
    }

    [Fact]
    public async Task An_author_has_a_profile_with_an_avatar_that_resolves()
    {
        var author = (await _host.GetAsync("/api/authors/dr-amira-khan")).Json;

        Assert.Equal("Dr Amira Khan", author.GetProperty("name").GetString());
        Assert.Equal("MD, consultant anaesthetist", author.GetProperty("credentials").GetString());
        Assert.Contains("<strong>what treatments feel like from the patient's chair</strong>", author.GetProperty("bioHtml").GetString());
        Assert.Equal(96, author.GetProperty("avatarWidth").GetInt32());
        Assert.Equal("https://clinic.example.org/staff/amira-khan", author.GetProperty("links")[0].GetProperty("url").GetString());
        await AssertImageAsync(author.GetProperty("avatar").GetString()!, "image/png");

        var posts = (await _host.GetAsync("/api/authors/dr-amira-khan/posts", "limit=50")).Json;
        Assert.Contains("ketamine-iv-infusion-therapy", posts.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()));
    }

    [Fact]
    public async Task A_post_links_its_images_with_sizes_and_names_its_people()
    {
        var post = (await _host.GetPostAsync("ketamine-iv-infusion-therapy")).Json;

        var html = post.GetProperty("html").GetString()!;
        var image = post.GetProperty("image").GetString()!;
        Assert.Contains($"<img src=\"{image}\" width=\"320\" height=\"180\"", html.Replace("&amp;", "&"));
        Assert.Equal(320, post.GetProperty("imageWidth").GetInt32());
        Assert.Equal(180, post.GetProperty("imageHeight").GetInt32());
        await AssertImageAsync(image, "image/png");

        Assert.Equal("MD, consultant anaesthetist", post.GetProperty("authorProfile").GetProperty("credentials").GetString());
        var ld = post.GetProperty("jsonLd");
        Assert.Equal("Person", ld.GetProperty("author").GetProperty("@type").GetString());
        Assert.Equal("MD, consultant anaesthetist", ld.GetProperty("author").GetProperty("jobTitle").GetString());
        Assert.Equal("https://healthy-living.example.org/ketamine-iv-infusion-therapy/", ld.GetProperty("url").GetString());
        Assert.Equal("Trending Health And Medical Information For Healthy Living", ld.GetProperty("publisher").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_reviewed_post_names_its_reviewer_with_credentials()
    {
        var post = (await _host.GetPostAsync("understanding-blood-pressure-readings")).Json;

        Assert.Equal("Dr Samuel Osei", post.GetProperty("reviewer").GetProperty("name").GetString());
        var reviewer = post.GetProperty("jsonLd").GetProperty("reviewedBy");
        Assert.Equal("MedicalWebPage", post.GetProperty("jsonLd").GetProperty("@type").GetString());
        Assert.Equal("MD, FACC, cardiologist", reviewer.GetProperty("jobTitle").GetString());
    }

    [Fact]
    public async Task A_post_by_an_author_without_a_profile_is_published_with_a_warning()
    {
        var records = new List<SourceRecord>();
        await foreach (var record in _host.Get<IPostIndex>().ListSourcesAsync(CancellationToken.None))
        {
            records.Add(record);
        }

        var byTom = Assert.Single(records, r => r.BlobName == "posts/first-aid-kit-essentials.md");
        Assert.Equal(SourceState.Published, byTom.State);
        Assert.Contains(byTom.Warnings, w => w.Contains("author 'tom-adebayo' has no profile", StringComparison.Ordinal));
        Assert.DoesNotContain(records.Single(r => r.BlobName == "posts/ketamine-iv-infusion-therapy.md").Warnings, w => w.Contains("author", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_feed_takes_its_title_and_links_from_the_site()
    {
        var feed = await _host.GetAsync("/api/feed");

        var channel = System.Xml.Linq.XDocument.Parse(feed.Body).Root!.Element("channel")!;
        Assert.Equal("Trending Health And Medical Information For Healthy Living", channel.Element("title")!.Value);
        Assert.Matches("^https://healthy-living.example.org/[a-z0-9-]+/$", channel.Element("item")!.Element("link")!.Value);
    }

    private static async Task AssertImageAsync(string url, string contentType)
    {
        using var response = await Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
    }
}
