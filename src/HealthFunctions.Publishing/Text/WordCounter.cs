using System.Globalization;
using System.Text;

namespace HealthFunctions.Publishing.Text;

/// <summary>
/// Counts words the way a reader would: a word is a run of letters or digits (in any script, including
/// letters outside the Basic Multilingual Plane), with any combining marks that follow them; an
/// apostrophe, hyphen, period or underscore between two such characters keeps the run going
/// (<c>don't</c>, <c>IV-infusion</c>, <c>3.5</c> are one word each). Punctuation, symbols and emoji
/// are not words. Scripts written without spaces (Chinese, Japanese) count one word per unbroken run.
/// </summary>
public static class WordCounter
{
    public static int Count(string text)
    {
        var words = 0;
        var inWord = false;
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            // Most post text is ASCII, where a char is a whole character and never a combining mark.
            bool wordCharacter, joiner;
            if (char.IsAscii(rest[0]))
            {
                wordCharacter = char.IsAsciiLetterOrDigit(rest[0]);
                joiner = rest[0] is '\'' or '-' or '.' or '_';
                rest = rest[1..];
            }
            else
            {
                Rune.DecodeFromUtf16(rest, out var rune, out var consumed);
                rest = rest[consumed..];
                wordCharacter = Rune.IsLetterOrDigit(rune) || (inWord && IsMark(rune));
                joiner = IsJoiner(rune);
            }

            if (wordCharacter)
            {
                if (!inWord)
                {
                    words++;
                    inWord = true;
                }
            }
            else if (inWord && joiner && StartsWithLetterOrDigit(rest))
            {
                // stays inside the word
            }
            else
            {
                inWord = false;
            }
        }

        return words;
    }

    public static int Count(IEnumerable<string> texts) => texts.Sum(Count);

    private static bool StartsWithLetterOrDigit(ReadOnlySpan<char> text) =>
        !text.IsEmpty && (char.IsAscii(text[0])
            ? char.IsAsciiLetterOrDigit(text[0])
            : Rune.DecodeFromUtf16(text, out var next, out _) == System.Buffers.OperationStatus.Done && Rune.IsLetterOrDigit(next));

    private static bool IsMark(Rune rune) => Rune.GetUnicodeCategory(rune)
        is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static bool IsJoiner(Rune rune) => rune.Value is '\'' or '\u2019' or '-' or '.' or '_';
}
