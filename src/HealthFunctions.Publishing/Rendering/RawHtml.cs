using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HealthFunctions.Publishing.Rendering;

/// <summary>
/// Finds the raw HTML an author wrote inside Markdown, the only part of a rendered post that Markdig
/// copies through unescaped, and reads the text a reader would see of it.
/// </summary>
internal static partial class RawHtml
{
    /// <summary>True when <paramref name="block"/> is, or holds anywhere inside it, raw HTML.</summary>
    public static bool In(Block block) => MarkdownWalk.HasBlock<HtmlBlock>(block) || MarkdownWalk.HasInline<HtmlInline>(block);

    /// <summary>
    /// How many raw HTML tags and comments <paramref name="block"/> holds: each inline tag, and each
    /// <c>&lt;</c> followed by a letter, <c>/</c> or <c>!</c> in raw HTML blocks.
    /// </summary>
    public static int TagCount(Block block)
    {
        var count = 0;
        MarkdownWalk.ForEachBlock(block, each =>
        {
            switch (each)
            {
                case HtmlBlock html:
                    foreach (var line in html.Lines.Lines.Take(html.Lines.Count))
                    {
                        var text = line.Slice.AsSpan();
                        for (var i = 0; i < text.Length - 1; i++)
                        {
                            count += text[i] == '<' && (char.IsAsciiLetter(text[i + 1]) || text[i + 1] is '/' or '!') ? 1 : 0;
                        }
                    }

                    return false;
                case LeafBlock { Inline: { } inline }:
                    MarkdownWalk.ForEachInline(inline, child =>
                    {
                        count += child is HtmlInline ? 1 : 0;
                        return true;
                    });
                    return false;
                default:
                    return true;
            }
        });
        return count;
    }

    /// <summary>
    /// The text a reader sees in a raw HTML block: tags dropped, entities decoded, block-level elements
    /// separating words, and nothing from inside elements the sanitiser removes with their content
    /// (those outside <see cref="HtmlSafetyPolicy.Tags"/>, such as <c>script</c> and <c>style</c>).
    /// </summary>
    public static string VisibleText(string html)
    {
        var builder = new StringBuilder();
        var hidden = 0;
        var copied = 0;
        foreach (Match match in Tag().Matches(html))
        {
            if (hidden == 0)
            {
                builder.Append(WebUtility.HtmlDecode(html[copied..match.Index]));
            }

            copied = match.Index + match.Length;
            var change = HiddenDepthChange(match);
            hidden = Math.Max(0, hidden + change);
            if (change == 0 && hidden == 0 && match.Groups["name"].Value is { Length: > 0 } name && !InlineElements.Contains(name))
            {
                builder.Append(' ');
            }
        }

        if (hidden == 0)
        {
            builder.Append(WebUtility.HtmlDecode(html[copied..]));
        }

        return builder.ToString();
    }

    /// <summary>+1 for an opening tag the sanitiser removes with its content, -1 for its closing tag, else 0.</summary>
    public static int HiddenDepthChange(string tag)
    {
        var match = Tag().Match(tag);
        return match.Success && match.Index == 0 ? HiddenDepthChange(match) : 0;
    }

    private static int HiddenDepthChange(Match tag)
    {
        var name = tag.Groups["name"].Value;
        if (name.Length == 0 || HtmlSafetyPolicy.Tags.Contains(name) || VoidElements.Contains(name))
        {
            return 0;
        }

        return tag.Groups["close"].Success ? -1 : tag.Groups["self"].Success ? 0 : 1;
    }

    /// <summary>Allowed elements that sit inside a line of text, so they do not separate words.</summary>
    private static readonly HashSet<string> InlineElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "b", "cite", "code", "del", "dfn", "em", "i", "ins", "kbd", "mark", "q", "s", "samp", "small",
        "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
    };

    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
    };

    /// <summary>A comment (matched so its content is skipped), or a start or end tag with its name.</summary>
    [GeneratedRegex("""<!--.*?-->|<(?<close>/)?(?<name>[A-Za-z][A-Za-z0-9:-]*)(?:[^>"']|"[^"]*"|'[^']*')*?(?<self>/)?>""", RegexOptions.Singleline)]
    private static partial Regex Tag();
}
