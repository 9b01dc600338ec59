using System.Text;

namespace HealthFunctions.Benchmarks.Corpus;

/// <summary>One generated source file: the blob name it is uploaded as, its text and its UTF-8 bytes.</summary>
public sealed record CorpusPost(string Name, string Markdown, byte[] Bytes);

/// <summary>
/// A deterministic corpus of realistic posts: the same seed gives byte-for-byte the same files on
/// every machine and run. Each post has YAML front matter and 300 to 1,500 words of body with
/// headings, lists, task lists, links, tables, code blocks, quotes, footnotes and raw HTML
/// (<c>&lt;details&gt;</c>, <c>&lt;sup&gt;</c>, <c>&lt;abbr&gt;</c>, callout <c>&lt;div&gt;</c>s, the odd
/// embedded <c>&lt;iframe&gt;</c> the sanitiser must drop).
/// </summary>
public static class PostCorpus
{
    public const int Seed = 20260115;

    /// <param name="count">How many posts.</param>
    /// <param name="seed">Random seed; the default gives the corpus the README's figures were measured on.</param>
    /// <param name="batch">Prefix for slugs and blob names, so several corpora can be published into one index without clashing.</param>
    public static IReadOnlyList<CorpusPost> Generate(int count, int seed = Seed, string batch = "")
    {
        var random = new Random(seed);
        var posts = new List<CorpusPost>(count);
        for (var i = 0; i < count; i++)
        {
            var markdown = new PostWriter(random, i, batch).Write(out var name);
            posts.Add(new CorpusPost(name, markdown, Encoding.UTF8.GetBytes(markdown)));
        }

        return posts;
    }
}
