using System.Globalization;
using HealthFunctions.Publishing.Text;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HealthFunctions.Publishing.Rendering;

/// <summary>
/// Applies the URL part of <see cref="HtmlSafetyPolicy"/> to Markdown links, images and autolinks in the
/// syntax tree, before rendering: a link with a refused URL keeps its text and loses the link, an image
/// with one is left out, and each refusal becomes a warning. Safe external links get
/// <c>rel="noopener noreferrer"</c> and images <c>loading="lazy"</c>.
/// </summary>
internal static class MarkdownLinkGuard
{
    private const int ShownUrlLength = 60;

    public static void Apply(MarkdownDocument document, ICollection<string>? warnings)
    {
        var links = MarkdownWalk.Inlines(document, inline => inline is LinkInline or AutolinkInline);
        foreach (var link in links.OfType<LinkInline>())
        {
            if (!UrlSchemes.IsAllowed(link.Url))
            {
                warnings?.Add(link.IsImage
                    ? $"image '{Shown(link.Url)}' was left out: {UrlSchemes.AllowedText}."
                    : $"link '{Shown(link.Url)}' was removed (its text is kept): {UrlSchemes.AllowedText}.");
                if (link.IsImage)
                {
                    link.Remove();
                }
                else
                {
                    Unwrap(link);
                }

                continue;
            }

            if (link.IsImage)
            {
                link.GetAttributes().AddPropertyIfNotExist("loading", "lazy");
            }
            else if (UrlSchemes.IsWeb(link.Url))
            {
                link.GetAttributes().AddPropertyIfNotExist("rel", "noopener noreferrer");
            }
        }

        foreach (var autolink in links.OfType<AutolinkInline>())
        {
            if (autolink.IsEmail)
            {
                continue;
            }

            if (!UrlSchemes.IsAllowed(autolink.Url))
            {
                warnings?.Add($"link '{Shown(autolink.Url)}' was removed (its text is kept): {UrlSchemes.AllowedText}.");
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
            else if (UrlSchemes.IsWeb(autolink.Url))
            {
                autolink.GetAttributes().AddPropertyIfNotExist("rel", "noopener noreferrer");
            }
        }
    }

    /// <summary>Puts the link's children where the link was.</summary>
    private static void Unwrap(LinkInline link)
    {
        var child = link.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            link.InsertBefore(child);
            child = next;
        }

        link.Remove();
    }

    private static string Shown(string? url)
    {
        var text = new string((url ?? string.Empty).Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        return text.Length <= ShownUrlLength
            ? text
            : string.Create(CultureInfo.InvariantCulture, $"{text[..ShownUrlLength]}…");
    }
}
