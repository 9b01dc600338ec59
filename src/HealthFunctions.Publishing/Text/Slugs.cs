using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AnyAscii;

namespace HealthFunctions.Publishing.Text;

/// <summary>Makes stable, lower-case, URL-safe slugs (<c>[a-z0-9-]</c>) from any Unicode text.</summary>
public static partial class Slugs
{
    public const int MaxLength = 80;

    /// <summary>
    /// Builds a slug. Letters of any script are spelled in ASCII by AnyAscii (<c>Ünïcödé</c> →
    /// <c>unicode</c>, <c>Сон и здоровье</c> → <c>son-i-zdorove</c>, <c>수면 건강</c> →
    /// <c>sumyeon-geongang</c>); symbols and emoji separate words. Text with no letters or digits at
    /// all gets <c>post-</c> and a short hash of the text, so it stays stable.
    /// </summary>
    public static string From(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var pendingHyphen = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                if (rune.Value == '&')
                {
                    Spell(" and ");
                }
                else
                {
                    Append((char)rune.Value);
                }
            }
            else if (rune.Value == '\u2019' || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                // A typographic apostrophe joins its word (don’t → dont); combining accents belong to their letter.
            }
            else if (Rune.IsLetterOrDigit(rune) || Rune.IsNumber(rune))
            {
                Spell(rune.ToString().Transliterate());
            }
            else
            {
                pendingHyphen = true;
            }
        }

        var slug = builder.ToString().Trim('-');
        if (slug.Length > MaxLength)
        {
            var cut = slug.LastIndexOf('-', MaxLength);
            slug = (cut > MaxLength / 2 ? slug[..cut] : slug[..MaxLength]).Trim('-');
        }

        if (slug.Length == 0)
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.Trim()));
            slug = "post-" + Convert.ToHexStringLower(hash)[..10];
        }

        return slug;

        void Spell(string ascii)
        {
            foreach (var c in ascii)
            {
                Append(c);
            }
        }

        void Append(char c)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                pendingHyphen = false;
                builder.Append(c);
            }
            else if (c is >= 'A' and <= 'Z')
            {
                Append(char.ToLowerInvariant(c));
            }
            else if (c != '\'' && c != '\u2019')
            {
                pendingHyphen = true;
            }
        }
    }

    /// <summary>True when <paramref name="value"/> is already a slug this system would produce.</summary>
    public static bool IsValid(string? value) =>
        value is { Length: > 0 and <= MaxLength } && ValidSlug().IsMatch(value);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ValidSlug();
}
