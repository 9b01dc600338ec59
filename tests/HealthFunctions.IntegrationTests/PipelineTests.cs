using System.Text.Json;
using HealthFunctions.Publishing.Index;

namespace HealthFunctions.IntegrationTests;

/// <summary>The end-to-end path: upload → blob trigger → HTML + index → GET /api/posts.</summary>
public sealed class PipelineTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly BlogTestHost _host = new(azurite);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public void The_app_serves_every_role_of_the_post_index_from_one_table_index()
    {
        var index = _host.Get<IPostIndex>();

        Assert.IsType<HealthFunctions.Storage.TablePostIndex>(index);
        Assert.Same(index, _host.Get<ISourceRecordIndex>());
        Assert.Same(index, _host.Get<IPostIndexReader>());
        Assert.Same(index, _host.Get<IPostIndexWriter>());
    }

    [Fact]
    public async Task Uploaded_post_appears_in_the_listing_with_its_fields()
    {
        var body = string.Join("\n\n", Enumerable.Repeat("Ketamine infusions are given slowly through a vein while a clinician watches blood pressure and breathing.", 3));
        await _host.UploadAndTriggerAsync(
            "2022-11-23-ketamine-iv-infusion-therapy.md",
            PostFile.Markdown("Ketamine IV Infusion Therapy", "2022-11-23", "## What it is\n\n" + body, tags: "mental health, ketamine"));

        var response = await _host.GetPostsAsync();

        Assert.Equal(200, response.Status);
        Assert.StartsWith("application/json", response.ContentType);
        var item = Assert.Single(response.Json.GetProperty("items").EnumerateArray());
        Assert.Equal("ketamine-iv-infusion-therapy", item.GetProperty("slug").GetString());
        Assert.Equal("Ketamine IV Infusion Therapy", item.GetProperty("title").GetString());
        Assert.Equal(new DateTimeOffset(2022, 11, 23, 0, 0, 0, TimeSpan.Zero), item.GetProperty("published").GetDateTimeOffset());
        Assert.Equal(3 + (16 * 3), item.GetProperty("wordCount").GetInt32());
        Assert.Equal(["mental health", "ketamine"], item.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.StartsWith("Ketamine infusions are given slowly", item.GetProperty("excerpt").GetString());
        Assert.True(item.GetProperty("excerpt").GetString()!.Length <= 151);
        Assert.Equal($"{_host.Settings["Publishing:HtmlContainer"]}/ketamine-iv-infusion-therapy.html", item.GetProperty("htmlPath").GetString());

        var html = await _host.Html.GetBlobClient("ketamine-iv-infusion-therapy.html").DownloadContentAsync();
        Assert.Contains("<h2 id=\"what-it-is\">What it is</h2>", html.Value.Content.ToString());
        Assert.Equal("text/html; charset=utf-8", html.Value.Details.ContentType);
    }

    [Fact]
    public async Task A_jekyll_post_with_an_unreadable_date_is_published_with_the_file_name_date_and_the_warning_is_in_status()
    {
        const string name = "_posts/2023-01-29-jekyll-3-9-3-released.markdown";
        await _host.UploadAndTriggerAsync(name, "---\ntitle: Jekyll 3.9.3 Released\ndate: 2023-01-29 18:30:22 2023 -0800\n---\nA bug fix release.\n");

        var post = await _host.GetPostAsync("jekyll-3-9-3-released");
        var status = await _host.GetAsync("/api/status");

        Assert.Equal(200, post.Status);
        Assert.Equal(new DateTimeOffset(2023, 1, 29, 0, 0, 0, TimeSpan.Zero), post.Json.GetProperty("published").GetDateTimeOffset());
        var row = Assert.Single(status.Json.GetProperty("items").EnumerateArray(), item => item.GetProperty("blob").GetString() == name);
        var warning = Assert.Single(row.GetProperty("warnings").EnumerateArray()).GetString();
        Assert.Contains("'date' (line 3)", warning, StringComparison.Ordinal);
        Assert.Contains("2023-01-29, was used instead", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listing_is_newest_first_and_stops_at_the_limit()
    {
        foreach (var day in new[] { 3, 1, 4, 2, 5 })
        {
            await _host.UploadAndTriggerAsync($"post-{day}.md", PostFile.Markdown($"Post {day}", $"2025-06-0{day}"));
        }

        var response = await _host.GetPostsAsync("limit=3");

        var slugs = response.Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()).ToList();
        Assert.Equal(["post-5", "post-4", "post-3"], slugs);
        Assert.NotNull(response.Json.GetProperty("next").GetString());
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=51", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("sort=title", "sort")]
    [InlineData("limit=5&limit=6", "limit")]
    [InlineData("limit=+5", "limit")]
    [InlineData("limit=%2B5", "limit")]
    [InlineData("limit=5%20", "limit")]
    [InlineData("limit=%D9%A5", "limit")]
    [InlineData("limit=", "limit")]
    public async Task Bad_query_parameters_are_a_400_problem_naming_the_parameter(string query, string parameter)
    {
        var response = await _host.GetPostsAsync(query);

        Assert.Equal(400, response.Status);
        Assert.StartsWith("application/problem+json", response.ContentType);
        Assert.Equal(parameter, response.Json.GetProperty("parameter").GetString());
        Assert.Equal(400, response.Json.GetProperty("status").GetInt32());
        Assert.Contains(parameter, response.Json.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Malformed_post_is_recorded_as_failed_and_keeps_the_published_version()
    {
        await _host.UploadAndTriggerAsync("vitamin-d.md", PostFile.Markdown("Vitamin D", "2025-02-01"));
        await _host.UploadAndTriggerAsync("vitamin-d.md", "---\ntitle: Vitamin D\ndate: someday\n---\nBody");

        var listing = await _host.GetPostsAsync();
        var item = Assert.Single(listing.Json.GetProperty("items").EnumerateArray());
        Assert.Equal("Vitamin D", item.GetProperty("title").GetString());

        var record = await _host.Get<IPostIndex>().GetSourceAsync("vitamin-d.md", CancellationToken.None);
        Assert.Equal(SourceState.Failed, record!.State);
        Assert.Contains("'date' (line 3)", record.Message);
        Assert.Contains("someday", record.Message);
    }

    [Theory]
    [InlineData("empty.md", "", "empty")]
    [InlineData("binary.md", "\0\u0001PNG", "binary")]
    [InlineData("unclosed.md", "---\ntitle: x\ndate: 2025-01-01\n\nno closing line", "never closed")]
    public async Task Unpublishable_posts_never_reach_the_index(string name, string content, string expected)
    {
        await _host.UploadAndTriggerAsync(name, content);

        var listing = await _host.GetPostsAsync();
        Assert.Empty(listing.Json.GetProperty("items").EnumerateArray());
        var record = await _host.Get<IPostIndex>().GetSourceAsync(name, CancellationToken.None);
        Assert.Equal(SourceState.Failed, record!.State);
        Assert.Contains(expected, record.Message);
    }

    [Fact]
    public async Task Oversized_post_is_rejected_without_being_rendered()
    {
        await using var small = new BlogTestHost(azurite, extraSettings: new Dictionary<string, string?> { ["Publishing:MaxSourceBytes"] = "2048" });
        await small.UploadAndTriggerAsync("huge.md", PostFile.Markdown("Huge", "2025-01-01", new string('x', 5000)));

        var record = await small.Get<IPostIndex>().GetSourceAsync("huge.md", CancellationToken.None);
        Assert.Equal(SourceState.Failed, record!.State);
        Assert.Contains("limit is 2,048 bytes", record.Message);
    }

    [Fact]
    public async Task Files_that_are_not_posts_are_ignored()
    {
        await _host.UploadAndTriggerAsync("notes.txt", "just notes");

        var record = await _host.Get<IPostIndex>().GetSourceAsync("notes.txt", CancellationToken.None);
        Assert.Equal(SourceState.Ignored, record!.State);
        Assert.Contains("only Markdown posts", record.Message);
        var status = await _host.GetAsync("/api/status");
        var item = Assert.Single(status.Json.GetProperty("items").EnumerateArray());
        Assert.Equal("Ignored", item.GetProperty("state").GetString());
        Assert.Equal("notes.txt", item.GetProperty("blob").GetString());
        Assert.Empty((await _host.GetPostsAsync()).Json.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Odd_blob_names_are_published_under_a_stable_slug()
    {
        await _host.UploadAndTriggerAsync("drafts & ideas/Ünïcödé Heälth (final) #2.md", PostFile.Markdown("Unicode", "2025-01-01"));

        var item = Assert.Single((await _host.GetPostsAsync()).Json.GetProperty("items").EnumerateArray());
        Assert.Equal("unicode-health-final-2", item.GetProperty("slug").GetString());
        Assert.Equal(JsonValueKind.String, item.GetProperty("url").ValueKind);
    }
}
