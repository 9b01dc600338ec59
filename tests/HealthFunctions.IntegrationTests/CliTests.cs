using System.Text.Json;
using HealthFunctions.Cli;

namespace HealthFunctions.IntegrationTests;

/// <summary>The command line as editors use it: render, then publish → reindex → list against Azurite.</summary>
public sealed class CliTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly BlogTestHost _host = new(azurite);
    private readonly string _folder = Directory.CreateTempSubdirectory("healthfunctions-cli-").FullName;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Render_json_prints_the_published_record()
    {
        var file = Write("2022-11-23-ketamine.md", PostFile.Markdown("Ketamine IV Infusion Therapy", "2022-11-23", "Ketamine <b>helps</b> some patients.\n\n<script>alert(1)</script>", tags: "ketamine"));

        var (code, stdout, _) = await RunAsync("render", file, "--json");

        Assert.Equal(0, code);
        var record = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("ketamine", record.GetProperty("slug").GetString());
        Assert.Equal("Ketamine IV Infusion Therapy", record.GetProperty("title").GetString());
        Assert.Equal("2022-11-23T00:00:00+00:00", record.GetProperty("date").GetString());
        Assert.Equal(4, record.GetProperty("wordCount").GetInt32());
        Assert.Equal("Ketamine helps some patients.", record.GetProperty("excerpt").GetString());
        Assert.DoesNotContain("<script", record.GetProperty("html").GetString());
    }

    [Fact]
    public async Task Render_of_a_broken_post_explains_the_problem_on_stderr()
    {
        var file = Write("broken.md", "---\ntitle: Broken\ndate: 2024-02-30\n---\nText");

        var (code, stdout, stderr) = await RunAsync("render", file);

        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.Contains("'date' (line 3)", stderr);
        Assert.Contains("2024-02-30", stderr);
    }

    [Fact]
    public async Task Render_of_a_folder_writes_each_posts_record_to_a_file_of_its_own_and_reports_every_error()
    {
        Write("blog/posts/2025-04-01-hydration.md", PostFile.Markdown("Hydration basics", "2025-04-01"));
        Write("blog/posts/nested/2025-04-02-walking.md", PostFile.Markdown("Walking daily", "2025-04-02", "Walk ![a park](../img/park.png) daily."));
        Write("blog/posts/2025-04-03-broken.md", "---\ntitle: Broken\ndraft: maybe\n---\nText");
        Write("blog/authors/dr-osei.md", "---\nname: Dr Osei\n---\nBio.");
        Write("blog/posts/readme.txt", "not a post");
        var output = Path.Combine(_folder, "out");

        var (code, stdout, stderr) = await RunAsync("render", Path.Combine(_folder, "blog"), "--json", "--out", output);

        Assert.Equal(1, code);
        var hydration = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "posts", "2025-04-01-hydration.json"))).RootElement;
        Assert.Equal("hydration", hydration.GetProperty("slug").GetString());
        var walking = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "posts", "nested", "2025-04-02-walking.json"))).RootElement;
        Assert.Equal("Walking daily", walking.GetProperty("title").GetString());
        Assert.False(File.Exists(Path.Combine(output, "posts", "2025-04-03-broken.json")));
        Assert.False(Directory.Exists(Path.Combine(output, "authors")));
        Assert.Contains("posts/2025-04-01-hydration.md -> ", stdout);
        Assert.Contains("error: ", stderr);
        Assert.Contains("2025-04-03-broken.md: 'draft' (line 3)", stderr);
        Assert.Contains("warning: ", stderr);
        Assert.Contains("'../img/park.png' was not found (looked for 'posts/img/park.png')", stderr);
        Assert.Contains("3 post(s) rendered, 1 with errors", stderr);
    }

    [Fact]
    public async Task Render_of_several_files_without_out_prints_each_record()
    {
        var first = Write("a/2025-04-01-one.md", PostFile.Markdown("One", "2025-04-01", "First body."));
        var second = Write("b/2025-04-02-two.md", PostFile.Markdown("Two", "2025-04-02", "Second body."));

        var (code, stdout, _) = await RunAsync("render", first, second);

        Assert.Equal(0, code);
        Assert.Contains("<p>First body.</p>", stdout);
        Assert.Contains("<p>Second body.</p>", stdout);
    }

    [Fact]
    public async Task Publish_reindex_then_list_shows_the_posts()
    {
        Write("posts/2025-04-01-hydration.md", PostFile.Markdown("Hydration basics", "2025-04-01"));
        Write("posts/nested/2025-04-02-walking.md", PostFile.Markdown("Walking daily", "2025-04-02"));
        Write("posts/readme.txt", "not a post");

        var publish = await RunAsync("publish", Path.Combine(_folder, "posts"));
        var reindex = await RunAsync("reindex");
        var list = await RunAsync("list", "--limit", "5");

        Assert.Equal(0, publish.Code);
        Assert.Contains("uploaded nested/2025-04-02-walking.md", publish.Stdout);
        Assert.DoesNotContain("readme.txt", publish.Stdout);
        Assert.Equal(0, reindex.Code);
        Assert.Contains("2 added", reindex.Stdout);
        Assert.Equal(0, list.Code);
        var lines = list.Stdout.Split('\n');
        Assert.StartsWith("2 April 2025  walking  Walking daily", lines[0]);
        Assert.StartsWith("1 April 2025  hydration  Hydration basics", lines[2]);
    }

    [Fact]
    public async Task List_status_and_review_due_print_json_for_scripts_in_the_apis_shape()
    {
        Write("posts/2025-04-01-hydration.md", PostFile.Markdown("Hydration basics", "2025-04-01", tags: "water", extra: "updated: 2025-05-01"));
        Write("posts/2025-04-02-walking.md", PostFile.Markdown("Walking daily", "2025-04-02"));
        Write("posts/broken.md", "---\ntitle: Broken\ndraft: maybe\n---\nText");
        await RunAsync("publish", Path.Combine(_folder, "posts"));
        await RunAsync("reindex");

        var list = await RunAsync("list", "--limit", "1", "--json");
        var status = await RunAsync("status", "--json");
        var due = await RunAsync("review-due", "--json");

        Assert.Equal(0, list.Code);
        var listing = JsonDocument.Parse(list.Stdout).RootElement;
        var newest = Assert.Single(listing.GetProperty("items").EnumerateArray());
        Assert.Equal("walking", newest.GetProperty("slug").GetString());
        Assert.Equal("/walking/", newest.GetProperty("url").GetString());
        Assert.Equal("/api/posts/walking", newest.GetProperty("apiUrl").GetString());
        Assert.Equal(newest.GetProperty("published").GetString(), newest.GetProperty("updated").GetString());
        Assert.True(listing.GetProperty("more").GetBoolean());

        Assert.Equal(1, status.Code);
        var files = JsonDocument.Parse(status.Stdout).RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("broken.md", files[0].GetProperty("blob").GetString());
        Assert.Equal("Failed", files[0].GetProperty("state").GetString());
        Assert.Contains("'draft' (line 3)", files[0].GetProperty("message").GetString());
        Assert.Equal(3, files.Count);

        Assert.Equal(0, due.Code);
        var dueItems = JsonDocument.Parse(due.Stdout).RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()).ToList();
        Assert.Equal(["hydration", "walking"], dueItems.Order());
    }

    [Fact]
    public async Task List_rejects_a_limit_out_of_range()
    {
        var (code, _, stderr) = await RunAsync("list", "--limit", "500");

        Assert.Equal(2, code);
        Assert.Contains("--limit", stderr);
    }

    private string Write(string relative, string content)
    {
        var path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var settings = new Dictionary<string, string?>(_host.Settings);
        var code = await CliApp.RunAsync(args, TextReader.Null, stdout, stderr, settings);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
