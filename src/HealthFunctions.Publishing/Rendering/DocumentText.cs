using System.Text;
using HealthFunctions.Publishing.Text;
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
    public static IReadOnlyList<string> Of(IEnumerable<Block> blocks, bool paragraphsOnly = false)
    {
        var sink = new StringSink();
        foreach (var block in blocks)
        {
            Walk(block, paragraphsOnly, sink);
        }

        return sink.Texts;
    }

    /// <summary>
    /// The number of words in the text <see cref="Of"/> returns for <paramref name="blocks"/>, counted
    /// straight from the syntax tree without building that text.
    /// </summary>
    public static int CountWords(IEnumerable<Block> blocks)
    {
        var sink = new WordSink();
        foreach (var block in blocks)
        {
            Walk(block, paragraphsOnly: false, sink);
        }

        return sink.Counter.Words;
    }

    private static void Walk(Block root, bool paragraphsOnly, TextSink sink) =>
        MarkdownWalk.ForEachBlock(root, block =>
        {
            switch (block)
            {
                case CodeBlock or YamlFrontMatterBlock or ThematicBreakBlock:
                    return false;
                case HtmlBlock or FootnoteGroup or HeadingBlock or Table when paragraphsOnly:
                    return false;
                case HtmlBlock html:
                    sink.Append(RawHtml.VisibleText(html.Lines.ToString()));
                    sink.EndPassage();
                    return false;
                case LeafBlock { Inline: { } inline }:
                    AppendInlines(sink, inline);
                    sink.EndPassage();
                    return false;
                default:
                    return block is ContainerBlock;
            }
        });

    /// <summary>Appends the visible text of the inlines in <paramref name="root"/>.</summary>
    private static void AppendInlines(TextSink sink, ContainerInline root)
    {
        // Depth inside raw HTML elements whose content the sanitiser drops (script, style, ...).
        var hidden = 0;
        MarkdownWalk.ForEachInline(root, inline =>
        {
            switch (inline)
            {
                case LiteralInline text:
                    if (hidden == 0)
                    {
                        sink.Append(text.Content.AsSpan());
                    }

                    return false;
                case HtmlInline html:
                    hidden = Math.Max(0, hidden + RawHtml.HiddenDepthChange(html.Tag));
                    return false;
                case CodeInline code when hidden == 0:
                    sink.Append(code.Content);
                    return false;
                case HtmlEntityInline entity when hidden == 0:
                    sink.Append(entity.Transcoded.AsSpan());
                    return false;
                case LineBreakInline:
                    sink.Append(" ");
                    return false;
                case AutolinkInline autolink when hidden == 0:
                    sink.Append(autolink.Url);
                    return false;
                case LinkInline { IsImage: true } or FootnoteLink:
                    return false;
                default:
                    return inline is ContainerInline;
            }
        });
    }

    /// <summary>Where the walk puts text: a passage ends after each leaf block and raw HTML block.</summary>
    private abstract class TextSink
    {
        public abstract void Append(ReadOnlySpan<char> text);

        public abstract void EndPassage();
    }

    private sealed class StringSink : TextSink
    {
        private readonly StringBuilder _current = new();

        public List<string> Texts { get; } = [];

        public override void Append(ReadOnlySpan<char> text) => _current.Append(text);

        public override void EndPassage()
        {
            Texts.Add(_current.ToString());
            _current.Clear();
        }
    }

    private sealed class WordSink : TextSink
    {
        public WordCounter Counter { get; } = new();

        public override void Append(ReadOnlySpan<char> text) => Counter.Add(text);

        public override void EndPassage() => Counter.EndPassage();
    }
}
