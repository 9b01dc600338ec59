using System.Text;
using System.Text.Json;
using HealthFunctions.Benchmarks.Corpus;
using HealthFunctions.Publishing.Format;
using HealthFunctions.Publishing.Posts;
using HealthFunctions.Publishing.Tests.Support;

namespace HealthFunctions.Publishing.Tests;

/// <summary>
/// A post's stored record is a pure function of its file: the same bytes whatever the renderer
/// rendered before, in whatever order, on one thread or several, on a fresh instance or an old one.
/// </summary>
public sealed class RenderDeterminismTests
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>The sample blog's posts and the benchmarks' 300-post corpus.</summary>
    private static List<(string Name, byte[] Bytes)> AllPosts()
    {
        var samples = Directory.GetFiles(TestPaths.Output("Samples"), "*.md")
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), File.ReadAllBytes(path)));
        var corpus = PostCorpus.Generate(300).Select(post => (post.Name, post.Bytes));

        // The two posts of issue 13: b came out differently after a on the same renderer.
        (string, byte[])[] leaky =
        [
            ("issue-13-a.md", Encoding.UTF8.GetBytes(PostFile.Markdown(body: "See <a href=\"https://elsewhere.example/\">this</i> site.\n\nMiddle.\n\nEnd<sup>2</sup>."))),
            ("issue-13-b.md", Encoding.UTF8.GetBytes(PostFile.Markdown(body: "See <a href=\"https://elsewhere.example/\">this</i> site.\n\nDr Osei's paragraph."))),
        ];
        return [.. samples, .. leaky, .. corpus];
    }

    /// <summary>The whole record as text, or the editor's error: both must repeat exactly.</summary>
    private static string Record(PostRenderer renderer, (string Name, byte[] Bytes) post)
    {
        try
        {
            return JsonSerializer.Serialize(renderer.Render(post.Name, post.Bytes), Json);
        }
        catch (PostFormatException ex)
        {
            return "error: " + ex.Message;
        }
    }

    [Fact]
    public void Every_post_renders_to_the_same_bytes_in_any_order_and_on_a_fresh_instance()
    {
        var posts = AllPosts();
        var shared = TestPosts.Create();

        var forwards = posts.ToDictionary(post => post.Name, post => Record(shared, post));
        var shuffled = posts.OrderBy(post => post.Name.GetHashCode(StringComparison.Ordinal) ^ 0x5bd1e995).ToList();
        var again = shuffled.ToDictionary(post => post.Name, post => Record(shared, post));
        var fresh = posts.ToDictionary(post => post.Name, post => Record(TestPosts.Create(), post));

        Assert.True(posts.Count > 300, $"only {posts.Count} posts");
        Assert.NotEqual(posts.Select(p => p.Name), shuffled.Select(p => p.Name));
        foreach (var (name, _) in posts)
        {
            Assert.True(forwards[name] == again[name], $"{name} changed when rendered in another order");
            Assert.True(forwards[name] == fresh[name], $"{name} differs on a fresh renderer");
        }
    }

    [Fact]
    public void Posts_rendered_on_several_threads_at_once_match_posts_rendered_one_by_one()
    {
        var posts = AllPosts();
        var serial = posts.Select(post => Record(TestPosts.Renderer, post)).ToArray();
        var parallel = new string[posts.Count];

        Parallel.For(0, posts.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = Record(TestPosts.Renderer, posts[i]));

        for (var i = 0; i < posts.Count; i++)
        {
            Assert.True(serial[i] == parallel[i], $"{posts[i].Name} differs when rendered in parallel");
        }
    }
}
