using HealthFunctions.Search.Sync;

namespace HealthFunctions.IntegrationTests;

/// <summary>
/// <c>GET /api/search</c> through the function class, kept in step by the publish path: every post
/// goes through the blob trigger, the search documents and change log live in Azurite, and the
/// instance's Lucene index is loaded and refreshed from them.
/// </summary>
public sealed class SearchTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly BlogTestHost _host = new(azurite, new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));

    public async ValueTask InitializeAsync()
    {
        await _host.UploadAndTriggerAsync("ketamine.md", PostFile.Markdown("Ketamine infusion therapy", "2025-11-01", "A treatment for depression that did not respond to other care.", tags: "mental health"));
        await _host.UploadAndTriggerAsync("hydration.md", PostFile.Markdown("IV hydration", "2025-12-01", "Some clinics offer vitamin infusions for tiredness.", tags: "wellness"));
        await _host.UploadAndTriggerAsync("salt.md", PostFile.Markdown("Salt and your heart", "2025-10-01", "Eating less salt lowers blood pressure.", tags: "heart"));
        await _host.UploadAndTriggerAsync("draft.md", PostFile.Markdown("Infusion draft", "2025-10-01", "Unfinished.", draft: true));
        await _host.UploadAndTriggerAsync("later.md", PostFile.Markdown("Infusion schedule", "2026-03-01", "Coming soon."));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task<List<string>> SlugsAsync(string query)
    {
        var response = await _host.SearchAsync(query);
        Assert.Equal(200, response.Status);
        return response.Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()!).ToList();
    }

    [Fact]
    public async Task Stemming_ranks_the_title_match_first_and_leaves_out_drafts_and_future_posts()
    {
        Assert.Equal(["ketamine", "hydration"], await SlugsAsync("q=infusions"));

        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero));
        Assert.Contains("later", await SlugsAsync("q=infusion"));
    }

    [Fact]
    public async Task A_hit_carries_an_escaped_snippet_with_marks_and_links()
    {
        var response = await _host.SearchAsync("q=%22blood+pressure%22");

        var hit = Assert.Single(response.Json.GetProperty("items").EnumerateArray());
        Assert.Equal("salt", hit.GetProperty("slug").GetString());
        Assert.Contains("<mark>blood</mark> <mark>pressure</mark>", hit.GetProperty("snippet").GetString(), StringComparison.Ordinal);
        Assert.Equal("/api/posts/salt", hit.GetProperty("apiUrl").GetString());
    }

    [Fact]
    public async Task An_edit_a_rename_and_a_delete_show_at_the_next_search()
    {
        Assert.Equal(["salt"], await SlugsAsync("q=salt"));

        await _host.UploadAndTriggerAsync("salt.md", PostFile.Markdown("Potassium and your heart", "2025-10-01", "Bananas help.", slug: "potassium-heart", tags: "heart"));
        Assert.Empty(await SlugsAsync("q=salt"));
        Assert.Equal(["potassium-heart"], await SlugsAsync("q=bananas"));

        await _host.Source.DeleteBlobAsync("salt.md");
        await _host.TriggerAsync("salt.md");
        Assert.Empty(await SlugsAsync("q=bananas"));
    }

    [Fact]
    public async Task A_new_instance_loads_the_index_from_storage()
    {
        await using var other = new BlogTestHost(azurite.ConnectionString, _host.Clock.GetUtcNow(), _host.Settings);

        var response = await other.SearchAsync("q=depression");

        Assert.Equal("ketamine", response.Json.GetProperty("items")[0].GetProperty("slug").GetString());
    }

    [Fact]
    public async Task A_publish_prunes_the_change_log_past_its_retention_and_an_idle_instance_reloads_instead_of_catching_up()
    {
        await using var other = new BlogTestHost(azurite.ConnectionString, _host.Clock.GetUtcNow(), _host.Settings);
        Assert.Equal("ketamine", (await other.SearchAsync("q=depression")).Json.GetProperty("items")[0].GetProperty("slug").GetString());
        // An edit the idle instance has not read yet, whose change-log row the later publish prunes.
        _host.Clock.Advance(TimeSpan.FromHours(1));
        await _host.UploadAndTriggerAsync("salt.md", PostFile.Markdown("Salt and your heart", "2025-10-01", "Avocado on toast.", tags: "heart"));
        var later = _host.Clock.GetUtcNow() + TimeSpan.FromDays(8);
        _host.Clock.SetUtcNow(later);
        other.Clock.SetUtcNow(later);

        await _host.UploadAndTriggerAsync("ketamine.md", PostFile.Markdown("Ketamine infusion therapy", "2025-11-01", "Bananas and potassium.", tags: "mental health"));

        var log = await _host.Get<ISearchDocumentStore>().ChangesSinceAsync(DateTimeOffset.MinValue, CancellationToken.None);
        Assert.Equal(["ketamine"], log.Select(c => c.Slug));
        Assert.Equal(later, Assert.Single(log).ReadAt);
        Assert.Empty((await other.SearchAsync("q=depression")).Json.GetProperty("items").EnumerateArray());
        Assert.Single((await other.SearchAsync("q=bananas")).Json.GetProperty("items").EnumerateArray());
        Assert.Equal("salt", (await other.SearchAsync("q=avocado")).Json.GetProperty("items")[0].GetProperty("slug").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("q=")]
    [InlineData("q=%20%20")]
    [InlineData("q=a%01b")]
    [InlineData("q=the+of+and")]
    [InlineData("q=*")]
    [InlineData("q=salt&q=heart")]
    public async Task Bad_queries_are_a_400_naming_q(string query)
    {
        var response = await _host.SearchAsync(query);

        Assert.Equal(400, response.Status);
        Assert.StartsWith("application/problem+json", response.ContentType);
        Assert.Equal("q", response.Json.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Over_200_characters_is_a_400_naming_q()
    {
        var response = await _host.SearchAsync("q=" + new string('a', 201));

        Assert.Equal(400, response.Status);
        Assert.Equal("q", response.Json.GetProperty("parameter").GetString());
    }

    [Theory]
    [InlineData("q=salt~2")]
    [InlineData("q=title%3A*")]
    [InlineData("q=(salt")]
    [InlineData("q=%22salt")]
    [InlineData("q=title%3Asalt")]
    [InlineData("q=salt+AND+NOT+heart)")]
    [InlineData("q=sa*lt+%5B1+TO+9%5D")]
    public async Task Lucene_syntax_and_unbalanced_quotes_are_plain_words(string query)
    {
        var response = await _host.SearchAsync(query);

        Assert.Equal(200, response.Status);
        Assert.True(response.Json.GetProperty("items").GetArrayLength() <= 1);
    }

    [Theory]
    [InlineData("q=salt&sort=date", "sort")]
    [InlineData("q=salt&limit=0", "limit")]
    [InlineData("q=salt&limit=51", "limit")]
    [InlineData("q=salt&cursor=bm9wZQ", "cursor")]
    public async Task Unknown_parameters_and_bad_paging_are_refused(string query, string parameter)
    {
        var response = await _host.SearchAsync(query);

        Assert.Equal(400, response.Status);
        Assert.Equal(parameter, response.Json.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Pages_follow_the_next_link()
    {
        for (var i = 0; i < 5; i++)
        {
            await _host.UploadAndTriggerAsync($"sleep{i}.md", PostFile.Markdown($"Sleep tip {i}", $"2025-0{i + 1}-01", "Sleep well."));
        }

        var first = await _host.SearchAsync("q=sleep&limit=3");
        var next = first.Json.GetProperty("next").GetString()!;
        var second = await _host.SearchAsync(new Uri("https://x" + next).Query);

        var slugs = Items(first).Concat(Items(second)).ToList();
        Assert.Equal(5, slugs.Distinct().Count());
        Assert.False(second.Json.TryGetProperty("next", out _));
    }

    private static IEnumerable<string> Items(TestResponse response) =>
        response.Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()!);
}
