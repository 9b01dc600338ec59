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

    private static void Walk(Block block, bool paragraphsOnly, TextSink sink)
    {
        switch (block)
        {
            case CodeBlock or YamlFrontMatterBlock or ThematicBreakBlock:
                break;
            case HtmlBlock or FootnoteGroup or HeadingBlock or Table when paragraphsOnly:
                break;
            case HtmlBlock html:
                sink.Append(RawHtml.VisibleText(html.Lines.ToString()));
                sink.EndPassage();
                break;
            case LeafBlock { Inline: { } inline }:
                var hidden = 0;
                Append(sink, inline, ref hidden);
                sink.EndPassage();
                break;
            case ContainerBlock container:
                for (var i = 0; i < container.Count; i++)
                {
                    Walk(container[i], paragraphsOnly, sink);
                }

                break;
        }
    }

    private static void Append(TextSink sink, Inline inline, ref int hidden)
    {
        // Plain text is most of any post: the common case first.
        if (inline is LiteralInline text)
        {
            if (hidden == 0)
            {
                sink.Append(text.Content.AsSpan());
            }

            return;
        }

        switch (inline)
        {
            case HtmlInline html:
                hidden = Math.Max(0, hidden + RawHtml.HiddenDepthChange(html.Tag));
                break;
            case CodeInline when hidden > 0:
                break;
            case CodeInline code:
                sink.Append(code.Content);
                break;
            case HtmlEntityInline when hidden > 0:
                break;
            case HtmlEntityInline entity:
                sink.Append(entity.Transcoded.AsSpan());
                break;
            case LineBreakInline:
                sink.Append(" ");
                break;
            case AutolinkInline when hidden > 0:
                break;
            case AutolinkInline autolink:
                sink.Append(autolink.Url);
                break;
            case LinkInline { IsImage: true }:
            case FootnoteLink:
                break;
            case ContainerInline container:
                for (var child = container.FirstChild; child is not null; child = child.NextSibling)
                {
                    Append(sink, child, ref hidden);
                }

                break;
        }
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
