using BenchmarkDotNet.Attributes;
using HealthFunctions.Benchmarks.Corpus;
using HealthFunctions.Publishing.Posts;
using HealthFunctions.Publishing.Rendering;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Microsoft.Extensions.DependencyInjection;

namespace HealthFunctions.Benchmarks.Rendering;

/// <summary>
/// The cost of turning one post into HTML, per post, over the whole generated corpus: raw Markdig
/// (the baseline), our full render step, and its parts. Each invocation handles
/// every post once, so the figures BenchmarkDotNet prints are per post; the MB/s column is Markdown
/// source per second.
/// </summary>
[Config(typeof(RenderConfig))]
[MemoryDiagnoser]
public class RenderBenchmarks
{
    /// <summary>Posts in the corpus; every benchmark renders them all per invocation.</summary>
    public const int PostCount = 300;

    private IReadOnlyList<CorpusPost> _posts = [];
    private string[] _rawHtml = [];
    private IServiceProvider _services = null!;
    private MarkdownPipeline _pipeline = null!;
    private HtmlSafetyPolicy _safety = null!;
    private PostRenderer _renderer = null!;
    private MarkdownDocument[] _documents = [];
    private string[] _frontMatter = [];

    [GlobalSetup]
    public void Setup()
    {
        _posts = PostCorpus.Generate(PostCount);
        _services = Renderers.Services();
        _pipeline = _services.GetRequiredService<MarkdownPipeline>();
        _safety = _services.GetRequiredService<HtmlSafetyPolicy>();
        _renderer = _services.GetRequiredService<PostRenderer>();
        _rawHtml = _posts.Select(post => Markdown.ToHtml(post.Markdown, _pipeline)).ToArray();
        _documents = _posts.Select(post => Markdown.Parse(post.Markdown, _pipeline)).ToArray();
        _frontMatter = _documents
            .Select(document => document.OfType<YamlFrontMatterBlock>().Single())
            .Select(block => string.Join('\n', block.Lines.Lines.Take(block.Lines.Count).Select(line => line.Slice.ToString())))
            .ToArray();
    }

    /// <summary>Markdig alone, with our extensions: parse and render to HTML, nothing else.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = PostCount, Description = "Raw Markdig ToHtml")]
    public int RawMarkdig()
    {
        var length = 0;
        foreach (var post in _posts)
        {
            length += Markdown.ToHtml(post.Markdown, _pipeline).Length;
        }

        return length;
    }

    /// <summary>
    /// What the publish step does to a file: decode, front matter, parse, defaults, images, safe HTML,
    /// excerpt, counts. The renderer keeps nothing between posts, so every render costs the same as a
    /// first one.
    /// </summary>
    [Benchmark(OperationsPerInvoke = PostCount, Description = "PostRenderer.Render (full)")]
    public int FullRender()
    {
        var length = 0;
        foreach (var post in _posts)
        {
            length += _renderer.Render(post.Name, post.Bytes).Html.Length;
        }

        return length;
    }

    /// <summary>Markdig's parse alone: the part of the baseline that the full render step cannot avoid either.</summary>
    [Benchmark(OperationsPerInvoke = PostCount, Description = "Markdig Parse only")]
    public int MarkdigParseOnly()
    {
        var blocks = 0;
        foreach (var post in _posts)
        {
            blocks += Markdown.Parse(post.Markdown, _pipeline).Count;
        }

        return blocks;
    }

    /// <summary>Parse plus <see cref="SafeHtmlRenderer"/>: address checks in the tree, Markdig's markup, the sanitiser over posts with raw HTML.</summary>
    [Benchmark(OperationsPerInvoke = PostCount, Description = "Parse + SafeHtmlRenderer.Render")]
    public int ParseAndSafeRender()
    {
        var safeHtml = _services.GetRequiredService<SafeHtmlRenderer>();
        var length = 0;
        foreach (var post in _posts)
        {
            length += safeHtml.Render(Markdown.Parse(post.Markdown, _pipeline)).Length;
        }

        return length;
    }

    /// <summary>
    /// The sanitiser over the whole of the HTML Markdig made of each post, raw HTML or not: what the
    /// renderer would cost if it sanitised every post.
    /// </summary>
    [Benchmark(OperationsPerInvoke = PostCount, Description = "HtmlSafetyPolicy.Sanitize, whole document")]
    public int SanitizeOnly()
    {
        var length = 0;
        foreach (var html in _rawHtml)
        {
            length += _safety.Sanitize(html).Length;
        }

        return length;
    }

    /// <summary>Counting the words of already parsed documents, as the renderer does, straight from the syntax tree.</summary>
    [Benchmark(OperationsPerInvoke = PostCount, Description = "DocumentText.CountWords only")]
    public int CountWordsOnly()
    {
        var words = 0;
        foreach (var document in _documents)
        {
            words += DocumentText.CountWords(document);
        }

        return words;
    }

    /// <summary>Reading and checking the YAML front matter.</summary>
    [Benchmark(OperationsPerInvoke = PostCount, Description = "FrontMatterReader.Read only")]
    public int FrontMatterOnly()
    {
        var count = 0;
        foreach (var yaml in _frontMatter)
        {
            count += FrontMatterReader.Read(yaml, 2).Tags.Count;
        }

        return count;
    }
}
