using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HealthFunctions.Publishing.Rendering;

/// <summary>The reader-visible text of Markdown blocks, without markup: what excerpts and word counts are made from.</summary>
public static class DocumentText
{
    /// <summary>
    /// Plain text of each block, one string per paragraph, heading, table cell or raw HTML block, in order.
    /// Code blocks are left out, and so is any text the sanitiser would drop (the content of raw
    /// HTML elements outside <see cref="HtmlSafetyPolicy.Tags"/>, such as <c>script</c> and <c>style</c>).
    /// With <paramref name="paragraphsOnly"/> only prose paragraphs are returned: no headings, tables,
    /// footnotes or raw HTML blocks.
    /// </summary>
    public static IEnumerable<string> Of(IEnumerable<Block> blocks, bool paragraphsOnly = false)
    {
        foreach (var block in blocks)
        {
            foreach (var text in OfBlock(block, paragraphsOnly))
            {
                yield return text;
            }
        }
    }

    private static IEnumerable<string> OfBlock(Block block, bool paragraphsOnly)
    {
        switch (block)
        {
            case CodeBlock or YamlFrontMatterBlock or ThematicBreakBlock:
                yield break;
            case HtmlBlock or FootnoteGroup or HeadingBlock or Table when paragraphsOnly:
                yield break;
            case HtmlBlock html:
                yield return VisibleTextOfHtml(html.Lines.ToString());
                break;
            case LeafBlock { Inline: { } inline }:
                var builder = new StringBuilder();
                var hidden = 0;
                Append(builder, inline, ref hidden);
                yield return builder.ToString();
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    foreach (var text in OfBlock(child, paragraphsOnly))
                    {
                        yield return text;
                    }
                }

                break;
        }
    }

    /// <summary>Elements that never have content, so an opening tag does not start a hidden run.</summary>
    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
    };

    private static void Append(StringBuilder builder, Inline inline, ref int hidden)
    {
        switch (inline)
        {
            case HtmlInline html:
                hidden = Math.Max(0, hidden + HiddenDepthChange(html.Tag));
                break;
            case LiteralInline when hidden > 0:
                break;
            case LiteralInline literal:
                builder.Append(literal.Content.AsSpan());
                break;
            case CodeInline when hidden > 0:
                break;
            case CodeInline code:
                builder.Append(code.Content);
                break;
            case HtmlEntityInline when hidden > 0:
                break;
            case HtmlEntityInline entity:
                builder.Append(entity.Transcoded.AsSpan());
                break;
            case LineBreakInline:
                builder.Append(' ');
                break;
            case AutolinkInline when hidden > 0:
                break;
            case AutolinkInline autolink:
                builder.Append(autolink.Url);
                break;
            case LinkInline { IsImage: true }:
            case FootnoteLink:
                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    Append(builder, child, ref hidden);
                }

                break;
        }
    }

    /// <summary>+1 for an opening tag the sanitiser removes with its content, -1 for its closing tag, else 0.</summary>
    private static int HiddenDepthChange(string tag)
    {
        if (!tag.StartsWith('<') || tag.StartsWith("<!", StringComparison.Ordinal) || tag.StartsWith("<?", StringComparison.Ordinal))
        {
            return 0;
        }

        var closing = tag.StartsWith("</", StringComparison.Ordinal);
        var name = tag.AsSpan(closing ? 2 : 1);
        var length = 0;
        while (length < name.Length && (char.IsAsciiLetterOrDigit(name[length]) || name[length] is '-' or ':'))
        {
            length++;
        }

        var element = name[..length].ToString();
        if (element.Length == 0 || HtmlSafetyPolicy.Tags.Contains(element) || VoidElements.Contains(element))
        {
            return 0;
        }

        return closing ? -1 : tag.EndsWith("/>", StringComparison.Ordinal) ? 0 : 1;
    }

    /// <summary>
    /// One parser per thread, made on first use: building one (with its browsing context) costs more
    /// than parsing a typical HTML block, and AngleSharp advises a context per thread.
    /// </summary>
    [ThreadStatic]
    private static HtmlParser? _threadParser;

    private static string VisibleTextOfHtml(string html)
    {
        using var document = (_threadParser ??= new HtmlParser()).ParseDocument(html);
        var builder = new StringBuilder();
        AppendVisible(builder, document.Body);
        return builder.ToString();
    }

    private static void AppendVisible(StringBuilder builder, INode? node)
    {
        if (node is null)
        {
            return;
        }

        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    builder.Append(text.Data);
                    break;
                case IElement element when HtmlSafetyPolicy.Tags.Contains(element.LocalName):
                    // Block-level boundaries separate words; inline ones (b, sup, abbr...) do not.
                    var separate = !InlineElements.Contains(element.LocalName);
                    if (separate)
                    {
                        builder.Append(' ');
                    }

                    AppendVisible(builder, element);
                    if (separate)
                    {
                        builder.Append(' ');
                    }

                    break;
            }
        }
    }

    private static readonly HashSet<string> InlineElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "b", "cite", "code", "del", "dfn", "em", "i", "ins", "kbd", "mark", "q", "s", "samp", "small",
        "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
    };
}
