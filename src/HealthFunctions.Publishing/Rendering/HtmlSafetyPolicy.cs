using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;

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

    public static readonly IReadOnlySet<string> Schemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "http", "https", "mailto",
    };

    private readonly HtmlSanitizer _sanitizer;

    public HtmlSafetyPolicy()
    {
        _sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(Attributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(Schemes, StringComparer.OrdinalIgnoreCase),
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

    /// <summary>What <see cref="IsAllowedUrl"/> accepts, in words, for messages to editors.</summary>
    public const string AllowedUrlsText = "only http, https and mailto links and relative paths are allowed";

    /// <summary>Returns <paramref name="html"/> with everything outside the policy removed.</summary>
    public string Sanitize(string html) => _sanitizer.Sanitize(html);

    /// <summary>
    /// True when a link or image may point at <paramref name="url"/>: no scheme (a relative path, a
    /// query or a fragment) or one of <see cref="Schemes"/>. The URL is read as a browser reads it:
    /// tabs and line breaks anywhere are ignored, and so are control characters and spaces at either end.
    /// Anything that looks like a scheme but is not an allowed one is refused.
    /// </summary>
    public static bool IsAllowedUrl(string? url) => SchemeOf(url) is not { } scheme || Schemes.Contains(scheme);

    /// <summary>True for an http or https URL: a link that leaves the site.</summary>
    public static bool IsWebUrl(string? url) => SchemeOf(url) is "http" or "https";

    private static string? SchemeOf(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        var cleaned = url.AsSpan().Trim(ControlsAndSpace);
        if (cleaned.ContainsAny('\t', '\n', '\r'))
        {
            cleaned = new string(cleaned.ToArray().Where(c => c is not ('\t' or '\n' or '\r')).ToArray());
        }

        var colon = cleaned.IndexOf(':');
        if (colon < 0)
        {
            return null;
        }

        var stop = cleaned.IndexOfAny('/', '?', '#');
        return stop >= 0 && stop < colon ? null : cleaned[..colon].ToString().ToLowerInvariant();
    }

    /// <summary>C0 control characters and the space, which browsers strip from both ends of a URL.</summary>
    private static readonly char[] ControlsAndSpace = Enumerable.Range(0, 0x21).Select(c => (char)c).ToArray();

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
