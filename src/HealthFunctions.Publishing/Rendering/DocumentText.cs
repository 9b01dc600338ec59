using System.Text;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HealthFunctions.Publishing.Rendering;

/// <summary>The reader-visible text of Markdown blocks, without markup: what excerpts and word counts are made from.</summary>
public static class DocumentText
{
    /// <summary>Plain text of each block, one string per paragraph, heading or table cell, in order. Code and raw HTML are left out.</summary>
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
            case CodeBlock or HtmlBlock or YamlFrontMatterBlock or ThematicBreakBlock:
                yield break;
            case FootnoteGroup when paragraphsOnly:
                yield break;
            case HeadingBlock when paragraphsOnly:
                yield break;
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

    /// <summary>Raw HTML elements whose text a reader never sees as prose.</summary>
    private static readonly string[] HiddenElements = ["script", "style", "template", "noscript", "textarea", "iframe", "object", "svg", "math"];

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
            case CodeInline code:
                builder.Append(code.Content);
                break;
            case HtmlEntityInline entity:
                builder.Append(entity.Transcoded.AsSpan());
                break;
            case LineBreakInline:
                builder.Append(' ');
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

    private static int HiddenDepthChange(string tag)
    {
        var closing = tag.StartsWith("</", StringComparison.Ordinal);
        var name = tag.AsSpan(closing ? 2 : 1);
        foreach (var element in HiddenElements)
        {
            if (name.StartsWith(element, StringComparison.OrdinalIgnoreCase)
                && (name.Length == element.Length || !char.IsLetterOrDigit(name[element.Length])))
            {
                return closing ? -1 : tag.EndsWith("/>", StringComparison.Ordinal) ? 0 : 1;
            }
        }

        return 0;
    }
}
