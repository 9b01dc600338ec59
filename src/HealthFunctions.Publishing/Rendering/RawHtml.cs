using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HealthFunctions.Publishing.Rendering;

/// <summary>
/// Finds the raw HTML an author wrote inside Markdown, the only part of a rendered post that Markdig
/// copies through unescaped, and estimates how many elements it leaves open.
/// </summary>
internal static partial class RawHtml
{
    /// <summary>True when <paramref name="block"/> is, or holds anywhere inside it, raw HTML.</summary>
    public static bool In(Block block) => MarkdownWalk.HasBlock<HtmlBlock>(block) || MarkdownWalk.HasInline<HtmlInline>(block);

    /// <summary>
    /// The number of elements left open after <paramref name="block"/>, given <paramref name="open"/>
    /// before it: raw opening tags add one, closing tags take one away; void and self-closed elements
    /// and comments count nothing. It never drops below zero. Only an estimate (it knows nothing of
    /// implied end tags), which is all a caller may use it for: deciding how many blocks to keep together.
    /// </summary>
    public static int OpenElementsAfter(Block block, int open)
    {
        foreach (var piece in Pieces(block))
        {
            open = piece switch
            {
                HtmlBlock html => Count(html.Lines.ToString(), open),
                HtmlInline inline => Count(inline.Tag, open),
                _ => open,
            };
        }

        return open;
    }

    /// <summary>The raw HTML blocks and inline tags in <paramref name="block"/>.</summary>
    private static List<MarkdownObject> Pieces(Block block)
    {
        var pieces = new List<MarkdownObject>();
        pieces.AddRange(MarkdownWalk.Blocks<HtmlBlock>(block));
        pieces.AddRange(MarkdownWalk.Inlines<HtmlInline>(block));
        return pieces;
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

    private static int Count(string html, int open)
    {
        foreach (Match match in Tag().Matches(html))
        {
            var name = match.Groups["name"].Value;
            if (name.Length == 0 || VoidElements.Contains(name))
            {
                continue;
            }

            if (match.Groups["close"].Success)
            {
                open = Math.Max(0, open - 1);
            }
            else if (!match.Groups["self"].Success)
            {
                open++;
            }
        }

        return open;
    }

    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
    };

    /// <summary>A comment (matched so its content is skipped), or a start or end tag with its name.</summary>
    [GeneratedRegex("""<!--.*?-->|<(?<close>/)?(?<name>[A-Za-z][A-Za-z0-9:-]*)(?:[^>"']|"[^"]*"|'[^']*')*?(?<self>/)?>""", RegexOptions.Singleline)]
    private static partial Regex Tag();
}
