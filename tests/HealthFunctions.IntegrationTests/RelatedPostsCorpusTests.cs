using System.Text.RegularExpressions;
using HealthFunctions.Benchmarks.Corpus;
using HealthFunctions.Publishing.Index;

namespace HealthFunctions.IntegrationTests;

/// <summary>Related posts over the benchmarks' generated blog of 220 posts, each published through the blob trigger into Azurite.</summary>
public sealed partial class RelatedPostsCorpusTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly BlogTestHost _host = new(azurite, new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));
    private readonly IReadOnlyList<CorpusPost> _corpus = PostCorpus.Generate(220);

    public async ValueTask InitializeAsync() =>
        await Parallel.ForEachAsync(_corpus, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (post, _) =>
            await _host.UploadAndTriggerAsync(post.Name, post.Markdown));

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    /// <summary>One test for all of it: each test of this class seeds its own 220 posts.</summary>
    [Fact]
    public async Task Lists_share_tags_and_follow_an_edit_a_rename_and_a_delete_of_a_related_post()
    {
        var posts = (await _host.GetPostsAsync("limit=50")).Json.GetProperty("items").EnumerateArray()
            .Select(i => (Slug: i.GetProperty("slug").GetString()!, Tags: Tags(i))).ToList();
        var shared = 0;
        var total = 0;
        foreach (var (slug, tags) in posts.Take(30))
        {
            var related = await RelatedAsync(slug);
            Assert.InRange(related.Count, 1, 5);
            Assert.DoesNotContain(related, r => r.Slug == slug);
            Assert.Equal(related.Count, related.Select(r => r.Slug).Distinct().Count());
            Assert.True(related[0].Tags.Overlaps(tags), $"the first post related to {slug} shares no tag with it");
            shared += related.Count(r => r.Tags.Overlaps(tags));
            total += related.Count;
        }

        Assert.True(shared >= total * 0.8, $"only {shared} of {total} related posts share a tag");

        // A post listed first by another one (the lister) is renamed, then edited into another topic.
        var lister = posts[0].Slug;
        var subject = (await RelatedAsync(lister))[0].Slug;
        var file = await FileOfAsync(subject);
        var moved = subject + "-moved";

        await _host.UploadAndTriggerAsync(file.Name, $"---\nslug: {moved}\n" + SlugLine().Replace(file.Markdown, string.Empty)[4..]);
        Assert.Equal(200, (await _host.GetPostAsync(moved)).Status);
        var afterRename = await RelatedAsync(lister);
        Assert.DoesNotContain(afterRename, r => r.Slug == subject);
        Assert.Equal(moved, afterRename[0].Slug);

        await _host.UploadAndTriggerAsync(file.Name, PostFile.Markdown("Zebra care", "2024-05-01", "Zebras graze on savanna grass.", slug: moved, tags: "zebras"));
        Assert.DoesNotContain(await RelatedAsync(lister), r => r.Slug == moved);

        // The post now listed first is deleted.
        var second = (await RelatedAsync(lister))[0].Slug;
        var secondFile = await FileOfAsync(second);
        var beforeDelete = await RelatedAsync(lister);
        await _host.Source.DeleteBlobAsync(secondFile.Name);
        await _host.TriggerAsync(secondFile.Name);
        var afterDelete = await RelatedAsync(lister);
        Assert.DoesNotContain(afterDelete, r => r.Slug == second);
        Assert.Equal(beforeDelete.Count, afterDelete.Count);
    }

    private async Task<List<(string Slug, HashSet<string> Tags)>> RelatedAsync(string slug)
    {
        var response = await _host.GetPostAsync(slug);
        Assert.Equal(200, response.Status);
        var related = new List<(string, HashSet<string>)>();
        foreach (var item in response.Json.GetProperty("related").EnumerateArray())
        {
            var other = item.GetProperty("slug").GetString()!;
            related.Add((other, Tags((await _host.GetPostAsync(other)).Json)));
        }

        return related;
    }

    private async Task<CorpusPost> FileOfAsync(string slug)
    {
        var entry = await _host.Get<IPostIndex>().GetPostAsync(slug, CancellationToken.None);
        return _corpus.Single(p => p.Name == entry!.SourceBlob);
    }

    private static HashSet<string> Tags(System.Text.Json.JsonElement post) =>
        post.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!.ToLowerInvariant()).ToHashSet();

    [GeneratedRegex("^slug: (.+)\n", RegexOptions.Multiline)]
    private static partial Regex SlugLine();
}
