using System.Globalization;
using System.Text;

namespace HealthFunctions.Publishing.Rendering;

/// <summary>
/// Stand-ins for pieces of trusted HTML inside a run that goes through the sanitiser: U+E000, the
/// piece's number, U+E001. They are private-use characters, which the sanitiser keeps as text and the
/// serialiser writes unchanged, so after sanitising each can be swapped back for its piece.
/// </summary>
internal static class Placeholders
{
    public const char Start = HtmlSafetyPolicy.MarkerCharacter;
    public const char End = '\uE001';

    public static string For(int index) => string.Create(CultureInfo.InvariantCulture, $"{Start}{index}{End}");

    /// <summary>
    /// True when the only marker characters in <paramref name="template"/> are placeholders 0 to
    /// <paramref name="count"/> - 1, each once and in order: nothing an author wrote imitates one.
    /// </summary>
    public static bool AreOnlyOurs(string template, int count)
    {
        var expected = 0;
        var at = 0;
        while (true)
        {
            var found = template.AsSpan(at).IndexOfAny(Start, End);
            if (found < 0)
            {
                return expected == count;
            }

            at += found;
            if (template[at] != Start || !TryRead(template, at, out var index, out var next) || index != expected)
            {
                return false;
            }

            expected++;
            at = next;
        }
    }

    /// <summary>
    /// Puts each piece back in place of its placeholder. Marker characters that do not form a
    /// placeholder with a known number are copied as they are.
    /// </summary>
    public static string Substitute(string sanitized, IReadOnlyList<string> pieces)
    {
        if (sanitized.IndexOf(Start, StringComparison.Ordinal) < 0)
        {
            return sanitized;
        }

        var result = new StringBuilder(sanitized.Length + pieces.Sum(piece => piece.Length));
        var copied = 0;
        var at = 0;
        while ((at = sanitized.IndexOf(Start, at)) >= 0)
        {
            if (TryRead(sanitized, at, out var index, out var next) && index < pieces.Count)
            {
                result.Append(sanitized, copied, at - copied).Append(pieces[index]);
                copied = next;
                at = next;
            }
            else
            {
                at++;
            }
        }

        return result.Append(sanitized, copied, sanitized.Length - copied).ToString();
    }

    private static bool TryRead(string text, int start, out int index, out int next)
    {
        index = 0;
        next = start + 1;
        while (next < text.Length && char.IsAsciiDigit(text[next]) && next - start <= 9)
        {
            index = (index * 10) + (text[next] - '0');
            next++;
        }

        if (next == start + 1 || next >= text.Length || text[next] != End)
        {
            return false;
        }

        next++;
        return true;
    }
}
