using System.Reflection;
using System.Text.Json;
using System.Xml.Linq;
using HealthFunctions.Api;
using HealthFunctions.Functions;
using HealthFunctions.Site.Pages;
using Microsoft.Azure.Functions.Worker;

namespace HealthFunctions.IntegrationTests;

/// <summary>The HTTP API driven through the function classes with real requests, against Azurite.</summary>
public sealed class ApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly BlogTestHost _host = new(azurite);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Paging_through_120_posts_returns_each_exactly_once_in_order()
    {
        var start = new DateTimeOffset(2024, 1, 1, 8, 0, 0, TimeSpan.Zero);
        await Parallel.ForEachAsync(Enumerable.Range(0, 120), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
            await _host.UploadAndTriggerAsync($"p{i:D3}.md", PostFile.Markdown($"Post {i}", start.AddHours(i).ToString("yyyy-MM-ddTHH:mm:ssZ"))));

        var seen = new List<string>();
        var query = "limit=7";
        var pages = 0;
        while (true)
        {
            var page = await _host.GetPostsAsync(query);
            Assert.Equal(200, page.Status);
            pages++;
            seen.AddRange(page.Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()!));
            if (!page.Json.TryGetProperty("next", out var next))
            {
                break;
            }

            query = new Uri("https://x" + next.GetString()).Query;
        }

        Assert.Equal(Enumerable.Range(0, 120).Reverse().Select(i => $"p{i:D3}"), seen);
        Assert.Equal(18, pages);
    }

    [Fact]
    public async Task Tag_filter_returns_only_that_tags_posts()
    {
        await _host.UploadAndTriggerAsync("a.md", PostFile.Markdown("A", "2025-01-01", tags: "Heart Health"));
        await _host.UploadAndTriggerAsync("b.md", PostFile.Markdown("B", "2025-01-02", tags: "sleep"));
        await _host.UploadAndTriggerAsync("c.md", PostFile.Markdown("C", "2025-01-03", tags: "heart health, sleep"));

        var response = await _host.GetPostsAsync("tag=heart-health");

        Assert.Equal(["c", "a"], response.Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()));
    }

    [Fact]
    public async Task Conditional_requests_answer_304_and_changes_give_a_new_etag()
    {
        await _host.UploadAndTriggerAsync("e.md", PostFile.Markdown("E", "2025-01-01"));
        var first = await _host.GetPostAsync("e");
        var etag = first.Headers.ETag.ToString();
        Assert.NotEmpty(etag);
        Assert.Equal("public, max-age=300", first.Headers.CacheControl.ToString());
        Assert.Equal("Wed, 01 Jan 2025 00:00:00 GMT", first.Headers.LastModified.ToString());

        var again = await _host.GetPostAsync("e", new Dictionary<string, string> { ["If-None-Match"] = etag });
        Assert.Equal(304, again.Status);
        Assert.Empty(again.Body);

        await _host.UploadAndTriggerAsync("e.md", PostFile.Markdown("E, revised", "2025-01-01"));
        var changed = await _host.GetPostAsync("e", new Dictionary<string, string> { ["If-None-Match"] = etag });
        Assert.Equal(200, changed.Status);
        Assert.NotEqual(etag, changed.Headers.ETag.ToString());
    }

    [Fact]
    public async Task Listing_items_carry_when_the_post_last_changed_beside_when_it_was_published()
    {
        await _host.UploadAndTriggerAsync("edited.md", PostFile.Markdown("Edited", "2025-01-10", extra: "updated: 2025-02-20"));
        await _host.UploadAndTriggerAsync("fresh.md", PostFile.Markdown("Fresh", "2025-01-05"));

        var items = (await _host.GetPostsAsync()).Json.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("slug").GetString()!);

        Assert.Equal(new DateTimeOffset(2025, 2, 20, 0, 0, 0, TimeSpan.Zero), items["edited"].GetProperty("updated").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2025, 1, 10, 0, 0, 0, TimeSpan.Zero), items["edited"].GetProperty("published").GetDateTimeOffset());
        Assert.Equal(items["fresh"].GetProperty("published").GetDateTimeOffset(), items["fresh"].GetProperty("updated").GetDateTimeOffset());
    }

    [Fact]
    public async Task The_api_leaves_cors_to_the_platform_so_no_origin_gets_two_allow_origin_headers()
    {
        // Host.CORS (func start) and siteConfig.cors (Azure) answer CORS; a second header from the app would make browsers refuse the answer.
        var response = await _host.GetPostsAsync(headers: new Dictionary<string, string> { ["Origin"] = "https://blog.example" });

        Assert.Equal(200, response.Status);
        Assert.False(response.Headers.ContainsKey("Access-Control-Allow-Origin"));
        Assert.DoesNotContain("Origin", response.Headers.Vary.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_post_carries_html_and_medical_json_ld_when_reviewed()
    {
        await _host.UploadAndTriggerAsync("reviewed.md", PostFile.Markdown(
            "Statins explained",
            "2025-02-01",
            "Statins lower LDL cholesterol.",
            extra: "reviewedBy: Dr Amina Shah, MD\nlastReviewed: 2025-03-01\nauthor: Jane Doe\nreferences:\n  - title: NICE guideline\n    url: https://www.nice.org.uk/guidance/ng238"));

        var response = await _host.GetPostAsync("reviewed");

        Assert.Equal(200, response.Status);
        var post = response.Json;
        Assert.Equal("<p>Statins lower LDL cholesterol.</p>\n", post.GetProperty("html").GetString());
        Assert.Equal(4, post.GetProperty("wordCount").GetInt32());
        var ld = post.GetProperty("jsonLd");
        Assert.Equal("MedicalWebPage", ld.GetProperty("@type").GetString());
        Assert.Equal("Dr Amina Shah, MD", ld.GetProperty("reviewedBy").GetProperty("name").GetString());
        Assert.Equal("2025-03-01", ld.GetProperty("lastReviewed").GetString());
        Assert.Equal("Jane Doe", ld.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal("https://www.nice.org.uk/guidance/ng238", ld.GetProperty("citation")[0].GetProperty("url").GetString());
    }

    [Theory]
    [InlineData("no-such-post", 404)]
    [InlineData("Not_A_Slug", 404)]
    public async Task Unknown_slugs_are_404_problems(string slug, int status)
    {
        var response = await _host.GetPostAsync(slug);

        Assert.Equal(status, response.Status);
        Assert.StartsWith("application/problem+json", response.ContentType);
        Assert.Equal("Not Found", response.Json.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Tags_list_counts_published_posts_only()
    {
        await _host.UploadAndTriggerAsync("a.md", PostFile.Markdown("A", "2025-01-01", tags: "Sleep, Diet"));
        await _host.UploadAndTriggerAsync("b.md", PostFile.Markdown("B", "2025-01-02", tags: "sleep"));
        await _host.UploadAndTriggerAsync("c.md", PostFile.Markdown("C", "2025-01-03", tags: "diet", draft: true));

        var response = await _host.GetAsync("/api/tags");

        var tags = response.Json.GetProperty("items").EnumerateArray().Select(t => (t.GetProperty("slug").GetString(), t.GetProperty("count").GetInt32())).ToList();
        Assert.Equal([("sleep", 2), ("diet", 1)], tags);
    }

    [Fact]
    public async Task Feed_is_rss2_with_the_newest_posts_and_absolute_links()
    {
        await _host.UploadAndTriggerAsync("a.md", PostFile.Markdown("Older & wiser", "2025-01-01"));
        await _host.UploadAndTriggerAsync("b.md", PostFile.Markdown("Newer", "2025-01-02"));

        var response = await _host.GetAsync("/api/feed");

        Assert.StartsWith("application/rss+xml", response.ContentType);
        var rss = XDocument.Parse(response.Body).Root!;
        Assert.Equal("2.0", rss.Attribute("version")!.Value);
        var channel = rss.Element("channel")!;
        Assert.False(string.IsNullOrWhiteSpace(channel.Element("title")!.Value));
        Assert.False(string.IsNullOrWhiteSpace(channel.Element("description")!.Value));
        var items = channel.Elements("item").ToList();
        Assert.Equal(["Newer", "Older & wiser"], items.Select(i => i.Element("title")!.Value));
        Assert.Equal("https://blog.example/b/", items[0].Element("link")!.Value);
        Assert.Equal("Thu, 02 Jan 2025 00:00:00 GMT", items[0].Element("pubDate")!.Value);
        XNamespace content = "http://purl.org/rss/1.0/modules/content/";
        Assert.Contains("Plain words for the reader.", items[0].Element(content + "encoded")!.Value);
    }

    [Fact]
    public async Task Sitemap_lists_every_public_post()
    {
        await _host.UploadAndTriggerAsync("a.md", PostFile.Markdown("A", "2025-01-01"));
        await _host.UploadAndTriggerAsync("hidden.md", PostFile.Markdown("Hidden", "2025-01-01", draft: true));

        var response = await _host.GetAsync("/api/sitemap.xml");

        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locs = XDocument.Parse(response.Body).Root!.Elements(ns + "url").Select(u => u.Element(ns + "loc")!.Value).ToList();
        Assert.Equal(["https://blog.example/", "https://blog.example/a/", "https://blog.example/2025/01/"], locs);
    }

    [Fact]
    public async Task The_apis_feed_and_sitemap_are_the_sites_own_documents()
    {
        await using var host = new BlogTestHost(azurite, site: true);
        await host.UploadAndTriggerAsync("sleep.md", PostFile.Markdown("Sleep hygiene", "2025-03-01", tags: "sleep"));
        await host.UploadAndTriggerAsync("walk.md", PostFile.Markdown("Walking", "2025-03-02", extra: "noindex: true"));
        await host.SettleAsync();

        var feed = await host.GetAsync("/api/feed");
        var sitemap = await host.GetAsync("/api/sitemap.xml");

        Assert.Equal(await host.PageAsync("/feed.xml"), feed.Body);
        Assert.Equal(await host.PageAsync("/sitemap.xml"), sitemap.Body);
        Assert.DoesNotContain("/walk/", sitemap.Body);
        Assert.Contains("https://blog.example/tags/sleep/", sitemap.Body);
    }

    [Fact]
    public async Task The_atom_feed_carries_each_post_whole_with_its_author_and_is_the_same_bytes_every_time()
    {
        await using var host = new BlogTestHost(azurite, site: true);
        await host.UploadAndTriggerAsync("sleep.md", PostFile.Markdown("Sleep & rest", "2025-03-01", extra: "author: Jane Doe\nupdated: 2025-03-04", tags: "sleep"));
        await host.UploadAndTriggerAsync("walk.md", PostFile.Markdown("Walking", "2025-03-02"));
        await host.SettleAsync();

        var first = await host.Get<FeedBuilder>().SiteFeedsAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        var again = await host.Get<FeedBuilder>().SiteFeedsAsync(CancellationToken.None);

        Assert.Equal(first.Files.Select(f => f.Content), again.Files.Select(f => f.Content));
        Assert.Equal(first.Files.Single(f => f.Path == "/atom.xml").Content, await host.PageAsync("/atom.xml"));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feed = XDocument.Parse(first.Files.Single(f => f.Path == "/atom.xml").Content).Root!;
        Assert.Equal("2025-03-04T00:00:00Z", feed.Element(atom + "updated")!.Value);
        Assert.Equal("https://blog.example/atom.xml", feed.Elements(atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
        var entries = feed.Elements(atom + "entry").ToList();
        Assert.Equal(["Sleep & rest", "Walking"], entries.Select(e => e.Element(atom + "title")!.Value).Order());
        var sleep = entries.Single(e => e.Element(atom + "title")!.Value == "Sleep & rest");
        Assert.Equal("https://blog.example/sleep/", sleep.Element(atom + "id")!.Value);
        Assert.Equal("2025-03-01T00:00:00Z", sleep.Element(atom + "published")!.Value);
        Assert.Equal("2025-03-04T00:00:00Z", sleep.Element(atom + "updated")!.Value);
        Assert.Equal("Jane Doe", sleep.Element(atom + "author")!.Element(atom + "name")!.Value);
        Assert.Equal("sleep", sleep.Element(atom + "category")!.Attribute("term")!.Value);
        Assert.Equal("html", sleep.Element(atom + "content")!.Attribute("type")!.Value);
        Assert.Contains("<p>Plain words for the reader.</p>", sleep.Element(atom + "content")!.Value);
    }

    [Fact]
    public async Task Status_lists_failures_first_and_validates_its_filter()
    {
        await _host.UploadAndTriggerAsync("good.md", PostFile.Markdown("Good", "2025-01-01"));
        await _host.UploadAndTriggerAsync("bad.md", "---\ndraft: perhaps\n---\n# Bad");

        var all = await _host.GetAsync("/api/status");
        var wrong = await _host.GetAsync("/api/status", "state=broken");

        var items = all.Json.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["bad.md", "good.md"], items.Select(i => i.GetProperty("blob").GetString()));
        Assert.Equal("Failed", items[0].GetProperty("state").GetString());
        Assert.Contains("'draft' (line 2)", items[0].GetProperty("message").GetString());
        Assert.Equal("no-store", all.Headers.CacheControl.ToString());
        Assert.Equal(400, wrong.Status);
        Assert.Equal("state", wrong.Json.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task The_status_list_needs_the_function_key_in_the_header_or_as_code()
    {
        var refused = await _host.SendAsync("GET", "/api/status", withKey: false);
        var wrongKey = await _host.SendAsync("GET", "/api/status", headers: new Dictionary<string, string> { ["x-functions-key"] = "not-the-key" }, withKey: false);
        var byQuery = await _host.SendAsync("GET", "/api/status", "code=" + Uri.EscapeDataString(_host.FunctionKey), withKey: false);
        var byHeader = await _host.GetAsync("/api/status");

        Assert.Equal(401, refused.Status);
        Assert.StartsWith("application/problem+json", refused.ContentType);
        Assert.Equal(401, wrongKey.Status);
        Assert.Equal(200, byQuery.Status);
        Assert.Equal(200, byHeader.Status);
    }

    [Fact]
    public async Task Openapi_refuses_unknown_parameters_like_every_endpoint()
    {
        var refused = await _host.GetAsync("/api/openapi.json", "x=1");
        var served = await _host.GetAsync("/api/openapi.json");

        Assert.Equal(400, refused.Status);
        Assert.StartsWith("application/problem+json", refused.ContentType);
        Assert.Equal("x", refused.Json.GetProperty("parameter").GetString());
        Assert.Equal(200, served.Status);
    }

    [Theory]
    [InlineData("GET", "/api/no-such-thing", 404, null)]
    [InlineData("GET", "/api/posts/a/b", 404, null)]
    [InlineData("POST", "/api/posts", 405, "GET, HEAD")]
    [InlineData("DELETE", "/api/posts/some-post", 405, "GET, HEAD")]
    [InlineData("GET", "/api/events/blob-deleted", 405, "POST")]
    public async Task Requests_no_function_takes_are_problems(string method, string path, int status, string? allow)
    {
        var response = await _host.SendAsync(method, path);

        Assert.Equal(status, response.Status);
        Assert.StartsWith("application/problem+json", response.ContentType);
        Assert.Equal(status, response.Json.GetProperty("status").GetInt32());
        Assert.Equal(allow, allow is null ? null : response.Headers.Allow.ToString());
    }

    [Fact]
    public void Openapi_description_matches_the_http_functions()
    {
        var document = JsonDocument.Parse(SiteApi.OpenApi().Body).RootElement;
        var described = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => $"{op.Name.ToUpperInvariant()} /{path.Name.TrimStart('/')} {op.Value.GetProperty("operationId").GetString()}"))
            .Order()
            .ToList();

        var functions = FunctionClasses.Functions()
            .Select(f => (f.Name, Trigger: f.Method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null)))
            .Where(f => f.Trigger is not null && f.Name != nameof(UnknownRoute))
            .SelectMany(f => f.Trigger!.Methods!.Where(m => m != "head").Select(verb => $"{verb.ToUpperInvariant()} /{f.Trigger.Route} {f.Name}"))
            .Order()
            .ToList();

        Assert.Equal(functions, described);
        var listParameters = document.GetProperty("paths").GetProperty("/posts").GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString());
        Assert.Equal(PostsApi.ListParameters, listParameters);
    }
}
