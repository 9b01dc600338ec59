using HealthFunctions.Benchmarks.Corpus;

namespace HealthFunctions.IntegrationTests;

/// <summary>Search over the benchmarks' generated blog of 220 posts, each published through the blob trigger into Azurite.</summary>
public sealed class SearchCorpusTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly BlogTestHost _host = new(azurite, new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));

    public async ValueTask InitializeAsync() =>
        await Parallel.ForEachAsync(PostCorpus.Generate(220), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (post, _) =>
            await _host.UploadAndTriggerAsync(post.Name, post.Markdown));

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_stemmed_topic_word_ranks_posts_with_it_in_the_title_first()
    {
        var response = await _host.SearchAsync("q=migraines&limit=50");

        Assert.Equal(200, response.Status);
        var titles = response.Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).ToList();
        Assert.NotEmpty(titles);
        var inTitle = titles.TakeWhile(t => t.Contains("migraine", StringComparison.OrdinalIgnoreCase)).Count();
        Assert.True(inTitle > 0, "no post with 'migraine' in its title came first");
        Assert.DoesNotContain(titles.Skip(inTitle), t => t.Contains("migraine", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Every_hit_of_a_phrase_has_it_in_the_title_or_a_marked_snippet()
    {
        var response = await _host.SearchAsync("q=%22blood+pressure%22&limit=50");

        var items = response.Json.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.True(
            i.GetProperty("title").GetString()!.Contains("blood pressure", StringComparison.OrdinalIgnoreCase)
            || i.GetProperty("snippet").GetString()!.Contains("<mark>blood</mark> <mark>pressure</mark>", StringComparison.OrdinalIgnoreCase)));
        Assert.All(items, i => Assert.DoesNotContain("<script", i.GetProperty("snippet").GetString()!, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>One test for all of them: each test of this class seeds its own 220 posts.</summary>
    [Fact]
    public async Task Hostile_queries_over_a_real_blog_answer_without_a_500_and_within_the_limit()
    {
        string[] queries = ["q=*%3A*", "q=a*+OR+b*+OR+c*", "q=%22sleep", "q=(((((sleep", "q=sleep~0.1+heart^100", "q=" + string.Concat(Enumerable.Repeat("x* ", 66))];
        foreach (var query in queries)
        {
            var response = await _host.SearchAsync(query + "&limit=5");

            Assert.Contains(response.Status, new[] { 200, 400 });
            if (response.Status == 200)
            {
                Assert.True(response.Json.GetProperty("items").GetArrayLength() <= 5, query);
            }
        }
    }
}
