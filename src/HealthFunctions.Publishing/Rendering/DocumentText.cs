using System.Text;
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
                yield return RawHtml.VisibleText(html.Lines.ToString());
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

    private static void Append(StringBuilder builder, Inline inline, ref int hidden)
    {
        switch (inline)
        {
            case HtmlInline html:
                hidden = Math.Max(0, hidden + RawHtml.HiddenDepthChange(html.Tag));
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
}
