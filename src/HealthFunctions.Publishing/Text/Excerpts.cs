using System.Globalization;
using System.Text;

namespace HealthFunctions.Publishing.Text;

/// <summary>Plain-text excerpts cut at a word boundary, never inside a word or a surrogate pair.</summary>
public static class Excerpts
{
    public const string Ellipsis = "\u2026";

    /// <summary>Collapses all white space to single spaces and trims.</summary>
    public static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Shortens <paramref name="text"/> to at most <paramref name="maxLength"/> characters plus an
    /// ellipsis. The cut falls on the last space that fits; a single word longer than the limit is
    /// cut on a character (grapheme) boundary.
    /// </summary>
    public static string Cut(string text, int maxLength)
    {
        var collapsed = Collapse(text);
        if (collapsed.Length <= maxLength)
        {
            return collapsed;
        }

        var space = collapsed.LastIndexOf(' ', maxLength);
        string head;
        if (space > 0)
        {
            head = collapsed[..space];
        }
        else
        {
            var end = 0;
            var graphemes = StringInfo.GetTextElementEnumerator(collapsed);
            while (graphemes.MoveNext() && graphemes.ElementIndex + graphemes.GetTextElement().Length <= maxLength)
            {
                end = graphemes.ElementIndex + graphemes.GetTextElement().Length;
            }

            head = collapsed[..end];
        }

        return head.TrimEnd(' ', ',', ';', ':', '-', '\u2013', '\u2014', '(', '.') + Ellipsis;
    }
}
