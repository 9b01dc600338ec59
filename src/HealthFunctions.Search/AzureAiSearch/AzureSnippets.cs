using System.Net;
using System.Text;
using HealthFunctions.Search.Lucene;

namespace HealthFunctions.Search.AzureAiSearch;

/// <summary>
/// Snippets from Azure AI Search highlights. The service returns the matched text raw, with its
/// highlight tags around matches; we ask for two private-use characters as tags (taken out of every
/// document when it is indexed), HTML-escape all the text, and turn the markers, balanced, into
/// <c>&lt;mark&gt;</c>. So, as with the embedded index, only <c>&lt;mark&gt;</c> is unescaped.
/// </summary>
public static class AzureSnippets
{
    public const string MarkStart = "\uE000";
    public const string MarkEnd = "\uE001";

    /// <summary>The first body highlight, else the first excerpt highlight, else the start of the excerpt.</summary>
    public static string For(IReadOnlyDictionary<string, IReadOnlyList<string>> highlights, string excerpt)
    {
        ArgumentNullException.ThrowIfNull(highlights);
        ArgumentNullException.ThrowIfNull(excerpt);
        foreach (var field in new[] { AzureIndexFields.Body, AzureIndexFields.Excerpt })
        {
            if (highlights.TryGetValue(field, out var fragments) && fragments.FirstOrDefault(f => !string.IsNullOrWhiteSpace(f)) is { } fragment)
            {
                return Marked(fragment.Trim());
            }
        }

        var plain = excerpt.Length <= Snippets.FragmentChars ? excerpt : excerpt[..Snippets.FragmentChars] + "…";
        return WebUtility.HtmlEncode(plain);
    }

    /// <summary>Escapes the fragment and turns its markers into balanced <c>&lt;mark&gt;</c> elements.</summary>
    public static string Marked(string fragment)
    {
        ArgumentNullException.ThrowIfNull(fragment);
        var html = new StringBuilder(fragment.Length + 32);
        var text = new StringBuilder();
        var open = false;
        foreach (var c in fragment)
        {
            if (c is not (MarkStartChar or MarkEndChar))
            {
                text.Append(c);
                continue;
            }

            html.Append(WebUtility.HtmlEncode(text.ToString()));
            text.Clear();
            if (c == MarkStartChar && !open)
            {
                html.Append("<mark>");
                open = true;
            }
            else if (c == MarkEndChar && open)
            {
                html.Append("</mark>");
                open = false;
            }
        }

        html.Append(WebUtility.HtmlEncode(text.ToString()));
        if (open)
        {
            html.Append("</mark>");
        }

        return html.ToString();
    }

    private const char MarkStartChar = '\uE000';
    private const char MarkEndChar = '\uE001';
}
