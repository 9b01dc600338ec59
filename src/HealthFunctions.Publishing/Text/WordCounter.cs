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
/// <remarks>
/// Text may arrive in pieces (<see cref="Add"/>): pieces of one passage continue each other, so a word
/// split across two pieces counts once; <see cref="EndPassage"/> separates passages, as a paragraph
/// break does. This lets the renderer count a post straight from its syntax tree without first
/// building the text.
/// </remarks>
public sealed class WordCounter
{
    private bool _inWord;
    private bool _afterJoiner;

    /// <summary>Words counted so far.</summary>
    public int Words { get; private set; }

    public static int Count(string text)
    {
        var counter = new WordCounter();
        counter.Add(text);
        return counter.Words;
    }

    public static int Count(IEnumerable<string> texts) => texts.Sum(Count);

    /// <summary>Counts the words in the next piece of the current passage.</summary>
    public void Add(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            // Most post text is ASCII, where a char is a whole character and never a combining mark.
            bool letterOrDigit, mark, joiner;
            if (char.IsAscii(text[0]))
            {
                letterOrDigit = char.IsAsciiLetterOrDigit(text[0]);
                mark = false;
                joiner = text[0] is '\'' or '-' or '.' or '_';
                text = text[1..];
            }
            else
            {
                Rune.DecodeFromUtf16(text, out var rune, out var consumed);
                text = text[consumed..];
                letterOrDigit = Rune.IsLetterOrDigit(rune);
                mark = IsMark(rune);
                joiner = rune.Value is '\u2019';
            }

            if (_afterJoiner)
            {
                // A joiner keeps the word going only when a letter or digit follows it.
                _afterJoiner = false;
                if (letterOrDigit)
                {
                    continue;
                }

                _inWord = false;
            }

            if (letterOrDigit || (_inWord && mark))
            {
                if (!_inWord)
                {
                    Words++;
                    _inWord = true;
                }
            }
            else if (_inWord && joiner)
            {
                _afterJoiner = true;
            }
            else
            {
                _inWord = false;
            }
        }
    }

    /// <summary>Ends the current passage: the next piece starts a new word.</summary>
    public void EndPassage()
    {
        _inWord = false;
        _afterJoiner = false;
    }

    private static bool IsMark(Rune rune) => Rune.GetUnicodeCategory(rune)
        is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}
