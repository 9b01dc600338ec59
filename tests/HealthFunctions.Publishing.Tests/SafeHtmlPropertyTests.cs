using AngleSharp;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using CsCheck;
using HealthFunctions.Publishing.Rendering;
using HealthFunctions.Publishing.Text;
using Markdig;

namespace HealthFunctions.Publishing.Tests;

/// <summary>
/// Differential, property-based checks of <see cref="SafeHtmlRenderer"/> over generated Markdown mixed
/// with tag soup: a document with raw HTML comes out exactly as HtmlSanitizer makes Markdig's whole
/// output; a document without it comes out as Markdig wrote it, and sanitising that changes nothing.
/// </summary>
public sealed class SafeHtmlPropertyTests
{
    private static readonly MarkdownPipeline Pipeline = MarkdownPipelineFactory.Create();
    private static readonly HtmlSafetyPolicy Policy = new();

    private static readonly string[] MarkdownPieces =
    [
        "dose", "Dr Osei", "blood pressure", "&amp;", "&#106;", "&", "\"", "'", "a < b", "c > d", "*", "**", "_", "`", "~~", "==",
        "[link](https://www.nhs.uk/)", "[bad](javascript:alert(1))", "[ref][1]", "\n[1]: https://example.org/ \"T\"\n",
        "![pill](https://images.example.org/p.png)", "![x](data:image/png;base64,AA)", "<https://example.org>", "www.example.org",
        "<vbscript:msgbox(1)>", "clinic@example.org", "\n# ", "\n## ", "\n> ", "\n- ", "\n1. ", "\n    ", "\n", "\n\n",
        "\n|a|b|\n|:-|-:|\n|1|2|\n", "\n```\ncode <b>\n```\n", "[^1]", "\n[^1]: a note\n", "\n- [ ] task", "\n- [x] done",
        "\n***\n", "H~2~O", "x^2^", "\\*", "\\<b>",
    ];

    private static readonly string[] TagSoup =
    [
        "<b>", "</b>", "</i>", "<a href=\"https://elsewhere.example/\">", "</a>", "<a href=\"javascript:alert(1)\">", "<div>",
        "</div>", "<div class=\"callout\">", "<details>", "</details>", "<summary>", "<p", "</p>", "<img src=x onerror=alert(1)>",
        "<script>alert(1)</script>", "<script>", "<!--", "-->", "<!-- note -->", "<sup>", "</sup>", "<span title=\"x",
        "\">", "<table>", "<td>", "</table>", "<style>p{}</style>", "<br/>", "<kbd>", "<svg onload=alert(1)>", "&lt;", "&#x3C;",
        "<textarea>", "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">", "<iframe src=javascript:alert(1)>",
        "<abbr title=\"a&quot;b\">", "</abbr>", "<ul><li>", "</li>", "<em", "<math><mi>", "<input type=text>",
    ];

    /// <summary>Markdown, optionally with tag soup, as a list of pieces joined by nothing or a space.</summary>
    private static Gen<string> Document(bool withHtml) =>
        Gen.Select(
            (withHtml ? Gen.OneOf(Gen.OneOf(MarkdownPieces), Gen.OneOf(TagSoup)) : Gen.OneOf(MarkdownPieces)).Array[1, 40],
            Gen.Bool.Array[40],
            (pieces, spaces) => string.Concat(pieces.Select((piece, i) => spaces[i] ? piece + " " : piece)));

    private static string Render(string markdown) =>
        new SafeHtmlRenderer(Pipeline, Policy).Render(Markdown.Parse(markdown, Pipeline));

    /// <summary>Markdig's whole output for <paramref name="markdown"/>, after the same address checks.</summary>
    private static string MarkdigOutput(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        MarkdownLinkGuard.Apply(document, warnings: null);
        return Markdown.ToHtml(document, Pipeline);
    }

    /// <summary>
    /// The markup as a browser builds it, written out again, so two serialisations of one tree compare
    /// equal: attributes in name order, CSS without a trailing ';' (the sanitiser rewrites both).
    /// </summary>
    private static string Tree(string html)
    {
        var document = new HtmlParser().ParseDocument("<!doctype html><html><head></head><body>" + html + "</body></html>");
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            var attributes = element.Attributes.Select(a => (a.Name, Value: a.Name == "style" ? a.Value.Trim().TrimEnd(';') : a.Value)).ToList();
            foreach (var (name, _) in attributes)
            {
                element.RemoveAttribute(name);
            }

            foreach (var (name, value) in attributes.OrderBy(a => a.Name, StringComparer.Ordinal))
            {
                element.SetAttribute(name, value);
            }
        }

        return document.Body.ChildNodes.ToHtml(HtmlMarkupFormatter.Instance);
    }

    [Fact]
    public void A_document_with_raw_html_comes_out_as_the_sanitiser_makes_markdigs_whole_output()
    {
        Document(withHtml: true)
            .Where(markdown => RawHtml.In(Markdown.Parse(markdown, Pipeline)))
            .Sample(markdown => Assert.Equal(Policy.Sanitize(MarkdigOutput(markdown)), Render(markdown)), iter: 400, threads: 1);
    }

    [Fact]
    public void A_document_without_raw_html_is_markdigs_output_and_the_sanitiser_would_change_nothing()
    {
        Document(withHtml: false)
            .Where(markdown => !RawHtml.In(Markdown.Parse(markdown, Pipeline)))
            .Sample(
                markdown =>
                {
                    var html = Render(markdown);
                    Assert.Equal(MarkdigOutput(markdown), html);
                    Assert.Equal(Tree(html), Tree(Policy.Sanitize(html)));
                },
                iter: 400,
                threads: 1);
    }

    [Fact]
    public void No_generated_document_leaves_script_handlers_or_refused_addresses()
    {
        Document(withHtml: true).Sample(
            markdown =>
            {
                var body = new HtmlParser().ParseDocument("<body>" + Render(markdown) + "</body>").Body!;
                foreach (var element in body.QuerySelectorAll("*"))
                {
                    Assert.Contains(element.LocalName, HtmlSafetyPolicy.Tags);
                    Assert.DoesNotContain(element.Attributes, attribute => attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
                    Assert.True(UrlSchemes.IsAllowed(element.GetAttribute("href")), element.OuterHtml);
                    Assert.True(UrlSchemes.IsAllowed(element.GetAttribute("src")), element.OuterHtml);
                }
            },
            iter: 400,
            threads: 1);
    }
}
