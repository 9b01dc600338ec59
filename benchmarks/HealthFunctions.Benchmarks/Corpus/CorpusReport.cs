using System.Globalization;

namespace HealthFunctions.Benchmarks.Corpus;

/// <summary>
/// <c>corpus</c> mode: describes the generated corpus (sizes, word counts as the renderer counts
/// them, how many posts carry each feature) and, with <c>--out</c>, writes it to a folder, e.g. to
/// read it or to upload it with the CLI.
/// </summary>
internal static class CorpusReport
{
    public static int Run(Arguments arguments, TextWriter output)
    {
        var count = arguments.Int("count", Rendering.RenderBenchmarks.PostCount);
        var folder = arguments.Text("out");
        arguments.RejectUnknown();

        var posts = PostCorpus.Generate(count);
        var renderer = Rendering.Renderers.Post();
        var words = posts.Select(post => renderer.Render(post.Name, post.Bytes).WordCount).Order().ToList();
        var bytes = posts.Select(post => post.Bytes.Length).Order().ToList();
        output.WriteLine(Invariant($"{posts.Count} posts (seed {PostCorpus.Seed}), {bytes.Sum() / 1e6:F2} MB of Markdown"));
        output.WriteLine(Invariant($"bytes per post: min {bytes[0]:N0}, median {bytes[bytes.Count / 2]:N0}, mean {bytes.Average():N0}, max {bytes[^1]:N0}"));
        output.WriteLine(Invariant($"words per post (as rendered): min {words[0]:N0}, median {words[words.Count / 2]:N0}, max {words[^1]:N0}"));
        (string Feature, string Marker)[] features =
        [
            ("table", "\n|"), ("code block", "\n```"), ("<details>", "<details>"), ("<sup>", "<sup>"), ("<abbr>", "<abbr"),
            ("footnote", "[^1]:"), ("task list", "- [x]"), ("<!--more-->", "<!--more-->"), ("<iframe>", "<iframe"), ("title as # heading", "\n# "),
        ];
        foreach (var (feature, marker) in features)
        {
            output.WriteLine(Invariant($"  posts with {feature}: {posts.Count(post => post.Markdown.Contains(marker, StringComparison.Ordinal))}"));
        }

        if (folder is not null)
        {
            foreach (var post in posts)
            {
                var path = Path.Combine(folder, post.Name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, post.Bytes);
            }

            output.WriteLine($"written to {Path.GetFullPath(folder)}");
        }

        return 0;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
