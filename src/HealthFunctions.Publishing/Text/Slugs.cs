using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace HealthFunctions.Publishing.Text;

/// <summary>Makes stable, lower-case, URL-safe slugs (<c>[a-z0-9-]</c>) from any Unicode text.</summary>
public static partial class Slugs
{
    public const int MaxLength = 80;

    private static readonly Dictionary<char, string> Letters = new()
    {
        ['ß'] = "ss",
        ['æ'] = "ae",
        ['Æ'] = "ae",
        ['ø'] = "o",
        ['Ø'] = "o",
        ['œ'] = "oe",
        ['Œ'] = "oe",
        ['đ'] = "d",
        ['Đ'] = "d",
        ['ð'] = "d",
        ['Ð'] = "d",
        ['þ'] = "th",
        ['Þ'] = "th",
        ['ẞ'] = "ss",
        ['ħ'] = "h",
        ['Ħ'] = "h",
        ['ł'] = "l",
        ['Ł'] = "l",
        ['ı'] = "i",
        ['&'] = " and ",
    };

    /// <summary>
    /// Builds a slug. Accents are dropped (<c>Ünïcödé</c> → <c>unicode</c>); text with no Latin
    /// letters or digits at all gets <c>post-</c> and a short hash of the text, so it stays stable.
    /// </summary>
    public static string From(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingHyphen = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (Letters.TryGetValue(c, out var replacement))
            {
                foreach (var r in replacement)
                {
                    Append(r);
                }

                continue;
            }

            Append(c);
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
