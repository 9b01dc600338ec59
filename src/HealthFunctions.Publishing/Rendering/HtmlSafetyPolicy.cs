using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;
using HealthFunctions.Publishing.Text;

namespace HealthFunctions.Publishing.Rendering;

/// <summary>
/// The allow-list that makes rendered posts safe to insert into a page: only the listed tags,
/// attributes, URL schemes and CSS properties survive. Built once; sanitising is thread-safe.
/// </summary>
public sealed class HtmlSafetyPolicy
{
    public static readonly IReadOnlySet<string> Tags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del",
        "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5",
        "h6", "hr", "i", "img", "input", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp",
        "section", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot",
        "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
    };

    public static readonly IReadOnlySet<string> Attributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "href", "src", "alt", "title", "width", "height", "id", "class", "colspan", "rowspan", "scope",
        "start", "reversed", "type", "checked", "disabled", "open", "datetime", "cite", "lang", "dir",
        "abbr", "loading",
    };

    private readonly HtmlSanitizer _sanitizer;

    public HtmlSafetyPolicy()
    {
        _sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(Attributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(UrlSchemes.Allowed, StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(["text-align"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src", "cite", "action", "formaction", "longdesc", "poster", "background", "srcset", "xlink:href"], StringComparer.OrdinalIgnoreCase),
        });
        _sanitizer.AllowedAttributes.Add("style");
        _sanitizer.PostProcessNode += (_, e) => Tighten(e.Node);

        // The default factory builds a new parser and browsing context for every call, which costs more
        // than sanitising a short post. A parser holds no state between documents but is not thread-safe,
        // so each thread keeps its own.
        _sanitizer.HtmlParserFactory = () => _threadParser ??= HtmlSanitizer.DefaultHtmlParserFactory();
    }

    [ThreadStatic]
    private static HtmlParser? _threadParser;

    /// <summary>Returns <paramref name="html"/> with everything outside the policy removed.</summary>
    public string Sanitize(string html) => _sanitizer.Sanitize(html);

    private static void Tighten(INode node)
    {
        if (node is not IElement element)
        {
            return;
        }

        switch (element.LocalName)
        {
            case "input":
                // Task-list checkboxes are the only inputs a post may carry, and they are read-only.
                if (!string.Equals(element.GetAttribute("type"), "checkbox", StringComparison.OrdinalIgnoreCase))
                {
                    element.Remove();
                    return;
                }

                element.SetAttribute("disabled", "disabled");
                break;
            case "img":
                element.SetAttribute("loading", "lazy");
                break;
            case "a" when element.GetAttribute("href") is { } href && href.StartsWith("http", StringComparison.OrdinalIgnoreCase):
                element.SetAttribute("rel", "noopener noreferrer");
                break;
        }
    }
}
