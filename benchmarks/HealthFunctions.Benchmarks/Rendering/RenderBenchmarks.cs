using AngleSharp;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using BenchmarkDotNet.Attributes;
using Ganss.Xss;
using HealthFunctions.Benchmarks.Corpus;
using HealthFunctions.Publishing;
using HealthFunctions.Publishing.Posts;
using HealthFunctions.Publishing.Rendering;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Benchmarks.Rendering;

/// <summary>
/// The cost of turning one post into HTML, per post, over the whole generated corpus: raw Markdig
/// (the floor), our full render step, the sanitiser alone, and the HTML parse and serialise any
/// AngleSharp-based sanitiser has to do (the sanitiser's own floor). Each invocation handles every
/// post once, so the figures BenchmarkDotNet prints are per post; the MB/s column is Markdown
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
    private MarkdownPipeline _pipeline = null!;
    private HtmlSafetyPolicy _safety = null!;
    private SafeHtmlRenderer _safeHtml = null!;
    private PostRenderer _renderer = null!;
    private HtmlParser _sanitizerParser = null!;
    private HtmlParser _parserWithoutCss = null!;
    private MarkdownDocument[] _documents = [];
    private string[] _frontMatter = [];

    [GlobalSetup]
    public void Setup()
    {
        _posts = PostCorpus.Generate(PostCount);
        _pipeline = MarkdownPipelineFactory.Create();
        _safety = new HtmlSafetyPolicy();
        _safeHtml = new SafeHtmlRenderer(_pipeline, _safety);
        _renderer = new PostRenderer(_pipeline, _safety, Options.Create(new PublishingOptions()));
        _rawHtml = _posts.Select(post => Markdown.ToHtml(post.Markdown, _pipeline)).ToArray();
        _documents = _posts.Select(post => Markdown.Parse(post.Markdown, _pipeline)).ToArray();
        _frontMatter = _documents
            .Select(document => document.OfType<YamlFrontMatterBlock>().Single())
            .Select(block => string.Join('\n', block.Lines.Lines.Take(block.Lines.Count).Select(line => line.Slice.ToString())))
            .ToArray();
        _sanitizerParser = HtmlSanitizer.DefaultHtmlParserFactory();
        _parserWithoutCss = new HtmlParser(new HtmlParserOptions { IsScripting = true }, BrowsingContext.New(Configuration.Default));
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

    /// <summary>What the publish step does to a file: decode, front matter, parse, render, sanitise, excerpt, counts.</summary>
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

    /// <summary>Parse plus <see cref="SafeHtmlRenderer"/>: URL checks in the tree, Markdig's markup, sanitised raw-HTML runs.</summary>
    [Benchmark(OperationsPerInvoke = PostCount, Description = "Parse + SafeHtmlRenderer.Render")]
    public int ParseAndSafeRender()
    {
        var length = 0;
        foreach (var post in _posts)
        {
            length += _safeHtml.Render(Markdown.Parse(post.Markdown, _pipeline)).Length;
        }

        return length;
    }

    /// <summary>
    /// The sanitiser over the whole of the HTML Markdig made of each post: how every post was made safe
    /// before <see cref="SafeHtmlRenderer"/>, kept as the reference the change is measured against.
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

    /// <summary>The reader-visible text the renderer counts words in and cuts excerpts from, over already parsed documents.</summary>
    [Benchmark(OperationsPerInvoke = PostCount, Description = "DocumentText.Of only")]
    public int DocumentTextOnly()
    {
        var length = 0;
        foreach (var document in _documents)
        {
            foreach (var text in DocumentText.Of(document))
            {
                length += text.Length;
            }
        }

        return length;
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

    /// <summary>
    /// What HtmlSanitizer does before and after applying the policy: parse the HTML into a DOM with
    /// its own parser (CSS engine on, for style attributes) and serialise the body back.
    /// </summary>
    [Benchmark(OperationsPerInvoke = PostCount, Description = "AngleSharp parse+serialise (sanitiser's parser)")]
    public int ParseAndSerialize() => ParseAndSerialize(_sanitizerParser);

    /// <summary>The same without the CSS engine: what dropping <c>style</c> support would save.</summary>
    [Benchmark(OperationsPerInvoke = PostCount, Description = "AngleSharp parse+serialise (no CSS)")]
    public int ParseAndSerializeWithoutCss() => ParseAndSerialize(_parserWithoutCss);

    private int ParseAndSerialize(HtmlParser parser)
    {
        var length = 0;
        foreach (var html in _rawHtml)
        {
            using var document = parser.ParseDocument("<!doctype html><html><body>" + html);
            length += document.Body!.ChildNodes.ToHtml(HtmlMarkupFormatter.Instance).Length;
        }

        return length;
    }
}
